import { sql, type SQL } from 'drizzle-orm';
import { visibilityFilter, type VisibilityFilter } from '@qiao/core';
import { addCounts, addDays, lastDayOfMonth, zeroCounts, type MonthsAndDays, type LastYearPeriod, type MeasureCounts } from '@qiao/core';
import type { SessionUser } from '../auth/actor';
import type { Tx } from '../db/open';
import { visibilitySql } from '../petitions/repo';
import { measureSqlColumns, rows } from './sync';

/**
 * Which petitions a dashboard counts, and where their counts come from.
 *
 * The petitions are those the user may see (core/protection `visibilityFilter`, the same rule as every list)
 * within the requested jurisdiction. For a user who sees a jurisdiction subtree at county level or above, they
 * are: the rollup rows of that subtree (less accusations against the user's own unit), plus, read live, the few
 * petitions outside it that the user's unit registered or handled. Anyone else (a unit's handler, a proxy agent,
 * a town) is counted live from the per-petition facts, narrowed by an index first and checked with the same
 * visibility SQL as the petition list.
 */
export type Plan =
  | { kind: 'empty' }
  | { kind: 'rollup'; prefix: string; excludeAccused: string | null; exception: SQL | null; scope: Scope | null }
  | { kind: 'scope'; scope: Scope }
  | { kind: 'live'; where: SQL };

/**
 * Rows of `dashboard_scope_rollup` for one unit: the petitions it handles (a unit's staff), or every petition
 * naming it (a petition office's own), less accusations against it, within a county prefix, outside another.
 */
export interface Scope {
  unitId: string;
  handlesOnly: boolean;
  excludeSelfAccused: boolean;
  countyPrefix: string | null;
  outsidePrefix: string | null;
}

/** The list's rule for the `jurisdiction` filter: a 6-digit code stands for its subtree (339900 → 3399). */
export function filterPrefix(code: string): string {
  return code.length === 6 ? code.replace(/(00)+$/, '') : code;
}

const ROLLUP_MAX_PREFIX = 6;

/** The first string after every string starting with `prefix` (bytewise, as text_pattern_ops compares). */
function prefixEnd(prefix: string): string {
  return prefix.slice(0, -1) + String.fromCharCode(prefix.charCodeAt(prefix.length - 1) + 1);
}

const likePrefix = (column: SQL, prefix: string) => sql`${column} like ${prefix.replace(/[\\%_]/g, '\\$&') + '%'}`;

export function planFor(actor: SessionUser, jurisdiction: string | null): Plan {
  const filter = visibilityFilter(actor);
  const pf = jurisdiction === null ? null : filterPrefix(jurisdiction);
  const vis = visibilitySql(filter);
  const fj = sql.raw('f.jurisdiction_code');
  const inFilter = pf === null ? sql`true` : likePrefix(fj, pf);
  const live = (narrow: SQL) => ({ kind: 'live' as const, where: sql`${narrow} and ${inFilter} and ${vis}` });
  switch (filter.kind) {
    case 'none':
      return { kind: 'empty' };
    case 'submittedBy':
      return live(sql`f.submitted_by_user_id = ${filter.userId}`);
    case 'unit':
      // County-level or wider filters are read from the unit's scope rollup; a town's from the facts.
      if (pf === null || pf.length <= ROLLUP_MAX_PREFIX)
        return {
          kind: 'scope',
          scope: { unitId: filter.unitId, handlesOnly: true, excludeSelfAccused: filter.excludeAccusationsAgainstUnitId === filter.unitId, countyPrefix: pf, outsidePrefix: null },
        };
      return live(sql`f.units @> array[${filter.unitId}]::text[]`);
    case 'jurisdiction':
      return jurisdictionPlan(filter, pf, vis, inFilter, live);
  }
}

