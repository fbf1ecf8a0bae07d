import { describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { users } from '../src/db/schema';
import { available, engineName, useTestApp } from './support/app';
import { call, command, register } from './support/http';

/** The endpoints the staff app's supervision and ownership screens need beyond the core ones. */
describe.skipIf(!available)(
  `supervision drafts issued from the office screen, owner candidates (${engineName})`,
  () => {
    const t = useTestApp();

    it('runs the sweep on demand for the petition office, lists drafts with the petition and unit named, and issues one', async () => {
      t.clock.set('2026-04-01');
      const p = await register(t, { title: '督办发出测试' });
      await command(t, 'clerk', p.id, 'assign', { unitId: 'city-labor' });
      t.clock.set('2026-04-30');
      expect((await call(t, 'handler', 'POST', '/api/supervision-drafts/sweep')).statusCode).toBe(403);
      const ran = await call(t, 'supervisor', 'POST', '/api/supervision-drafts/sweep');
      expect(ran.statusCode, ran.body).toBe(200);
      expect(ran.json()).toMatchObject({ ran: true });
      expect(ran.json().drafts).toBeGreaterThan(0);
      // Idempotent: a second run drafts nothing new.
      expect((await call(t, 'supervisor', 'POST', '/api/supervision-drafts/sweep')).json().drafts).toBe(0);

      const drafts = (await call(t, 'supervisor', 'GET', '/api/supervision-drafts')).json();
      const mine = drafts.find((d: { petitionId: string }) => d.petitionId === p.id);
      expect(mine).toMatchObject({
        trackingCode: p.trackingCode,
        title: '督办发出测试',
        unitId: 'city-labor',
        status: 'draft',
      });
      expect(mine.unitName).not.toBe('city-labor');

      const stale = await call(t, 'supervisor', 'POST', `/api/supervision-drafts/${mine.id}/issue`, {
        note: mine.note,
        expectedVersion: mine.version - 1,
      });
      expect(stale.statusCode).toBe(409);
      const issued = await call(t, 'supervisor', 'POST', `/api/supervision-drafts/${mine.id}/issue`, {
        reason: 'late',
        note: mine.note,
        answerDays: 10,
        expectedVersion: mine.version,
      });
      expect(issued.statusCode, issued.body).toBe(200);
      expect(issued.json()).toEqual({ ok: true, version: mine.version + 1 });
      const detail = (await call(t, 'supervisor', 'GET', `/api/petitions/${p.id}`)).json();
      expect(detail.timeline.at(-1).type).toBe('supervised');
      const after = (await call(t, 'supervisor', 'GET', '/api/supervision-drafts')).json();
      expect(after.find((d: { id: string }) => d.id === mine.id)).toBeUndefined();
      expect(
        (
          await call(t, 'supervisor', 'POST', `/api/supervision-drafts/${mine.id}/issue`, {
            note: 'x',
            expectedVersion: mine.version + 1,
          })
        ).statusCode,
      ).toBe(409);
    });

    it('lists the leaders who may own a petition, for the office and leaders only', async () => {
      t.clock.set('2026-03-02');
      const p = await register(t, { title: '包案候选领导' });
      const [leader] = await t.deps.db.select().from(users).where(eq(users.username, 'leader'));
      const res = await call(t, 'clerk', 'GET', `/api/petitions/${p.id}/owner/candidates`);
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json()).toContainEqual({ id: leader!.id, name: leader!.displayName });
      expect((await call(t, 'handler', 'GET', `/api/petitions/${p.id}/owner/candidates`)).statusCode).toBe(
        404,
      );
    });
  },
);
