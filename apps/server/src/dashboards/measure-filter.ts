// A cockpit rate drilled down to: the petitions it counts (its denominator), or those of them that meet it (its
// numerator) or miss it, read from the same per-petition facts the rollups add up, so a list holds exactly the
// figure's petitions. The facts follow the petitions at each sync: call `freshFacts` before listing by them.
//
// A list by a rate joins each petition's facts row (`f`, one per petition) and, for most rates (`walksFacts`),
// walks the facts newest first, from the denominator's partial index on (received_on, petition_id, numerators)
// (schema.ts, `dashboard_facts_*_idx`), the part (met, missed) an index condition. Newest first by the petitions
// instead, PostgreSQL read the most recent petitions, mostly not replied, rated or concluded yet, to find a page of
// those that are (1,000,000 petitions: 24,711 read for 51 replied; 176–870 ms a page, 4–11 ms this way for the
// city and county: bench/lists-scale.ts). The facts' received_on is the petition's (set at registration, never
// changed), so their order, cursor and day bounds are the petitions': the bounds are given on both, and the facts'
// ones bound the index scan. The join says nothing of received_on on purpose: as a join condition it would let
// PostgreSQL take the order from the petitions' index again.
import { rateParts, type RateMeasure } from '@qiao/core';
import { desc, eq, getTableColumns, gte, lte, sql, type SQL } from 'drizzle-orm';
import { alias, type PgSelect } from 'drizzle-orm/pg-core';
import type { Deps } from '../context';
import type { Tx } from '../db/open';
import { dashboardFacts, petitions } from '../db/schema';
import { syncDashboards } from './sync';

export type RatePart = 'met' | 'missed';

/** The facts row of a listed petition, joined when a list filters by a rate. */
export const facts = alias(dashboardFacts, 'f');

/** The conditions on the joined facts of a rate's list: its denominator, its numerator by part, the day bounds. */
export function measureFilterSql(q: { measure: RateMeasure; part?: RatePart | undefined; receivedFrom?: string | undefined; receivedTo?: string | undefined }): SQL[] {
  const { numerator, denominator } = rateParts[q.measure];
  // Constants, not parameters: a generic plan would not know that the denominator's partial index applies.
  const where: SQL[] = [sql`${facts[denominator]} = 1`];
  if (q.part) where.push(q.part === 'met' ? sql`${facts[numerator]} = 1` : sql`${facts[numerator]} = 0`);
  if (q.receivedFrom) where.push(gte(facts.receivedOn, q.receivedFrom));
  if (q.receivedTo) where.push(lte(facts.receivedOn, q.receivedTo));
  return where;
}

/** A select from the petitions, joined to their facts when the list filters by a rate (same selection either way). */
export function joinFacts<T extends PgSelect>(rows: T, q: { measure?: RateMeasure | undefined }): T {
  return q.measure ? (rows.innerJoin(facts, eq(facts.petitionId, petitions.id)) as unknown as T) : rows;
}

/** Whole petition rows of a list (joined to their facts when it filters by a rate). */
export function listedPetitions(db: Tx, q: { measure?: RateMeasure | undefined }) {
  return joinFacts(db.select(getTableColumns(petitions)).from(petitions).$dynamic(), q);
}

/**
 * Whether a list by this rate walks the facts newest first. Not a share of all petitions received (repeats,
 * online): it has no index of its own, and the newest petitions count as likely as any. Nor a unit's (the
 * scorecard's rate links, `handlingUnit`): the unit's own petitions come by day from their index
 * (petitions_handling_unit_idx), 17–45 ms at 1,000,000 petitions, where a walk of the facts took 40–200 ms to find
 * a small unit's, and 1.1 s, the whole year's facts, for a handler listing another unit's (it sees none of them).
 * Those list newest first by the petitions, as without a rate.
 */
export const walksFacts = (q: { measure?: RateMeasure | undefined; handlingUnit?: string | undefined }): boolean =>
  q.measure !== undefined && rateParts[q.measure].denominator !== 'received' && !q.handlingUnit;

/** Newest first by the facts (the petitions' order: see the top of this file). */
export const factsNewestFirst = (): SQL[] => [desc(facts.receivedOn), desc(facts.petitionId)];

/** After a cursor's (received_on, id), on the facts: the index scan starts there. */
export const factsAfter = (receivedOn: string, id: string): SQL =>
  sql`(${facts.receivedOn}, ${facts.petitionId}) < (${receivedOn}::date, ${id}::uuid)`;

/** Brings the facts up to every committed change when a list filters by a rate (one indexed read when none). */
export async function freshFacts(deps: Deps, q: { measure?: RateMeasure | undefined }): Promise<void> {
  if (q.measure) await syncDashboards(deps);
}
