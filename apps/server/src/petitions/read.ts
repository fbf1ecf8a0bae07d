import { and, desc, eq, inArray, lte, gte, sql, type SQL } from 'drizzle-orm';
import { accusedUnitIds, answerableSupervisions, availableCommands, can, handlingUnitId, isIsoDate, maskPersonalText, openDeadlines, petitionClocks, visibilityFilter, type PersonInText } from '@qiao/core';
import { petitionersOf } from '../analysis/scrub';
import type { PetitionListQuery } from '@qiao/contracts';
import type { z } from 'zod';
import type { SessionUser } from '../auth/actor';
import type { Deps } from '../context';
import { handlingUnitExpr, petitioners, petitions, users } from '../db/schema';
import { decrypt, type Keys } from '../lib/crypto';
import { badRequest } from '../lib/errors';
import { unitNames } from '../units/repo';
import { filterPrefix } from '../dashboards/query';
import { factsAfter, factsNewestFirst, freshFacts, listedPetitions, measureFilterSql, walksFacts } from '../dashboards/measure-filter';
import { attachmentList } from './attachments';
import { petitionNotFound } from './command';
import { maskedPetitioners } from './petitioners';
import { summarise } from './presenter';
import { textSearchSql } from './search';
import { loadEvents, loadPetition, scopeOf, visibilitySql, type PetitionRow, type Tx } from './repo';

type ListQuery = z.infer<typeof PetitionListQuery>;

/** A petition's title, content and demands with its petitioners' identity masked, and whether anything was. */
export function maskedWords(row: Pick<PetitionRow, 'title' | 'content' | 'demands'>, people: readonly PersonInText[]) {
  const title = maskPersonalText(row.title, people);
  const content = maskPersonalText(row.content, people);
  const demands = row.demands === null ? null : maskPersonalText(row.demands, people);
  return { title, content, demands, masked: title !== row.title || content !== row.content || demands !== row.demands };
}

/** Load a petition the actor may see, or 404 (an out-of-scope petition does not exist for them). */
export async function visiblePetition(tx: Tx, actor: SessionUser, id: string): Promise<PetitionRow> {
  const row = await loadPetition(tx, id);
  if (!row || !can(actor, 'view', scopeOf(row)).allowed) throw petitionNotFound();
  return row;
}

export async function getPetition(deps: Deps, actor: SessionUser, id: string) {
  const row = await visiblePetition(deps.db, actor, id);
  const ctx = deps.clockSettings.context(deps.now());
  const events = await loadEvents(deps.db, id);
  const actorIds = [...new Set(events.map((e) => e.actorUserId).filter((x): x is string => x !== null))];
  const people = actorIds.length
    ? await deps.db.select({ id: users.id, name: users.displayName }).from(users).where(inArray(users.id, actorIds))
    : [];
  const personName = new Map(people.map((p) => [p.id, p.name]));
  const unitIds = [
    row.currentUnitId,
    row.registeringUnitId,
    row.respondentUnitId,
    ...row.involvedUnitIds,
    ...listedUnitIds([row]),
    ...events.map((e) => e.actorUnitId),
  ];
  const names = await unitNames(deps.db, unitIds);
  const unit = (id: string | null) => unitView(names, id);
  const scope = scopeOf(row);
  // What the process allows for this petition today (the core), narrowed to what this user may do.
  // Answering a supervision only where a notice is this unit's to answer (core answerableSupervisions, which the
  // command route checks too): the holder of a petition is not offered another unit's notice.
  const available = availableCommands(row.state, ctx).filter(
    (c) => can(actor, c, scope).allowed && (c !== 'answerSupervision' || answerableSupervisions(row.state, actor.unitId).length > 0),
  );
  // The petitioners' identity in the petition's own words is masked as in the petitioner box (revealing, audited,
  // shows them whole): decrypted here to find them, never sent.
  const words = maskedWords(row, (await petitionersOf(deps.db, deps.keys, [id])).get(id) ?? []);
  const petitionerList = await maskedPetitioners(deps.db, id);
  return {
    ...listItem(row, names, ctx.today, petitionerList[0]?.name ?? ''),
    title: words.title,
    content: words.content,
    demands: words.demands,
    personalDataMasked: words.masked,
    // A respondent unit is shown even without a name (rows written before intake required one), named after the unit.
    respondent:
      row.respondentName || row.respondentUnitId
        ? { name: row.respondentName || names.get(row.respondentUnitId!) || row.respondentUnitId!, unitId: row.respondentUnitId }
        : null,
    accusedUnitIds: accusedUnitIds(scope),
    address: row.address,
    registeringUnit: unit(row.registeringUnitId),
    repeatOf: row.repeatOf,
    petitioners: petitionerList,
    attachments: await attachmentList(deps.db, id),
    deadlines: openDeadlines(row.state, ctx),
    clocks: petitionClocks(row.state, ctx),
    state: row.state as unknown as Record<string, unknown>,
    availableCommands: available,
    timeline: events.map((e) => ({
      seq: e.seq,
      type: e.type,
      at: e.at.toISOString(),
      on: e.event.on,
      actor: {
        userId: e.actorUserId,
        name: e.actorUserId ? (personName.get(e.actorUserId) ?? null) : null,
        unit: unit(e.actorUnitId),
      },
      summary: summarise(e.event, names),
      data: e.event.data,
    })),
  };
}

