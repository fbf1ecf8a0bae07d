import { describe, expect, it } from 'vitest';
import { eq, inArray } from 'drizzle-orm';
import { outbox } from '../src/db/schema';
import { encrypt } from '../src/lib/crypto';
import { backoffMs, deliverOutbox, MAX_ATTEMPTS, type OutgoingMessage } from '../src/notifications/deliver';
import { consoleSender } from '../src/notifications/senders';
import { available, engineName, useTestApp } from './support/app';

describe.skipIf(!available)(`outbox delivery (${engineName})`, () => {
  const t = useTestApp();

  async function queue(n: number, template: string) {
    const rows = await t.deps.db
      .insert(outbox)
      .values(
        Array.from({ length: n }, (_, i) => ({
          jurisdictionCode: '339902',
          channel: 'sms',
          recipient: encrypt(t.deps.keys.encryption, `1391234${String(1000 + i)}`),
          template,
          bodyEnc: encrypt(t.deps.keys.encryption, `消息 ${i}：查询码 SECRET${i}`),
          nextAttemptAt: t.clock.now(),
          createdAt: t.clock.now(),
        })),
      )
      .returning({ id: outbox.id });
    return rows.map((r) => r.id);
  }
  const rowsOf = (ids: number[]) => t.deps.db.select().from(outbox).where(inArray(outbox.id, ids));

  it('retries a failing sender with backoff, then gives up; a later success is sent once', async () => {
    t.clock.set('2026-03-02T01:00:00Z');
    const ids = await queue(1, 'retry');
    let calls = 0;
    const failing = { send: async () => void (calls++, (() => { throw new Error('gateway down'); })()) };
    expect(await deliverOutbox(t.deps, { sms: failing })).toEqual({ sent: 0, failed: 1 });
    let [row] = await rowsOf(ids);
    expect(row).toMatchObject({ status: 'pending', attempts: 1, lastError: 'gateway down' });
    expect(row!.nextAttemptAt.getTime() - t.clock.now().getTime()).toBe(backoffMs(1));
    // Not due yet: nothing happens.
    await deliverOutbox(t.deps, { sms: failing });
    expect(calls).toBe(1);
    for (let a = 2; a <= MAX_ATTEMPTS; a++) {
      t.clock.current = new Date(t.clock.current.getTime() + backoffMs(a - 1) + 1000);
      await deliverOutbox(t.deps, { sms: failing });
    }
    [row] = await rowsOf(ids);
    expect(row).toMatchObject({ status: 'dead', attempts: MAX_ATTEMPTS });
    expect(calls).toBe(MAX_ATTEMPTS);
    expect(backoffMs(2)).toBe(2 * backoffMs(1));
    expect(backoffMs(30)).toBe(6 * 3600_000);

    const later = await queue(1, 'ok');
    const got: OutgoingMessage[] = [];
    await deliverOutbox(t.deps, { sms: { send: async (m) => void got.push(m) } });
    await deliverOutbox(t.deps, { sms: { send: async (m) => void got.push(m) } });
    expect(got.filter((m) => m.id === later[0])).toHaveLength(1);
    expect(got[0]).toMatchObject({ recipient: '13912341000', body: '消息 0：查询码 SECRET0', template: 'ok' });
    expect((await rowsOf(later))[0]!.status).toBe('sent');
  });

  it('never sends a message twice when deliverers race', async () => {
    const ids = await queue(30, 'race');
    const sentIds: number[] = [];
    const slow = { send: async (m: OutgoingMessage) => void (await new Promise((r) => setTimeout(r, 5)), sentIds.push(m.id)) };
    await Promise.all([deliverOutbox(t.deps, { sms: slow }, 20), deliverOutbox(t.deps, { sms: slow }, 20), deliverOutbox(t.deps, { sms: slow }, 20)]);
    await deliverOutbox(t.deps, { sms: slow });
    const mine = sentIds.filter((id) => ids.includes(id));
    expect(mine.sort((a, b) => a - b)).toEqual([...ids].sort((a, b) => a - b));
    expect((await rowsOf(ids)).every((r) => r.status === 'sent')).toBe(true);
  });

  it('leaves in-app notices alone and never prints a message body on the console', async () => {
    const [inApp] = await t.deps.db
      .insert(outbox)
      .values({
        jurisdictionCode: '339902',
        channel: 'inApp',
        recipient: 'someone',
        template: 'x',
        bodyEnc: encrypt(t.deps.keys.encryption, 'hello'),
        nextAttemptAt: t.clock.now(),
        createdAt: t.clock.now(),
      })
      .returning({ id: outbox.id });
    const lines: string[] = [];
    const ids = await queue(1, 'console');
    await deliverOutbox(t.deps, { sms: consoleSender((l) => lines.push(l)) });
    expect(lines.some((l) => l.includes('console') && l.includes('139****1000'))).toBe(true);
    expect(lines.join('\n')).not.toContain('SECRET');
    expect((await rowsOf(ids))[0]!.status).toBe('sent');
    const [still] = await t.deps.db.select().from(outbox).where(eq(outbox.id, inApp!.id));
    expect(still!.status).toBe('pending');
  });
});
