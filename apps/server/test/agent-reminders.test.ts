import { describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { outbox, users } from '../src/db/schema';
import { encrypt } from '../src/lib/crypto';
import { answerArrivedText } from '../src/notifications/outbox';
import { available, engineName, useTestApp } from './support/app';
import { call, command, register } from './support/http';

interface Notice {
  id: number;
  petitionId: string | null;
  template: string;
  text: string;
  read: boolean;
}

describe.skipIf(!available)(`a proxy agent's reminders (${engineName})`, () => {
  const t = useTestApp();

  it('tells the agent to pass the reply on, that the resident may rate it, and until when a review may be asked', async () => {
    t.clock.set('2026-04-01');
    const p = await register(t, { channel: 'proxy', residentConsent: true, title: '代理提交：高龄津贴停发' }, 'agent');
    await command(t, 'clerk', p.id, 'assign', { unitId: 'city-labor' });
    await command(t, 'handler', p.id, 'accept');
    expect((await call(t, 'agent', 'GET', '/api/notifications')).json().items).toEqual([]);
    t.clock.set('2026-04-10');
    const replied = await command(t, 'handler', p.id, 'reply', { outcome: 'support', text: '已恢复发放。' });
    expect(replied.deadlines.reviewRequest).toBe('2026-05-11');

    const inbox = (await call(t, 'agent', 'GET', '/api/notifications')).json<{ unread: number; items: Notice[] }>();
    expect(inbox.items).toHaveLength(1);
    const [notice] = inbox.items;
    expect(notice).toMatchObject({ petitionId: p.id, template: 'answerArrived', read: false });
    expect(notice!.text).toContain(p.trackingCode);
    expect(notice!.text).toContain('请及时告知信访人');
    expect(notice!.text).toContain('满意度评价');
    expect(notice!.text).toContain('可于 2026-05-11 前请求复查');
    // The same notice in the reader's language.
    const en = (await call(t, 'agent', 'GET', '/api/notifications', undefined, { 'accept-language': 'en-US,en;q=0.9' })).json<{ items: Notice[] }>();
    expect(en.items.map((n) => n.id)).toEqual([notice!.id]);
    expect(en.items[0]!.text).toBe(
      `The written opinion on petition ${p.trackingCode} (代理提交：高龄津贴停发), which you submitted as proxy, has been issued: please tell the petitioner.` +
        ' The petitioner may rate the outcome (satisfied, basically satisfied or dissatisfied). If they disagree, they may ask for a review until 2026-05-11.',
    );
    expect((await call(t, 'agent', 'GET', '/api/notifications?lang=en')).json<{ items: Notice[] }>().items[0]!.text).toBe(en.items[0]!.text);
    // Nobody else is told; the agent's notice names no staff member.
    expect((await call(t, 'agent2', 'GET', '/api/notifications')).json().items).toEqual([]);
    expect((await call(t, 'handler', 'GET', '/api/notifications')).json().items.filter((n: Notice) => n.petitionId === p.id)).toEqual([]);
  });

  it('says until when a re-review may be asked after a review, and that a re-review is final', () => {
    const row = { trackingCode: 'ABCD-EFGH-JKMN', title: '低保' };
    expect(answerArrivedText(row, 'reviewDecided', '2026-07-01')).toEqual({
      zh: '您代理的信访件 ABCD-EFGH-JKMN（低保）已出具复查意见，请及时告知信访人。如不服，可于 2026-07-01 前请求复核。',
      en: 'The review decision on petition ABCD-EFGH-JKMN (低保), which you submitted as proxy, has been issued: please tell the petitioner. If they disagree, they may ask for a re-review until 2026-07-01.',
    });
    expect(answerArrivedText(row, 'reReviewDecided', null).zh).toContain('复核意见为最终意见');
    expect(answerArrivedText(row, 'reReviewDecided', null).en).toContain('The re-review decision is final.');
    expect(answerArrivedText(row, 'replied', null).zh).not.toContain('前请求复查');
    expect(answerArrivedText(row, 'replied', null).en).not.toContain('ask for a review');
  });

  it('still reads a notice stored as plain Chinese text before both languages were kept, in either language', async () => {
    const [agent2] = await t.deps.db.select().from(users).where(eq(users.username, 'agent2'));
    const old = '您代理的信访件 OLD1-OLD2-OLD3（旧通知）已出具处理意见，请及时告知信访人。';
    const [row] = await t.deps.db
      .insert(outbox)
      .values({
        jurisdictionCode: '339902001',
        petitionId: null,
        channel: 'inApp',
        recipient: agent2!.id,
        template: 'answerArrived',
        bodyEnc: encrypt(t.deps.keys.encryption, old),
        nextAttemptAt: t.clock.now(),
        createdAt: t.clock.now(),
      })
      .returning({ id: outbox.id });
    for (const lang of ['zh-CN', 'en']) {
      const items = (await call(t, 'agent2', 'GET', '/api/notifications', undefined, { 'accept-language': lang })).json<{ items: Notice[] }>().items;
      expect(items.find((n) => n.id === row!.id)?.text).toBe(old);
    }
  });
});
