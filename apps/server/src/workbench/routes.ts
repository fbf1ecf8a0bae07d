import { and, asc, desc, eq, getTableColumns, gt, gte, inArray, lt, lte, or, sql, type SQL } from 'drizzle-orm';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { addDays, isIsoDate, visibilityFilter, type RateMeasure } from '@qiao/core';
import {
  ErrorBody,
  LateUnits,
  ListTotal,
  PetitionList,
  PetitionListQuery,
  RespondentSuggestions,
  WorkbenchContext,
  WorkbenchCounts,
  workbenchTabKeys,
  type WorkbenchTabKey,
} from '@qiao/contracts';
import type { SessionUser } from '../auth/actor';
import type { Deps } from '../context';
import { byDeadline, listedPeople, isCursorId, listFilterSql, listItem, listedUnitIds, newestFirst, receivedBefore } from '../petitions/read';
import { bigramsOf, containing } from '../petitions/search';
import { jurisdictions, petitionClocks, petitions, units } from '../db/schema';
import { badRequest } from '../lib/errors';
import { visibilitySql } from '../petitions/repo';
import { unitNames } from '../units/repo';
import { drillDownTotal } from '../dashboards/list-total';
import { freshFacts, joinFacts, walksFacts } from '../dashboards/measure-filter';

/**
 * The staff workbench's read endpoints: who am I and what day is it (by the server's clock), the to-do tabs of my
 * role with counts, the tab lists sorted by due date (cursor paging), late units, and respondent suggestions.
 * Every query starts from the same visibility SQL as /api/petitions, so nothing here shows more than the lists do.
 */

const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody };

export const tabKeys = workbenchTabKeys;
export type TabKey = z.infer<typeof WorkbenchTabKey>;

/** The "all" tab is counted up to this many (then shown as "at least"). */
export const COUNT_CAP = 10_000;
/**
 * A filtered list's total is counted up to this many: it is counted with every first page, and at 1,000,000
 * petitions counting 10,000 matches added 60–900 ms to a list that takes 6–14 ms (bench/lists-scale.ts).
 */
export const LIST_COUNT_CAP = 1_000;

/** Respondent suggestions before anything is typed come from this many of the most recent petitions, of the last
 * RECENT_RESPONDENT_DAYS (the day bound lets PostgreSQL take a unit's few petitions from its indexes). */
const RECENT_RESPONDENT_PETITIONS = 2_000;
const RECENT_RESPONDENT_DAYS = 90;

/** Days ahead that count as "due soon" (the amber badge). */
export const DUE_SOON_DAYS = 3;

interface Tab {
  key: TabKey;
  /** Rows of this tab, within the actor's visibility. null: not a list (lateUnits). */
  where: SQL | null;
  sort: 'due' | 'received';
  /** The day the tab's 'due' sort reads; the petition's next deadline unless the tab says otherwise. */
  due?: SQL;
}

const WorkbenchListQuery = PetitionListQuery.extend({
  tab: z.enum(tabKeys).default('all'),
  sort: z.enum(['due', 'received']).optional().describe('due: earliest deadline first (default for to-do tabs)'),
  count: z
    .enum(['true', 'false'])
    .optional()
    .describe(`true: also count the matching petitions, up to ${LIST_COUNT_CAP.toLocaleString('en')} (a filtered list's total; first page only)`),
});

const WorkbenchCountQuery = WorkbenchListQuery.omit({ cursor: true, limit: true, sort: true, count: true });

/** A list request's filters, as its count reads them. */
const countQuery = ({ cursor: _cursor, limit: _limit, sort: _sort, count: _count, ...q }: z.infer<typeof WorkbenchListQuery>): z.infer<typeof WorkbenchCountQuery> => q;

/** A tab of this user's that is a list; a 400 naming the tab otherwise. */
function tabOf(user: SessionUser, day: string, key: TabKey): Tab & { where: SQL } {
  const tab = tabsFor(user, day).find((t) => t.key === key);
  if (!tab || tab.where === null)
    throw badRequest('unknownTab', { zh: `tab：您的角色没有“${key}”列表`, en: `tab: your role has no "${key}" list` }, { field: 'tab' });
  return { ...tab, where: tab.where };
}

