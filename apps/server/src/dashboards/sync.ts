import { createHash } from 'node:crypto';
import { sql, type SQL } from 'drizzle-orm';
import type { Deps } from '../context';
import type { Tx } from '../db/open';
import { handlingUnitExpr } from '../db/schema';

/**
 * Keeping the dashboard rollups exact.
 *
 * `dashboard_facts` holds, per petition, the group it counts in and its 0/1 counts as last applied; the rollups
 * are the sums of the facts. A sync reads the event history after the last event it saw (every change of a
 * petition appends an event in the same transaction), recomputes the facts of those petitions (and of the earlier
 * petitions they repeat) from the committed rows, and adds the difference to the rollups, all in one transaction.
 * Recomputing from the current row makes a sync idempotent; event ids that were not visible yet (a transaction
 * still open, or rolled back) are kept as gaps and read again until they appear or expire. A change of the clock
 * settings or holidays (which changes stored lateness without events) makes the next sync rebuild everything.
 *
 * Every dashboard request syncs first, so the figures include every committed change.
 */

/** Snake-case columns of the counts, in the order of core/metrics `measureCountKeys`. */
export const measureSqlColumns = [
  'received',
  'repeats',
  'online',
  'first_concluded',
  'first_resolved',
  'replied',
  'replied_on_time',
  'acceptance_decided',
  'acceptance_timely',
  'rated',
  'satisfied',
  'forwarded',
  'assigned',
  'supervised',
  'suggestions',
  'suggestions_adopted',
] as const;

const factDims = [
  'month',
  'county',
  'jurisdiction_code',
  'domain',
  'channel',
  'category',
  'unit_id',
  'accused_unit_id',
  'units',
  'involved_unit_ids',
  'submitted_by_user_id',
  'received_on',
] as const;
const factColumns = ['petition_id', ...factDims, ...measureSqlColumns] as const;
const mainDims = ['month', 'county', 'domain', 'channel', 'category', 'accused_unit_id'] as const;
const unitDims = ['month', 'county', 'unit_id', 'accused_unit_id'] as const;
/** Each rollup by month, and its version by day received (the part month of a year-on-year comparison). */
const rollups = [
  { table: 'dashboard_rollup', dims: mainDims },
  { table: 'dashboard_day_rollup', dims: ['received_on', ...mainDims] },
  { table: 'dashboard_unit_rollup', dims: unitDims },
  { table: 'dashboard_unit_day_rollup', dims: ['received_on', ...unitDims] },
] as const;
const scopeRollups = [
  { table: 'dashboard_scope_rollup', byDay: false },
  { table: 'dashboard_scope_day_rollup', byDay: true },
] as const;
const allRollups = [...rollups.map((r) => r.table), ...scopeRollups.map((r) => r.table)].join(', ');

const GAP_TTL_MS = 10 * 60_000;
const BATCH = 2_000;
/** How far back a sync (or rebuild) looks for ids of transactions that had not committed yet. */
const GAP_WINDOW = 1_000;
const LOCK_KEY = 7_000_701;

const raw = (s: string) => sql.raw(s);
const b = (cond: string) => `case when ${cond} then 1 else 0 end`;

