import { describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { rows } from '../src/analysis/sql';
import { openDatabase } from '../src/db/open';
import { adminUrl, createScratchDatabase, engineAvailable } from './support/env';

// Runs in the server-postgres project only (vitest.config.ts): it ends a real server's sessions.
describe.skipIf(!(await engineAvailable()))('the PostgreSQL pool', () => {
  it('survives the server ending its idle connections, and the next query opens a new one', async () => {
    const scratch = await createScratchDatabase();
    const database = await openDatabase({ url: scratch.url });
    const warnings: string[] = [];
    const onWarning = (w: Error) => warnings.push(w.message);
    process.on('warning', onWarning);
    try {
      const run = async () => (await rows<{ pid: number }>(database.db, sql`select pg_backend_pid() as pid`))[0]!.pid;
      await Promise.all([run(), run(), run()]); // several idle connections in the pool
      const admin = new pg.Client({ connectionString: adminUrl });
      await admin.connect();
      const name = new URL(scratch.url).pathname.slice(1);
      const ended = await admin.query<{ n: number }>(
        'select count(*)::int as n from (select pg_terminate_backend(pid) from pg_stat_activity where datname = $1) t',
        [name],
      );
      await admin.end();
      expect(ended.rows[0]!.n).toBeGreaterThan(0);
      // The pool hears of it as its idle clients read the server's goodbye; the process must not end.
      await expect.poll(() => warnings.filter((w) => w.includes('PostgreSQL closed a connection')).length).toBeGreaterThan(0);
      expect(await run()).toBeGreaterThan(0);
    } finally {
      process.off('warning', onWarning);
      await database.close();
      await scratch.drop();
    }
  });
});

describe.skipIf(!(await engineAvailable()))('a connection ended inside a transaction', () => {
  it('fails that transaction, not the process, and the next query works', async () => {
    const scratch = await createScratchDatabase();
    const database = await openDatabase({ url: scratch.url });
    try {
      const run = async () => (await rows<{ pid: number }>(database.db, sql`select pg_backend_pid() as pid`))[0]!.pid;
      let started!: (pid: number) => void;
      const pidInTx = new Promise<number>((r) => (started = r));
      let release!: () => void;
      const paused = new Promise<void>((r) => (release = r));
      const tx = database.db.transaction(async (t) => {
        started((await rows<{ pid: number }>(t, sql`select pg_backend_pid() as pid`))[0]!.pid);
        await paused; // the connection is checked out, between two statements
        await t.execute(sql`select 1`);
      });
      const pid = await pidInTx;
      const admin = new pg.Client({ connectionString: adminUrl });
      await admin.connect();
      await admin.query('select pg_terminate_backend($1)', [pid]);
      await admin.end();
      await new Promise((r) => setTimeout(r, 200)); // the client reads the server's goodbye while checked out
      release();
      await expect(tx).rejects.toThrow();
      expect(await run()).toBeGreaterThan(0);
    } finally {
      await database.close();
      await scratch.drop();
    }
  });
});
