import { and, asc, eq, sql, type SQL } from 'drizzle-orm';
import {
  coUnitIdsOf,
  nextDue,
  supervisedUnitIdsOf,
  respondentUnitIdsOf,
  petitionClocks,
  type ClockContext,
  type PetitionEvent,
  type PetitionScope,
  type PetitionState,
  type VisibilityFilter,
} from '@qiao/core';
import type { Tx } from '../db/open';
export type { Tx };
import { petitionClocks as clocksTable, petitionEvents, petitions } from '../db/schema';

export type PetitionRow = typeof petitions.$inferSelect;

/** The columns `scopeOf` reads, for a select that needs a petition's scope without its whole row. */
export const scopeColumns = {
  jurisdictionCode: petitions.jurisdictionCode,
  registeringUnitId: petitions.registeringUnitId,
  currentUnitId: petitions.currentUnitId,
  involvedUnitIds: petitions.involvedUnitIds,
  supervisedUnitIds: petitions.supervisedUnitIds,
  category: petitions.category,
  respondentUnitId: petitions.respondentUnitId,
  respondentUnitIds: petitions.respondentUnitIds,
  submittedByUserId: petitions.submittedByUserId,
};

/** What protection needs of a row. Pass the state too where a joint conference's co-units matter (commands). */
export function scopeOf(
  row: Pick<PetitionRow, 'jurisdictionCode' | 'registeringUnitId' | 'currentUnitId' | 'involvedUnitIds' | 'category' | 'respondentUnitId' | 'respondentUnitIds' | 'submittedByUserId'> & {
    supervisedUnitIds?: string[];
    state?: Pick<PetitionState, 'jointConference' | 'supervisions' | 'currentUnit'>;
  },
): PetitionScope {
  return {
    coUnitIds: row.state ? coUnitIdsOf(row.state) : [],
    supervisedUnitIds: row.state ? supervisedUnitIdsOf(row.state) : (row.supervisedUnitIds ?? []),
    currentUnitJurisdictionCode: row.state?.currentUnit?.jurisdictionCode ?? null,
    jurisdictionCode: row.jurisdictionCode,
    registeringUnitId: row.registeringUnitId,
    currentUnitId: row.currentUnitId,
    involvedUnitIds: row.involvedUnitIds,
    category: row.category as PetitionScope['category'],
    respondentUnitId: row.respondentUnitId,
    respondentUnitIds: row.respondentUnitIds,
    submittedByUserId: row.submittedByUserId,
  };
}

/** The list columns that mirror the folded state: written together with it, never apart. */
export function stateColumns(state: PetitionState, ctx: ClockContext) {
  return {
    status: state.status,
    currentUnitId: state.currentUnit?.id ?? null,
    involvedUnitIds: state.involvedUnitIds,
    supervisedUnitIds: supervisedUnitIdsOf(state),
    // From the state, so a state saved before it was kept (its respondent unit alone) writes the same set.
    respondentUnitIds: respondentUnitIdsOf(state),
    nextDueOn: nextDue(state, ctx),
    state,
    version: state.version,
  };
}

/** The columns the office's bookkeeping changes after registration (repeat links, corrections, merging). */
export function labelColumns(state: PetitionState) {
  return {
    repeatOf: state.repeatOf,
    category: state.category,
    domain: state.domain,
    litigationRelated: state.litigationRelated,
    collective: state.collective,
    headcount: state.headcount,
  };
}

export async function loadPetition(tx: Tx, id: string, opts: { forUpdate?: boolean } = {}) {
  const q = tx.select().from(petitions).where(eq(petitions.id, id));
  const [row] = opts.forUpdate ? await q.for('update') : await q;
  return row;
}

/** The stored form of an event (the row appendEvent writes). */
export function eventRow(row: Pick<PetitionRow, 'id' | 'jurisdictionCode'>, seq: number, event: PetitionEvent): typeof petitionEvents.$inferInsert {
  return {
    petitionId: row.id,
    jurisdictionCode: row.jurisdictionCode,
    seq,
    type: event.type,
    at: new Date(event.at),
    actorUserId: isUuid(event.by.userId) ? event.by.userId : null,
    actorUnitId: event.by.unitId,
    event,
  };
}

