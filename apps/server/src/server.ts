import { join } from 'node:path';
import { count } from 'drizzle-orm';
import { buildApp, type App } from './app';
import type { Config } from './config';
import type { Deps } from './context';
import { openDatabase, type Database } from './db/open';
import { deriveKeys } from './lib/crypto';
import { users } from './db/schema';
import { ClockSettingsStore } from './settings/clock-settings';
import { refoldQueued } from './petitions/refold';

export interface Runtime {
  config: Config;
  database: Database;
  deps: Deps;
}

/** Open the database (migrating it) and build the dependencies every command and the server share. */
export async function openRuntime(config: Config): Promise<Runtime> {
  const database = await openDatabase({ url: config.databaseUrl, dataDir: config.dataDir });
  const clockSettings = new ClockSettingsStore(database.db, config.dayCounting);
  await clockSettings.load();
  const deps: Deps = {
    db: database.db,
    keys: deriveKeys(config.secret),
    now: () => new Date(),
    clockSettings,
    tokenTtlSeconds: config.tokenTtlSeconds,
    modelPath: join(config.dataDir, 'model.json'), // analysis/model.ts retrainedModelPath (not imported: it loads jieba)
  };
  // Petitions a migration found folded by an older rule are folded again before anything reads them.
  await refoldQueued(deps);
  return { config, database, deps };
}

export async function isEmpty(deps: Deps): Promise<boolean> {
  const [row] = await deps.db.select({ n: count() }).from(users);
  return Number(row?.n ?? 0) === 0;
}

export async function listen(runtime: Runtime): Promise<App> {
  const app = await buildApp(runtime.deps, {
    logger: { level: runtime.config.logLevel },
  });
  await app.listen({ host: runtime.config.host, port: runtime.config.port });
  return app;
}
