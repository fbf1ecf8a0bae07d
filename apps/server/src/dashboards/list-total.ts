// A list's exact total for the filters a cockpit figure drills down to, counted as the figure was. Counted live, a
// list's total stops at a cap (workbench LIST_COUNT_CAP), so a tile of 2,307 opened a list of "1,000 or more";
// summed from the rollups the same way the tile was (the overdue tile: counted from the open petitions' index), the
// list says 2,307 at any size, in a few milliseconds.
import type { PetitionListQuery } from '@qiao/contracts';
import { measureCountKeys, monthsAndDays, rateParts, type MeasureCounts } from '@qiao/core';
import { sql, type SQL } from 'drizzle-orm';
import type { z } from 'zod';
import type { SessionUser } from '../auth/actor';
import type { Deps } from '../context';
import { overdueCounts, planFor, sumCount } from './query';
import { measureSqlColumns, syncDashboards } from './sync';

/** A list's filters (GET /api/petitions without its paging). */
export type ListFilters = Omit<z.infer<typeof PetitionListQuery>, 'cursor' | 'limit'>;

/** What a drill-down may hold; any other filter (a status, a deadline, a search) is counted live. */
const ROLLUP_FILTERS = new Set(['jurisdiction', 'jurisdictionOnly', 'receivedFrom', 'receivedTo', 'domain', 'channel', 'category', 'measure', 'part', 'handlingUnit']);

const column = (key: keyof MeasureCounts): SQL => sql.raw(`s.${measureSqlColumns[measureCountKeys.indexOf(key)]}`);

const oneOf = (dim: string, values: readonly string[]): SQL =>
  sql`${sql.raw(`s.${dim}`)} in (${sql.join(
    values.map((v) => sql`${v}`),
    sql`, `,
  )})`;

/**
 * How many petitions the user may see pass these filters, as the cockpit counts them: summed from the rollups
 * (brought up to date first), or for the overdue tile's filter (overdue, a place) as that tile is counted; null
 * for any other filter. The same petitions as the list's (the dashboards count by the same visibility rule and place
 * prefix: dashboards/query.ts), which a test checks against a recount of the list.
 */
export async function drillDownTotal(deps: Deps, actor: SessionUser, q: ListFilters): Promise<number | null> {
  const given = Object.entries(q).filter(([, v]) => v !== undefined && !(Array.isArray(v) && v.length === 0));
  if (q.overdue === 'true' && given.every(([k]) => k === 'overdue' || k === 'jurisdiction'))
    return (await overdueCounts(deps.db, actor, q.jurisdiction ?? null, deps.clockSettings.context(deps.now()).today)).total;
  if (given.some(([k]) => !ROLLUP_FILTERS.has(k))) return null;
  const byUnit = q.handlingUnit !== undefined;
  // The counts by handling unit are not split by domain, channel or category.
  if (byUnit && (q.domain?.length || q.channel?.length || q.category?.length)) return null;
  const where: SQL[] = [];
  // A place itself, none within it (a city's own petitions): the rollups keep places by county.
  if (q.jurisdictionOnly === 'true') {
    if (q.jurisdiction === undefined || q.jurisdiction.length !== 6) return null;
    where.push(sql`s.county = ${q.jurisdiction}`);
  }
  if (q.handlingUnit !== undefined) where.push(sql`s.unit_id = ${q.handlingUnit}`);
  if (q.domain?.length) where.push(oneOf('domain', q.domain));
  if (q.channel?.length) where.push(oneOf('channel', q.channel));
  if (q.category?.length) where.push(oneOf('category', q.category));
  let count = column('received');
  if (q.measure) {
    const { numerator, denominator } = rateParts[q.measure];
    count = q.part === 'met' ? column(numerator) : q.part === 'missed' ? sql`${column(denominator)} - ${column(numerator)}` : column(denominator);
  }
  await syncDashboards(deps);
  return sumCount(
    deps.db,
    planFor(actor, q.jurisdiction ?? null),
    byUnit ? 'dashboard_unit_rollup' : 'dashboard_rollup',
    byUnit ? 'month, county, unit_id' : 'month, county, domain, channel, category',
    monthsAndDays(q.receivedFrom ?? null, q.receivedTo ?? null),
    where,
    count,
  );
}
