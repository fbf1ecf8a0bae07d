import { describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { users } from '../src/db/schema';
import { sweep } from '../src/sweeps/sweep';
import { available, engineName, useTestApp } from './support/app';
import { call, command, register } from './support/http';

describe.skipIf(!available)(`leader ownership and supervision drafts (${engineName})`, () => {
  const t = useTestApp();

  it('lets the office make a leader owner, the leader plan and record progress, and lists the owner’s cases', async () => {
    t.clock.set('2026-03-02');
    const p = await register(t, { title: '包案：征地补偿积案' });
    const [leader] = await t.deps.db.select().from(users).where(eq(users.username, 'leader'));
    expect((await call(t, 'handler', 'PUT', `/api/petitions/${p.id}/owner`, { leaderUserId: leader!.id })).statusCode).toBe(404);
    const owned = await call(t, 'clerk', 'PUT', `/api/petitions/${p.id}/owner`, {
      leaderUserId: leader!.id,
      targetOn: '2026-06-30',
      steps: [{ text: '召开联席会议核实补偿标准' }],
    });
    expect(owned.statusCode, owned.body).toBe(200);
    expect(owned.json()).toMatchObject({ leader: { name: '测试leader' }, status: 'active', targetOn: '2026-06-30' });
    const plan = await call(t, 'leader', 'PUT', `/api/petitions/${p.id}/owner/plan`, {
      steps: [
        { text: '召开联席会议核实补偿标准', done: true },
        { text: '督促街道兑付补偿款', due: '2026-05-31' },
      ],
      targetOn: '2026-06-15',
    });
    expect(plan.json().plan.steps).toHaveLength(2);
    expect((await call(t, 'handler', 'PUT', `/api/petitions/${p.id}/owner/plan`, { steps: [], targetOn: null })).statusCode).toBe(404);
    const progress = await call(t, 'leader', 'POST', `/api/petitions/${p.id}/owner/progress`, { text: '已约谈街道负责人' });
    expect(progress.json().progress).toEqual([{ on: '2026-03-02', text: '已约谈街道负责人', by: '测试leader' }]);
    const mine = (await call(t, 'leader', 'GET', '/api/owners/me')).json();
    expect(mine).toEqual([expect.objectContaining({ petitionId: p.id, stepsDone: 1, steps: 2, ownership: 'active', deadlines: { route: '2026-03-17' } })]);
    const done = await call(t, 'leader', 'POST', `/api/petitions/${p.id}/owner/progress`, { text: '补偿款已兑付，问题化解', resolved: true });
    expect(done.json().status).toBe('resolved');
    expect((await call(t, 'leader', 'POST', `/api/petitions/${p.id}/owner/progress`, { text: 'x' })).statusCode).toBe(409);
    expect((await call(t, 'clerk', 'GET', `/api/petitions/${p.id}/owner`)).json().status).toBe('resolved');

    // The cases still being resolved come first, the soonest target first; resolved ones after them.
    const later = await register(t, { title: '包案：欠薪积案' });
    const open = await register(t, { title: '包案：无化解时限' });
    expect((await call(t, 'leader', 'PUT', `/api/petitions/${later.id}/owner`, { targetOn: '2026-09-30' })).statusCode).toBe(200);
    expect((await call(t, 'leader', 'PUT', `/api/petitions/${open.id}/owner`, {})).statusCode).toBe(200);
    const order = (await call(t, 'leader', 'GET', '/api/owners/me')).json().map((c: { petitionId: string }) => c.petitionId);
    expect(order).toEqual([later.id, open.id, p.id]);
  });

  it('refuses an impossible target or step date with a 400 in zh and en, and keeps what was saved', async () => {
    t.clock.set('2026-03-02');
    const p = await register(t, { title: '包案：不存在的日期' });
    const [leader] = await t.deps.db.select().from(users).where(eq(users.username, 'leader'));
    const owner = `/api/petitions/${p.id}/owner`;
    const bad = await call(t, 'clerk', 'PUT', owner, { leaderUserId: leader!.id, targetOn: '2026-02-30' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json()).toMatchObject({ field: 'targetOn', message: 'targetOn：应为真实存在的日期（YYYY-MM-DD）' });
    expect((await call(t, 'clerk', 'GET', owner)).json()).toBeNull();
    expect((await call(t, 'clerk', 'PUT', owner, { leaderUserId: leader!.id, targetOn: '2026-06-30' })).statusCode).toBe(200);
    const plan = await call(t, 'leader', 'PUT', `${owner}/plan`, { steps: [{ text: 'x', due: '2026-13-01' }], targetOn: '2026-04-31' }, { 'accept-language': 'en' });
    expect(plan.statusCode).toBe(400);
    expect(plan.json().issues).toEqual([
      { field: 'steps.0.due', message: 'a real date as YYYY-MM-DD' },
      { field: 'targetOn', message: 'a real date as YYYY-MM-DD' },
    ]);
    expect((await call(t, 'clerk', 'GET', owner)).json()).toMatchObject({ targetOn: '2026-06-30', plan: { steps: [] } });
  });

  it('shows the office the supervision notices the sweep drafted, which it issues or dismisses', async () => {
    t.clock.set('2026-04-01');
    const p = await register(t, { title: '督办草稿测试' });
    await command(t, 'clerk', p.id, 'assign', { unitId: 'city-labor' });
    t.clock.set('2026-04-30');
    await sweep(t.deps);
    const drafts = (await call(t, 'supervisor', 'GET', '/api/supervision-drafts')).json();
    const mine = drafts.find((d: { petitionId: string }) => d.petitionId === p.id);
    expect(mine).toMatchObject({ unitId: 'city-labor', clock: 'receiptNotice', status: 'draft' });
    await command(t, 'supervisor', p.id, 'supervise', { reason: 'late', note: mine.note });
    expect((await call(t, 'supervisor', 'POST', `/api/supervision-drafts/${mine.id}/dismiss`)).json()).toEqual({ ok: true });
    const after = (await call(t, 'supervisor', 'GET', '/api/supervision-drafts')).json();
    expect(after.find((d: { id: string }) => d.id === mine.id)).toBeUndefined();
    expect((await call(t, 'handler', 'GET', '/api/supervision-drafts')).statusCode).toBe(403);
  });
});
