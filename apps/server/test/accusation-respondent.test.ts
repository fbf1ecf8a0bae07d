import { describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { available, engineName, intake, useTestApp, type TestContext } from './support/app';
import { call, command, register } from './support/http';

/*
 * An accusation never reaches the unit it accuses (Art. 30), however the clerk names that unit at intake (picked
 * from the unit list, or typed as its exact name), and on every path that hands the petition to a unit: assign,
 * forward, review, a joint conference's lead or co-units, a later reclassification, the routing suggestions.
 */

type Detail = { version: number; respondent: { name: string; unitId: string | null } | null; accusedUnitIds: string[] };

const detail = async (t: TestContext, id: string) => {
  const res = await call(t, 'clerk', 'GET', `/api/petitions/${id}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json<Detail>();
};

/** POST a command with the current version as the clerk; the raw response. */
const attempt = async (t: TestContext, id: string, name: string, body: Record<string, unknown>) =>
  call(t, 'clerk', 'POST', `/api/petitions/${id}/${name}`, {
    ...body,
    expectedVersion: (await detail(t, id)).version,
  });

const accusation = {
  category: 'accusation',
  domain: 'housing',
  title: '举报市住建局工作人员收受开发商好处',
  content: '市住建局某工作人员在办理预售许可时收受开发商好处。',
};

describe.skipIf(!available)(`an accusation and the unit it accuses (${engineName})`, () => {
  const t = useTestApp();

  it('refuses a respondent unit without a name (400 naming the field), never dropping the unit', async () => {
    for (const respondent of [
      { name: '', unitId: 'city-housing' },
      { name: '  ', unitId: 'city-housing' },
      { unitId: 'city-housing' },
    ]) {
      const res = await call(t, 'clerk', 'POST', '/api/petitions', intake({ ...accusation, respondent }));
      expect(res.statusCode, res.body).toBe(400);
      expect(res.json().field).toBe('respondent.name');
    }
    const list = (await call(t, 'clerk', 'GET', '/api/petitions?limit=200')).json<{ items: unknown[] }>();
    expect(list.items).toHaveLength(0);
  });

  it('keeps the unit picked at intake from the petition on every path that would hand it over', async () => {
    // What the intake form sends when only the unit was picked: the unit with its own name.
    const p = await register(t, {
      ...accusation,
      respondent: { name: '青川市住房和城乡建设局', unitId: 'city-housing' },
    });
    expect((await detail(t, p.id)).respondent).toEqual({
      name: '青川市住房和城乡建设局',
      unitId: 'city-housing',
    });
    expect((await call(t, 'housing-handler', 'GET', `/api/petitions/${p.id}`)).statusCode).toBe(404);

    for (const name of ['assign', 'forward']) {
      const res = await attempt(t, p.id, name, { unitId: 'city-housing' });
      expect(res.statusCode, res.body).toBe(422);
      expect(res.json().error).toBe('accusedUnit');
    }

    // A joint conference names it neither as the lead unit nor as a co-unit.
    await command(t, 'clerk', p.id, 'referToJointConference', { reason: '涉及多个部门' });
    for (const [leadUnitId, coUnitIds] of [
      ['city-housing', ['city-discipline']],
      ['city-discipline', ['city-housing']],
    ] as const) {
      const res = await attempt(t, p.id, 'recordJointConferenceDecision', {
        leadUnitId,
        coUnitIds,
        replyDueOn: '2026-04-10',
        summary: '明确牵头单位',
      });
      expect(res.statusCode, res.body).toBe(422);
      expect(res.json().error).toBe('accusedUnitInConference');
    }
    await command(t, 'clerk', p.id, 'recordJointConferenceDecision', {
      leadUnitId: 'city-discipline',
      coUnitIds: ['city-labor'],
      replyDueOn: '2026-04-10',
      summary: '市纪委监委牵头核查',
    });
    expect((await call(t, 'housing-handler', 'GET', `/api/petitions/${p.id}`)).statusCode).toBe(404);

    // Nor is it the unit that reviews the answer.
    await command(t, 'discipline-handler', p.id, 'accept');
    await command(t, 'discipline-handler', p.id, 'reply', {
      outcome: 'explain',
      text: '经核查，已依规处理。',
    });
    const review = await call(t, 'clerk', 'POST', `/api/petitions/${p.id}/requestReview`, {
      unitId: 'city-housing',
      reason: '不服处理意见',
      expectedVersion: (await detail(t, p.id)).version,
    });
    expect(review.statusCode, review.body).toBe(422);
    expect(review.json().error).toBe('accusedUnit');
  });

  it('takes a respondent typed as one of our units’ names (or short names) as that unit, and an accusation against its staff or sub-unit as against it', async () => {
    const typed = await register(t, { ...accusation, respondent: { name: ' 青川市住房和城乡建设局 ' } });
    expect((await detail(t, typed.id)).respondent).toEqual({
      name: '青川市住房和城乡建设局',
      unitId: 'city-housing',
    });
    const res = await attempt(t, typed.id, 'assign', { unitId: 'city-housing' });
    expect(res.statusCode, res.body).toBe(422);
    expect(res.json().error).toBe('accusedUnit');
    expect((await call(t, 'housing-handler', 'GET', `/api/petitions/${typed.id}`)).statusCode).toBe(404);

    // Named only in the text, with no respondent given: the first unit named is the accused one.
    const inText = await register(t, {
      ...accusation,
      title: '举报临江区人力资源和社会保障局工作人员收受红包',
      content: '临江区人力资源和社会保障局劳动监察大队工作人员收受包工头红包，对工地欠薪投诉长期不处理，请青川市信访局督促。',
      respondent: undefined,
    });
    expect((await detail(t, inText.id)).respondent).toMatchObject({ unitId: 'district-labor' });
    const toAccused = await attempt(t, inText.id, 'assign', { unitId: 'district-labor' });
    expect(toAccused.statusCode, toAccused.body).toBe(422);
    expect(toAccused.json().error).toBe('accusedUnit');

    // The district bureau written with the city before it is still that bureau (the only one it can be).
    const nested = await register(t, { ...accusation, respondent: { name: '青川市临江区人力资源和社会保障局' } });
    expect((await detail(t, nested.id)).respondent).toMatchObject({ unitId: 'district-labor' });

    // A unit's staff or sub-unit, named in full or by the department's short name after its region: the unit is
    // the accused one (it must not handle an accusation against its own people), the name stays as typed.
    for (const [name, unitId] of [
      ['青川市住房和城乡建设局工作人员李某', 'city-housing'],
      ['青川市人社局劳动监察大队李某', 'city-labor'],
      ['临江区人社局', 'district-labor'],
    ] as const) {
      const official = await register(t, { ...accusation, respondent: { name } });
      expect((await detail(t, official.id)).respondent).toEqual({ name, unitId });
      const res = await attempt(t, official.id, 'assign', { unitId });
      expect(res.statusCode, res.body).toBe(422);
      expect(res.json().error).toBe('accusedUnit');
    }
    // Not an accusation: a unit mentioned in a longer respondent name is not taken for the respondent.
    const claim = await register(t, { ...accusation, category: 'claim', respondent: { name: '青川市人社局劳动监察大队李某' } });
    expect((await detail(t, claim.id)).respondent).toEqual({ name: '青川市人社局劳动监察大队李某', unitId: null });
  });

  it('reads the units a petition is against again when it is corrected to an accusation, for one registered before they were all kept', async () => {
    const claim = await register(t, {
      category: 'claim',
      domain: 'land',
      title: '反映临江区自然资源局违规审批',
      content: '临江区自然资源局违规给腾达公司审批占用基本农田，我们的地被占了。',
      jurisdictionCode: '339902001',
    });
    // As a petition registered before migration 0010 was: no set of units, neither in the row nor in the state.
    await t.deps.db.execute(sql`update petitions set respondent_unit_ids = '{}', state = state - 'respondentUnitIds' where id = ${claim.id}`);
    expect((await detail(t, claim.id)).accusedUnitIds).toEqual([]);
    const res = await attempt(t, claim.id, 'reclassify', { domain: 'land', category: 'accusation', litigationRelated: false });
    expect(res.statusCode, res.body).toBe(200);
    expect((await detail(t, claim.id)).accusedUnitIds).toEqual(['district-land']);
    const toAccused = await attempt(t, claim.id, 'assign', { unitId: 'district-land' });
    expect(toAccused.statusCode, toAccused.body).toBe(422);
    expect(toAccused.json().error).toBe('accusedUnit');
    expect((await call(t, 'land-handler', 'GET', `/api/petitions/${claim.id}`)).statusCode).toBe(404);
  });

  it('refuses to reclassify as an accusation while the accused unit co-handles the petition', async () => {
    const p = await register(t, {
      domain: 'housing',
      respondent: { name: '青川市住房和城乡建设局', unitId: 'city-housing' },
    });
    await command(t, 'clerk', p.id, 'referToJointConference', { reason: '涉及多个部门' });
    await command(t, 'clerk', p.id, 'recordJointConferenceDecision', {
      leadUnitId: 'city-labor',
      coUnitIds: ['city-housing'],
      replyDueOn: '2026-04-10',
      summary: '人社局牵头，住建局协办',
    });
    const res = await attempt(t, p.id, 'reclassify', {
      domain: 'housing',
      category: 'accusation',
      litigationRelated: false,
    });
    expect(res.statusCode, res.body).toBe(422);
    expect(res.json().error).toBe('accusedUnit');
  });

  it('never suggests the accused unit when only the unit is given', async () => {
    const res = await call(t, 'clerk', 'POST', '/api/analysis/suggest', {
      text: accusation.content,
      title: accusation.title,
      category: 'accusation',
      domain: 'housing',
      jurisdictionCode: '339900',
      respondent: { unitId: 'city-housing' },
    });
    expect(res.statusCode, res.body).toBe(200);
    const routing = res.json().routing;
    expect(routing.excluded.map((e: { unitId: string }) => e.unitId)).toContain('city-housing');
    expect(JSON.stringify([routing.territorial, routing.subject])).not.toContain('city-housing');
  });

  it('never suggests the unit whose staff a typed respondent names, by its short name', async () => {
    const res = await call(t, 'clerk', 'POST', '/api/analysis/suggest', {
      text: '劳动监察大队李某多次收受包工头的好处，对我们的欠薪投诉一直压着不办。',
      title: '举报劳动监察大队李某收受好处',
      category: 'accusation',
      domain: 'labor',
      jurisdictionCode: '339900',
      respondent: { name: '青川市人社局劳动监察大队李某' },
    });
    expect(res.statusCode, res.body).toBe(200);
    const routing = res.json().routing;
    expect(routing.excluded.map((e: { unitId: string }) => e.unitId)).toContain('city-labor');
    expect(JSON.stringify([routing.territorial, routing.subject])).not.toContain('city-labor');
  });

  it('keeps an accusation from every unit its words accuse, not only the one in the respondent field', async () => {
    // Two bureaus accused of passing the matter to each other; the form has room for one, the clerk picked it. The
    // city office and the commission are named as where the petitioner went and whom they ask to act.
    const two = {
      ...accusation,
      domain: 'labor',
      title: '举报青川市住房和城乡建设局与青川市人力资源和社会保障局互相推诿',
      content: '青川市住房和城乡建设局和青川市人力资源和社会保障局对工地欠薪互相推诿。我多次到青川市信访局反映，请青川市纪委监委查处。',
      respondent: { name: '青川市住房和城乡建设局', unitId: 'city-housing' },
    };
    const suggested = await call(t, 'clerk', 'POST', '/api/analysis/suggest', {
      text: two.content,
      title: two.title,
      category: 'accusation',
      domain: 'labor',
      jurisdictionCode: '339900',
      respondent: two.respondent,
    });
    expect(suggested.statusCode, suggested.body).toBe(200);
    const routing = suggested.json().routing;
    expect(routing.excluded.map((e: { unitId: string }) => e.unitId).toSorted()).toEqual(['city-housing', 'city-labor']);
    expect(routing.subject).toMatchObject({ unitId: 'city-discipline' });

    const p = await register(t, two); // at the city office, which is named only as where the petitioner went
    // The office reads whom it may never go to.
    expect((await call(t, 'clerk', 'GET', `/api/petitions/${p.id}`)).json().accusedUnitIds.toSorted()).toEqual(['city-housing', 'city-labor']);
    for (const unitId of ['city-labor', 'city-housing']) {
      const res = await attempt(t, p.id, 'assign', { unitId });
      expect(res.statusCode, res.body).toBe(422);
      expect(res.json().error).toBe('accusedUnit');
    }
    await command(t, 'clerk', p.id, 'referToJointConference', { reason: '涉及多个部门' });
    const conference = await attempt(t, p.id, 'recordJointConferenceDecision', {
      leadUnitId: 'city-discipline',
      coUnitIds: ['city-labor'],
      replyDueOn: '2026-04-10',
      summary: '纪委牵头，人社局协办',
    });
    expect(conference.statusCode, conference.body).toBe(422);
    expect(conference.json().error).toBe('accusedUnitInConference');

    // A district clerk registers a visitor's accusation against the labour bureau whose words accuse the district
    // office too: it goes to the office above, and the district office never sees it, in its lists or by id.
    const visitor = {
      ...accusation,
      domain: 'labor',
      title: '举报临江区人社局不作为',
      content: '临江区人社局对欠薪投诉不处理，临江区信访局接访人员还把我的材料交给了老板。',
      jurisdictionCode: '339902001',
      respondent: { name: '临江区人社局' },
    };
    const up = await call(t, 'district-clerk', 'POST', '/api/petitions', intake(visitor));
    expect(up.statusCode, up.body).toBe(201);
    expect(up.json().registeringUnitId).toBe('city-office');
    expect((await call(t, 'district-clerk', 'GET', `/api/petitions/${up.json().id}`)).statusCode).toBe(404);
    const districtList = (await call(t, 'district-clerk', 'GET', '/api/petitions?limit=200')).json<{ items: { id: string }[] }>();
    expect(districtList.items.map((x) => x.id)).not.toContain(up.json().id);
    // The same visitor who only says they went to the district office: registered there, as before.
    const went = await call(t, 'district-clerk', 'POST', '/api/petitions', intake({ ...visitor, content: '临江区人社局对欠薪投诉不处理，我多次到临江区信访局反映。' }));
    expect(went.statusCode, went.body).toBe(201);
    expect(went.json().registeringUnitId).toBe('district-office');

    // A bureau typed with no region may be any county's: each of them is kept from the accusation.
    const anyCounty = await register(t, { ...accusation, domain: 'labor', title: '举报人社局工作人员吃拿卡要', content: '劳动监察的人收钱不办事。', respondent: { name: '人社局' } });
    for (const unitId of ['city-labor', 'district-labor']) {
      const res = await attempt(t, anyCounty.id, 'assign', { unitId });
      expect(res.statusCode, res.body).toBe(422);
      expect(res.json().error).toBe('accusedUnit');
    }
    expect((await detail(t, anyCounty.id)).respondent).toEqual({ name: '人社局', unitId: null });
  });

  it('registers an accusation against the office it reaches with the office above, or refuses when there is none', async () => {
    // A resident accuses the district petition office on the portal, which picks the office by place.
    const portal = await call(t, null, 'POST', '/api/portal/petitions', {
      category: 'accusation',
      domain: 'labor',
      title: '举报临江区信访局接访人员泄露信访人信息',
      content: '临江区信访局某工作人员把我的信访材料交给被反映单位。',
      jurisdictionCode: '339902001',
      respondent: { name: '临江区信访局' },
      contact: { name: '李四', phone: '13912345678' },
      consent: true,
    });
    expect(portal.statusCode, portal.body).toBe(201);
    // A district clerk registers a visitor's accusation against their own office.
    const own = await call(t, 'district-clerk', 'POST', '/api/petitions', intake({
      ...accusation,
      title: '举报临江区信访局工作人员推诿',
      respondent: { name: '临江区信访局', unitId: 'district-office' },
    }));
    expect(own.statusCode, own.body).toBe(201);
    expect(own.json().registeringUnitId).toBe('city-office'); // the clerk is told where it went
    const toRoute = (await call(t, 'clerk', 'GET', '/api/workbench/petitions?tab=toRoute&limit=200')).json<{ items: { id: string; trackingCode: string; currentUnit: { id: string } }[] }>();
    const portalId = toRoute.items.find((x) => x.trackingCode === portal.json().trackingCode)?.id;
    for (const id of [portalId, own.json().id]) {
      expect(toRoute.items.find((x) => x.id === id)).toMatchObject({ currentUnit: { id: 'city-office' } });
      const held = await call(t, 'clerk', 'GET', `/api/petitions/${id}`);
      expect(held.json()).toMatchObject({ registeringUnit: { id: 'city-office' }, respondent: { unitId: 'district-office' } });
      expect((await call(t, 'district-clerk', 'GET', `/api/petitions/${id}`)).statusCode).toBe(404);
    }

    // The city office has no office above it here: the accusation is refused, saying where to bring it.
    const top = await call(t, 'clerk', 'POST', '/api/petitions', intake({ ...accusation, respondent: { name: '青川市信访局', unitId: 'city-office' } }));
    expect(top.statusCode, top.body).toBe(422);
    expect(top.json().error).toBe('accusedRegistrar');
    expect(top.json().message).toContain('上一级');
    // Read from the words rather than the respondent: the clerk is told which office and how to word it otherwise.
    const words = await call(t, 'clerk', 'POST', '/api/petitions', intake({
      ...accusation,
      content: '青川市信访局接访人员把我的举报材料给了被举报的开发商。',
      respondent: { name: '某开发商' },
    }));
    expect(words.statusCode, words.body).toBe(422);
    expect(words.json().messages.zh).toContain('对“青川市信访局”的表述被视为检举控告该机关');
    expect(words.json().messages.en).toContain('read as accusing 青川市信访局');
  });
});