function jurisdictionPlan(
  filter: Extract<VisibilityFilter, { kind: 'jurisdiction' }>,
  pf: string | null,
  vis: SQL,
  inFilter: SQL,
  live: (narrow: SQL) => Plan,
): Plan {
  const pa = filter.jurisdictionPrefix;
  const unitPart = (outside: string | null): SQL | null => {
    if (filter.unitId === null) return null;
    const outsideSql =
      outside === null
        ? sql`true`
        : sql`(f.jurisdiction_code ~<~ ${outside} or f.jurisdiction_code ~>=~ ${prefixEnd(outside)})`;
    return sql`f.units @> array[${filter.unitId}]::text[] and ${outsideSql} and ${inFilter} and ${vis}`;
  };
  if (pa === null) {
    const part = unitPart(null);
    return part === null ? { kind: 'empty' } : { kind: 'live', where: part };
  }
  // The narrower of the user's subtree and the requested one; null when they do not overlap.
  const narrow = pf === null || pf.startsWith(pa) ? (pf ?? pa) : pa.startsWith(pf) ? pa : null;
  if (narrow !== null && narrow.length > ROLLUP_MAX_PREFIX) return live(likePrefix(sql.raw('f.jurisdiction_code'), narrow));
  if (narrow === null) {
    const part = unitPart(pa);
    return part === null ? { kind: 'empty' } : { kind: 'live', where: part };
  }
  // The unit's own petitions outside the user's subtree: from the scope rollup when the accused-unit rule is
  // the unit's own (always, for staff of a unit), else live.
  const scope: Scope | null =
    filter.unitId !== null && (filter.excludeAccusationsAgainstUnitId === null || filter.excludeAccusationsAgainstUnitId === filter.unitId)
      ? { unitId: filter.unitId, handlesOnly: false, excludeSelfAccused: filter.excludeAccusationsAgainstUnitId !== null, countyPrefix: pf, outsidePrefix: pa }
      : null;
  return {
    kind: 'rollup',
    prefix: narrow,
    excludeAccused: filter.excludeAccusationsAgainstUnitId,
    exception: scope === null ? unitPart(pa) : null,
    scope,
  };
}

export type Dimension = 'total' | 'month' | 'domain' | 'channel' | 'category' | 'county';
export type Period = 'current' | 'previous';

export interface GroupCounts {
  period: Period;
  dimension: Dimension;
  key: string;
  counts: MeasureCounts;
}

const measureList = measureSqlColumns.map((m) => `sum(s.${m})::int as ${m}`).join(', ');
const factMeasures = measureSqlColumns.map((m) => `f.${m}`).join(', ');
const bareMeasures = measureSqlColumns.join(', ');

function toCounts(r: Record<string, unknown>): MeasureCounts {
  const c = zeroCounts();
  const keys = Object.keys(c) as (keyof MeasureCounts)[];
  measureSqlColumns.forEach((col, i) => {
    c[keys[i]!] = Number(r[col] ?? 0);
  });
  return c;
}

/** Last year's months: those counted whole and the one counted up to a day (core/metrics `lastYearPeriod`). */
export type PreviousMonths = Pick<LastYearPeriod, 'months' | 'partial'>;

/** `(values ('2026-01', 'current'), …)`: a month may belong to both periods when they overlap. */
function monthPeriods(pairs: [string, Period][]): SQL {
  if (pairs.length === 0) return sql`(select null::text as month, null::text as period where false) as mp`;
  return sql`(values ${sql.join(
    pairs.map(([m, p]) => sql`(${m}::text, ${p}::text)`),
    sql`, `,
  )}) as mp(month, period)`;
}

/** Days received, for the rollups by day: `from`–`to` inclusive. */
interface Days {
  from: string;
  to: string;
}

/** The monthly rollups and their versions by day. */
export type Rollup = 'dashboard_rollup' | 'dashboard_unit_rollup';
const dayRollup: Record<Rollup | 'dashboard_scope_rollup', string> = {
  dashboard_rollup: 'dashboard_day_rollup',
  dashboard_unit_rollup: 'dashboard_unit_day_rollup',
  dashboard_scope_rollup: 'dashboard_scope_day_rollup',
};

const inDays = (alias: string, days: Days | null) =>
  days === null ? sql`` : sql` and ${sql.raw(alias)}.received_on between ${days.from} and ${days.to}`;

function fromScope(scope: Scope, dims: string, days: Days | null): SQL {
  const county = sql.raw('r.county');
  const where: SQL[] = [sql`r.scope_unit_id = ${scope.unitId}`];
  if (scope.handlesOnly) where.push(sql`r.handles`);
  if (scope.excludeSelfAccused) where.push(sql`not r.accused_self`);
  if (scope.countyPrefix !== null) where.push(likePrefix(county, scope.countyPrefix));
  if (scope.outsidePrefix !== null)
    where.push(sql`(${county} ~<~ ${scope.outsidePrefix} or ${county} ~>=~ ${prefixEnd(scope.outsidePrefix)})`);
  const table = days === null ? 'dashboard_scope_rollup' : dayRollup.dashboard_scope_rollup;
  return sql`select ${sql.raw(dims)}, ${sql.raw(bareMeasures)} from ${sql.raw(table)} r
    where ${sql.join(where, sql` and `)}${inDays('r', days)}`;
}

