import { describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { users } from '../src/db/schema';
import { available, engineName, useTestApp } from './support/app';
import { call, command, register } from './support/http';

describe.skipIf(!available)(`reception days (${engineName})`, () => {
  const t = useTestApp();
  let n = 0;
  const book = (dayId: string, body: Record<string, unknown>) =>
    t.app.inject({ method: 'POST', url: `/api/portal/reception-days/${dayId}/bookings`, payload: body, remoteAddress: `10.2.${Math.floor(n / 200)}.${(n++ % 200) + 1}` });
  const day = (over: Record<string, unknown> = {}) => ({
    date: '2026-03-10',
    startTime: '09:00',
    endTime: '12:00',
    place: '青川市人民来访接待中心 201 室',
    topics: ['征地拆迁', '拖欠工资'],
    capacity: 3,
    leaderTitle: '副市长',
    ...over,
  });

  it('lets a leader publish a day and residents book, cancel and never overbook, even all at once', async () => {
    t.clock.set('2026-03-02');
    const created = await call(t, 'leader', 'POST', '/api/reception-days', day());
    expect(created.statusCode, created.body).toBe(201);
    const { id } = created.json();
    const listed = (await t.app.inject({ url: '/api/portal/reception-days' })).json();
    expect(listed).toEqual([expect.objectContaining({ id, remaining: 3, leaderTitle: '副市长', topics: ['征地拆迁', '拖欠工资'] })]);

    const results = await Promise.all(
      Array.from({ length: 10 }, (_, i) => book(id, { name: `居民${i}`, phone: `1391234${String(5000 + i)}`, summary: '反映征地补偿问题' })),
    );
    const codes = results.map((r) => r.statusCode).sort();
    expect(codes.filter((c) => c === 201)).toHaveLength(3);
    expect(codes.filter((c) => c === 409)).toHaveLength(7);
    expect(results.find((r) => r.statusCode === 409)!.json().error).toBe('fullyBooked');
    const slots = results.filter((r) => r.statusCode === 201).map((r) => r.json().slot).sort();
    expect(slots).toEqual([1, 2, 3]);
    expect((await t.app.inject({ url: '/api/portal/reception-days' })).json()[0].remaining).toBe(0);

    const mine = results.find((r) => r.statusCode === 201)!.json();
    const wrong = await t.app.inject({ method: 'DELETE', url: `/api/portal/bookings/${mine.bookingCode}`, headers: { 'x-booking-secret': 'nope' } });
    expect(wrong.statusCode).toBe(404);
    const cancel = await t.app.inject({ method: 'DELETE', url: `/api/portal/bookings/${mine.bookingCode}`, headers: { 'x-booking-secret': mine.cancelSecret } });
    expect(cancel.statusCode).toBe(204);
    expect((await t.app.inject({ url: '/api/portal/reception-days' })).json()[0].remaining).toBe(1);
    const again = await book(id, { name: '补约居民', phone: '13912346000', summary: '欠薪' });
    expect(again.statusCode).toBe(201);
    expect(again.json().slot).toBe(mine.slot);
  });

  it("books about a submitted petition with its code and secret, and shows the leader the day's list with its history", async () => {
    t.clock.set('2026-03-02');
    const [leader] = await t.deps.db.select().from(users).where(eq(users.username, 'leader'));
    const created = await call(t, 'clerk', 'POST', '/api/reception-days', day({ date: '2026-03-12', leaderUserId: leader!.id, capacity: 5 }));
    expect(created.statusCode, created.body).toBe(201);
    const { id } = created.json();
    const p = await register(t, { title: '征地补偿款未足额发放' });
    await command(t, 'clerk', p.id, 'assign', { unitId: 'district-land' });
    const badSecret = await book(id, { trackingCode: p.trackingCode, secret: 'WRONG', name: '王小明', phone: '13812341234' });
    expect(badSecret.statusCode).toBe(404);
    const booked = await book(id, { trackingCode: p.trackingCode, secret: p.trackingSecret, name: '王小明', phone: '13812341234' });
    expect(booked.statusCode, booked.body).toBe(201);
    const list = await call(t, 'leader', 'GET', `/api/reception-days/${id}/bookings`);
    expect(list.statusCode).toBe(200);
    expect(list.json()).toEqual([
      expect.objectContaining({
        slot: 1,
        name: '王**',
        phone: '138****1234',
        petition: expect.objectContaining({ trackingCode: p.trackingCode, title: '征地补偿款未足额发放', status: 'awaitingAcceptance' }),
      }),
    ]);
    expect(list.json()[0].petition.history.map((h: { summary: { zh: string } }) => h.summary.zh)).toEqual([
      '登记信访事项',
      '交办至临江区自然资源局，要求报送办理结果',
    ]);
    expect((await call(t, 'handler', 'GET', `/api/reception-days/${id}/bookings`)).statusCode).toBe(404);
  });

  it("lists a booking to a user only if they may view its petition: the accused office learns a slot is taken, not who or about what", async () => {
    t.clock.set('2026-03-02');
    // The district office registers an accusation against the city petition office, which may not see it.
    const p = await register(
      t,
      {
        category: 'accusation',
        domain: 'other',
        title: '举报青川市信访局工作人员索要好处费',
        content: '青川市信访局某工作人员在接访时索要好处费两万元，请查处。',
        respondent: { name: '青川市信访局', unitId: 'city-office' },
      },
      'district-clerk',
    );
    expect((await call(t, 'clerk', 'GET', `/api/petitions/${p.id}`)).statusCode).toBe(404);
    const created = await call(t, 'leader', 'POST', '/api/reception-days', day({ date: '2026-03-20', capacity: 5 }));
    expect(created.statusCode, created.body).toBe(201);
    const { id } = created.json();
    const accusing = await book(id, { trackingCode: p.trackingCode, secret: p.trackingSecret, name: '王小明', phone: '13812341234', summary: '市信访局索要好处费' });
    expect(accusing.statusCode, accusing.body).toBe(201);
    const other = await book(id, { name: '李四', phone: '13912345678', summary: '小区电梯长期停运' });
    expect(other.statusCode, other.body).toBe(201);

    // The accused office (which organises the day) gets the other booking, and the day's count of slots taken.
    const clerkList = await call(t, 'clerk', 'GET', `/api/reception-days/${id}/bookings`);
    expect(clerkList.statusCode, clerkList.body).toBe(200);
    expect(clerkList.json()).toEqual([expect.objectContaining({ slot: 2, name: '李*', summary: '小区电梯长期停运', petition: null })]);
    for (const secret of ['王**', '138****1234', p.trackingCode, p.id, '好处费', accusing.json().bookingCode])
      expect(clerkList.body, secret).not.toContain(secret);
    expect((await call(t, 'clerk', 'GET', `/api/reception-days/${id}`)).json()).toMatchObject({ capacity: 5, remaining: 3 });

    // The receiving leader, who may view the accusation, gets both, the accusation with its petition.
    const leaderList = await call(t, 'leader', 'GET', `/api/reception-days/${id}/bookings`);
    expect(leaderList.statusCode, leaderList.body).toBe(200);
    expect(leaderList.json()).toEqual([
      expect.objectContaining({
        slot: 1,
        name: '王**',
        phone: '138****1234',
        summary: '市信访局索要好处费',
        petition: expect.objectContaining({ id: p.id, trackingCode: p.trackingCode, title: '举报青川市信访局工作人员索要好处费' }),
      }),
      expect.objectContaining({ slot: 2, name: '李*', petition: null }),
    ]);

    // Cancelled, it is still no one's business of the accused office; the slot is free again.
    const cancel = await t.app.inject({
      method: 'DELETE',
      url: `/api/portal/bookings/${accusing.json().bookingCode}`,
      headers: { 'x-booking-secret': accusing.json().cancelSecret },
    });
    expect(cancel.statusCode).toBe(204);
    const afterCancel = await call(t, 'clerk', 'GET', `/api/reception-days/${id}/bookings`);
    expect(afterCancel.json()).toEqual([expect.objectContaining({ slot: 2 })]);
    expect(afterCancel.body).not.toContain('王**');
    expect((await call(t, 'leader', 'GET', `/api/reception-days/${id}/bookings`)).json()).toEqual([
      expect.objectContaining({ slot: 1, status: 'cancelled', name: '王**' }),
      expect.objectContaining({ slot: 2, status: 'booked' }),
    ]);
  });

  it('keeps a new matter whose summary names the reader’s own unit from that unit, as an accusation is', async () => {
    t.clock.set('2026-03-02');
    const created = await call(t, 'leader', 'POST', '/api/reception-days', day({ date: '2026-03-21', capacity: 4 }));
    const { id } = created.json();
    expect((await book(id, { name: '赵六', phone: '13612345678', summary: '青川市信访局接访人员态度恶劣，推诿不登记' })).statusCode).toBe(201);
    expect((await book(id, { name: '钱七', phone: '13712345678', summary: '小区停车位被占' })).statusCode).toBe(201);
    const clerkList = await call(t, 'clerk', 'GET', `/api/reception-days/${id}/bookings`);
    expect(clerkList.json()).toEqual([expect.objectContaining({ slot: 2, summary: '小区停车位被占' })]);
    expect(clerkList.body).not.toContain('赵*');
    // The leader sees it.
    expect((await call(t, 'leader', 'GET', `/api/reception-days/${id}/bookings`)).json()).toHaveLength(2);
  });

  it('refuses bad days and bookings with clear 4xx answers', async () => {
    t.clock.set('2026-03-02');
    expect((await call(t, 'handler', 'POST', '/api/reception-days', day())).statusCode).toBe(403);
    const past = await call(t, 'leader', 'POST', '/api/reception-days', day({ date: '2026-03-01' }));
    expect(past.statusCode).toBe(400);
    expect(past.json().field).toBe('date');
    const backwards = await call(t, 'leader', 'POST', '/api/reception-days', day({ startTime: '12:00', endTime: '09:00' }));
    expect(backwards.statusCode).toBe(400);
    expect(backwards.json().field).toBe('endTime');
    const clerkSelf = await call(t, 'clerk', 'POST', '/api/reception-days', day());
    expect(clerkSelf.json().field).toBe('leaderUserId');
    const ok = (await call(t, 'leader', 'POST', '/api/reception-days', day({ date: '2026-03-20' }))).json();
    const noMatter = await book(ok.id, { name: '张三', phone: '13912345678' });
    expect(noMatter.statusCode).toBe(400);
    expect(noMatter.json().field).toBe('summary');
    const badPhone = await book(ok.id, { name: '张三', phone: '123', summary: 'x' });
    expect(badPhone.json().field).toBe('phone');
    const noDay = await book('00000000-0000-4000-8000-000000000000', { name: '张三', phone: '13912345678', summary: 'x' });
    expect(noDay.statusCode).toBe(404);
  });

  it('refuses an impossible day and a day that ends before it starts, saying why in zh and en', async () => {
    t.clock.set('2026-03-02');
    const impossible = await call(t, 'leader', 'POST', '/api/reception-days', day({ date: '2026-04-31' }));
    expect(impossible.statusCode).toBe(400);
    expect(impossible.json()).toMatchObject({ field: 'date', message: 'date：应为真实存在的日期（YYYY-MM-DD）' });
    const backwards = day({ date: '2026-04-30', startTime: '11:00', endTime: '09:00' });
    const zh = await call(t, 'leader', 'POST', '/api/reception-days', backwards);
    expect(zh.statusCode).toBe(400);
    expect(zh.json()).toMatchObject({ field: 'endTime', message: 'endTime：结束时间须晚于开始时间' });
    const en = await call(t, 'leader', 'POST', '/api/reception-days', backwards, { 'accept-language': 'en' });
    expect(en.json()).toMatchObject({ field: 'endTime', message: 'endTime: must be later than startTime' });
    const days = (await call(t, 'leader', 'GET', '/api/reception-days')).json<{ date: string }[]>();
    expect(days.map((d) => d.date)).not.toContain('2026-04-30');
  });
});
