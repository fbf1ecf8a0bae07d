import { describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { rows } from '../src/analysis/sql';
import { openDatabase, type Database, type Tx } from '../src/db/open';
import { adminUrl, createScratchDatabase, engineAvailable } from './support/env';

// Runs in the server-postgres project only (vitest.config.ts): it ends a real server's sessions.

const backendPid = async (db: Tx) => (await rows<{ pid: number }>(db, sql`select pg_backend_pid() as pid`))[0]!.pid;

/** Runs `text` as the administrator (to end another session's backends). */
async function asAdmin<T extends pg.QueryResultRow>(text: string, params: unknown[]) {
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    return await admin.query<T>(text, params);
  } finally {
    await admin.end();
  }
}

/** A pool on a scratch database, closed and dropped afterwards. */
async function withScratchPool(fn: (database: Database, url: string) => Promise<void>) {
  const scratch = await createScratchDatabase();
  const database = await openDatabase({ url: scratch.url });
  try {
    await fn(database, scratch.url);
  } finally {
    await database.close();
    await scratch.drop();
  }
}
describe.skipIf(!(await engineAvailable()))('the PostgreSQL pool', () => {
  it('survives the server ending its idle connections, and the next query opens a new one', async () => {
    const warnings: string[] = [];
    const onWarning = (w: Error) => warnings.push(w.message);
    process.on('warning', onWarning);
    try {
      await withScratchPool(async (database, url) => {
        const before = await Promise.all([backendPid(database.db), backendPid(database.db), backendPid(database.db)]); // several idle connections in the pool
        const ended = await asAdmin<{ n: number }>(
          'select count(*)::int as n from (select pg_terminate_backend(pid) from pg_stat_activity where datname = $1) t',
          [new URL(url).pathname.slice(1)],
        );
        expect(ended.rows[0]!.n).toBeGreaterThan(0);
        // The pool hears of it as each idle client reads the server's goodbye; the process must not end. Wait for
        // every one: a query sent before its client has read the goodbye fails (the request gets its error), and
        // that is not what this test is about.
        await expect
          .poll(() => warnings.filter((w) => w.includes('PostgreSQL closed a connection')).length)
          .toBeGreaterThanOrEqual(ended.rows[0]!.n);
        expect(before).not.toContain(await backendPid(database.db));
      });
    } finally {
      process.off('warning', onWarning);
    }
  });
});

describe.skipIf(!(await engineAvailable()))('a connection ended inside a transaction', () => {
  it('fails that transaction, not the process, and the next query works', async () => {
    await withScratchPool(async (database) => {
      let started!: (pid: number) => void;
      const pidInTx = new Promise<number>((r) => (started = r));
      let release!: () => void;
      const paused = new Promise<void>((r) => (release = r));
      const tx = database.db.transaction(async (t) => {
        started(await backendPid(t));
        await paused; // the connection is checked out, between two statements
        await t.execute(sql`select 1`);
      });
      await asAdmin('select pg_terminate_backend($1)', [await pidInTx]);
      await new Promise((r) => setTimeout(r, 200)); // the client reads the server's goodbye while checked out
      release();
      await expect(tx).rejects.toThrow();
      expect(await backendPid(database.db)).toBeGreaterThan(0);
    });
  });
});