/** The petitions of a tab that pass the list filters, within the user's visibility. */
function matchingSql(user: SessionUser, tab: Tab & { where: SQL }, q: z.infer<typeof WorkbenchCountQuery>, day: string): SQL[] {
  return [visible(user), tab.where, ...listFilterSql(q, day, tab.due)];
}

/**
 * How many petitions of a tab match: under All with a cockpit drill-down's filters, exactly, as the figure was
 * counted (dashboards/list-total.ts); otherwise counted up to LIST_COUNT_CAP (capped: at least that many).
 */
async function listTotal(deps: Deps, user: SessionUser, tab: TabKey, matching: SQL[], q: z.infer<typeof WorkbenchCountQuery>) {
  if (tab === 'all') {
    const { tab: _all, ...filters } = q;
    const exact = await drillDownTotal(deps, user, filters);
    if (exact !== null) return { count: exact, capped: false };
  }
  return countUpToCap(deps, matching, q);
}

/** How many petitions match, counted up to LIST_COUNT_CAP (capped: at least that many). */
async function countUpToCap(deps: Deps, matching: SQL[], q: { measure?: RateMeasure | undefined }) {
  const upToCap = joinFacts(deps.db.select({ one: sql`1` }).from(petitions).$dynamic(), q)
    .where(and(...matching))
    .limit(LIST_COUNT_CAP)
    .as('s');
  const [row] = await deps.db.select({ n: sql<number>`count(*)`.mapWith(Number) }).from(upToCap);
  const count = row?.n ?? 0;
  return { count, capped: count === LIST_COUNT_CAP };
}

/** The to-do tabs of a role, in the order the workbench shows them. */
export function tabsFor(actor: SessionUser, today: string): Tab[] {
  const overdue = lt(petitions.nextDueOn, today);
  const dueSoon = and(gte(petitions.nextDueOn, today), lte(petitions.nextDueOn, addDays(today, DUE_SOON_DAYS)))!;
  const mine = actor.unitId ? eq(petitions.currentUnitId, actor.unitId) : sql`false`;
  // Notices to answer go with the unit they were issued to, which may no longer hold the petition (a lower office
  // supervised for not routing one, which has routed it since).
  const supervised: Tab = {
    key: 'supervised',
    where: actor.unitId ? sql`${petitions.supervisedUnitIds} @> array[${actor.unitId}]::text[]` : sql`false`,
    sort: 'due',
    ...(actor.unitId ? { due: noticeDueSql(actor.unitId) } : {}),
  };
  const all: Tab = { key: 'all', where: sql`true`, sort: 'received' };
  switch (actor.role) {
    case 'clerk':
      return [
        { key: 'toRoute', where: and(eq(petitions.status, 'registered'), actor.unitId ? mine : sql`true`)!, sort: 'due' },
        { key: 'objections', where: and(eq(petitions.status, 'objected'), actor.unitId ? mine : sql`true`)!, sort: 'due' },
        supervised,
        { key: 'overdue', where: overdue, sort: 'due' },
        { key: 'dueSoon', where: dueSoon, sort: 'due' },
        all,
      ];
    case 'handler':
    case 'unitHead': {
      const office: Tab[] = actor.atPetitionOffice
        ? [
            { key: 'toRoute', where: and(eq(petitions.status, 'registered'), mine)!, sort: 'due' },
            { key: 'objections', where: and(eq(petitions.status, 'objected'), mine)!, sort: 'due' },
          ]
        : [];
      return [
        ...office,
        { key: 'toReceive', where: and(mine, eq(petitions.status, 'awaitingAcceptance'))!, sort: 'due' },
        { key: 'handling', where: and(mine, inArray(petitions.status, ['accepted', 'replied']))!, sort: 'due' },
        { key: 'coHandling', where: coHandledBy(actor.unitId), sort: 'due' },
        { key: 'reviews', where: and(mine, inArray(petitions.status, ['underReview', 'underReReview']))!, sort: 'due' },
        supervised,
        { key: 'overdue', where: and(mine, overdue)!, sort: 'due' },
        all,
      ];
    }
    case 'leader':
      return [
        { key: 'overdue', where: overdue, sort: 'due' },
        { key: 'recent', where: gte(petitions.receivedOn, addDays(today, -30)), sort: 'received' },
        all,
      ];
    case 'supervisor':
      return [
        { key: 'overdue', where: overdue, sort: 'due' },
        { key: 'lateUnits', where: null, sort: 'due' },
        { key: 'dueSoon', where: dueSoon, sort: 'due' },
        all,
      ];
    case 'admin':
    case 'proxyAgent':
      return [all];
  }
}

