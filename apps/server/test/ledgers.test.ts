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