/** Per-petition facts (joined with their petition, for the visibility SQL of a live plan) as a source's rows. */
function fromFacts(dims: string, where: SQL, days: Days | null): SQL {
  return sql`select ${sql.raw(dims.split(', ').map((d) => `f.${d}`).join(', '))}, ${sql.raw(factMeasures)}
      from dashboard_facts f join petitions on petitions.id = f.petition_id where ${where}${inDays('f', days)}`;
}

/** The rows a plan counts: from the monthly rollups, or with `days` from the rollups by day within those days. */
function sources(plan: Exclude<Plan, { kind: 'empty' }>, table: Rollup, dims: string, days: Days | null = null): SQL {
  if (plan.kind === 'live') return fromFacts(dims, plan.where, days);
  if (plan.kind === 'scope') return fromScope(plan.scope, dims, days);
  const rollup = sql`select ${sql.raw(dims)}, ${sql.raw(bareMeasures)} from ${sql.raw(days === null ? table : dayRollup[table])} r
    where ${likePrefix(sql.raw('r.county'), plan.prefix)}
    ${plan.excludeAccused === null ? sql`` : sql`and not (${plan.excludeAccused} = any(string_to_array(r.accused_unit_id, ',')))`}${inDays('r', days)}`;
  if (plan.scope !== null) return sql`${rollup} union all ${fromScope(plan.scope, dims, days)}`;
  return plan.exception === null ? rollup : sql`${rollup} union all ${fromFacts(dims, plan.exception, days)}`;
}

/**
 * The rows of both periods, each tagged with its period. Last year's part month comes from the rollups by day:
 * the days up to the cut-off when they are fewer, else the whole month less the days after it, so at most half a
 * month of days is read.
 */
function periodRows(plan: Exclude<Plan, { kind: 'empty' }>, table: Rollup, dims: string, current: string[], previous: PreviousMonths): SQL {
  const pairs: [string, Period][] = [...current.map((m): [string, Period] => [m, 'current']), ...previous.months.map((m): [string, Period] => [m, 'previous'])];
  const cols = dims.split(', ').map((d) => `s.${d}`).join(', ');
  const part = previous.partial;
  let extra = sql``;
  if (part !== null) {
    const end = lastDayOfMonth(part.month);
    const fewerBefore = Number(part.through.slice(8)) * 2 <= Number(end.slice(8));
    const days = fewerBefore ? { from: `${part.month}-01`, to: part.through } : { from: addDays(part.through, 1), to: end };
    if (!fewerBefore) pairs.push([part.month, 'previous']);
    const measures = measureSqlColumns.map((m) => (fewerBefore ? `s.${m}` : `-s.${m} as ${m}`)).join(', ');
    extra = sql` union all select 'previous' as period, ${sql.raw(cols)}, ${sql.raw(measures)} from (${sources(plan, table, dims, days)}) s`;
  }
  return sql`select mp.period, ${sql.raw(cols)}, ${sql.raw(measureSqlColumns.map((m) => `s.${m}`).join(', '))}
    from (${sources(plan, table, dims)}) s join ${monthPeriods(pairs)} on mp.month = s.month${extra}`;
}

/** Counts by period × (total, month, domain, channel, category, county) in one statement. */
export async function groupCounts(db: Tx, plan: Plan, current: string[], previous: PreviousMonths): Promise<GroupCounts[]> {
  if (plan.kind === 'empty') return [];
  const src = periodRows(plan, 'dashboard_rollup', 'month, county, domain, channel, category', current, previous);
  const result = await rows<Record<string, unknown>>(
    db,
    sql`select s.period, grouping(s.month, s.domain, s.channel, s.category, s.county) as g,
          s.month, s.domain, s.channel, s.category, s.county, ${sql.raw(measureList)}
        from (${src}) s
        group by grouping sets ((s.period), (s.period, s.month), (s.period, s.domain), (s.period, s.channel),
          (s.period, s.category), (s.period, s.county))`,
  );
  // grouping() bits, most significant first: month, domain, channel, category, county (1 = not grouped by it).
  const byMask: Record<number, Dimension> = { 31: 'total', 15: 'month', 23: 'domain', 27: 'channel', 29: 'category', 30: 'county' };
  return result.map((r) => {
    const dimension = byMask[Number(r.g)] ?? 'total';
    const key = dimension === 'total' ? '' : String(r[dimension === 'month' ? 'month' : dimension]);
    return { period: r.period as Period, dimension, key, counts: toCounts(r) };
  });
}

