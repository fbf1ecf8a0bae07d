import { describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { outbox } from '../src/db/schema';
import { decrypt } from '../src/lib/crypto';
import { available, engineName, useTestApp } from './support/app';
import { command } from './support/http';

const submission = (over: Record<string, unknown> = {}) => ({
  category: 'claim',
  domain: 'propertyManagement',
  title: '小区物业长期不维修电梯',
  content: '我住在石桥街道幸福里小区，3 号楼电梯坏了两个月，物业一直推脱不修，老人上下楼非常困难。',
  demands: '请督促物业公司尽快修好电梯。',
  jurisdictionCode: '339902001',
  address: '幸福里小区 3 号楼',
  respondent: { name: '青川市安家物业服务有限公司' },
  contact: { name: '陈静', phone: '13912345678' },
  consent: true,
  ...over,
});

describe.skipIf(!available)(`resident portal API (${engineName})`, () => {
  const t = useTestApp();
  let ip = 0;
  /** Each test comes from its own client address, so the rate limits of one do not touch another. */
  const from = () => `10.1.0.${++ip}`;
  const portal = (method: 'GET' | 'POST', url: string, opts: { payload?: unknown; secret?: string; address?: string; headers?: Record<string, string> } = {}) =>
    t.app.inject({
      method,
      url: `/api/portal${url}`,
      payload: opts.payload as never,
      remoteAddress: opts.address ?? '10.9.9.9',
      headers: { ...(opts.secret ? { 'x-tracking-secret': opts.secret } : {}), ...opts.headers },
    });

  async function submit(over: Record<string, unknown> = {}) {
    const res = await portal('POST', '/petitions', { payload: submission(over), address: from() });
    expect(res.statusCode, res.body).toBe(201);
    return res.json<{ trackingCode: string; secret: string; texted: boolean }>();
  }

  it('says a text with the code and secret is on its way only when an SMS gateway is configured', async () => {
    t.clock.set('2026-03-02');
    const withPhone = { contact: { name: '王五', phone: '13800001111' } };
    expect((await submit(withPhone)).texted).toBe(false); // no gateway: the text would reach the log only
    t.deps.smsGateway = true;
    try {
      expect((await submit(withPhone)).texted).toBe(true);
      expect((await submit({ contact: { name: '王五' } })).texted).toBe(false); // no phone given
    } finally {
      t.deps.smsGateway = undefined;
    }
  });

  it('submits without an account and follows the case with code + secret, through reply, rating and review', async () => {
    t.clock.set('2026-03-02');
    const { trackingCode, secret } = await submit();
    expect(trackingCode).toMatch(/^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/);
    let view = (await portal('GET', `/petitions/${trackingCode}`, { secret })).json();
    expect(view).toMatchObject({ status: 'registered', title: '小区物业长期不维修电梯', rating: null, canRate: false, reply: null });
    expect(view.statusText.zh).toContain('已登记');
    expect(view.deadlines).toEqual([expect.objectContaining({ name: 'route', due: '2026-03-17', status: 'running' })]);

    // Staff work the case through the staff API.
    const list = (await t.app.inject({ url: `/api/petitions?text=${trackingCode}`, headers: { authorization: `Bearer ${await t.token('clerk')}` } })).json();
    const id = list.items[0].id;
    expect(list.items[0].channel).toBe('online');
    await command(t, 'clerk', id, 'assign', { unitId: 'city-housing' });
    await command(t, 'housing-handler', id, 'accept');
    t.clock.set('2026-03-20');
    await command(t, 'housing-handler', id, 'reply', { outcome: 'support', text: '已责令物业公司十日内修复电梯，并将跟踪落实。' });

    view = (await portal('GET', `/petitions/${trackingCode}`, { secret })).json();
    expect(view.status).toBe('replied');
    expect(view.reply).toMatchObject({ outcome: 'support', text: '已责令物业公司十日内修复电梯，并将跟踪落实。', deliveredOn: '2026-03-20' });
    expect(view.reviewWindow).toEqual({ open: true, closesOn: '2026-04-20' }); // Mar 20 + 30 = Apr 19 (Sun) -> Apr 20
    expect(view.canRate).toBe(true);
    expect(view.handlingUnit).toBe('青川市住房和城乡建设局');
    // No staff names and no internal notes: only plain summaries with units.
    expect(JSON.stringify(view.timeline)).not.toMatch(/测试/);
    expect(view.timeline.map((e: { summary: { zh: string } }) => e.summary.zh)).toContain('受理，已书面告知信访人');
    const file = await portal('GET', `/petitions/${trackingCode}/reply`, { secret });
    expect(file.statusCode).toBe(200);
    expect(file.body).toContain('已责令物业公司十日内修复电梯');

    const rated = await portal('POST', `/petitions/${trackingCode}/rate`, { secret, payload: { rating: 'dissatisfied', comment: '电梯仍未修好' } });
    expect(rated.statusCode, rated.body).toBe(200);
    expect(rated.json()).toMatchObject({ rating: 'dissatisfied', canRate: false });
    const again = await portal('POST', `/petitions/${trackingCode}/rate`, { secret, payload: { rating: 'satisfied' } });
    expect(again.statusCode).toBe(422);
    expect(again.json().error).toBe('alreadyRated');

    t.clock.set('2026-04-01');
    const review = await portal('POST', `/petitions/${trackingCode}/requestReview`, { secret, payload: { reason: '物业仍未维修，对处理结果不满意' } });
    expect(review.statusCode, review.body).toBe(200);
    expect(review.json().status).toBe('underReview');
    expect(review.json().deadlines.find((d: { name: string }) => d.name === 'review')).toMatchObject({ due: '2026-05-06' }); // Apr 1 + 30 = May 1 (holiday) -> May 6
  });

  it('refuses a review request after its 30-day window with a clear reason', async () => {
    t.clock.set('2026-03-02');
    const { trackingCode, secret } = await submit({ title: '窗口期测试' });
    const list = (await t.app.inject({ url: `/api/petitions?text=${trackingCode}`, headers: { authorization: `Bearer ${await t.token('clerk')}` } })).json();
    const id = list.items[0].id;
    await command(t, 'clerk', id, 'assign', { unitId: 'city-housing' });
    await command(t, 'housing-handler', id, 'accept');
    await command(t, 'housing-handler', id, 'reply', { outcome: 'explain', text: '经核实，已作解释说明。' });
    t.clock.set('2026-04-02'); // reply delivered Mar 2; the window closed on Apr 1
    const late = await portal('POST', `/petitions/${trackingCode}/requestReview`, {
      secret,
      payload: { reason: '不服' },
      headers: { 'accept-language': 'en' },
    });
    expect(late.statusCode).toBe(422);
    expect(late.json()).toMatchObject({ error: 'reviewWindowClosed' });
    expect(late.json().message).toMatch(/within 30 days/);
    const view = (await portal('GET', `/petitions/${trackingCode}`, { secret })).json();
    expect(view.reviewWindow).toEqual({ open: false, closesOn: '2026-04-01' });
  });

  it('answers an unknown code and a wrong secret alike, and locks a code after five wrong secrets', async () => {
    t.clock.set('2026-03-02');
    const { trackingCode, secret } = await submit({ title: '锁定测试' });
    const unknown = await portal('GET', '/petitions/ZZZZ-ZZZZ-ZZZZ', { secret });
    const wrong = await portal('GET', `/petitions/${trackingCode}`, { secret: 'WRONGWRONGWRONG1' });
    expect(unknown.statusCode).toBe(404);
    expect(wrong.statusCode).toBe(404);
    expect(wrong.json()).toEqual(unknown.json());
    for (let i = 0; i < 4; i++) await portal('GET', `/petitions/${trackingCode}`, { secret: `BAD${i}` });
    const locked = await portal('GET', `/petitions/${trackingCode}`, { secret });
    expect(locked.statusCode).toBe(429);
    expect(locked.json().error).toBe('trackingLocked');
    t.clock.advanceDays(1);
    const open = await portal('GET', `/petitions/${trackingCode.toLowerCase()}`, { secret: secret.toLowerCase() });
    expect(open.statusCode).toBe(200);
  });

  it('returns the same answer for a retried submission with the same Idempotency-Key', async () => {
    const headers = { 'idempotency-key': 'a1b2c3d4e5f6a7b8c9d0' };
    const address = from();
    const first = await portal('POST', '/petitions', { payload: submission({ title: '重试提交' }), headers, address });
    const second = await portal('POST', '/petitions', { payload: submission({ title: '重试提交' }), headers, address });
    expect(first.statusCode).toBe(201);
    expect(second.statusCode).toBe(200);
    expect(second.json()).toEqual(first.json());
    const short = await portal('POST', '/petitions', { payload: submission(), headers: { 'idempotency-key': 'abc' }, address });
    expect(short.statusCode).toBe(400);
  });

  it('queues the SMS with code and secret through the outbox, encrypted', async () => {
    const { trackingCode, secret } = await submit({ title: '短信测试' });
    const rows = await t.deps.db.select().from(outbox).where(eq(outbox.template, 'portalSubmitted'));
    const mine = rows.find((r) => decrypt(t.deps.keys.encryption, r.bodyEnc).includes(trackingCode));
    expect(mine).toBeDefined();
    expect(mine!.status).toBe('pending');
    expect(decrypt(t.deps.keys.encryption, mine!.recipient)).toBe('13912345678');
    expect(decrypt(t.deps.keys.encryption, mine!.bodyEnc)).toContain(secret);
    expect(mine!.bodyEnc).not.toContain(secret);
    const none = await submit({ title: '无电话', contact: { name: '李雷' } });
    const after = await t.deps.db.select().from(outbox).where(eq(outbox.template, 'portalSubmitted'));
    expect(after.some((r) => decrypt(t.deps.keys.encryption, r.bodyEnc).includes(none.trackingCode))).toBe(false);
  });

  it('requires consent, checks the phone, and rate-limits submissions per address with a clear message', async () => {
    const address = from();
    const noConsent = await portal('POST', '/petitions', { payload: submission({ consent: false }), address });
    expect(noConsent.statusCode).toBe(400);
    expect(noConsent.json().field).toBe('consent');
    const badPhone = await portal('POST', '/petitions', { payload: submission({ contact: { name: '王五', phone: '123' } }), address });
    expect(badPhone.statusCode).toBe(400);
    expect(badPhone.json().field).toBe('petitioners.0.phone');
    const results = [];
    for (let i = 0; i < 6; i++) results.push((await portal('POST', '/petitions', { payload: submission({ title: `限流${i}` }), address })).statusCode);
    expect(results).toContain(429);
    const limited = await portal('POST', '/petitions', { payload: submission(), address });
    expect(limited.statusCode).toBe(429);
    expect(limited.json().messages.zh).toMatch(/频繁/);
    // Another address is not affected.
    expect((await portal('POST', '/petitions', { payload: submission({ title: '另一地址' }), address: from() })).statusCode).toBe(201);
  });
});
