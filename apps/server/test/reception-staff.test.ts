import { describe, expect, it } from 'vitest';
import { available, engineName, useTestApp } from './support/app';
import { call } from './support/http';

/** What the staff app's reception-day pages need beyond publishing and the day's list. */
describe.skipIf(!available)(`reception days for staff (${engineName})`, () => {
  const t = useTestApp();

  it('names the leaders a day may be published for: the petition office its area’s, a leader only themself', async () => {
    const clerk = await call(t, 'clerk', 'GET', '/api/reception-days/leaders');
    expect(clerk.statusCode, clerk.body).toBe(200);
    expect(clerk.json()).toEqual([expect.objectContaining({ name: '测试leader', jurisdictionCode: '339900' })]);
    const leaderId = clerk.json()[0].id;
    // The city's leader is not within the district office's area.
    expect((await call(t, 'district-clerk', 'GET', '/api/reception-days/leaders')).json()).toEqual([]);
    expect((await call(t, 'leader', 'GET', '/api/reception-days/leaders')).json()).toEqual([expect.objectContaining({ id: leaderId })]);
    const handler = await call(t, 'handler', 'GET', '/api/reception-days/leaders', undefined, { 'accept-language': 'en' });
    expect(handler.statusCode).toBe(403);
    expect(handler.json().message).toBe('Only leaders or the petition office publish reception days');
  });

  it('shows one day, past ones too, to those who may see its list, and to no one else', async () => {
    t.clock.set('2026-03-02');
    const leaderId = (await call(t, 'clerk', 'GET', '/api/reception-days/leaders')).json()[0].id;
    const created = await call(t, 'clerk', 'POST', '/api/reception-days', {
      date: '2026-03-05',
      startTime: '09:00',
      endTime: '11:30',
      place: '市民中心 3 楼接待室',
      topics: ['物业管理'],
      capacity: 4,
      leaderUserId: leaderId,
      leaderTitle: '副市长',
    });
    expect(created.statusCode, created.body).toBe(201);
    const { id } = created.json();
    const booking = await t.app.inject({
      method: 'POST',
      url: `/api/portal/reception-days/${id}/bookings`,
      payload: { name: '李四', phone: '13912345678', summary: '小区电梯长期停运' },
      remoteAddress: '10.3.0.1',
    });
    expect(booking.statusCode, booking.body).toBe(201);
    for (const user of ['clerk', 'leader']) {
      const one = await call(t, user, 'GET', `/api/reception-days/${id}`);
      expect(one.statusCode, one.body).toBe(200);
      expect(one.json()).toMatchObject({ id, date: '2026-03-05', leaderTitle: '副市长', capacity: 4, remaining: 3, place: '市民中心 3 楼接待室' });
    }
    for (const user of ['district-clerk', 'handler', 'agent']) expect((await call(t, user, 'GET', `/api/reception-days/${id}`)).statusCode, user).toBe(404);
    t.clock.set('2026-03-20');
    expect((await call(t, 'clerk', 'GET', '/api/reception-days')).json()).toEqual([]);
    expect((await call(t, 'clerk', 'GET', `/api/reception-days/${id}`)).json().remaining).toBe(3);
    const list = (await call(t, 'clerk', 'GET', `/api/reception-days/${id}/bookings`)).json();
    expect(list).toEqual([expect.objectContaining({ slot: 1, name: '李*', phone: '139****5678', summary: '小区电梯长期停运', petition: null })]);
    expect(JSON.stringify(list)).not.toContain('13912345678');
  });
});
