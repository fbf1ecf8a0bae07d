import { describe, expect, it } from 'vitest';
import { available, engineName, useTestApp } from './support/app';
import { call, command, register } from './support/http';
import { docxParagraphs } from './support/unzip';

describe.skipIf(!available)(`official documents (${engineName})`, () => {
  const t = useTestApp();
  const download = async (user: string, id: string, kind: string) => {
    const res = await t.app.inject({ url: `/api/petitions/${id}/documents/${kind}`, headers: { authorization: `Bearer ${await t.token(user)}` } });
    return res;
  };

  it('issues the receipt notice, the written opinion and the supervision notice as .docx, read back', async () => {
    t.clock.set('2026-03-02');
    const p = await register(t, { title: '拖欠工资' });
    expect((await download('clerk', p.id, 'receiptNotice')).statusCode).toBe(400);
    await command(t, 'clerk', p.id, 'assign', { unitId: 'city-labor' });
    t.clock.set('2026-03-04');
    await command(t, 'handler', p.id, 'accept');
    const receipt = await download('handler', p.id, 'receiptNotice');
    expect(receipt.statusCode).toBe(200);
    expect(receipt.headers['content-type']).toContain('wordprocessingml');
    const lines = docxParagraphs(receipt.rawPayload);
    expect(lines[0]).toBe('信访事项受理告知书');
    expect(lines[1]).toMatch(/受告〔2026〕/);
    expect(lines[2]).toBe('王小明：');
    expect(lines.join('\n')).toContain('2026年5月6日前'); // handling due, rolled past Labour Day
    expect(lines).toContain('青川市人力资源和社会保障局');
    expect(lines).toContain('2026年3月4日');
    expect(lines).toContain('（印章）');

    await command(t, 'supervisor', p.id, 'supervise', { reason: 'late', note: '请加快核实欠薪金额。', answerDays: 10 });
    const sup = docxParagraphs((await download('supervisor', p.id, 'supervisionNotice')).rawPayload);
    expect(sup[0]).toBe('信访事项督办通知');
    expect(sup[2]).toBe('青川市人力资源和社会保障局：');
    expect(sup.join('\n')).toContain('10日内');
    expect(sup.join('\n')).not.toContain('王小明'); // addressed to the unit: no personal data

    // A district office that has not routed its petition is supervised by the city office: the notice is addressed
    // to it and says so, and says the same once it has routed the petition (the notice as issued).
    const lower = await register(t, { title: '区信访局未转送' }, 'district-clerk');
    await command(t, 'supervisor', lower.id, 'supervise', { reason: 'unrouted', note: '请于5日内转送交办。' });
    for (const routed of [false, true]) {
      if (routed) await command(t, 'district-clerk', lower.id, 'assign', { unitId: 'district-labor' });
      const notice = docxParagraphs((await download('supervisor', lower.id, 'supervisionNotice')).rawPayload);
      expect(notice[2]).toBe('临江区信访局：');
      expect(notice.join('\n')).toContain('由你单位登记，尚未按规定转送、交办');
    }
    // The bureau it went to is supervised too: the latest notice is the bureau's, the office's is printed by its id.
    const first = (await call(t, 'supervisor', 'GET', `/api/petitions/${lower.id}`)).json().state.supervisions[0].id as string;
    await command(t, 'supervisor', lower.id, 'supervise', { reason: 'late', note: '请尽快受理。' });
    const latest = docxParagraphs((await download('supervisor', lower.id, 'supervisionNotice')).rawPayload);
    expect(latest[2]).toBe('临江区人力资源和社会保障局：');
    expect(latest.join('\n')).toContain('督办事由：逾期未办理。');
    const byId = await download('supervisor', lower.id, `supervisionNotice?supervisionId=${first}`);
    const office = docxParagraphs(byId.rawPayload);
    expect(office[2]).toBe('临江区信访局：');
    expect(office.join('\n')).toContain('请于5日内转送交办。');
    expect(office.join('\n')).toContain('督办事由：未按规定转送、交办。');
    // Numbered apart: the second notice's number and file carry -2.
    expect(latest[1]).toMatch(/-2号$/);
    // (The first has no sequence: its number may itself end in 2, being read from the random tracking code.)
    expect(office[1]).not.toMatch(/-\d+号$/);
    expect(office[1]!.replace(/号$/, '-2号')).toBe(latest[1]);
    const second = (await call(t, 'supervisor', 'GET', `/api/petitions/${lower.id}`)).json().state.supervisions[1].id as string;
    const secondFile = await download('supervisor', lower.id, `supervisionNotice?supervisionId=${second}`);
    expect(decodeURIComponent(String(secondFile.headers['content-disposition']))).toContain(`-${lower.trackingCode}-2.docx`);
    expect(decodeURIComponent(String(byId.headers['content-disposition']))).toContain(`-${lower.trackingCode}.docx`);
    // A notice for another reason to an office that sat on a petition says what the office chose, before and after routing.
    const evasive = await register(t, { title: '区信访局敷衍' }, 'district-clerk');
    await command(t, 'supervisor', evasive.id, 'supervise', { reason: 'evasive', note: '请说明为何推诿。' });
    for (const routed of [false, true]) {
      if (routed) await command(t, 'district-clerk', evasive.id, 'assign', { unitId: 'district-labor' });
      const text = docxParagraphs((await download('supervisor', evasive.id, 'supervisionNotice')).rawPayload).join('\n');
      expect(text).toContain('由你单位登记。');
      expect(text).toContain('督办事由：推诿敷衍。');
      expect(text).not.toContain('尚未按规定转送');
    }
    const unknown = await download('supervisor', lower.id, 'supervisionNotice?supervisionId=nonesuch');
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().messages.zh).toContain('没有编号为 nonesuch 的督办通知');
    expect((await download('supervisor', lower.id, `receiptNotice?supervisionId=${first}`)).statusCode).toBe(400);

    t.clock.set('2026-04-10');
    await command(t, 'handler', p.id, 'reply', { outcome: 'support', text: '责令公司于4月30日前支付拖欠工资。' });
    const opinion = docxParagraphs((await download('handler', p.id, 'opinion')).rawPayload);
    expect(opinion[0]).toBe('信访事项处理意见书');
    expect(opinion.join('\n')).toContain('责令公司于4月30日前支付拖欠工资。');
    expect(opinion.join('\n')).toContain('处理结果：予以支持。');
    expect(opinion.join('\n')).toContain('30日内');

    const audit = (await call(t, 'admin', 'GET', `/api/petitions/${p.id}/audit`)).json();
    const documents = audit.filter((a: { action: string }) => a.action === 'document').map((a: { reason: string }) => a.reason);
    expect(documents).toHaveLength(2);
    expect(documents).toEqual(expect.arrayContaining(['信访事项处理意见书', '信访事项受理告知书']));
    // Whoever may not see the petitioner cannot issue a document naming them.
    expect((await download('supervisor', p.id, 'opinion')).statusCode).toBe(403);
    expect((await download('clerk', p.id, 'nonsense')).statusCode).toBe(400);
  });

  it("gives the printed page the server's time of printing, to those who may see the petition", async () => {
    t.clock.set('2026-05-06T01:30:00Z'); // 09:30 in China
    const p = await register(t, { title: '打印时间' });
    const res = await call(t, 'clerk', 'GET', `/api/petitions/${p.id}/print`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({ printedAt: '2026-05-06T01:30:00.000Z', today: '2026-05-06' });
    expect((await call(t, 'handler', 'GET', `/api/petitions/${p.id}/print`)).statusCode).toBe(404);
  });
});
