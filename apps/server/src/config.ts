import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { DayCounting } from '@qiao/core';
import { newSecret, parseSecret } from './lib/crypto';

export interface Config {
  host: string;
  port: number;
  /** PostgreSQL when set; otherwise PGlite in dataDir. */
  databaseUrl: string | undefined;
  dataDir: string;
  secret: Buffer;
  dayCounting: DayCounting;
  tokenTtlSeconds: number;
  logLevel: string;
}

/** Read the configuration from the environment. Embedded mode generates its secret into the data folder. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const databaseUrl = env.DATABASE_URL || undefined;
  const dataDir = resolve(env.QIAO_DATA_DIR ?? './data');
  const dayCounting = env.QIAO_DAY_COUNTING ?? 'calendar';
  if (dayCounting !== 'calendar' && dayCounting !== 'working')
    throw new Error(`QIAO_DAY_COUNTING must be "calendar" or "working", not "${dayCounting}"`);
  return {
    host: env.HOST ?? '127.0.0.1',
    port: Number(env.PORT ?? 3000),
    databaseUrl,
    dataDir,
    secret: loadSecret(env.QIAO_SECRET_KEY, databaseUrl, dataDir),
    dayCounting,
    tokenTtlSeconds: Number(env.QIAO_TOKEN_TTL_SECONDS ?? 12 * 3600),
    logLevel: env.LOG_LEVEL ?? 'info',
  };
}

function loadSecret(fromEnv: string | undefined, databaseUrl: string | undefined, dataDir: string): Buffer {
  if (fromEnv) return parseSecret(fromEnv);
  if (databaseUrl)
    throw new Error(
      'QIAO_SECRET_KEY is required with DATABASE_URL: personal data is encrypted with it. ' +
        'Generate one with: node -e "console.log(require(\'crypto\').randomBytes(32).toString(\'hex\'))"',
    );
  // Embedded mode: the key lives beside the data it protects, readable by the owner only.
  mkdirSync(dataDir, { recursive: true });
  const file = join(dataDir, 'secret.key');
  if (!existsSync(file)) {
    writeFileSync(file, newSecret().toString('hex') + '\n', { mode: 0o600 });
    chmodSync(file, 0o600);
  }
  return parseSecret(readFileSync(file, 'utf8'));
}
