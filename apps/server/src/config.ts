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
  /** Minutes between the in-process deadline sweeps; 0 turns them off (run `qiao sweep` from cron instead). */
  sweepIntervalMinutes: number;
}

/** The longest delay a Node timer takes (about 24.8 days); a longer one fires at once, so it is refused. */
const MAX_TIMER_MINUTES = Math.floor((2 ** 31 - 1) / 60_000);

/** A whole number from the environment within [min, max], or a clear start-up error naming the variable. */
function whole(env: NodeJS.ProcessEnv, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < min || n > max) throw new Error(`${name} must be a whole number from ${min} to ${max}, not "${raw}"`);
  return n;
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
    port: whole(env, 'PORT', 3000, 0, 65_535),
    databaseUrl,
    dataDir,
    secret: loadSecret(env.QIAO_SECRET_KEY, databaseUrl, dataDir),
    dayCounting,
    tokenTtlSeconds: whole(env, 'QIAO_TOKEN_TTL_SECONDS', 12 * 3600, 60, 30 * 86_400),
    logLevel: env.LOG_LEVEL ?? 'info',
    sweepIntervalMinutes: whole(env, 'QIAO_SWEEP_INTERVAL_MINUTES', 60, 0, MAX_TIMER_MINUTES),
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