/**
 * How many petitions each tab holds. One subquery per tab, each planned on its own indexes (the to-do tabs hold
 * open petitions only); the "all" tab is counted up to `cap`: at 1,000,000 petitions counting all a city office
 * sees took 350 ms at every landing (bench/lists-scale.ts), for a figure the badge shows as 9999+ anyway.
 */
export async function tabCounts(deps: Deps, user: SessionUser, tabs: Tab[], day: string, cap = COUNT_CAP) {
  const lists = tabs.filter((t): t is Tab & { where: SQL } => t.where !== null);
  const select = Object.fromEntries(
    lists.map((t) => [
      t.key,
      (t.key === 'all'
        ? sql<number>`(select count(*) from (select 1 from ${petitions} where ${visible(user)} limit ${cap}) s)`
        : sql<number>`(select count(*) from ${petitions} where ${visible(user)} and ${t.where})`
      ).mapWith(Number),
    ]),
  );
  const [row] = await deps.db.select(select).from(sql`(select 1) one`);
  const counts: Partial<Record<TabKey, number>> = { ...(row as Record<string, number>) };
  const capped: TabKey[] = counts.all === cap ? ['all'] : [];
  if (tabs.some((t) => t.key === 'lateUnits')) counts.lateUnits = (await lateUnits(deps, user, day)).length;
  return { counts, capped };
}

/**
 * The day by which the unit must answer its earliest open notice on the petition: the running Art. 40 clock of
 * each notice issued to it (petition_clocks, kept with the state). The tab of notices sorts and shows by it, not by
 * the petition's next deadline, which may be another unit's (the office supervised for not routing a petition has
 * since routed it, and the receiving unit's deadline comes first).
 */
function noticeDueSql(unitId: string): SQL {
  return sql`(select min(c.due_on)::text from petition_clocks c
    where c.petition_id = ${petitions.id} and c.jurisdiction_code = ${petitions.jurisdictionCode} and c.status = 'running'
      and c.name in (select 'supervision:' || (s->>'id') from jsonb_array_elements(${petitions.state}->'supervisions') s
                     where s->>'unitId' = ${unitId} and s->>'answeredOn' is null))`;
}

/**
 * Petitions a joint conference gave this unit as a co-unit (协办), while the lead unit receives and handles them:
 * the unit is among the involved units (GIN-indexed) and among the decided conference's co-units.
 */
function coHandledBy(unitId: string | null): SQL {
  if (!unitId) return sql`false`;
  return and(
    sql`${petitions.involvedUnitIds} @> array[${unitId}]::text[]`,
    inArray(petitions.status, ['awaitingAcceptance', 'accepted']),
    sql`${petitions.state}->'jointConference'->>'decidedOn' is not null`,
    sql`${petitions.state}->'jointConference'->'coUnits' @> ${JSON.stringify([{ id: unitId }])}::jsonb`,
  )!;
}

function visible(actor: SessionUser) {
  return visibilitySql(visibilityFilter(actor));
}

const badCursor = () =>
  badRequest('invalidCursor', { zh: 'cursor：分页游标无效', en: 'cursor: not a valid page cursor' }, { field: 'cursor' });