/** The facts of petitions, computed from the petition row and its stored clocks. */
const FACTS_SELECT = `
select p.id as petition_id,
  to_char(p.received_on, 'YYYY-MM') as month,
  left(p.jurisdiction_code, 6) as county,
  p.jurisdiction_code,
  p.domain, p.channel, p.category,
  coalesce(${handlingUnitExpr('p')}, '') as unit_id,
  case when p.category = 'accusation' then array_to_string(p.respondent_unit_ids, ',') else '' end as accused_unit_id,
  array_remove(array[p.registering_unit_id, p.current_unit_id] || p.involved_unit_ids, null) as units,
  p.involved_unit_ids,
  p.submitted_by_user_id,
  p.received_on,
  1 as received,
  ${b(`p.repeat_of is not null`)} as repeats,
  ${b(`p.channel = 'online'`)} as online,
  ${b(`p.repeat_of is null and p.state->>'concludedOn' is not null`)} as first_concluded,
  ${b(`p.repeat_of is null and p.state->>'concludedOn' is not null and p.state->>'resolved' = 'true'
        and p.state->>'review' is null and not exists (select 1 from petitions r where r.repeat_of = p.id)`)} as first_resolved,
  ${b(`p.state->>'reply' is not null`)} as replied,
  ${b(`p.state->>'reply' is not null and h.late = false`)} as replied_on_time,
  ${b(`rn.status = 'ended'`)} as acceptance_decided,
  ${b(`rn.status = 'ended' and rn.late = false`)} as acceptance_timely,
  ${b(`p.state->>'rating' is not null`)} as rated,
  ${b(`p.state->>'rating' in ('satisfied', 'basicallySatisfied')`)} as satisfied,
  ${b(`p.state->>'routingMode' = 'forward'`)} as forwarded,
  ${b(`p.state->>'routingMode' = 'assign'`)} as assigned,
  ${b(`jsonb_array_length(coalesce(p.state->'supervisions', '[]'::jsonb)) > 0`)} as supervised,
  ${b(`p.category = 'suggestion'`)} as suggestions,
  ${b(`p.category = 'suggestion' and p.state->'reply'->>'outcome' = 'support'`)} as suggestions_adopted
from petitions p
left join petition_clocks h on h.petition_id = p.id and h.name = 'handling'
left join petition_clocks rn on rn.petition_id = p.id and rn.name = 'receiptNotice'`;

/**
 * The shape of the facts and rollups: bumped when a migration adds a fact or a rollup, so the first sync after
 * it rebuilds them all from the petitions (2: involved units and the per-unit scope rollup; 3: the rollups by day; 4: a unit's figures by
 * the unit that replied, core's `handlingUnitId`, not the unit holding the petition now).
 */
const FACTS_VERSION = 4;

/** Fingerprint of what stored lateness depends on (the counting mode and the holiday data) and of the facts' shape. */
export function settingsKey(deps: Deps): string {
  const s = deps.clockSettings.get().settings;
  return createHash('sha256')
    .update(JSON.stringify({ s, h: deps.clockSettings.holidays(), v: FACTS_VERSION }))
    .digest('hex')
    .slice(0, 32);
}

type SyncRow = { last_event_id: string | number; gaps: { id: number; seenAt: string }[]; settings_key: string };

export interface SyncResult {
  rebuilt: boolean;
  petitions: number;
  ms: number;
}

export async function rows<T>(db: Tx, query: SQL): Promise<T[]> {
  const res: unknown = await db.execute(query);
  return (res as { rows: T[] }).rows;
}

/** Bring the rollups up to every committed change. Serialised by an advisory lock. */
export async function syncDashboards(deps: Deps, opts: { rebuild?: boolean } = {}): Promise<SyncResult> {
  const started = performance.now();
  const key = settingsKey(deps);
  const now = deps.now();
  const result = await deps.db.transaction(async (tx): Promise<SyncResult> => {
    await tx.execute(sql`select pg_advisory_xact_lock(${LOCK_KEY})`);
    const [state] = await rows<SyncRow>(tx, sql`select last_event_id, gaps, settings_key from dashboard_sync where id = 1`);
    if (opts.rebuild || !state || state.settings_key !== key) {
      const n = await rebuild(tx, key, now);
      return { rebuilt: true, petitions: n, ms: performance.now() - started };
    }
    const last = Number(state.last_event_id);
    const live = state.gaps.filter((g) => now.getTime() - Date.parse(g.seenAt) < GAP_TTL_MS);
    const gapIds = live.map((g) => g.id);
    const events = await rows<{ id: string | number; petition_id: string }>(
      tx,
      sql`select id, petition_id from petition_events
          where id > ${last} ${gapIds.length ? sql`or id = any(${sql.raw(`'{${gapIds.join(',')}}'::bigint[]`)})` : sql``}
          order by id`,
    );
    if (events.length === 0) {
      if (live.length !== state.gaps.length) await saveSync(tx, last, live, key, null);
      return { rebuilt: false, petitions: 0, ms: performance.now() - started };
    }
    const seen = new Set(events.map((e) => Number(e.id)));
    const max = Math.max(last, ...seen);
    const gaps = live.filter((g) => !seen.has(g.id));
    for (let id = Math.max(last + 1, max - GAP_WINDOW); id < max; id++)
      if (!seen.has(id)) gaps.push({ id, seenAt: now.toISOString() });
    const ids = [...new Set(events.map((e) => e.petition_id))];
    const n = await recompute(tx, ids);
    await saveSync(tx, max, gaps, key, null);
    return { rebuilt: false, petitions: n, ms: performance.now() - started };
  });
  if (!result.rebuilt) return result;
  // Vacuum cannot run inside the rebuild's transaction. Until the refilled facts' pages are marked all-visible,
  // the rate drill-downs' index-only scans read every fact's row: a missed part's total took 60–174 ms at
  // 1,000,000 petitions instead of 14–38 ms, until autovacuum came by. The rebuild has committed by now: a vacuum
  // that fails (a statement timeout, a lock) leaves that to autovacuum rather than failing the request.
  await deps.db.execute(sql`vacuum dashboard_facts`).catch((err: unknown) => deps.log?.warn({ err }, 'vacuum after the rollup rebuild failed'));
  return { ...result, ms: performance.now() - started };
}

