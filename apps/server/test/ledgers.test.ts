import { randomUUID } from 'node:crypto';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { users } from '../src/db/schema';
import { burndown } from '../src/ledgers/service';
import { available, engineName, useTestApp } from './support/app';
import { call, register } from './support/http';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

describe('burndown', () => {
  it('counts open entries at the end of each week down to zero', () => {
    const entries = [
      { addedOn: '2026-03-02', resolvedOn: '2026-03-10' },
      { addedOn: '2026-03-02', resolvedOn: null },
      { addedOn: '2026-03-09', resolvedOn: '2026-03-20' },
    ];
    expect(burndown(entries, '2026-03-23')).toEqual([
      { on: '2026-03-02', open: 2 },
      { on: '2026-03-09', open: 3 },
      { on: '2026-03-16', open: 2 },
      { on: '2026-03-23', open: 1 },
    ]);
    expect(burndown([], '2026-03-23')).toEqual([]);
  });
});

describe.skipIf(!available)(`backlog ledgers (${engineName})`, () => {
  const t = useTestApp();

  it('keeps a ledger, exports it to .xlsx with the offices’ columns, and imports an edited copy all-or-nothing', async () => {
    t.clock.set('2026-03-02');
    const a = await register(t, { title: '征地补偿积案' });
    const b = await register(t, { title: '拖欠工资积案' });
    const c = await register(t, { title: '第三件：后来导入' });
    const [leader] = await t.deps.db.select().from(users).where(eq(users.username, 'leader'));
    const ledger = (await call(t, 'clerk', 'POST', '/api/ledgers', { name: '2026 年信访积案化解攻坚' })).json();
    for (const p of [a, b]) {
      const res = await call(t, 'clerk', 'POST', `/api/ledgers/${ledger.id}/entries`, {
        petitionId: p.id,
        responsibleUnitId: 'district-land',
        ownerLeaderUserId: leader!.id,
        measures: '召开联席会议，逐户核算补偿',
        targetOn: '2026-06-30',
      });
      expect(res.statusCode, res.body).toBe(201);
    }
    expect((await call(t, 'clerk', 'POST', `/api/ledgers/${ledger.id}/entries`, { petitionId: a.id, responsibleUnitId: 'district-land', measures: 'x' })).statusCode).toBe(409);
    expect((await call(t, 'handler', 'POST', '/api/ledgers', { name: 'x' })).statusCode).toBe(403);

    const xlsx = await t.app.inject({ url: `/api/ledgers/${ledger.id}/export.xlsx`, headers: { authorization: `Bearer ${await t.token('clerk')}` } });
    expect(xlsx.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    expect((ws.getRow(1).values as unknown[]).slice(1)).toEqual(['序号', '信访件编号', '信访人', '反映问题', '责任单位', '包案领导', '化解措施', '化解时限', '进展情况', '是否化解']);
    expect((ws.getRow(2).values as unknown[]).slice(1, 6)).toEqual([1, a.trackingCode, '王**', '征地补偿积案', '临江区自然资源局']);
    expect(JSON.stringify(ws.getSheetValues())).not.toContain('王小明');

    // The office edits the sheet: resolves one, adds a third — and makes a mistake in it.
    ws.getRow(2).getCell(9).value = '补偿款已全部兑付';
    ws.getRow(2).getCell(10).value = '是';
    ws.addRow([3, c.trackingCode, '', '第三件：后来导入', '不存在的局', '', '约谈企业负责人', '2026-13-45', '', '否']);
    const upload = async (book: ExcelJS.Workbook) =>
      t.app.inject({
        method: 'POST',
        url: `/api/ledgers/${ledger.id}/import`,
        payload: Buffer.from(await book.xlsx.writeBuffer()),
        headers: { authorization: `Bearer ${await t.token('clerk')}`, 'content-type': XLSX },
      });
    const bad = await upload(wb);
    expect(bad.statusCode).toBe(422);
    expect(bad.json().rejected).toEqual([
      expect.objectContaining({ row: 4, column: '责任单位' }),
      expect.objectContaining({ row: 4, column: '化解时限' }),
    ]);
    // Nothing was half-imported: the first row is still open.
    let detail = (await call(t, 'clerk', 'GET', `/api/ledgers/${ledger.id}`)).json();
    expect(detail.entries.map((e: { resolved: boolean }) => e.resolved)).toEqual([false, false]);

    ws.getRow(4).getCell(5).value = '临江区人力资源和社会保障局';
    ws.getRow(4).getCell(8).value = '2026-05-31';
    const good = await upload(wb);
    expect(good.statusCode, good.body).toBe(200);
    expect(good.json()).toEqual({ ok: true, added: 1, updated: 2 });
    detail = (await call(t, 'clerk', 'GET', `/api/ledgers/${ledger.id}`)).json();
    expect(detail.entries.map((e: { matter: string; resolved: boolean }) => [e.matter, e.resolved])).toEqual([
      ['征地补偿积案', true],
      ['拖欠工资积案', false],
      ['第三件：后来导入', false],
    ]);
    expect(detail.entries[0].progress).toBe('补偿款已全部兑付');
    expect(detail.burndown.at(-1)).toEqual({ on: '2026-03-02', open: 2 });
    const list = (await call(t, 'leader', 'GET', '/api/ledgers')).json();
    expect(list).toEqual([expect.objectContaining({ name: '2026 年信访积案化解攻坚', open: 2, resolved: 1 })]);
  });

  it('shows each user only the entries they may view; an accusation never reaches, nor is counted for, the unit it accuses', async () => {
    t.clock.set('2026-03-02');
    const accusation = (unitId: string, name: string) => ({
      category: 'accusation',
      domain: 'land',
      title: `举报${name}工作人员索要好处费`,
      content: `${name}某科长在办理宅基地审批时索要好处费两万元，请查处。`,
      respondent: { name, unitId },
    });
    const land = await register(t, accusation('district-land', '临江区自然资源局'));
    const office = await register(t, accusation('district-office', '临江区信访局'));
    const claim = await register(t, { title: '台账可见性：欠薪' });
    const ledger = (await call(t, 'clerk', 'POST', '/api/ledgers', { name: '可见性台账' })).json();
    for (const p of [land, office, claim]) {
      const res = await call(t, 'clerk', 'POST', `/api/ledgers/${ledger.id}/entries`, { petitionId: p.id, responsibleUnitId: 'city-discipline', measures: '查处' });
      expect(res.statusCode, res.body).toBe(201);
    }
    type Detail = { entries: { petitionId: string }[]; withheld: number; burndown: { open: number }[] };
    const seen = async (user: string) => {
      const detail = await call(t, user, 'GET', `/api/ledgers/${ledger.id}`);
      expect(detail.statusCode, detail.body).toBe(200);
      const xlsx = await t.app.inject({ url: `/api/ledgers/${ledger.id}/export.xlsx`, headers: { authorization: `Bearer ${await t.token(user)}` } });
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
      const codes = wb.worksheets[0]!.getColumn(2).values.slice(2);
      const listed = (await call(t, user, 'GET', '/api/ledgers')).json().find((l: { id: string }) => l.id === ledger.id);
      const d = detail.json<Detail>();
      const numbers = { detail: d.entries.map((e) => (e as { position?: number }).position), sheet: wb.worksheets[0]!.getColumn(1).values.slice(2) };
      return { detail: d, body: detail.body, codes, listed, numbers, ids: d.entries.map((e) => e.petitionId) };
    };
    const code = (p: { trackingCode: string }) => p.trackingCode;

    const clerk = await seen('clerk');
    expect(clerk.ids).toEqual([land.id, office.id, claim.id]);
    expect(clerk.codes).toEqual([land, office, claim].map(code));
    expect(clerk.listed).toMatchObject({ open: 3, resolved: 0, withheld: 0 });

    // The accused unit: not its accusation, not counted as withheld either; the claim, not its unit's, is withheld.
    for (const user of ['land-handler', 'land-head']) {
      expect((await call(t, user, 'GET', `/api/petitions/${land.id}`)).statusCode).toBe(404);
      const v = await seen(user);
      expect(v.ids).toEqual([]);
      expect(v.detail.withheld).toBe(2); // the accusation against the district office and the claim
      expect(v.detail.burndown).toEqual([]);
      expect(v.codes).toEqual([]);
      expect(v.listed).toMatchObject({ open: 0, resolved: 0, withheld: 2 });
      expect(v.body).not.toContain(land.trackingCode);
      expect(v.body).not.toContain('索要好处费');
    }
    // The accused district office sees the district's other petitions, never its accusation, and no count betrays it.
    const district = await seen('district-clerk');
    expect(district.ids).toEqual([land.id, claim.id]);
    expect(district.detail.withheld).toBe(0);
    expect(district.codes).toEqual([land, claim].map(code));
    // Numbered 1, 2 as shown, on screen and in the sheet: the stored 1, 3 would leave a gap where the accusation is.
    expect(district.numbers).toEqual({ detail: [1, 2], sheet: [1, 2] });
    expect(district.listed).toMatchObject({ open: 2, withheld: 0 });
    expect(district.detail.burndown.at(-1)).toMatchObject({ open: 2 });
    // Unrelated units and the proxy agent see none of them.
    for (const user of ['handler', 'agent']) {
      const v = await seen(user);
      expect(v.ids).toEqual([]);
      expect(v.detail.withheld).toBe(3);
      expect(v.codes).toEqual([]);
      expect(v.listed).toMatchObject({ open: 0, resolved: 0, withheld: 3 });
    }

    // An editor who may not view an entry's petition cannot change the entry either (as the petition: 404).
    const [entryOfOffice] = (await call(t, 'clerk', 'GET', `/api/ledgers/${ledger.id}`)).json<{ entries: { id: string; petitionId: string }[] }>().entries.filter((e) => e.petitionId === office.id);
    const [leader] = await t.deps.db.select().from(users).where(eq(users.username, 'leader'));
    const districtLeader = { id: randomUUID(), username: 'ledger-district-leader', displayName: '临江区领导', passwordHash: leader!.passwordHash, role: 'leader', unitId: 'district-office', jurisdictionCode: '339902' };
    await t.deps.db.insert(users).values(districtLeader);
    const patch = await call(t, districtLeader.username, 'PATCH', `/api/ledgers/${ledger.id}/entries/${entryOfOffice!.id}`, { progress: '已核实' });
    expect(patch.statusCode, patch.body).toBe(404);
    expect((await call(t, 'clerk', 'GET', `/api/ledgers/${ledger.id}`)).json<{ entries: { progress: string }[] }>().entries.map((e) => e.progress)).toEqual(['', '', '']);
  });

  it('refuses the accused unit as responsible unit and a leader who may not own the petition, with clear 4xx in zh and en', async () => {
    t.clock.set('2026-03-02');
    const land = await register(t, {
      category: 'accusation',
      domain: 'land',
      title: '举报临江区自然资源局工作人员索要好处费',
      content: '临江区自然资源局某科长在办理宅基地审批时索要好处费两万元，请查处。',
      respondent: { name: '临江区自然资源局', unitId: 'district-land' },
    });
    const ledger = (await call(t, 'clerk', 'POST', '/api/ledgers', { name: '责任单位校验' })).json();
    const entries = `/api/ledgers/${ledger.id}/entries`;
    const accused = await call(t, 'clerk', 'POST', entries, { petitionId: land.id, responsibleUnitId: 'district-land', measures: '查处' });
    expect(accused.statusCode).toBe(422);
    expect(accused.json()).toMatchObject({ error: 'accusedUnit', field: 'responsibleUnitId' });
    expect(accused.json().message).toContain('被检举控告的单位');
    const en = await call(t, 'clerk', 'POST', entries, { petitionId: land.id, responsibleUnitId: 'district-land', measures: '查处' }, { 'accept-language': 'en' });
    expect(en.json().message).toBe('responsibleUnitId: the responsible unit of an accusation may not be the unit it accuses (Art. 30)');

    // 包案领导: the leader must be able to view the petition (PUT /api/petitions/:id/owner asks the same).
    const [leader] = await t.deps.db.select().from(users).where(eq(users.username, 'leader'));
    const leaderRow = (username: string, unitId: string | null, jurisdictionCode: string) => ({
      id: randomUUID(), username, displayName: username, passwordHash: leader!.passwordHash, role: 'leader', unitId, jurisdictionCode,
    });
    const county = leaderRow('ledger-county-leader', null, '339921'); // another county: outside the petition's area
    const landLeader = leaderRow('ledger-land-leader', 'district-land', '339902'); // of the accused unit
    await t.deps.db.insert(users).values([county, landLeader]);
    for (const l of [county, landLeader]) {
      const res = await call(t, 'clerk', 'POST', entries, { petitionId: land.id, responsibleUnitId: 'city-discipline', ownerLeaderUserId: l.id, measures: '查处' });
      expect(res.statusCode, res.body).toBe(400);
      expect(res.json()).toMatchObject({ error: 'unknownLeader', field: 'ownerLeaderUserId' });
      const owner = await call(t, 'clerk', 'PUT', `/api/petitions/${land.id}/owner`, { leaderUserId: l.id });
      expect(owner.json()).toMatchObject({ error: 'unknownLeader', field: 'leaderUserId' });
    }
    const added = await call(t, 'clerk', 'POST', entries, { petitionId: land.id, responsibleUnitId: 'city-discipline', ownerLeaderUserId: leader!.id, measures: '查处' });
    expect(added.statusCode, added.body).toBe(201);
    const entry = `${entries}/${added.json().id}`;
    expect((await call(t, 'clerk', 'PATCH', entry, { responsibleUnitId: 'district-land' })).json()).toMatchObject({ error: 'accusedUnit' });
    expect((await call(t, 'clerk', 'PATCH', entry, { ownerLeaderUserId: county.id })).json()).toMatchObject({ error: 'unknownLeader' });

    // The same through an imported sheet: nothing is written, the rows say why.
    const xlsx = await t.app.inject({ url: `/api/ledgers/${ledger.id}/export.xlsx`, headers: { authorization: `Bearer ${await t.token('clerk')}` } });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const row = wb.worksheets[0]!.getRow(2);
    row.getCell(5).value = '临江区自然资源局';
    row.getCell(6).value = 'ledger-land-leader';
    const upload = await t.app.inject({
      method: 'POST',
      url: `/api/ledgers/${ledger.id}/import`,
      payload: Buffer.from(await wb.xlsx.writeBuffer()),
      headers: { authorization: `Bearer ${await t.token('clerk')}`, 'content-type': XLSX },
    });
    expect(upload.statusCode).toBe(422);
    expect(upload.json().rejected).toEqual([
      expect.objectContaining({ row: 2, column: '责任单位' }),
      expect.objectContaining({ row: 2, column: '包案领导' }),
    ]);
    const detail = (await call(t, 'clerk', 'GET', `/api/ledgers/${ledger.id}`)).json();
    expect(detail.entries[0]).toMatchObject({ responsibleUnit: { id: 'city-discipline' }, ownerLeader: { id: leader!.id } });
  });

  it('refuses an impossible target date with a 400 and keeps the entry as it was', async () => {
    t.clock.set('2026-03-02');
    const p = await register(t, { title: '化解时限校验' });
    const ledger = (await call(t, 'clerk', 'POST', '/api/ledgers', { name: '时限校验' })).json();
    const entries = `/api/ledgers/${ledger.id}/entries`;
    const bad = await call(t, 'clerk', 'POST', entries, { petitionId: p.id, responsibleUnitId: 'city-labor', measures: 'm', targetOn: '2026-02-30' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json()).toMatchObject({ field: 'targetOn', message: 'targetOn：应为真实存在的日期（YYYY-MM-DD）' });
    const added = await call(t, 'clerk', 'POST', entries, { petitionId: p.id, responsibleUnitId: 'city-labor', measures: 'm', targetOn: '2026-06-30' });
    expect(added.statusCode, added.body).toBe(201);
    const patched = await call(t, 'clerk', 'PATCH', `${entries}/${added.json().id}`, { targetOn: '2026-04-31' }, { 'accept-language': 'en' });
    expect(patched.statusCode).toBe(400);
    expect(patched.json()).toMatchObject({ field: 'targetOn', message: 'targetOn: a real date as YYYY-MM-DD' });
    expect((await call(t, 'clerk', 'GET', `/api/ledgers/${ledger.id}`)).json().entries[0].targetOn).toBe('2026-06-30');
  });

  it('refuses a file that is not a workbook, or lacks the columns', async () => {
    const ledger = (await call(t, 'clerk', 'POST', '/api/ledgers', { name: '测试台账' })).json();
    const notXlsx = await t.app.inject({
      method: 'POST',
      url: `/api/ledgers/${ledger.id}/import`,
      payload: Buffer.from('hello'),
      headers: { authorization: `Bearer ${await t.token('clerk')}`, 'content-type': XLSX },
    });
    expect(notXlsx.statusCode).toBe(400);
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('x').addRow(['序号', '反映问题']);
    const noCols = await t.app.inject({
      method: 'POST',
      url: `/api/ledgers/${ledger.id}/import`,
      payload: Buffer.from(await wb.xlsx.writeBuffer()),
      headers: { authorization: `Bearer ${await t.token('clerk')}`, 'content-type': XLSX },
    });
    expect(noCols.statusCode).toBe(400);
    expect(noCols.json().message).toContain('信访件编号');
  });
});
