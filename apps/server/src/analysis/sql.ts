// Small SQL helpers that behave the same on PGlite and node-postgres: arrays are sent as one PostgreSQL
// array literal (cast in the query), never expanded into a parameter list; raw results are read from `.rows`.

import { sql, type SQL } from 'drizzle-orm';
import type { Tx } from '../db/open';

function quote(s: string): string {
  return `"${s.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
}

/** A text[] parameter. */
export function textArray(values: readonly string[]): SQL {
  return sql`${`{${values.map(quote).join(',')}}`}::text[]`;
}

/** A uuid[] parameter. */
export function uuidArray(values: readonly string[]): SQL {
  return sql`${`{${values.map(quote).join(',')}}`}::uuid[]`;
}

/** A date[] parameter (YYYY-MM-DD strings). */
export function dateArray(values: readonly string[]): SQL {
  return sql`${`{${values.join(',')}}`}::date[]`;
}

/** Rows of a raw query. */
export async function rows<T>(tx: Tx, query: SQL): Promise<T[]> {
  const res: unknown = await tx.execute(query);
  return (res as { rows: T[] }).rows;
}

/** A date column may come back as a string or a Date depending on the driver; make it YYYY-MM-DD. */
export function isoDay(v: unknown): string {
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  return String(v).slice(0, 10);
}
