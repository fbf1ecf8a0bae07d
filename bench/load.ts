import { sql } from 'drizzle-orm';
import type { Deps } from '../apps/server/src/context';
import { seedDemo } from '../apps/server/src/demo/seed';
import { writableColumns } from './lib';

/**
 * Bulk-load N petitions: the demo generator drives `base` petitions through the real core (every state and clock
 * one the rules allow), then copies of them, with new ids and tracking codes, fill the database up to N in
 * set-based INSERT … SELECT statements (petitions, events, clocks, petitioners), repeat links remapped within a copy.
 */
export async function bulkLoad(deps: Deps, n: number, base = 5_000, log: (s: string) => void = () => undefined) {
  const t0 = performance.now();
  const first = Math.min(n, base);
  await seedDemo(deps, { petitions: first });
  const seeded = performance.now();
  log(`  demo generator: ${first} petitions in ${((seeded - t0) / 1000).toFixed(1)} s`);
  const extra = n - first;
  if (extra > 0) {
    const db = deps.db;
    const copies = Math.ceil(extra / first);
    await db.execute(sql.raw(`create table bench_map as
      select old_id, k, gen_random_uuid() as new_id from (
        select p.id as old_id, k from petitions p cross join generate_series(1, ${copies}) k order by k, p.id limit ${extra}) s`));
    await db.execute(sql.raw(`create unique index on bench_map (old_id, k)`));
    await db.execute(sql.raw(`analyze bench_map`));
    const cols = await writableColumns(db, 'petitions');
    const override: Record<string, string> = {
      id: 'm.new_id',
      tracking_code: `p.tracking_code || '-' || m.k`,
      idempotency_key: 'null',
      idempotency_fingerprint: 'null',
      repeat_of: 'r.new_id',
      state: `jsonb_set(jsonb_set(p.state, '{id}', to_jsonb(m.new_id::text)), '{repeatOf}', coalesce(to_jsonb(r.new_id::text), 'null'::jsonb))`,
    };
    await db.execute(sql.raw(`insert into petitions (${cols.join(', ')})
      select ${cols.map((c) => override[c] ?? `p.${c}`).join(', ')}
      from bench_map m join petitions p on p.id = m.old_id
      left join bench_map r on r.old_id = p.repeat_of and r.k = m.k`));
    const copy = async (table: string, map: Record<string, string>) => {
      const cs = (await writableColumns(db, table)).filter((c) => !(c === 'id' && table === 'petition_events'));
      await db.execute(sql.raw(`insert into ${table} (${cs.join(', ')})
        select ${cs.map((c) => map[c] ?? `x.${c}`).join(', ')} from ${table} x join bench_map m on m.old_id = x.petition_id`));
    };
    await copy('petition_events', { petition_id: 'm.new_id' });
    await copy('petition_clocks', { petition_id: 'm.new_id' });
    await copy('petitioners', { id: 'gen_random_uuid()', petition_id: 'm.new_id' });
    await db.execute(sql.raw(`drop table bench_map`));
  }
  // As after any bulk import: statistics, and the visibility map that lets the overdue counts be an index-only
  // scan (without it the planner reads a county's 380,000 index entries and their rows: 130 ms instead of 17).
  await deps.db.execute(sql.raw('vacuum analyze'));
  log(`  copies: ${extra} petitions in ${((performance.now() - seeded) / 1000).toFixed(1)} s`);
  return { seconds: (performance.now() - t0) / 1000, generated: first, copied: extra };
}

