// Many rows in one parameter: `insert … select … from jsonb_populate_recordset(null::table, $1)`. The statement
// text stays the same whatever the number of rows, and one JSON parameter costs far less to build (here) and
// to bind (in PostgreSQL) than a parameter per value: registration writes a few hundred values a petition.

import { getTableColumns, sql, type SQL } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';

/**
 * An INSERT of `rows` as one jsonb parameter, for running or composing into one statement. A column no row
 * gives takes its default; a row without a column that others give stores NULL there. Values go as JSON: dates
 * as ISO strings, arrays as arrays, jsonb columns as their JSON; bytea (Buffer) is not supported.
 */
export function insertJsonRows<T extends PgTable>(table: T, rows: readonly T['$inferInsert'][], opts: { onConflictDoNothing?: boolean } = {}): SQL {
  const columns = Object.entries(getTableColumns(table)).filter(([key]) => rows.some((r) => (r as Record<string, unknown>)[key] !== undefined));
  const data = rows.map((r) => {
    const out: Record<string, unknown> = {};
    for (const [key, column] of columns) {
      const v = (r as Record<string, unknown>)[key];
      if (Buffer.isBuffer(v)) throw new Error(`insertJsonRows: ${column.name} is binary; insert it with parameters`);
      out[column.name] = v === undefined ? null : v;
    }
    return out;
  });
  const names = sql.raw(columns.map(([, c]) => `"${c.name}"`).join(', '));
  return sql`insert into ${table} (${names}) select ${names} from jsonb_populate_recordset(null::${table}, ${JSON.stringify(data)}::jsonb)${
    opts.onConflictDoNothing ? sql` on conflict do nothing` : sql``
  }`;
}