async function saveSync(tx: Tx, last: number, gaps: { id: number; seenAt: string }[], key: string, rebuiltAt: Date | null) {
  await tx.execute(sql`
    insert into dashboard_sync (id, last_event_id, gaps, settings_key, rebuilt_at)
    values (1, ${last}, ${JSON.stringify(gaps)}::jsonb, ${key}, ${(rebuiltAt ?? new Date(0)).toISOString()})
    on conflict (id) do update set last_event_id = excluded.last_event_id, gaps = excluded.gaps,
      settings_key = excluded.settings_key
      ${rebuiltAt ? sql`, rebuilt_at = excluded.rebuilt_at` : sql``}`);
}

const uuidArray = (ids: string[]) => sql.raw(`'{${ids.join(',')}}'::uuid[]`);

/** Recompute the facts of these petitions (and of the earlier petitions they repeat) and apply the difference. */
async function recompute(tx: Tx, petitionIds: string[]): Promise<number> {
  let total = 0;
  for (let i = 0; i < petitionIds.length; i += BATCH) {
    const chunk = petitionIds.slice(i, i + BATCH).filter((id) => /^[0-9a-f-]{36}$/i.test(id));
    const targets = await rows<{ repeat_of: string }>(
      tx,
      sql`select distinct repeat_of from petitions where id = any(${uuidArray(chunk)}) and repeat_of is not null`,
    );
    const ids = [...new Set([...chunk, ...targets.map((t) => t.repeat_of)])];
    await tx.execute(applySql(ids));
    total += ids.length;
  }
  return total;
}

const scopeDims = ['scope_unit_id', 'handles', 'accused_self', 'month', 'county', 'domain', 'channel', 'category', 'unit_id'] as const;
const scopeDimsOf = (byDay: boolean) => (byDay ? [...scopeDims, 'received_on'] : [...scopeDims]);

/**
 * Rows of `source` (facts, or signed fact differences) once for each distinct unit they name, with whether that
 * unit handles the petition (current or involved) and whether it is an accusation against that unit.
 */
function scopeRows(source: string, extra: string, byDay: boolean): string {
  return `select u.scope_unit_id, (u.scope_unit_id = d.unit_id or u.scope_unit_id = any(d.involved_unit_ids)) as handles,
      (u.scope_unit_id = any(string_to_array(d.accused_unit_id, ','))) as accused_self, d.month, d.county, d.domain, d.channel, d.category, d.unit_id,
      ${byDay ? 'd.received_on, ' : ''}${extra}
    from ${source} d cross join lateral (select distinct x as scope_unit_id from unnest(d.units) as x) u`;
}