/** The units list rows name (`names` for `listItem` must hold them): the current and the handling unit. */
export const listedUnitIds = (rows: readonly PetitionRow[]) => rows.flatMap((r) => [r.currentUnitId, handlingUnitId(r.state)]);

/** A unit as the API shows it: its id and name (the id when the name is unknown), null for none. */
function unitView(names: Map<string, string>, id: string | null): { id: string; name: string } | null {
  return id ? { id, name: names.get(id) ?? id } : null;
}

/** One row of a petition list (shared by the list API and the workbench). */
export function listItem(row: PetitionRow, names: Map<string, string>, today: string, petitioner: string) {
  return {
    id: row.id,
    trackingCode: row.trackingCode,
    title: row.title,
    status: row.status as PetitionRow['state']['status'],
    channel: row.channel as PetitionRow['state']['channel'],
    category: row.category as PetitionRow['state']['category'],
    domain: row.domain as PetitionRow['state']['domain'],
    litigationRelated: row.litigationRelated,
    jurisdictionCode: row.jurisdictionCode,
    collective: row.collective,
    headcount: row.headcount,
    currentUnit: unitView(names, row.currentUnitId),
    handlingUnit: unitView(names, handlingUnitId(row.state)),
    receivedOn: row.receivedOn,
    nextDueOn: row.nextDueOn,
    overdue: row.nextDueOn !== null && row.nextDueOn < today,
    petitioner,
    version: row.version,
  };
}

/**
 * The list filters of /api/petitions as SQL (the workbench applies them on top of a tab). `due` is the day the
 * deadline filters read: the petition's next deadline, or a tab's own (the notices' answer day), as the list shows it.
 */
