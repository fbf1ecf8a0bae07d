import { describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { outbox, petitionOwners, reminders, supervisionDrafts, users } from '../src/db/schema';
import { decrypt } from '../src/lib/crypto';
import { sweep } from '../src/sweeps/sweep';
import { available, engineName, useTestApp } from './support/app';
import { command, register } from './support/http';

describe.skipIf(!available)(`deadline sweep (${engineName})`, () => {
  const t = useTestApp();

  async function noticesFor(petitionId: string) {
    const rows = await t.deps.db.select().from(outbox).where(and(eq(outbox.petitionId, petitionId), eq(outbox.channel, 'inApp')));
    const names = new Map((await t.deps.db.select().from(users)).map((u) => [u.id, u.username]));
    return rows.map((r) => ({ to: names.get(r.recipient), template: r.template, text: decrypt(t.deps.keys.encryption, r.bodyEnc) }));
  }

  it('reminds before the deadline, escalates to the unit head when late, then to the owning leader with a drafted supervision notice — each once', async () => {
    t.clock.set('2026-03-02');
    const p = await register(t, { title: '扫描测试：欠薪' });
    await command(t, 'clerk', p.id, 'assign', { unitId: 'city-labor' }); // receipt notice due 2026-03-17
    const [leader] = await t.deps.db.select().from(users).where(eq(users.username, 'leader'));
    const [clerk] = await t.deps.db.select().from(users).where(eq(users.username, 'clerk'));
    await t.deps.db.insert(petitionOwners).values({
      petitionId: p.id,
      jurisdictionCode: '339902001',
      leaderUserId: leader!.id,
      assignedBy: clerk!.id,
      assignedAt: t.clock.now(),
      plan: { steps: [] },
      targetOn: null,
      progress: [],
      status: 'active',
    });

    t.clock.set('2026-03-10'); // 7 days before: nothing yet
    await sweep(t.deps);
    expect(await noticesFor(p.id)).toEqual([]);

    t.clock.set('2026-03-14'); // 3 days before: due soon, to the unit's handler and head
    await sweep(t.deps);
    await sweep(t.deps); // a second run (or a restart) sends nothing new
    let notices = await noticesFor(p.id);
    expect(notices.map((n) => `${n.template}→${n.to}`).sort()).toEqual(['dueSoon→handler', 'dueSoon→head']);
    expect(notices[0]!.text).toContain('2026-03-17');

    t.clock.set('2026-03-18'); // a day late: to the unit head
    await sweep(t.deps);
    notices = await noticesFor(p.id);
    expect(notices.filter((n) => n.template === 'overdue').map((n) => n.to)).toEqual(['head']);

    t.clock.set('2026-03-24'); // 7 days late: to the owning leader, and a drafted notice for the office
    const r = await sweep(t.deps);
    expect(r.ran).toBe(true);
    await sweep(t.deps);
    notices = await noticesFor(p.id);
    expect(notices.filter((n) => n.template === 'escalated').map((n) => n.to)).toEqual(['leader']);
    expect(notices.filter((n) => n.template === 'supervisionDraft').map((n) => n.to).sort()).toEqual(['clerk', 'supervisor']);
    const drafts = await t.deps.db.select().from(supervisionDrafts).where(eq(supervisionDrafts.petitionId, p.id));
    expect(drafts).toHaveLength(1);
    expect(drafts[0]).toMatchObject({ unitId: 'city-labor', officeUnitId: 'city-office', clock: 'receiptNotice', status: 'draft' });
    const stages = (await t.deps.db.select().from(reminders).where(eq(reminders.petitionId, p.id))).map((x) => `${x.clock}:${x.stage}`);
    expect(stages.sort()).toEqual(['receiptNotice:dueSoon', 'receiptNotice:escalated', 'receiptNotice:overdue']);
  });

  it('stops reminding once the obligation is met, and reminds again for a new clock', async () => {
    t.clock.set('2026-04-01');
    const p = await register(t, { title: '扫描测试：已受理' });
    await command(t, 'clerk', p.id, 'assign', { unitId: 'city-labor' });
    await command(t, 'handler', p.id, 'accept'); // handling due 60 days later
    t.clock.set('2026-04-20');
    await sweep(t.deps);
    expect(await noticesFor(p.id)).toEqual([]);
    t.clock.set('2026-05-29'); // handling due 2026-05-31 (Sun) -> rolled to Jun 1; within 3 days
    await sweep(t.deps);
    const notices = await noticesFor(p.id);
    expect(notices.filter((n) => n.template === 'dueSoon')).toHaveLength(2);
    expect(notices[0]!.text).toContain('办理期限');
  });

  it('a paused clock is not reminded even if its stored row looks due', async () => {
    t.clock.set('2026-06-01');
    const p = await register(t, { title: '扫描测试：中止' });
    await command(t, 'clerk', p.id, 'assign', { unitId: 'city-labor' });
    await command(t, 'handler', p.id, 'accept');
    t.clock.set('2026-07-20');
    await command(t, 'handler', p.id, 'pause', { reason: 'awaitingMaterial' });
    t.clock.set('2026-08-20'); // without the pause it would be overdue
    await sweep(t.deps);
    expect((await noticesFor(p.id)).filter((n) => n.template !== 'dueSoon')).toEqual([]);
  });
});