function encodeCursor(sort: 'due' | 'received', key: string | null, id: string) {
  return Buffer.from(`${sort}|${key ?? ''}|${id}`).toString('base64url');
}

/**
 * Keyset paging: due = (the tab's due day, next_due_on unless said, asc nulls last, id asc); received = (received_on
 * desc, id desc), also said on the joined facts of a list that walks them (`byFacts`), whose index scan then starts at
 * the cursor.
 */
function cursorSql(cursor: string, sort: 'due' | 'received', byFacts: boolean, due: SQL): SQL {
  const [s, key, id] = Buffer.from(cursor, 'base64url').toString('utf8').split('|');
  // The key is a real date (core's isIsoDate, as the list's date filters), or empty for no due date.
  if (s !== sort || key === undefined || !isCursorId(id) || (key !== '' && !isIsoDate(key)))
    throw badCursor();
  if (sort === 'received') {
    if (!key) throw badCursor();
    return receivedBefore(key, id, byFacts);
  }
  if (key === '') return and(sql`${due} is null`, gt(petitions.id, id))!;
  return or(sql`${due} > ${key}`, and(sql`${due} = ${key}`, gt(petitions.id, id)), sql`${due} is null`)!;
}

export const workbenchRoutes =
  (deps: Deps): FastifyPluginAsyncZod =>
  async (app) => {
    const today = () => deps.clockSettings.context(deps.now()).today;

    app.get(
      '/context',
      {
        schema: {
          tags: ['workbench'],
          summary: 'The signed-in user with unit and jurisdiction names, today by the server clock, and the to-do tabs',
          response: { 200: WorkbenchContext, ...errors },
        },
      },
      async (req) => {
        const user = await req.user();
        const [unit] = user.unitId
          ? await deps.db.select({ id: units.id, name: units.name, kind: units.kind }).from(units).where(eq(units.id, user.unitId))
          : [];
        const [place] = await deps.db
          .select({ code: jurisdictions.code, name: jurisdictions.name })
          .from(jurisdictions)
          .where(eq(jurisdictions.code, user.jurisdictionCode));
        const day = today();
        return {
          today: day,
          user: {
            id: user.userId,
            username: user.username,
            displayName: user.displayName,
            role: user.role,
            unitId: user.unitId,
            jurisdictionCode: user.jurisdictionCode,
            atPetitionOffice: user.atPetitionOffice,
          },
          unit: unit ?? null,
          jurisdiction: place ?? null,
          tabs: tabsFor(user, day).map((t) => ({ key: t.key, sort: t.sort })),
        };
      },
    );

    app.get(
      '/counts',
      {
        schema: {
          tags: ['workbench'],
          summary: 'How many petitions each of my to-do tabs holds (lateUnits: how many units are late)',
          response: { 200: WorkbenchCounts, ...errors },
        },
      },
      async (req) => {
        const user = await req.user();
        const day = today();
        return { today: day, ...(await tabCounts(deps, user, tabsFor(user, day), day)) };
      },
    );

    app.get(
      '/petitions',
      {
        schema: {
          tags: ['workbench'],
          summary: 'One to-do tab, with the list filters of /api/petitions, sorted by due date or by receipt',
          querystring: WorkbenchListQuery,
          response: { 200: PetitionList, ...errors },
        },
      },
      async (req) => {
        const user = await req.user();
        const day = today();
        const q = req.query;
        const tab = tabOf(user, day, q.tab);
        const sort = q.sort ?? tab.sort;
        const matching = matchingSql(user, tab, q, day);
        await freshFacts(deps, q);
        const where = [...matching];
        const due = tab.due ?? sql`${petitions.nextDueOn}`;
        if (q.cursor) where.push(cursorSql(q.cursor, sort, walksFacts(q), due));
        // A filtered list's total (a cockpit figure drilled down to, a search): counted up to a cap, as the
        // "all" tab is, so a broad filter at 1,000,000 petitions stops early.
        const counting = q.count === 'true' && !q.cursor;
        const order =
          sort === 'due'
            ? [sql`${due} asc nulls last`, asc(petitions.id)]
            : newestFirst(byDeadline(q) || tab.key === 'overdue' || tab.key === 'dueSoon', walksFacts(q));
        // A tab's own due day comes with each row (the notices' answer day in the supervised tab), read where the
        // page is ordered by it: the list and its cursor show the value the order used.
        const tabDue = sql<string | null>`${tab.due ?? sql`null::text`}`;
        const [rows, counted] = await Promise.all([
          joinFacts(deps.db.select({ ...getTableColumns(petitions), tabDue }).from(petitions).$dynamic(), q)
            .where(and(...where))
            .orderBy(...order)
            .limit(q.limit + 1),
          counting ? listTotal(deps, user, tab.key, matching, countQuery(q)) : null,
        ]);
        const page = rows.slice(0, q.limit);
        const names = await unitNames(deps.db, listedUnitIds(page));
        const people = await listedPeople(deps.db, deps.keys, page);
        const last = page[page.length - 1];
        return {
          items: page.map((r) => ({
            ...listItem({ ...r, title: people.title(r) }, names, day, people.first.get(r.id) ?? ''),
            ...(tab.due ? { noticeDueOn: r.tabDue } : {}),
          })),
          nextCursor:
            rows.length > q.limit && last ? encodeCursor(sort, sort === 'due' ? (tab.due ? last.tabDue : last.nextDueOn) : last.receivedOn, last.id) : null,
          ...(counted ? { total: counted } : {}),
        };
      },
    );

    app.get(
      '/petitions/count',
      {
        schema: {
          tags: ['workbench'],
          summary: `How many petitions a tab holds with the list filters, counted up to ${LIST_COUNT_CAP.toLocaleString('en')}`,
          description:
            'A filtered list\'s total on its own (the inbox asks for it beside the page, so the page never waits for it): reads no personal data.',
          querystring: WorkbenchCountQuery,
          response: { 200: ListTotal, ...errors },
        },
      },
      async (req) => {
        const user = await req.user();
        const day = today();
        const tab = tabOf(user, day, req.query.tab);
        const matching = matchingSql(user, tab, req.query, day);
        await freshFacts(deps, req.query);
        return listTotal(deps, user, tab.key, matching, req.query);
      },
    );

    app.get(
      '/late-units',
      {
        schema: {
          tags: ['workbench'],
          summary: 'Units with overdue petitions in my view, most overdue first (supervision)',
          response: { 200: LateUnits, ...errors },
        },
      },
      async (req) => lateUnits(deps, await req.user(), today()),
    );

    app.get(
      '/respondents',
      {
        schema: {
          tags: ['workbench'],
          summary: 'Respondents named in earlier petitions I may see, most frequent first (intake suggestions; without q, among the 2,000 most recent of the last 90 days)',
          querystring: z.object({ q: z.string().trim().max(100).default(''), limit: z.coerce.number().int().min(1).max(50).default(10) }),
          response: { 200: RespondentSuggestions, ...errors },
        },
      },
      async (req) => {
        const user = await req.user();
        const where: SQL[] = [visible(user), sql`${petitions.respondentName} is not null`];
        if (req.query.q) {
          const grams = bigramsOf(req.query.q);
          if (grams) where.push(grams);
          where.push(sql`${petitions.respondentName} like ${containing(req.query.q)}`);
        } else where.push(gte(petitions.receivedOn, addDays(today(), -RECENT_RESPONDENT_DAYS)));
        // Before anything is typed: the most frequent among the most recent petitions, read newest first from the
        // index (grouping every petition took 0.5 s at 1,000,000, at every focus of the intake field).
        const base = deps.db
          .select({ name: petitions.respondentName, unitId: petitions.respondentUnitId })
          .from(petitions)
          .where(and(...where))
          .$dynamic();
        const named = (req.query.q ? base : base.orderBy(desc(petitions.receivedOn), desc(petitions.id)).limit(RECENT_RESPONDENT_PETITIONS)).as('named');
        const count = sql<number>`count(*)`.mapWith(Number);
        const rows = await deps.db
          .select({ name: named.name, unitId: named.unitId, count })
          .from(named)
          .groupBy(named.name, named.unitId)
          .orderBy(desc(count), asc(named.name))
          .limit(req.query.limit);
        return rows.map((r) => ({ name: r.name ?? '', unitId: r.unitId, count: r.count }));
      },
    );
  };