export function listFilterSql(q: Omit<ListQuery, 'limit' | 'cursor'>, today: string, due: SQL | typeof petitions.nextDueOn = petitions.nextDueOn): SQL[] {
  const where: SQL[] = [];
  if (q.status?.length) where.push(inArray(petitions.status, q.status));
  if (q.domain?.length) where.push(inArray(petitions.domain, q.domain));
  if (q.category?.length) where.push(inArray(petitions.category, q.category));
  if (q.channel?.length) where.push(inArray(petitions.channel, q.channel));
  if (q.unit) where.push(eq(petitions.currentUnitId, q.unit));
  if (q.handlingUnit) where.push(sql`${sql.raw(handlingUnitExpr())} = ${q.handlingUnit}`);
  if (q.part && !q.measure)
    throw badRequest('partWithoutMeasure', { zh: 'part：须同时指定统计指标（measure）', en: 'part: give the rate (measure) it is a part of' }, { field: 'part' });
  if (q.measure) where.push(...measureFilterSql({ ...q, measure: q.measure }));
  if (q.jurisdictionOnly === 'true' && !q.jurisdiction)
    throw badRequest('jurisdictionOnlyWithout', { zh: 'jurisdictionOnly：须同时指定行政区划（jurisdiction）', en: 'jurisdictionOnly: give the jurisdiction it applies to' }, { field: 'jurisdictionOnly' });
  if (q.jurisdiction)
    where.push(
      q.jurisdictionOnly === 'true'
        ? eq(petitions.jurisdictionCode, q.jurisdiction)
        : sql`${petitions.jurisdictionCode} like ${filterPrefix(q.jurisdiction) + '%'}`,
    );
  if (q.overdue === 'true') where.push(sql`${due} < ${today}`);
  if (q.overdue === 'false') where.push(sql`(${due} is null or ${due} >= ${today})`);
  if (q.dueBefore) where.push(sql`${due} <= ${q.dueBefore}`);
  if (q.receivedFrom) where.push(gte(petitions.receivedOn, q.receivedFrom));
  if (q.receivedTo) where.push(lte(petitions.receivedOn, q.receivedTo));
  if (q.text) where.push(textSearchSql(q.text));
  return where;
}

/** Whether the filters keep only petitions with a deadline before a day (overdue, due before): open ones only. */
export function byDeadline(q: Pick<ListQuery, 'overdue' | 'dueBefore'>): boolean {
  return q.overdue === 'true' || q.dueBefore !== undefined;
}

/**
 * Newest first, by received day then id. Filtered by deadline, the order is on an expression: PostgreSQL then
 * takes the few matching rows (open petitions only) from the deadline index and sorts them, instead of walking
 * every petition newest first looking for old overdue ones (at 1,000,000 petitions a unit handler's overdue list
 * took 1.1 s that way, 74 ms this; a city office's 128 ms, 21 ms: bench/lists-scale.ts). Filtered by a rate that
 * walks the facts, the same order is the joined facts' (dashboards/measure-filter.ts).
 */
export function newestFirst(deadlineFiltered: boolean, byFacts = false): SQL[] {
  if (deadlineFiltered) return [sql`${petitions.receivedOn} + 0 desc`, desc(petitions.id)];
  return byFacts ? factsNewestFirst() : [desc(petitions.receivedOn), desc(petitions.id)];
}

/**
 * After a newest-first cursor (the last row's received day and id). A row comparison, which an index on
 * (received_on, id) takes as where its scan starts, and the day alone, which bounds the indexes that hold the day
 * after other keys (a county's, a handling unit's); an `or` of the two cases bounds neither, so a deep page walked
 * every newer petition again. Said on the joined facts too when the list walks them (`byFacts`).
 */
export function receivedBefore(receivedOn: string, id: string, byFacts: boolean): SQL {
  const before = sql`${petitions.receivedOn} <= ${receivedOn}::date and (${petitions.receivedOn}, ${petitions.id}) < (${receivedOn}::date, ${id}::uuid)`;
  return byFacts ? and(before, factsAfter(receivedOn, id))! : before;
}

/** Newest first, by received day then id; the cursor is the last row's (receivedOn, id). */
export async function listPetitions(deps: Deps, actor: SessionUser, q: ListQuery) {
  const today = deps.clockSettings.context(deps.now()).today;
  const where: SQL[] = [visibilitySql(visibilityFilter(actor)), ...listFilterSql(q, today)];
  await freshFacts(deps, q);
  if (q.cursor) {
    const c = decodeCursor(q.cursor);
    where.push(receivedBefore(c.receivedOn, c.id, walksFacts(q)));
  }
  const rows = await listedPetitions(deps.db, q)
    .where(and(...where))
    .orderBy(...newestFirst(byDeadline(q), walksFacts(q)))
    .limit(q.limit + 1);
  const page = rows.slice(0, q.limit);
  const names = await unitNames(deps.db, listedUnitIds(page));
  const people = await listedPeople(deps.db, deps.keys, page);
  const last = page[page.length - 1];
  return {
    items: page.map((r) => listItem({ ...r, title: people.title(r) }, names, today, people.first.get(r.id) ?? '')),
    nextCursor: rows.length > q.limit && last ? encodeCursor(last.receivedOn, last.id) : null,
  };
}

