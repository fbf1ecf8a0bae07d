import pg from 'pg';

export type TestEngine = 'pglite' | 'postgres';

export const engine: TestEngine = process.env.QIAO_TEST_ENGINE === 'postgres' ? 'postgres' : 'pglite';
export const adminUrl = process.env.QIAO_TEST_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

let reachable: Promise<boolean> | undefined;

/** Whether this run's engine can be used. In CI a missing PostgreSQL is a failure, never a skip. */
export function engineAvailable(): Promise<boolean> {
  if (engine === 'pglite') return Promise.resolve(true);
  reachable ??= (async () => {
    const c = new pg.Client({ connectionString: adminUrl, connectionTimeoutMillis: 3000 });
    try {
      await c.connect();
      await c.end();
      return true;
    } catch (e) {
      if (process.env.CI) throw new Error(`PostgreSQL at ${adminUrl} is required in CI: ${(e as Error).message}`);
      console.warn(
        `\n⚠️⚠️⚠️  SKIPPING the PostgreSQL server suites: no PostgreSQL at ${adminUrl} (${(e as Error).message}).\n` +
          `        Start it with: pg_ctlcluster --skip-systemctl-redirect $(ls /etc/postgresql) main start\n`,
      );
      return false;
    }
  })();
  return reachable;
}

/** A fresh, uniquely named database for one test file; dropped afterwards. */
export async function createScratchDatabase(): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = `qiao_test_${process.pid}_${Math.random().toString(36).slice(2, 10)}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      const c = new pg.Client({ connectionString: adminUrl });
      await c.connect();
      await c.query(`drop database if exists ${name} with (force)`);
      await c.end();
    },
  };
}
