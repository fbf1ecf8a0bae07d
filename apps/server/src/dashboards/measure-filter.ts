// A cockpit rate drilled down to: the petitions it counts (its denominator), or those of them that meet it (its
// numerator) or miss it, read from the same per-petition facts the rollups add up, so a list holds exactly the
// figure's petitions. The facts follow the petitions at each sync: call `freshFacts` before listing by them.
import { measureCountKeys, rateParts, type MeasureCounts, type RateMeasure } from '@qiao/core';
import { sql, type SQL } from 'drizzle-orm';
import type { Deps } from '../context';
import { petitions } from '../db/schema';
import { measureSqlColumns, syncDashboards } from './sync';

export type RatePart = 'met' | 'missed';

const column = (key: keyof MeasureCounts) => sql.raw(`f.${measureSqlColumns[measureCountKeys.indexOf(key)]}`);

export function measureFilterSql(measure: RateMeasure, part: RatePart | undefined): SQL {
  const { numerator, denominator } = rateParts[measure];
  const which = part === 'met' ? sql` and ${column(numerator)} = 1` : part === 'missed' ? sql` and ${column(numerator)} = 0` : sql``;
  return sql`exists (select 1 from dashboard_facts f where f.petition_id = ${petitions.id} and ${column(denominator)} = 1${which})`;
}

/** Brings the facts up to every committed change when a list filters by a rate (one indexed read when none). */
export async function freshFacts(deps: Deps, q: { measure?: RateMeasure | undefined }): Promise<void> {
  if (q.measure) await syncDashboards(deps);
}