/** Counts by period × handling unit (core `handlingUnitId`; '' = none yet). */
export async function unitCounts(db: Tx, plan: Plan, current: string[], previous: PreviousMonths) {
  if (plan.kind === 'empty') return [];
  const src = periodRows(plan, 'dashboard_unit_rollup', 'month, unit_id', current, previous);
  const result = await rows<Record<string, unknown>>(
    db,
    sql`select s.period, s.unit_id, ${sql.raw(measureList)} from (${src}) s group by s.period, s.unit_id`,
  );
  return result.map((r) => ({ period: r.period as Period, unitId: String(r.unit_id), counts: toCounts(r) }));
}

/**
 * One count summed over a plan's rows received within `received` (whole months from the monthly rollups, the other
 * days from those by day: core `monthsAndDays`) and passing `where` (on the rows' `dims`, as `s`): the figure a
 * list of the same filters holds. `count` is an expression of the counts' columns on `s`.
 */
export async function sumCount(
  db: Tx,
  plan: Plan,
  table: Rollup,
  dims: string,
  received: MonthsAndDays,
  where: SQL[],
  count: SQL,
): Promise<number> {
  if (plan.kind === 'empty') return 0;
  const parts: SQL[] = received.days.map((days) => sources(plan, table, dims, days));
  if (received.months !== null) {
    const { from, to } = received.months;
    const bounds = [sql`true`, ...(from === null ? [] : [sql`m.month >= ${from}`]), ...(to === null ? [] : [sql`m.month <= ${to}`])];
    parts.push(sql`select * from (${sources(plan, table, dims)}) m where ${sql.join(bounds, sql` and `)}`);
  }
  if (parts.length === 0) return 0;
  const [row] = await rows<{ n: number | null }>(
    db,
    sql`select sum(${count})::bigint as n from (${sql.join(parts, sql` union all `)}) s where ${sql.join([sql`true`, ...where], sql` and `)}`,
  );
  return Number(row?.n ?? 0);
}

/** Open petitions past a running obligation's due day, now: total, by current unit, by county (read live). */
export async function overdueCounts(db: Tx, actor: SessionUser, jurisdiction: string | null, today: string) {
  const filter = visibilityFilter(actor);
  if (filter.kind === 'none') return { total: 0, byUnit: new Map<string, number>(), byCounty: new Map<string, number>() };
  const pf = jurisdiction === null ? null : filterPrefix(jurisdiction);
  const result = await rows<{ g: number; unit: string | null; county: string | null; n: number }>(
    db,
    sql`select grouping(petitions.current_unit_id, left(petitions.jurisdiction_code, 6)) as g,
          petitions.current_unit_id as unit, left(petitions.jurisdiction_code, 6) as county, count(*)::int as n
        from petitions
        where petitions.next_due_on < ${today} and ${visibilitySql(filter)}
          ${pf === null ? sql`` : sql`and ${likePrefix(sql.raw('petitions.jurisdiction_code'), pf)}`}
        group by grouping sets ((), (petitions.current_unit_id), (left(petitions.jurisdiction_code, 6)))`,
  );
  let total = 0;
  const byUnit = new Map<string, number>();
  const byCounty = new Map<string, number>();
  for (const r of result) {
    const g = Number(r.g);
    if (g === 3) total = Number(r.n);
    else if (g === 1) byUnit.set(r.unit ?? '', Number(r.n));
    else if (g === 2) byCounty.set(r.county ?? '', Number(r.n));
  }
  return { total, byUnit, byCounty };
}

export function sumAll(items: { counts: MeasureCounts }[]): MeasureCounts {
  return items.reduce((a, b) => addCounts(a, b.counts), zeroCounts());
}