export async function appendEvent(tx: Tx, row: Pick<PetitionRow, 'id' | 'jurisdictionCode'>, seq: number, event: PetitionEvent) {
  await tx.insert(petitionEvents).values(eventRow(row, seq, event));
}

/** The stored clock rows of a state. */
export function clockRows(row: Pick<PetitionRow, 'id' | 'jurisdictionCode'>, state: PetitionState, ctx: ClockContext): (typeof clocksTable.$inferInsert)[] {
  return petitionClocks(state, ctx).map((c) => ({
    petitionId: row.id,
    jurisdictionCode: row.jurisdictionCode,
    name: c.name,
    kind: c.kind,
    startOn: c.startOn,
    dueOn: c.due,
    status: c.status,
    endedOn: c.endedOn,
    late: c.late,
  }));
}

/** Replace a petition's stored clocks with those of its new state (same transaction as the state). */
export async function saveClocks(tx: Tx, row: Pick<PetitionRow, 'id' | 'jurisdictionCode'>, state: PetitionState, ctx: ClockContext) {
  await tx.delete(clocksTable).where(eq(clocksTable.petitionId, row.id));
  const clocks = clockRows(row, state, ctx);
  if (clocks.length) await tx.insert(clocksTable).values(clocks);
}

export async function loadEvents(tx: Tx, petitionId: string) {
  return tx.select().from(petitionEvents).where(eq(petitionEvents.petitionId, petitionId)).orderBy(asc(petitionEvents.seq));
}

/** The unit is among the petition's involved units (GIN-indexed). */
function involves(unitId: string): SQL {
  return sql`${petitions.involvedUnitIds} @> array[${unitId}]::text[]`;
}

/** The SQL twin of core/protection's matchesVisibility: which rows an actor may see at all. */
export function visibilitySql(filter: VisibilityFilter): SQL {
  if (filter.kind === 'none') return sql`false`;
  const parts: SQL[] = [];
  switch (filter.kind) {
    case 'submittedBy':
      parts.push(eq(petitions.submittedByUserId, filter.userId));
      break;
    case 'unit':
      // `@>`, not `= any(...)`: the GIN index on involved_unit_ids serves the former only (at 1,000,000 petitions
      // a handler's "all" count read the whole table otherwise).
      parts.push(sql`(${petitions.currentUnitId} = ${filter.unitId} or ${involves(filter.unitId)})`);
      break;
    case 'jurisdiction': {
      const ors: SQL[] = [];
      if (filter.jurisdictionPrefix !== null)
        ors.push(sql`${petitions.jurisdictionCode} like ${filter.jurisdictionPrefix + '%'}`);
      if (filter.unitId !== null)
        ors.push(
          sql`${petitions.registeringUnitId} = ${filter.unitId}`,
          sql`${petitions.currentUnitId} = ${filter.unitId}`,
          involves(filter.unitId),
        );
      parts.push(ors.length ? sql`(${sql.join(ors, sql` or `)})` : sql`false`);
      break;
    }
  }
  const accused = filter.excludeAccusationsAgainstUnitId;
  if (accused !== null)
    parts.push(
      // respondent_unit_ids holds the respondent unit too (registration, migration 0010, stateColumns).
      sql`not (${petitions.category} = 'accusation' and ${petitions.respondentUnitIds} @> array[${accused}]::text[])`,
    );
  return and(...parts) ?? sql`true`;
}

export function isUuid(s: string) {
  return /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(s);
}

/** Postgres unique violation, as raised by node-postgres and PGlite (possibly wrapped by Drizzle). */
export function isUniqueViolation(err: unknown): boolean {
  const e = err as { code?: string; cause?: { code?: string } };
  return e?.code === '23505' || e?.cause?.code === '23505';
}
