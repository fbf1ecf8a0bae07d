import { describe, expect, it } from 'vitest';
import { eq, sql } from 'drizzle-orm';
import { supervisionDrafts, users } from '../src/db/schema';
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
      // Another office's late petition: drafted in the same run, but not for the city office.
      const other = await register(t, { title: '区信访局的逾期件' }, 'district-clerk');
      await command(t, 'district-clerk', other.id, 'assign', { unitId: 'district-labor' });
      t.clock.set('2026-04-30');
      expect((await call(t, 'handler', 'POST', '/api/supervision-drafts/sweep')).statusCode).toBe(403);
      const ran = await call(t, 'supervisor', 'POST', '/api/supervision-drafts/sweep');
      expect(ran.statusCode, ran.body).toBe(200);
      expect(ran.json()).toMatchObject({ ran: true });
      const listed = (await call(t, 'supervisor', 'GET', '/api/supervision-drafts')).json<unknown[]>();
      // What the office's list gained is said apart from the run's whole count.
      expect(ran.json().yours).toBe(listed.length);
      expect(ran.json().drafts).toBeGreaterThan(ran.json().yours);
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
      expect(issued.json()).toEqual({
        ok: true,
        version: mine.version + 1,
        supervisionId: mine.id,
        repeated: false,
      });
      const detail = (await call(t, 'supervisor', 'GET', `/api/petitions/${p.id}`)).json();
      expect(detail.timeline.at(-1).type).toBe('supervised');
      const after = (await call(t, 'supervisor', 'GET', '/api/supervision-drafts')).json();
      expect(after.find((d: { id: string }) => d.id === mine.id)).toBeUndefined();
      // A retry (the answer was lost, a double click) answers the same and issues nothing new.
      const retry = await call(t, 'supervisor', 'POST', `/api/supervision-drafts/${mine.id}/issue`, {
        note: 'x',
        expectedVersion: mine.version,
      });
      expect(retry.statusCode, retry.body).toBe(200);
      expect(retry.json()).toEqual({
        ok: true,
        version: mine.version + 1,
        supervisionId: mine.id,
        repeated: true,
      });
      const again = (await call(t, 'supervisor', 'GET', `/api/petitions/${p.id}`)).json();
      expect(again.version).toBe(mine.version + 1);
      expect(again.timeline.filter((e: { type: string }) => e.type === 'supervised')).toHaveLength(1);
      // An issued draft cannot be dismissed afterwards (the retry above would then fail).
      const dismiss = await call(t, 'supervisor', 'POST', `/api/supervision-drafts/${mine.id}/dismiss`);
      expect(dismiss.statusCode).toBe(409);
      expect(dismiss.json()).toMatchObject({ error: 'draftClosed' });
      // Staff of another unit cannot reach the office's draft.
      expect(
        (
          await call(t, 'handler', 'POST', `/api/supervision-drafts/${mine.id}/issue`, {
            note: 'x',
            expectedVersion: 0,
          })
        ).statusCode,
      ).toBe(404);
    });

    /** A petition with a drafted supervision notice (receipt notice overdue by more than a week), and the draft. */
    async function drafted(title: string) {
      t.clock.set('2026-05-04');
      const p = await register(t, { title });
      await command(t, 'clerk', p.id, 'assign', { unitId: 'city-labor' });
      t.clock.set('2026-06-05');
      expect((await call(t, 'supervisor', 'POST', '/api/supervision-drafts/sweep')).statusCode).toBe(200);
      const drafts = (await call(t, 'supervisor', 'GET', '/api/supervision-drafts')).json();
      const draft = drafts.find((d: { petitionId: string }) => d.petitionId === p.id);
      expect(draft).toMatchObject({ status: 'draft', applicable: true, notApplicable: null });
      return { p, draft: draft as { id: string; note: string; version: number } };
    }
    const draftStatus = async (id: string) =>
      (await t.deps.db.select().from(supervisionDrafts).where(eq(supervisionDrafts.id, id)))[0]?.status;
    const supervisedEvents = async (id: string) =>
      (await call(t, 'supervisor', 'GET', `/api/petitions/${id}`))
        .json()
        .timeline.filter((e: { type: string }) => e.type === 'supervised').length;

    it('issues the notice and closes the draft in one transaction: a failure of either leaves both as they were', async () => {
      const { p, draft } = await drafted('督办发出：原子性');
      // Make the second write (the draft's status) fail inside the transaction.
      await t.deps.db.execute(
        sql.raw(`create function qiao_test_refuse_issue() returns trigger language plpgsql as $$
          begin raise exception 'refused by test'; end $$`),
      );
      await t.deps.db.execute(
        sql.raw(`create trigger qiao_test_refuse_issue before update on supervision_drafts for each row
          when (new.status = 'issued') execute function qiao_test_refuse_issue()`),
      );
      const body = { reason: 'late', note: draft.note, answerDays: 10, expectedVersion: draft.version };
      const failed = await call(t, 'supervisor', 'POST', `/api/supervision-drafts/${draft.id}/issue`, body);
      expect(failed.statusCode).toBe(500);
      await t.deps.db.execute(sql.raw('drop trigger qiao_test_refuse_issue on supervision_drafts'));
      await t.deps.db.execute(sql.raw('drop function qiao_test_refuse_issue()'));
      // The supervise event rolled back with it: same version, no notice, the draft still open.
      const detail = (await call(t, 'supervisor', 'GET', `/api/petitions/${p.id}`)).json();
      expect(detail.version).toBe(draft.version);
      expect(await supervisedEvents(p.id)).toBe(0);
      expect(await draftStatus(draft.id)).toBe('draft');

      // Issued twice at once (two tabs, a retried request): one notice, both answered alike.
      const [a, b] = await Promise.all([
        call(t, 'supervisor', 'POST', `/api/supervision-drafts/${draft.id}/issue`, body),
        call(t, 'clerk', 'POST', `/api/supervision-drafts/${draft.id}/issue`, body),
      ]);
      expect([a.statusCode, b.statusCode], `${a.body} ${b.body}`).toEqual([200, 200]);
      expect([a.json().repeated, b.json().repeated].sort()).toEqual([false, true]);
      expect(a.json().version).toBe(draft.version + 1);
      expect(b.json().version).toBe(draft.version + 1);
      expect(await supervisedEvents(p.id)).toBe(1);
      expect(await draftStatus(draft.id)).toBe('issued');
      // The notice carries the draft's id, so the draft and the notice on the timeline are one.
      const unitRecord = await call(t, 'supervisor', 'GET', '/api/units/city-labor/supervision');
      expect(unitRecord.statusCode, unitRecord.body).toBe(200);
      expect(JSON.stringify(unitRecord.json())).toContain(draft.id);
    });

    it('shows a draft whose petition moved on as no longer applicable, and sets it aside instead of issuing', async () => {
      const { p, draft } = await drafted('督办发出：事项已不予受理');
      await command(t, 'handler', p.id, 'decline', {
        reason: 'insufficientInformation',
        note: '材料不全，已告知。',
      });
      const listed = (
        await call(t, 'supervisor', 'GET', '/api/supervision-drafts', undefined, { 'accept-language': 'en' })
      )
        .json()
        .find((d: { id: string }) => d.id === draft.id);
      expect(listed).toMatchObject({ applicable: false });
      expect(listed.notApplicable.zh).toContain('不予受理');
      expect(listed.notApplicable.en).toContain('can no longer be issued');
      const res = await call(t, 'supervisor', 'POST', `/api/supervision-drafts/${draft.id}/issue`, {
        note: draft.note,
        expectedVersion: listed.version,
      });
      expect(res.statusCode, res.body).toBe(409);
      expect(res.json()).toMatchObject({ error: 'draftLapsed' });
      expect(res.json().messages.zh).toContain('不予受理');
      expect(await draftStatus(draft.id)).toBe('lapsed');
      expect(await supervisedEvents(p.id)).toBe(0);
      const after = (await call(t, 'supervisor', 'GET', '/api/supervision-drafts')).json();
      expect(after.find((d: { id: string }) => d.id === draft.id)).toBeUndefined();
      // A lapsed draft may still be dismissed, twice without harm.
      for (let i = 0; i < 2; i++)
        expect(
          (await call(t, 'supervisor', 'POST', `/api/supervision-drafts/${draft.id}/dismiss`)).statusCode,
        ).toBe(200);
      expect(await draftStatus(draft.id)).toBe('dismissed');
    });

    it('lets the office above supervise a lower office that sits on a petition, never an office its own; each unit answers its own notice', async () => {
      const lower = await register(t, { title: '区信访局登记未转送' }, 'district-clerk');
      const own = await register(t, { title: '市信访局登记未转送' });
      const detail = async (user: string, id: string) => (await call(t, user, 'GET', `/api/petitions/${id}`)).json();
      expect((await detail('supervisor', lower.id)).availableCommands).toContain('supervise');
      expect((await detail('supervisor', own.id)).availableCommands).not.toContain('supervise');
      const self = await call(t, 'supervisor', 'POST', `/api/petitions/${own.id}/supervise`, {
        reason: 'late',
        note: '请尽快转送交办。',
        expectedVersion: (await detail('supervisor', own.id)).version,
      });
      expect(self.statusCode, self.body).toBe(403);
      expect(self.json().messages.en).toContain('Your own unit holds this petition');
      // Nor does a lower office supervise the office above (the district office sees the city's petition there).
      const cityHeld = await register(t, { title: '市信访局登记的区内事项', jurisdictionCode: '339902001' });
      const up = await call(t, 'district-clerk', 'POST', `/api/petitions/${cityHeld.id}/supervise`, {
        reason: 'late',
        note: '请尽快转送交办。',
        expectedVersion: (await detail('district-clerk', cityHeld.id)).version,
      });
      expect(up.statusCode, up.body).toBe(403);
      expect(up.json().messages.en).toContain('only an office above');

      await command(t, 'supervisor', lower.id, 'supervise', { reason: 'late', note: '请于5日内转送交办并说明原因。' });
      // The district office hears of it at once, in its bell.
      const bell = (await call(t, 'district-clerk', 'GET', '/api/notifications')).json<{ items: { petitionId: string; template: string; text: string }[] }>();
      expect(bell.items.find((n) => n.petitionId === lower.id && n.template === 'supervised')?.text).toContain('收到督办通知');
      await command(t, 'district-clerk', lower.id, 'assign', { unitId: 'district-labor' });
      // Routed now: the bureau is late, not the office unrouting it (a clear 422, nothing issued).
      const notUnrouted = await call(t, 'supervisor', 'POST', `/api/petitions/${lower.id}/supervise`, {
        reason: 'unrouted',
        note: '请尽快受理。',
        expectedVersion: (await detail('supervisor', lower.id)).version,
      });
      expect(notUnrouted.statusCode, notUnrouted.body).toBe(422);
      expect(notUnrouted.json().messages.zh).toContain('未按规定转送、交办');
      await command(t, 'supervisor', lower.id, 'supervise', { reason: 'late', note: '请尽快受理。' });
      const [toOffice, toBureau] = (await detail('supervisor', lower.id)).state.supervisions as { id: string; unitId: string }[];
      expect([toOffice!.unitId, toBureau!.unitId]).toEqual(['district-office', 'district-labor']);
      // Each unit answers its own notice: not the office the bureau's, nor the bureau, holding the petition now, the office's.
      const notTheirs = await call(t, 'district-clerk', 'POST', `/api/petitions/${lower.id}/answerSupervision`, {
        supervisionId: toBureau!.id,
        text: '代为答复。',
        expectedVersion: (await detail('district-clerk', lower.id)).version,
      });
      expect(notTheirs.statusCode, notTheirs.body).toBe(403);
      expect(notTheirs.json().messages.zh).toContain('不是发给您所在单位的');
      const holderForOffice = await call(t, 'district-handler', 'POST', `/api/petitions/${lower.id}/answerSupervision`, {
        supervisionId: toOffice!.id,
        text: '代为答复。',
        expectedVersion: (await detail('district-handler', lower.id)).version,
      });
      expect(holderForOffice.statusCode, holderForOffice.body).toBe(403);
      await command(t, 'district-handler', lower.id, 'answerSupervision', { supervisionId: toBureau!.id, text: '已受理，正在核查。' });
      // With only the office's notice open, the bureau holding the petition is not offered to answer.
      expect((await detail('district-handler', lower.id)).availableCommands).not.toContain('answerSupervision');
      await command(t, 'district-clerk', lower.id, 'answerSupervision', { supervisionId: toOffice!.id, text: '已交办区人社局。' });
      expect((await detail('district-clerk', lower.id)).availableCommands).not.toContain('answerSupervision');
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
