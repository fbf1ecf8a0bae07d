import { describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import type { PetitionState } from '@qiao/core';
import { petitions } from '../src/db/schema';
import { available, engineName, useTestApp, type TestContext } from './support/app';
import { call, command, register } from './support/http';

type List = { items: { id: string }[] };
type Detail = {
  version: number;
  status: string;
  currentUnit: { id: string } | null;
  availableCommands: string[];
  deadlines: Record<string, string>;
  timeline: { type: string; summary: { zh: string; en: string }; actor: { unit: { id: string } | null } }[];
};

const detail = async (t: TestContext, user: string, id: string) => {
  const res = await call(t, user, 'GET', `/api/petitions/${id}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json<Detail>();
};

/** POST a command with the current version, as `user`; the raw response. */
const attempt = async (
  t: TestContext,
  user: string,
  id: string,
  name: string,
  body: Record<string, unknown>,
  lang = 'zh',
) => {
  const version = (await detail(t, 'clerk', id)).version;
  return call(
    t,
    user,
    'POST',
    `/api/petitions/${id}/${name}`,
    { ...body, expectedVersion: version },
    { 'accept-language': lang },
  );
};

const tab = async (t: TestContext, user: string, key: string) => {
  const res = await call(t, user, 'GET', `/api/workbench/petitions?tab=${key}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json<List>().items.map((i) => i.id);
};

describe.skipIf(!available)(`joint conference (${engineName})`, () => {
  const t = useTestApp();

  it('routes the work: the lead unit handles and replies, co-units see it as co-handling and only add opinions', async () => {
    t.clock.set('2026-03-02');
    const p = await register(t, { title: '联席会议：工地欠薪涉及多部门' });
    await command(t, 'clerk', p.id, 'referToJointConference', {
      reason: '涉及劳动保障、住建、自然资源等部门，需明确牵头单位',
    });
    // Before the decision the units have nothing to see; the office cannot route past the pending conference.
    expect((await call(t, 'housing-handler', 'GET', `/api/petitions/${p.id}`)).statusCode).toBe(404);
    const past = await attempt(t, 'clerk', p.id, 'assign', { unitId: 'city-labor' });
    expect(past.statusCode).toBe(422);
    expect(past.json()).toMatchObject({ error: 'jointConferencePending' });
    // Only the petition office records the decision: a supervisor sees the petition but may not.
    const bySupervisor = await attempt(t, 'supervisor', p.id, 'recordJointConferenceDecision', {
      leadUnitId: 'city-labor',
      replyDueOn: '2026-04-03',
      summary: '督查人员不能登记',
    });
    expect(bySupervisor.statusCode).toBe(403);

    t.clock.set('2026-03-04');
    const decided = await command(t, 'clerk', p.id, 'recordJointConferenceDecision', {
      leadUnitId: 'city-labor',
      coUnitIds: ['city-housing', 'district-land'],
      replyDueOn: '2026-04-03',
      summary: '人社局牵头核查欠薪，住建局核查工程款拨付，自然资源局核查用地手续',
    });
    expect(decided).toMatchObject({ status: 'awaitingAcceptance' });
    expect(decided.deadlines.jointConference).toBe('2026-04-03');

    // The lead unit: in its inbox to receive, with the handling commands; no co-unit opinion.
    expect(await tab(t, 'handler', 'toReceive')).toContain(p.id);
    expect(await tab(t, 'handler', 'coHandling')).not.toContain(p.id);
    const lead = await detail(t, 'handler', p.id);
    expect(lead.currentUnit?.id).toBe('city-labor');
    expect(lead.availableCommands).toEqual(expect.arrayContaining(['notifyReceipt', 'accept']));
    expect(lead.availableCommands).not.toContain('addCoUnitOpinion');
    expect(lead.availableCommands).not.toContain('object');

    // A co-unit: in its co-handling tab (and in its list), may only add opinions.
    for (const user of ['housing-handler', 'land-handler']) {
      expect(await tab(t, user, 'coHandling')).toContain(p.id);
      expect(await tab(t, user, 'toReceive')).not.toContain(p.id);
      expect((await call(t, user, 'GET', '/api/petitions')).json<List>().items.map((i) => i.id)).toContain(
        p.id,
      );
      expect((await detail(t, user, p.id)).availableCommands).toEqual(['addCoUnitOpinion']);
    }
    const accept = await attempt(t, 'housing-handler', p.id, 'accept', {});
    expect(accept.statusCode).toBe(403);
    const opinion = await attempt(t, 'housing-handler', p.id, 'addCoUnitOpinion', {
      text: '该项目工程款已拨付 80%，建议督促总包单位代发工资',
    });
    expect(opinion.statusCode, opinion.body).toBe(200);
    // A unit the conference did not name sees nothing at all.
    expect((await call(t, 'discipline-handler', 'GET', `/api/petitions/${p.id}`)).statusCode).toBe(404);
    expect(await tab(t, 'discipline-handler', 'coHandling')).toEqual([]);

    // The lead unit handles and replies; the co-unit cannot.
    await command(t, 'handler', p.id, 'accept', {});
    expect(await tab(t, 'housing-handler', 'coHandling')).toContain(p.id);
    const coReply = await attempt(
      t,
      'housing-handler',
      p.id,
      'reply',
      { outcome: 'support', text: '协办单位不能答复' },
      'en',
    );
    expect(coReply.statusCode).toBe(403);
    expect(coReply.json().message).toMatch(/not the one currently handling/);
    t.clock.set('2026-03-20');
    await command(t, 'handler', p.id, 'reply', {
      outcome: 'support',
      text: '经联合核查，责令总包单位于 3 月底前足额支付',
    });
    expect(await tab(t, 'housing-handler', 'coHandling')).not.toContain(p.id);
    expect((await detail(t, 'housing-handler', p.id)).availableCommands).toEqual([]);

    const d = await detail(t, 'clerk', p.id);
    const types = d.timeline.map((e) => e.type);
    expect(types).toEqual([
      'registered',
      'referredToJointConference',
      'jointConferenceDecided',
      'coUnitOpinionAdded',
      'accepted',
      'replied',
    ]);
    const decision = d.timeline.find((e) => e.type === 'jointConferenceDecided')!;
    expect(decision.summary.zh).toBe(
      '联席会议决定：由青川市人力资源和社会保障局牵头办理，青川市住房和城乡建设局、临江区自然资源局协办，2026-04-03 前答复',
    );
    expect(decision.summary.en).toContain('reply due 2026-04-03');
    expect(d.timeline.find((e) => e.type === 'coUnitOpinionAdded')?.actor.unit?.id).toBe('city-housing');
    expect(d.deadlines.jointConference).toBeUndefined(); // met by the reply
  });

  it('never lets an accused unit lead or co-handle an accusation about it (zh and en)', async () => {
    t.clock.set('2026-03-02');
    const p = await register(t, {
      category: 'accusation',
      title: '检举住建局工作人员违规审批',
      respondent: { name: '青川市住房和城乡建设局', unitId: 'city-housing' },
    });
    await command(t, 'clerk', p.id, 'referToJointConference', { reason: '涉及多个部门' });
    for (const body of [
      { leadUnitId: 'city-housing', coUnitIds: ['city-discipline'] },
      { leadUnitId: 'city-discipline', coUnitIds: ['city-labor', 'city-housing'] },
    ]) {
      const zh = await attempt(t, 'clerk', p.id, 'recordJointConferenceDecision', {
        ...body,
        replyDueOn: '2026-03-30',
        summary: '研究决定',
      });
      expect(zh.statusCode).toBe(422);
      expect(zh.json()).toMatchObject({
        error: 'accusedUnitInConference',
        message: expect.stringContaining('不得由被检举控告的单位牵头或协办'),
      });
      const en = await attempt(
        t,
        'clerk',
        p.id,
        'recordJointConferenceDecision',
        { ...body, replyDueOn: '2026-03-30', summary: '研究决定' },
        'en',
      );
      expect(en.json().message).toBe(
        'An accusation may not be led or co-handled by the unit it accuses (Art. 30)',
      );
    }
    await command(t, 'clerk', p.id, 'recordJointConferenceDecision', {
      leadUnitId: 'city-discipline',
      coUnitIds: ['city-labor'],
      replyDueOn: '2026-03-30',
      summary: '纪委监委牵头，人社局配合',
    });
    // The accused unit still sees nothing of it.
    expect((await call(t, 'housing-handler', 'GET', `/api/petitions/${p.id}`)).statusCode).toBe(404);
    expect(await tab(t, 'handler', 'coHandling')).toContain(p.id);
  });

  it('checks the decision: known units, a reply day ahead, the lead unit bound by it', async () => {
    t.clock.set('2026-03-02');
    const p = await register(t, { title: '联席会议：校验' });
    await command(t, 'clerk', p.id, 'referToJointConference', { reason: '多部门' });
    const unknown = await attempt(t, 'clerk', p.id, 'recordJointConferenceDecision', {
      leadUnitId: 'city-labor',
      coUnitIds: ['no-such-unit'],
      replyDueOn: '2026-03-30',
      summary: '研究决定',
    });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json()).toMatchObject({ error: 'unknownUnit', field: 'coUnitIds.0' });
    const today = await attempt(t, 'clerk', p.id, 'recordJointConferenceDecision', {
      leadUnitId: 'city-labor',
      replyDueOn: '2026-03-02',
      summary: '研究决定',
    });
    expect(today.json()).toMatchObject({ error: 'replyDueInvalid' });
    await command(t, 'clerk', p.id, 'recordJointConferenceDecision', {
      leadUnitId: 'city-labor',
      replyDueOn: '2026-03-30',
      summary: '人社局牵头',
    });
    const object = await attempt(t, 'handler', p.id, 'object', { reason: '不属于本单位' });
    expect(object.json()).toMatchObject({ error: 'jointConferenceBinding' });
    // No co-units named: nobody may add a co-unit opinion, and the clerk never could.
    expect((await attempt(t, 'clerk', p.id, 'addCoUnitOpinion', { text: 'x' })).statusCode).toBe(403);
  });
});

describe.skipIf(!available)(`a unit's supervision record (${engineName})`, () => {
  const t = useTestApp();

  it('lists the notices issued to the unit, with the answer and whether it was late, to the office, supervisors and the unit', async () => {
    t.clock.set('2026-03-02');
    const p = await register(t, { title: '督办记录：欠薪' });
    await command(t, 'clerk', p.id, 'assign', { unitId: 'city-labor' });
    await command(t, 'handler', p.id, 'accept', {});
    t.clock.set('2026-03-10');
    await command(t, 'supervisor', p.id, 'supervise', {
      reason: 'evasive',
      note: '请说明答复敷衍的原因',
      answerDays: 5,
    });
    t.clock.set('2026-03-12');
    await command(t, 'supervisor', p.id, 'supervise', {
      reason: 'late',
      note: '请于 3 日内报告进展',
      answerDays: 3,
    });
    // Both are due Mon 03-16: the first is answered a day late, the second stays open past its day.
    t.clock.set('2026-03-17');
    const first = (await call(t, 'handler', 'GET', `/api/petitions/${p.id}`)).json<{ state: PetitionState }>()
      .state.supervisions[0]!;
    await command(t, 'handler', p.id, 'answerSupervision', {
      supervisionId: first.id,
      text: '已成立专班，逐户核实',
    });
    // Another unit's notice is not in this unit's record.
    const other = await register(t, { title: '督办记录：其他单位', domain: 'housing' });
    await command(t, 'clerk', other.id, 'assign', { unitId: 'city-housing' });
    await command(t, 'supervisor', other.id, 'supervise', { reason: 'late', note: '住建局请答复' });

    const res = await call(t, 'supervisor', 'GET', '/api/units/city-labor/supervision');
    expect(res.statusCode, res.body).toBe(200);
    const record = res.json();
    expect(record.unit).toEqual({ id: 'city-labor', name: '青川市人力资源和社会保障局' });
    expect(record.summary).toEqual({ issued: 2, answered: 1, answeredLate: 1, open: 1, openLate: 1 });
    expect(record.notices).toEqual([
      expect.objectContaining({
        petition: { id: p.id, trackingCode: p.trackingCode, title: '督办记录：欠薪' },
        reason: 'late',
        note: '请于 3 日内报告进展',
        issuedOn: '2026-03-12',
        dueOn: '2026-03-16', // 03-15 is a Sunday
        answeredOn: null,
        answer: null,
        status: 'open',
        late: true,
      }),
      expect.objectContaining({
        supervisionId: first.id,
        reason: 'evasive',
        issuedOn: '2026-03-10',
        dueOn: '2026-03-16',
        answeredOn: '2026-03-17',
        answer: '已成立专班，逐户核实',
        status: 'answered',
        late: true,
      }),
    ]);

    // The unit itself and the petition office read it; other units and leaders do not.
    expect((await call(t, 'handler', 'GET', '/api/units/city-labor/supervision')).json().summary.issued).toBe(
      2,
    );
    expect((await call(t, 'head', 'GET', '/api/units/city-labor/supervision')).statusCode).toBe(200);
    expect((await call(t, 'clerk', 'GET', '/api/units/city-labor/supervision')).json().summary.issued).toBe(
      2,
    );
    const denied = await call(t, 'housing-handler', 'GET', '/api/units/city-labor/supervision', undefined, {
      'accept-language': 'en',
    });
    expect(denied.statusCode).toBe(403);
    expect(denied.json().message).toContain("the unit's own staff");
    expect((await call(t, 'leader', 'GET', '/api/units/city-labor/supervision')).statusCode).toBe(403);
    expect((await call(t, 'clerk', 'GET', '/api/units/no-such-unit/supervision')).statusCode).toBe(404);
    // A petition office elsewhere sees no notice about petitions outside its area.
    expect(
      (await call(t, 'county-clerk', 'GET', '/api/units/city-labor/supervision')).json().notices,
    ).toEqual([]);
    expect(
      (await call(t, 'housing-handler', 'GET', '/api/units/city-housing/supervision')).json().summary.issued,
    ).toBe(1);
  });

  it('attributes notices stored before they named their unit by the history', async () => {
    t.clock.set('2026-04-01');
    const p = await register(t, { title: '督办记录：旧数据' });
    await command(t, 'clerk', p.id, 'assign', { unitId: 'district-labor' });
    await command(t, 'supervisor', p.id, 'supervise', { reason: 'late', note: '请答复' });
    const [row] = await t.deps.db.select().from(petitions).where(eq(petitions.id, p.id));
    const legacy = { ...row!.state, supervisions: row!.state.supervisions.map(({ unitId: _u, ...s }) => s) };
    await t.deps.db.update(petitions).set({ state: legacy }).where(eq(petitions.id, p.id));
    const record = (await call(t, 'supervisor', 'GET', '/api/units/district-labor/supervision')).json();
    expect(record.notices.map((n: { petition: { id: string } }) => n.petition.id)).toEqual([p.id]);
    expect(record.notices[0]).toMatchObject({
      note: '请答复',
      issuedOn: '2026-04-01',
      status: 'open',
      late: false,
    });
  });
});