/**
 * Of these petitions, those the actor may view (core's `can(actor, 'view')`), by id: what a list of other things
 * about petitions (notices, drafts, bookings) may show.
 */
export async function viewablePetitions(db: Tx, actor: SessionUser, ids: readonly string[]): Promise<Map<string, PetitionRow>> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return new Map();
  const rows = await db.select().from(petitions).where(inArray(petitions.id, unique));
  return new Map(rows.filter((p) => can(actor, 'view', scopeOf(p)).allowed).map((p) => [p.id, p]));
}

/**
 * What a list shows of each petition's petitioners: the first one's masked name, and the title with every
 * petitioner's name masked (周建国反映拖欠工资 → 周**反映拖欠工资), as the petition's page shows it. The names are
 * decrypted here to find them, never sent.
 */
export async function listedPeople(tx: Tx, keys: Keys, page: readonly Pick<PetitionRow, 'id' | 'title'>[]) {
  const first = new Map<string, string>();
  const names = new Map<string, PersonInText[]>();
  if (page.length === 0) return { first, title: (row: Pick<PetitionRow, 'id' | 'title'>) => row.title };
  const rows = await tx
    .select({ petitionId: petitioners.petitionId, position: petitioners.position, masked: petitioners.nameMasked, name: petitioners.nameEnc })
    .from(petitioners)
    .where(inArray(petitioners.petitionId, page.map((r) => r.id)));
  for (const r of rows) {
    if (r.position === 0) first.set(r.petitionId, r.masked);
    const list = names.get(r.petitionId) ?? [];
    list.push({ name: decrypt(keys.encryption, r.name) });
    names.set(r.petitionId, list);
  }
  return { first, title: (row: Pick<PetitionRow, 'id' | 'title'>) => maskPersonalText(row.title, names.get(row.id) ?? []) };
}

/** Items naming petitions, each title with its petitioners' names masked (as lists and the petition's page show it). */
export async function maskTitles<T extends { id: string; title: string }>(tx: Tx, keys: Keys, items: readonly T[]): Promise<T[]> {
  const people = await listedPeople(tx, keys, items);
  return items.map((i) => ({ ...i, title: people.title(i) }));
}

/** maskTitles over petitions by id (viewablePetitions' answer). */
export async function maskTitlesById<T extends { id: string; title: string }>(tx: Tx, keys: Keys, byId: ReadonlyMap<string, T>): Promise<Map<string, T>> {
  return new Map((await maskTitles(tx, keys, [...byId.values()])).map((p) => [p.id, p]));
}

function encodeCursor(receivedOn: string, id: string) {
  return Buffer.from(`${receivedOn}|${id}`).toString('base64url');
}

/** A cursor's row id: what PostgreSQL reads as a uuid (a tampered one is a 400, not a failed cast). */
export function isCursorId(id: string | undefined): id is string {
  return id !== undefined && /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id);
}

function decodeCursor(cursor: string) {
  const [receivedOn, id] = Buffer.from(cursor, 'base64url').toString('utf8').split('|');
  // A real date (2026-13-45 or 2026-02-30 would fail the ::date cast in SQL: a 500, not the client's 400).
  if (!isIsoDate(receivedOn) || !isCursorId(id))
    throw badRequest('invalidCursor', { zh: 'cursor：分页游标无效', en: 'cursor: not a valid page cursor' }, { field: 'cursor' });
  return { receivedOn, id };
}
