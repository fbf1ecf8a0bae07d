import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import pg from 'pg';
import { lockDataDir } from './data-dir-lock';
import * as schema from './schema';

export type Db = PgDatabase<PgQueryResultHKT, typeof schema>;
/** A transaction or the database itself: queries work the same inside or outside one. */
export type Tx = Db | Parameters<Parameters<Db['transaction']>[0]>[0];
export type Engine = 'pglite' | 'postgres';

export interface Database {
  db: Db;
  engine: Engine;
  close(): Promise<void>;
}

/**
 * integer[] values (a fingerprint's 100–300 shingle hashes) parsed by splitting on commas: node-postgres's
 * generic array parser walks them character by character, which was a fifth of the CPU of the intake
 * suggestions (bench/intake-profile.ts --suggest). Arrays with NULLs or of several dimensions, which Qiao does not
 * store, go to the generic parser.
 */
// pg-types' TypeId enum names element types only; 1007 is PostgreSQL's int4[] (_int4).
const INT4_ARRAY_OID = 1007 as Parameters<typeof pg.types.getTypeParser>[0];
/** node-postgres's own parser (exported for the test that the fast one answers as it does). */
export const genericInt4Array = pg.types.getTypeParser(INT4_ARRAY_OID, 'text') as (s: string) => unknown;
export function parseInt4Array(s: string): unknown {
  if (s === '{}') return [];
  const end = s.length - 1;
  if (s.charCodeAt(0) !== 123 || s.charCodeAt(end) !== 125) return genericInt4Array(s); // not {…}: bounds
  // One pass over the characters: about 1.7 times as fast as split and Number (60 stored fingerprints a lookup).
  // Anything but digits, minus signs and commas (NULL, nested braces) goes to the generic parser.
  const out: number[] = [];
  let n = 0;
  let sign = 1;
  let digits = 0;
  for (let i = 1; i <= end; i++) {
    const c = i === end ? 44 : s.charCodeAt(i);
    if (c >= 48 && c <= 57) {
      n = n * 10 + (c - 48);
      digits++;
    } else if (c === 44 && digits > 0) {
      out.push(sign * n);
      n = 0;
      sign = 1;
      digits = 0;
    } else if (c === 45 && digits === 0 && sign === 1) sign = -1;
    else return genericInt4Array(s);
  }
  return out;
}
pg.types.setTypeParser(INT4_ARRAY_OID, 'text', parseInt4Array);

const migrationsFolder = fileURLToPath(new URL('../../drizzle', import.meta.url));

/**
 * PostgreSQL when a URL is given (production), otherwise PGlite in a data folder (the zero-set-up default).
 * Migrations run here, at every start, so a fresh folder or database is ready when this returns.
 */
export async function openDatabase(opts: { url?: string; dataDir?: string }): Promise<Database> {
  if (opts.url) {
    const pool = new pg.Pool({ connectionString: opts.url, max: 10 });
    let closing = false;
    const warn = (err: Error) => {
      if (!closing) process.emitWarning(`PostgreSQL closed a connection (${err.message}); a new one is opened when needed`);
    };
    // A connection the server ends (a restart, a failover, an administrator, DROP DATABASE … WITH (FORCE) right
    // after close) is an 'error' event of its client, which pg-pool passes on to the pool while the connection is
    // idle; an unheard 'error' event ends the process. The client's listener warns once in either case; the
    // pool's only has to exist. The statement running on it fails on its own (the request gets its error); the
    // pool drops the connection and opens a new one when needed.
    pool.on('connect', (client) => client.on('error', warn));
    pool.on('error', () => undefined);
    const db = drizzlePg(pool, { schema });
    await migratePg(db, { migrationsFolder });
    return {
      db: db as unknown as Db,
      engine: 'postgres',
      close: async () => {
        closing = true;
        await pool.end();
      },
    };
  }
  let unlock = () => {};
  if (opts.dataDir !== undefined && !opts.dataDir.includes('://')) {
    mkdirSync(opts.dataDir, { recursive: true });
    unlock = lockDataDir(opts.dataDir);
  }
  let client: PGlite | undefined;
  try {
    client = new PGlite(opts.dataDir ?? 'memory://');
    const db = drizzlePglite(client, { schema });
    await migratePglite(db, { migrationsFolder });
    const open = client;
    return {
      db: db as unknown as Db,
      engine: 'pglite',
      close: async () => {
        try {
          await open.close();
        } finally {
          unlock();
        }
      },
    };
  } catch (e) {
    await client?.close().catch(() => undefined);
    unlock();
    throw e;
  }
}
