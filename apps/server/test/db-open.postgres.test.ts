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
      await expect.poll(() => warnings.filter((w) => w.includes('PostgreSQL closed an idle connection')).length).toBeGreaterThan(0);
      expect(await run()).toBeGreaterThan(0);
    } finally {
      process.off('warning', onWarning);
      await database.close();
      await scratch.drop();
    }
  });
});

describe('integer[] from PostgreSQL', () => {
  it('parses as node-postgres’s own parser does, faster', async () => {
    const { parseInt4Array } = await import('../src/db/open');
    expect(parseInt4Array('{}')).toEqual([]);
    expect(parseInt4Array('{5}')).toEqual([5]);
    expect(parseInt4Array('{-2147483648,0,2147483647,17}')).toEqual([-2147483648, 0, 2147483647, 17]);
    expect(parseInt4Array('{1,NULL,3}')).toEqual([1, null, 3]);
    expect(parseInt4Array('{{1,2},{3,4}}')).toEqual([
      [1, 2],
      [3, 4],
    ]);
  });
});