/**
 * The units with something late: the petitions they hold past their next deadline (core nextDue, the holder's
 * own), and the supervision notices they were issued and have not answered in time though they no longer hold the
 * petition (an office supervised for not routing one, which has routed it since): the notice is theirs, not the
 * holder's. Each unit's due-soon and open figures are of the petitions it holds.
 */
async function lateUnits(deps: Deps, user: SessionUser, today: string) {
  const late = sql`count(*) filter (where ${petitions.nextDueOn} < ${today})`;
  const overdue = sql<number>`${late}`.mapWith(Number);
  const dueSoon = sql<number>`count(*) filter (where ${petitions.nextDueOn} >= ${today} and ${petitions.nextDueOn} <= ${addDays(today, DUE_SOON_DAYS)})`.mapWith(Number);
  const open = sql<number>`count(*)`.mapWith(Number);
  const lateNotices = await lateNoticesElsewhere(deps, user, today);
  const held = await deps.db
    .select({ unitId: petitions.currentUnitId, overdue, dueSoon, open })
    .from(petitions)
    .where(and(visible(user), sql`${petitions.currentUnitId} is not null`, sql`${petitions.nextDueOn} is not null`))
    .groupBy(petitions.currentUnitId)
    .having(lateNotices.size ? or(sql`${late} > 0`, inArray(petitions.currentUnitId, [...lateNotices.keys()])) : sql`${late} > 0`);
  const byUnit = new Map(held.map((r) => [r.unitId!, { unitId: r.unitId!, overdue: r.overdue, dueSoon: r.dueSoon, open: r.open }]));
  for (const [unitId, n] of lateNotices) {
    const row = byUnit.get(unitId) ?? { unitId, overdue: 0, dueSoon: 0, open: 0 };
    byUnit.set(unitId, { ...row, overdue: row.overdue + n });
  }
  const rows = [...byUnit.values()];
  const names = await unitNames(deps.db, rows.map((r) => r.unitId));
  return rows
    .map((r) => ({ ...r, name: names.get(r.unitId) ?? r.unitId }))
    .sort((a, b) => b.overdue - a.overdue || (a.unitId < b.unitId ? -1 : a.unitId > b.unitId ? 1 : 0));
}

