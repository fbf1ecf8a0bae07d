import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { eq, sql } from 'drizzle-orm';
import { addDays, replay, supervisedUnitIdsOf } from '@qiao/core';
import { petitionRefolds, petitions } from '../src/db/schema';
import { refoldQueued } from '../src/petitions/refold';
import { loadEvents } from '../src/petitions/repo';
import { LateUnits, PetitionList, RespondentSuggestions, WorkbenchContext, WorkbenchCounts } from '@qiao/contracts';
import { available, engineName, useTestApp } from './support/app';
import { call, command, register } from './support/http';
import { authenticate } from '../src/auth/actor';
import { tabCounts, tabsFor } from '../src/workbench/routes';

type Item = { id: string; nextDueOn: string | null; overdue: boolean; receivedOn: string; status: string };
type List = { items: Item[]; nextCursor: string | null };

describe.skipIf(!available)(`workbench API (${engineName})`, () => {
  const t = useTestApp();
  const ids: Record<string, string> = {};

  it('tells who I am, my unit and place by name, today by the server clock, and my tabs', async () => {
    const res = await call(t, 'clerk', 'GET', '/api/workbench/context');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({
      today: '2026-03-02',
      user: { username: 'clerk', role: 'clerk', atPetitionOffice: true },
      unit: { id: 'city-office', name: '青川市信访局', kind: 'petitionOffice' },
      jurisdiction: { code: '339900', name: '青川市' },
    });
    expect(res.json().tabs.map((x: { key: string }) => x.key)).toEqual(['toRoute', 'objections', 'supervised', 'overdue', 'dueSoon', 'all']);
    const handler = (await call(t, 'handler', 'GET', '/api/workbench/context')).json();
    expect(handler.tabs.map((x: { key: string }) => x.key)).toEqual(['toReceive', 'handling', 'coHandling', 'reviews', 'supervised', 'overdue', 'all']);
    const supervisor = (await call(t, 'supervisor', 'GET', '/api/workbench/context')).json();
    expect(supervisor.tabs.map((x: { key: string }) => x.key)).toContain('lateUnits');
    expect((await call(t, null, 'GET', '/api/workbench/context')).statusCode).toBe(401);
  });

  it('counts each tab within the visibility of the lists', async () => {
    ids.a = (await register(t, { title: '甲：拖欠工资' })).id;
    t.clock.advanceDays(1);
    ids.b = (await register(t, { title: '乙：拖欠工资' })).id;
    ids.accusation = (
      await register(t, {
        category: 'accusation',
        title: '丙：检举劳动保障局工作人员',
        respondent: { name: '青川市人力资源和社会保障局', unitId: 'city-labor' },
      })
    ).id;
    await command(t, 'clerk', ids.a, 'assign', { unitId: 'city-labor' });
    await command(t, 'clerk', ids.b, 'assign', { unitId: 'city-labor' });

    const clerk = (await call(t, 'clerk', 'GET', '/api/workbench/counts')).json();
    expect(clerk.counts).toMatchObject({ toRoute: 1, objections: 0, overdue: 0, all: 3 });
    const handler = (await call(t, 'handler', 'GET', '/api/workbench/counts')).json();
    expect(handler.counts).toMatchObject({ toReceive: 2, handling: 0, reviews: 0, overdue: 0, all: 2 });
    expect(clerk.capped).toEqual([]);

    // "All" is counted up to a cap (10,000 in the API), then said to be at least that many.
    const user = await authenticate(t.deps, `Bearer ${await t.token('clerk')}`);
    const tabs = tabsFor(user, '2025-01-01');
    expect(await tabCounts(t.deps, user, tabs, '2025-01-01', 2)).toMatchObject({ counts: { all: 2, toRoute: 1 }, capped: ['all'] });
    expect(await tabCounts(t.deps, user, tabs, '2025-01-01', 4)).toMatchObject({ counts: { all: 3 }, capped: [] });

    // The accusation is about the labour bureau: it is neither counted nor listed for it.
    const all = (await call(t, 'handler', 'GET', '/api/workbench/petitions?tab=all&text=%E6%A3%80%E4%B8%BE')).json<List>();
    expect(all.items).toEqual([]);
  });

  it('lists a tab earliest deadline first with cursor paging, and honours the list filters', async () => {
    await command(t, 'handler', ids.a!, 'notifyReceipt', {});
    await command(t, 'handler', ids.a!, 'accept', {});
    const toReceive = (await call(t, 'handler', 'GET', '/api/workbench/petitions?tab=toReceive')).json<List>();
    expect(toReceive.items.map((i) => i.id)).toEqual([ids.b]);

    const first = (await call(t, 'handler', 'GET', '/api/workbench/petitions?tab=all&limit=1')).json<List>();
    expect(first.items).toHaveLength(1);
    expect(first.nextCursor).toBeTruthy();
    const second = (
      await call(t, 'handler', 'GET', `/api/workbench/petitions?tab=all&limit=1&cursor=${first.nextCursor}`)
    ).json<List>();
    expect(second.items).toHaveLength(1);
    expect(second.nextCursor).toBeNull();
    expect(new Set([first.items[0]!.id, second.items[0]!.id])).toEqual(new Set([ids.a, ids.b]));

    const byDue = (await call(t, 'handler', 'GET', '/api/workbench/petitions?tab=all&sort=due&limit=1')).json<List>();
    const rest = (await call(t, 'handler', 'GET', `/api/workbench/petitions?tab=all&sort=due&limit=5&cursor=${byDue.nextCursor}`)).json<List>();
    const dues = [...byDue.items, ...rest.items].map((i) => i.nextDueOn ?? '9999');
    expect(dues).toEqual([...dues].sort());

    const filtered = (await call(t, 'handler', 'GET', '/api/workbench/petitions?tab=all&status=accepted')).json<List>();
    expect(filtered.items.map((i) => i.id)).toEqual([ids.a]);
    expect(filtered).not.toHaveProperty('total'); // counted only when asked

    // A filtered list's total on request (a cockpit figure drilled down to), on the first page only: all of them,
    // not just the page's.
    const counted = (await call(t, 'handler', 'GET', '/api/workbench/petitions?tab=all&status=accepted,awaitingAcceptance&count=true&limit=1')).json<List & { total?: unknown }>();
    expect(counted.items).toHaveLength(1);
    expect(counted.total).toEqual({ count: 2, capped: false });
    const none = (await call(t, 'handler', 'GET', '/api/workbench/petitions?tab=all&status=concluded&count=true')).json<List & { total?: unknown }>();
    expect(none.total).toEqual({ count: 0, capped: false });
    const later = (await call(t, 'handler', 'GET', `/api/workbench/petitions?tab=all&count=true&limit=1&cursor=${counted.nextCursor}`)).json<List & { total?: unknown }>();
    expect(later).not.toHaveProperty('total');
    // ... or alone, without reading a page (nor anyone's name), for the same tab and filters.
    const count = (query: string) => call(t, 'handler', 'GET', `/api/workbench/petitions/count?${query}`);
    expect((await count('tab=all&status=accepted,awaitingAcceptance')).json()).toEqual({ count: 2, capped: false });
    expect((await count('tab=toReceive')).json()).toEqual({ count: toReceive.items.length, capped: false });
    expect((await count('tab=all&status=concluded')).json()).toEqual({ count: 0, capped: false });
    expect((await count('tab=all&text=%E6%A3%80%E4%B8%BE')).json()).toEqual({ count: 0, capped: false }); // the accusation about its unit
    const badTab = await count('tab=toRoute');
    expect([badTab.statusCode, badTab.json().error]).toEqual([400, 'unknownTab']);
    expect((await count('tab=all&domain=weather')).statusCode).toBe(400);

    const bad = await call(t, 'handler', 'GET', '/api/workbench/petitions?tab=toRoute');
    expect(bad.statusCode).toBe(400);
    expect(bad.json()).toMatchObject({ error: 'unknownTab', field: 'tab' });
    const badCursor = await call(t, 'handler', 'GET', '/api/workbench/petitions?tab=all&cursor=nonsense');
    expect(badCursor.statusCode).toBe(400);
  });

  it('answers a tampered cursor (an impossible day, a malformed id) with 400, not a failed query', async () => {
    const id = '00000000-0000-4000-8000-000000000000';
    const cursor = (text: string) => Buffer.from(text).toString('base64url');
    for (const [query, text] of [
      ['tab=overdue', `due|2026-13-45|${id}`],
      ['tab=all&sort=due', `due|2026-02-30|${id}`],
      ['tab=all&sort=received', `received|2026-04-31|${id}`],
      ['tab=all&sort=due', `due||${'-'.repeat(36)}`],
    ] as const) {
      const res = await call(t, 'clerk', 'GET', `/api/workbench/petitions?${query}&cursor=${cursor(text)}`);
      expect(res.statusCode, `${text}: ${res.body}`).toBe(400);
      expect(res.json()).toMatchObject({ error: 'invalidCursor', field: 'cursor' });
    }
    expect((await call(t, 'clerk', 'GET', `/api/workbench/petitions?tab=overdue&cursor=${cursor(`due|2026-02-28|${id}`)}`)).statusCode).toBe(200);
  });

  it('shows what is overdue, and which units are late, to the supervisor', async () => {
    t.clock.advanceDays(20); // the receipt-notice limit (15 days) of petition b has passed
    const handler = (await call(t, 'handler', 'GET', '/api/workbench/counts')).json();
    expect(handler.counts.overdue).toBe(1);
    const overdue = (await call(t, 'supervisor', 'GET', '/api/workbench/petitions?tab=overdue')).json<List>();
    expect(overdue.items.map((i) => i.id)).toContain(ids.b);
    expect(overdue.items.every((i) => i.overdue)).toBe(true);
    const late = await call(t, 'supervisor', 'GET', '/api/workbench/late-units');
    expect(late.statusCode, late.body).toBe(200);
    expect(late.json()).toContainEqual(expect.objectContaining({ unitId: 'city-labor', name: '青川市人力资源和社会保障局', overdue: 1 }));
    const counts = (await call(t, 'supervisor', 'GET', '/api/workbench/counts')).json();
    expect(counts.counts.lateUnits).toBeGreaterThanOrEqual(1);
  });

  it('suggests respondents named in earlier petitions', async () => {
    const res = await call(t, 'clerk', 'GET', `/api/workbench/respondents?q=${encodeURIComponent('宏达')}`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()[0]).toMatchObject({ name: '青川市宏达建筑劳务有限公司', count: 2 });
    // The labour bureau never learns through suggestions that it is accused.
    const handler = (await call(t, 'handler', 'GET', '/api/workbench/respondents')).json();
    expect(handler.map((r: { name: string }) => r.name)).not.toContain('青川市人力资源和社会保障局');
    // Before anything is typed, the most frequent among the most recent petitions (2,000 of the last 90 days;
    // bench/lists-scale.ts times it at 1,000,000), most frequent first; typed, every earlier petition.
    const today = t.deps.clockSettings.context(t.deps.now()).today;
    await register(t, { receivedOn: addDays(today, -200), respondent: { name: '远古琉璃制品厂' } });
    const suggestions = async (q: string) =>
      (await call(t, 'clerk', 'GET', `/api/workbench/respondents?limit=50&q=${encodeURIComponent(q)}`)).json<{ name: string; count: number }[]>();
    const recent = await suggestions('');
    expect(recent.map((r) => r.count)).toEqual([...recent.map((r) => r.count)].sort((a, b) => b - a));
    expect(recent).toContainEqual(expect.objectContaining({ name: '青川市宏达建筑劳务有限公司', count: 2 }));
    expect(recent.map((r) => r.name)).not.toContain('远古琉璃制品厂');
    expect((await suggestions('远古')).map((r) => r.name)).toEqual(['远古琉璃制品厂']);
  });

  it('answers in the shapes of the shared contracts (packages/contracts/src/workbench.ts)', async () => {
    for (const user of ['clerk', 'handler', 'supervisor', 'leader', 'agent']) {
      const context = WorkbenchContext.parse((await call(t, user, 'GET', '/api/workbench/context')).json());
      const counts = WorkbenchCounts.parse((await call(t, user, 'GET', '/api/workbench/counts')).json());
      expect(Object.keys(counts.counts).sort(), user).toEqual(context.tabs.map((x) => x.key).sort());
      for (const tab of context.tabs.filter((x) => x.key !== 'lateUnits'))
        PetitionList.parse((await call(t, user, 'GET', `/api/workbench/petitions?tab=${tab.key}`)).json());
    }
    expect(LateUnits.parse((await call(t, 'supervisor', 'GET', '/api/workbench/late-units')).json()).length).toBeGreaterThan(0);
    expect(RespondentSuggestions.parse((await call(t, 'clerk', 'GET', '/api/workbench/respondents')).json()).length).toBeGreaterThan(0);
  });

  it('offers on the petition page only the actions that can apply now: resume while paused, answers to open supervision', async () => {
    const actions = async (user: string) => (await call(t, user, 'GET', `/api/petitions/${ids.a}`)).json<{ availableCommands: string[] }>().availableCommands;
    expect(await actions('handler')).toContain('pause');
    expect(await actions('handler')).not.toContain('resume');
    expect(await actions('handler')).not.toContain('answerSupervision');
    const refused = await call(t, 'handler', 'POST', `/api/petitions/${ids.a}/resume`, { expectedVersion: 4 });
    expect(refused.statusCode, refused.body).toBe(422);
    expect(refused.json().error).toBe('notPaused');

    await command(t, 'handler', ids.a!, 'pause', { reason: 'awaitingMaterial' });
    expect(await actions('handler')).toContain('resume');
    expect(await actions('handler')).not.toContain('pause');
    await command(t, 'handler', ids.a!, 'resume', {});
    expect(await actions('handler')).toContain('pause');

    const s = await command(t, 'supervisor', ids.a!, 'supervise', { reason: 'late', note: '请说明进展' });
    const supervisionId = Object.keys(s.deadlines).find((k) => k.startsWith('supervision:'))!.slice('supervision:'.length);
    expect(await actions('handler')).toContain('answerSupervision');
    await command(t, 'handler', ids.a!, 'answerSupervision', { supervisionId, text: '已补充材料，正在办理' });
    expect(await actions('handler')).not.toContain('answerSupervision');
  });

  it('lists the notices a unit has to answer in its own tab, also after it passed the petition on, until answered', async () => {
    const lower = await register(t, { title: '区信访局登记未转送的督办件' }, 'district-clerk');
    const tab = async (user: string) => {
      const list = (await call(t, user, 'GET', '/api/workbench/petitions?tab=supervised')).json<List>();
      const counts = (await call(t, user, 'GET', '/api/workbench/counts')).json<{ counts: Record<string, number> }>().counts;
      expect(counts.supervised).toBe(list.items.length);
      return list.items.map((i) => i.id);
    };
    expect(await tab('district-clerk')).not.toContain(lower.id);
    const s = await command(t, 'supervisor', lower.id, 'supervise', { reason: 'unrouted', note: '请于5日内转送交办。' });
    const noticeId = Object.keys(s.deadlines).find((k) => k.startsWith('supervision:'))!.slice('supervision:'.length);
    expect(await tab('district-clerk')).toContain(lower.id);
    // Routed since: still the office's notice to answer, not the bureau's, which now holds the petition.
    await command(t, 'district-clerk', lower.id, 'assign', { unitId: 'district-labor' });
    expect(await tab('district-clerk')).toContain(lower.id);
    expect(await tab('district-handler')).not.toContain(lower.id);
    await command(t, 'district-clerk', lower.id, 'answerSupervision', { supervisionId: noticeId, text: '已交办区人社局。' });
    expect(await tab('district-clerk')).not.toContain(lower.id);
  });

  it("shows, sorts, pages and filters the notices' tab by the day each notice must be answered, not the petition's next deadline", async () => {
    const noticeOf = (s: { deadlines: Record<string, string> }) => Object.entries(s.deadlines).find(([k]) => k.startsWith('supervision:'))!;
    // Supervised for not routing, then routed: the bureau's receipt deadline is the petition's next, the office's
    // notice is answered later.
    const routed = await register(t, { title: '督办后已交办，答复期限在后' }, 'district-clerk');
    const [, routedDue] = noticeOf(await command(t, 'supervisor', routed.id, 'supervise', { reason: 'unrouted', note: '请转送交办。', answerDays: 30 }));
    await command(t, 'district-clerk', routed.id, 'assign', { unitId: 'district-labor' });
    const soon = await register(t, { title: '督办答复期限在前' }, 'district-clerk');
    const [, soonDue] = noticeOf(await command(t, 'supervisor', soon.id, 'supervise', { reason: 'unrouted', note: '请尽快转送交办。', answerDays: 3 }));
    type Noticed = Item & { noticeDueOn?: string | null };
    const list = async (query = '') => {
      const res = await call(t, 'district-clerk', 'GET', `/api/workbench/petitions?tab=supervised${query}`);
      expect(res.statusCode, res.body).toBe(200);
      return PetitionList.parse(res.json()) as { items: Noticed[]; nextCursor: string | null };
    };
    const all = (await list()).items;
    const byId = new Map(all.map((i) => [i.id, i]));
    expect(byId.get(routed.id)?.noticeDueOn).toBe(routedDue);
    expect(byId.get(soon.id)?.noticeDueOn).toBe(soonDue);
    expect(byId.get(routed.id)!.nextDueOn! < routedDue).toBe(true);
    const dues = all.map((i) => i.noticeDueOn ?? '9999-12-31');
    expect(dues).toEqual([...dues].sort());
    expect(all.findIndex((i) => i.id === soon.id)).toBeLessThan(all.findIndex((i) => i.id === routed.id));
    // Page by page, one at a time, the same order.
    const paged: string[] = [];
    let cursor: string | null = null;
    do {
      const page = await list(`&limit=1${cursor ? `&cursor=${cursor}` : ''}`);
      paged.push(...page.items.map((i) => i.id));
      cursor = page.nextCursor;
    } while (cursor);
    expect(paged).toEqual(all.map((i) => i.id));
    // "Due by" reads the answer day too: the routed petition's own next deadline is that day, its notice's is later.
    const dueBy = (await list(`&dueBefore=${byId.get(routed.id)!.nextDueOn}`)).items;
    expect(dueBy.map((i) => i.id)).not.toContain(routed.id);
    expect(dueBy.every((i) => i.noticeDueOn! <= byId.get(routed.id)!.nextDueOn!)).toBe(true);
    expect((await list(`&dueBefore=${routedDue}`)).items.map((i) => i.id)).toEqual(expect.arrayContaining([routed.id, soon.id]));
    // Five days on, the short notice is late and the long one is not, whatever the petitions' own deadlines.
    const before = t.clock.current;
    try {
      t.clock.advanceDays(5);
      const late = (await list('&overdue=true')).items.map((i) => i.id);
      const notLate = (await list('&overdue=false')).items.map((i) => i.id);
      expect(late).toContain(soon.id);
      expect(late).not.toContain(routed.id);
      expect(notLate).toContain(routed.id);
      expect(notLate).not.toContain(soon.id);
      const counted = await call(t, 'district-clerk', 'GET', '/api/workbench/petitions/count?tab=supervised&overdue=true');
      expect(counted.json<{ count: number }>().count).toBe(late.length);
    } finally {
      t.clock.current = before;
    }
  });

  it('counts a late notice against the unit it was issued to, not the unit that holds the petition now', async () => {
    const p = await register(t, { title: '督办后已交办，督办答复逾期' }, 'district-clerk');
    const s = await command(t, 'supervisor', p.id, 'supervise', { reason: 'unrouted', note: '请转送交办。', answerDays: 2 });
    const noticeDue = Object.entries(s.deadlines).find(([k]) => k.startsWith('supervision:'))![1];
    const routed = await command(t, 'district-clerk', p.id, 'assign', { unitId: 'district-labor' });
    // The petition's next deadline is the bureau's, not the office's notice, due first.
    const item = async () =>
      (await call(t, 'district-clerk', 'GET', `/api/workbench/petitions?tab=supervised`)).json<List>().items.find((i) => i.id === p.id)!;
    expect(noticeDue < routed.deadlines.receiptNotice!).toBe(true);
    expect((await item()).nextDueOn).toBe(routed.deadlines.receiptNotice);
    const before = t.clock.current;
    try {
      t.clock.advanceDays(5);
      const late = LateUnits.parse((await call(t, 'supervisor', 'GET', '/api/workbench/late-units')).json());
      const heldLate = async (unit: string) => {
        const res = await call(t, 'supervisor', 'GET', `/api/petitions?unit=${unit}&overdue=true&limit=100`);
        return res.json<List>().items.filter((i) => i.id !== p.id).length;
      };
      // The office: its own late petitions, and this notice.
      expect(late.find((u) => u.unitId === 'district-office')?.overdue).toBe((await heldLate('district-office')) + 1);
      // The bureau: its own late petitions only (none from this one, which it received in time).
      expect(late.find((u) => u.unitId === 'district-labor')?.overdue ?? 0).toBe(await heldLate('district-labor'));
      expect((await item()).overdue).toBe(false);
      const handlerLate = (await call(t, 'district-handler', 'GET', '/api/workbench/petitions?tab=overdue')).json<List>().items;
      expect(handlerLate.map((i) => i.id)).not.toContain(p.id);
      const counts = (await call(t, 'supervisor', 'GET', '/api/workbench/counts')).json<{ counts: Record<string, number> }>().counts;
      expect(counts.lateUnits).toBe(late.length);
    } finally {
      t.clock.current = before;
    }
    // Stored before: its next deadline was the notice's. Migration 0013 queues it, start-up folds it again.
    await t.deps.db.execute(sql`update petitions set next_due_on = ${noticeDue} where id = ${p.id}`);
    const migration = readFileSync(new URL('../drizzle/0013_next_due_holder.sql', import.meta.url), 'utf8');
    await t.deps.db.execute(sql.raw(migration));
    const queued = await t.deps.db.select().from(petitionRefolds);
    expect(queued.map((q) => q.petitionId)).toContain(p.id);
    await refoldQueued(t.deps);
    expect((await item()).nextDueOn).toBe(routed.deadlines.receiptNotice);
    expect(await t.deps.db.select().from(petitionRefolds)).toEqual([]);
  });

  it('keeps the stored units with a notice to answer as the core reads them, also as migration 0011 fills them in', async () => {
    const noticed = () =>
      t.deps.db
        .select({ id: petitions.id, ids: petitions.supervisedUnitIds, state: petitions.state })
        .from(petitions)
        .where(sql`${petitions.state}->'supervisions' @> '[{}]'::jsonb`);
    // Two open notices, to the office that sat on it and to the bureau it routed to.
    const p = await register(t, { title: '两份督办通知待答复' }, 'district-clerk');
    await command(t, 'supervisor', p.id, 'supervise', { reason: 'unrouted', note: '请转送交办。' });
    await command(t, 'district-clerk', p.id, 'assign', { unitId: 'district-labor' });
    await command(t, 'supervisor', p.id, 'supervise', { reason: 'late', note: '请尽快受理。' });
    const stored = await noticed();
    expect(stored.find((r) => r.id === p.id)?.ids).toEqual(['district-labor', 'district-office']);
    for (const r of stored) expect(r.ids, r.id).toEqual(supervisedUnitIdsOf(r.state));
    // The migration's backfill, run again over emptied columns, writes the same.
    const migration = readFileSync(new URL('../drizzle/0011_supervised_units.sql', import.meta.url), 'utf8');
    const backfill = migration.split('--> statement-breakpoint').find((part) => part.includes('UPDATE'))!;
    await t.deps.db.execute(sql`update petitions set supervised_unit_ids = '{}'`);
    await t.deps.db.execute(sql.raw(backfill));
    const again = await noticed();
    expect(again.length).toBe(stored.length);
    for (const r of again) expect(r.ids, r.id).toEqual(supervisedUnitIdsOf(r.state));
  });

  it('gives a notice stored before notices named their unit the unit that held the petition then, from its history', async () => {
    // Supervised at the bureau, which then objected: the petition went back to the office, the notice stays the bureau's.
    const p = await register(t, { title: '旧督办通知' }, 'district-clerk');
    await command(t, 'district-clerk', p.id, 'assign', { unitId: 'district-labor' });
    await command(t, 'supervisor', p.id, 'supervise', { reason: 'late', note: '请尽快受理。' });
    await command(t, 'district-handler', p.id, 'object', { reason: '不属于本单位职责。' });
    await command(t, 'district-clerk', p.id, 'decideObjection', { approve: true, note: '同意，另行交办。' });
    // As such a notice was stored: no unit, and so no unit to answer it.
    await t.deps.db.execute(
      sql`update petitions set state = jsonb_set(state, '{supervisions,0}', (state->'supervisions'->0) - 'unitId'), supervised_unit_ids = '{}' where id = ${p.id}`,
    );
    // The migration queues it; start-up folds it again.
    const migration = readFileSync(new URL('../drizzle/0011_supervised_units.sql', import.meta.url), 'utf8');
    const queue = migration.split('--> statement-breakpoint').find((part) => part.includes('INSERT INTO "petition_refolds"'))!;
    await t.deps.db.execute(sql.raw(queue));
    const queued = await t.deps.db.select().from(petitionRefolds);
    expect(queued.map((q) => q.petitionId)).toEqual([p.id]);
    expect(await refoldQueued(t.deps)).toBe(1);
    expect(await t.deps.db.select().from(petitionRefolds)).toEqual([]);
    const [row] = await t.deps.db.select().from(petitions).where(eq(petitions.id, p.id));
    expect(row!.currentUnitId).toBe('district-office');
    expect(row!.state.supervisions[0]!.unitId).toBe('district-labor');
    expect(row!.supervisedUnitIds).toEqual(['district-labor']);
    const tab = (await call(t, 'district-handler', 'GET', '/api/workbench/petitions?tab=supervised')).json<List>();
    expect(tab.items.map((i) => i.id)).toContain(p.id);
    // Nothing else changed: the row is what replaying its history gives.
    expect(row!.state).toEqual(replay((await loadEvents(t.deps.db, p.id)).map((e) => e.event)));
  });
});