function applySql(ids: string[]): SQL {
  const cols = factColumns.join(', ');
  const updates = factColumns
    .filter((c) => c !== 'petition_id')
    .map((c) => `${c} = excluded.${c}`)
    .join(', ');
  const delta = (dims: readonly string[], table: string) => {
    const sums = measureSqlColumns.map((m) => `sum(sign * ${m})::int as ${m}`).join(', ');
    const nonZero = measureSqlColumns.map((m) => `sum(sign * ${m}) <> 0`).join(' or ');
    const set = measureSqlColumns.map((m) => `${m} = ${table}.${m} + excluded.${m}`).join(', ');
    return `insert into ${table} (${dims.join(', ')}, ${measureSqlColumns.join(', ')})
      select ${dims.join(', ')}, ${sums} from delta group by ${dims.join(', ')} having ${nonZero}
      on conflict (${dims.join(', ')}) do update set ${set}`;
  };
  return sql`
    with fresh as (${raw(FACTS_SELECT)} where p.id = any(${uuidArray(ids)})),
    old as (select ${raw(cols)} from dashboard_facts where petition_id = any(${uuidArray(ids)})),
    saved as (
      insert into dashboard_facts (${raw(cols)}) select ${raw(cols)} from fresh
      on conflict (petition_id) do update set ${raw(updates)} returning 1),
    delta as (select 1 as sign, ${raw(cols)} from fresh union all select -1 as sign, ${raw(cols)} from old),
    ${raw(
      [
        ...rollups.map((r, i) => `r${i} as (${delta(r.dims, r.table)} returning 1)`),
        ...scopeRollups.map((r, i) => `s${i} as (${scopeDelta(r.table, r.byDay)} returning 1)`),
      ].join(',\n    '),
    )}
    select (select count(*) from saved) as saved,
      ${raw([...rollups.map((_, i) => `(select count(*) from r${i})`), ...scopeRollups.map((_, i) => `(select count(*) from s${i})`)].join(' + '))} as changed`;
}

function scopeDelta(t: string, byDay: boolean): string {
  const dims = scopeDimsOf(byDay);
  const sums = measureSqlColumns.map((m) => `sum(d.sign * d.${m})::int as ${m}`).join(', ');
  const nonZero = measureSqlColumns.map((m) => `sum(d.sign * d.${m}) <> 0`).join(' or ');
  const set = measureSqlColumns.map((m) => `${m} = ${t}.${m} + excluded.${m}`).join(', ');
  const groups = dims.map((_, i) => String(i + 1)).join(', ');
  return `insert into ${t} (${dims.join(', ')}, ${measureSqlColumns.join(', ')})
    ${scopeRows('delta', sums, byDay)} group by ${groups} having ${nonZero}
    on conflict (${dims.join(', ')}) do update set ${set}`;
}

/** Recompute every fact and rollup from the petitions (start-up of an empty rollup, settings change, on demand). */
async function rebuild(tx: Tx, key: string, now: Date): Promise<number> {
  const [top] = await rows<{ max: string | number | null }>(tx, sql`select max(id) as max from petition_events`);
  const max = Number(top?.max ?? 0);
  const recent = await rows<{ id: string | number }>(tx, sql`select id from petition_events where id > ${max - GAP_WINDOW}`);
  const seen = new Set(recent.map((r) => Number(r.id)));
  const gaps: { id: number; seenAt: string }[] = [];
  for (let id = Math.max(1, max - GAP_WINDOW); id < max; id++)
    if (!seen.has(id)) gaps.push({ id, seenAt: now.toISOString() });
  const cols = factColumns.join(', ');
  await tx.execute(sql.raw(`truncate dashboard_facts, ${allRollups}`));
  await tx.execute(sql`insert into dashboard_facts (${raw(cols)}) select ${raw(cols)} from (${raw(FACTS_SELECT)}) f`);
  const fill = (dims: readonly string[], table: string) =>
    sql.raw(`insert into ${table} (${dims.join(', ')}, ${measureSqlColumns.join(', ')})
      select ${dims.join(', ')}, ${measureSqlColumns.map((m) => `sum(${m})::int`).join(', ')}
      from dashboard_facts group by ${dims.join(', ')}`);
  for (const r of rollups) await tx.execute(fill(r.dims, r.table));
  const sums = measureSqlColumns.map((m) => `sum(d.${m})::int`).join(', ');
  for (const { table, byDay } of scopeRollups) {
    const dims = scopeDimsOf(byDay);
    await tx.execute(
      sql.raw(`insert into ${table} (${dims.join(', ')}, ${measureSqlColumns.join(', ')})
        ${scopeRows('dashboard_facts', sums, byDay)} group by ${dims.map((_, i) => String(i + 1)).join(', ')}`),
    );
  }
  const [count] = await rows<{ n: number }>(tx, sql`select count(*)::int as n from dashboard_facts`);
  // Statistics of the new rows now, not when autovacuum comes by: a rate's drill-down filters petitions by the
  // facts, and with the emptied table's statistics the planner started from every replied petition (200,000
  // petitions: 450 ms for a page instead of 30).
  await tx.execute(sql.raw(`analyze dashboard_facts, ${allRollups}`));
  await saveSync(tx, max, gaps, key, now);
  return count?.n ?? 0;
}