/**
 * Per unit, the visible petitions on which a notice issued to it, while another unit holds them now, is running
 * past its answer day. Read from the running Art. 40 clocks past due (petition_clocks_due_idx), so it reads the few
 * late clocks, not every petition.
 */
async function lateNoticesElsewhere(deps: Deps, user: SessionUser, today: string): Promise<Map<string, number>> {
  const unitId = sql<string>`s.notice->>'unitId'`;
  const rows = await deps.db
    .select({ unitId, n: sql<number>`count(distinct ${petitions.id})`.mapWith(Number) })
    .from(petitionClocks)
    .innerJoin(petitions, and(eq(petitions.id, petitionClocks.petitionId), eq(petitions.jurisdictionCode, petitionClocks.jurisdictionCode)))
    .innerJoin(
      sql`lateral jsonb_array_elements(${petitions.state}->'supervisions') as s(notice)`,
      sql`${petitionClocks.name} = 'supervision:' || (s.notice->>'id')`,
    )
    .where(
      and(
        eq(petitionClocks.status, 'running'),
        lt(petitionClocks.dueOn, today),
        sql`${petitionClocks.name} like 'supervision:%'`,
        sql`${unitId} is distinct from ${petitions.currentUnitId}`,
        sql`${unitId} is not null`,
        visible(user),
      ),
    )
    .groupBy(unitId);
  return new Map(rows.map((r) => [r.unitId, r.n]));
}
