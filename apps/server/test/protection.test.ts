import { describe, expect, it } from 'vitest';
import { petitioners } from '../src/db/schema';
import { eq } from 'drizzle-orm';
import { available, engineName, intake, useTestApp } from './support/app';
import { call, command, register } from './support/http';

describe.skipIf(!available)(`protection over HTTP (${engineName})`, () => {
  const t = useTestApp();

  async function accusationAgainstLand() {
    const p = await register(t, {
      category: 'accusation',
      domain: 'land',
      title: '检举区自然资源局工作人员违规审批',
      respondent: { name: '临江区自然资源局', unitId: 'district-land' },
      jurisdictionCode: '339902001',
    });
    return p;
  }

  it('never shows an accusation to the accused unit, not even in lists or by id', async () => {
    const p = await accusationAgainstLand();
    for (const user of ['land-handler', 'land-head']) {
      const byId = await call(t, user, 'GET', `/api/petitions/${p.id}`);
      expect(byId.statusCode).toBe(404);
      const list = (await call(t, user, 'GET', '/api/petitions?limit=200')).json();
      expect(list.items.map((i: { id: string }) => i.id)).not.toContain(p.id);
      const reveal = await call(t, user, 'POST', `/api/petitions/${p.id}/petitioners/reveal`, { reason: 'x' });
      expect(reveal.statusCode).toBe(404);
    }
    // The petition office and the discipline body see it.
    expect((await call(t, 'clerk', 'GET', `/api/petitions/${p.id}`)).statusCode).toBe(200);
  });

  it('refuses to assign or forward an accusation to the accused unit (Art. 30)', async () => {
    const p = await accusationAgainstLand();
    for (const cmd of ['assign', 'forward']) {
      const res = await call(t, 'clerk', 'POST', `/api/petitions/${p.id}/${cmd}`, { unitId: 'district-land', expectedVersion: 1 });
      expect(res.statusCode).toBe(422);
      expect(res.json().error).toBe('accusedUnit');
    }
    const ok = await command(t, 'clerk', p.id, 'assign', { unitId: 'city-discipline' });
    expect(ok.status).toBe('awaitingAcceptance');
    expect((await call(t, 'discipline-handler', 'GET', `/api/petitions/${p.id}`)).statusCode).toBe(200);
    expect((await call(t, 'land-handler', 'GET', `/api/petitions/${p.id}`)).statusCode).toBe(404);
  });

  it('masks personal data in lists and details, and stores it encrypted', async () => {
    const p = await register(t);
    const d = (await call(t, 'clerk', 'GET', `/api/petitions/${p.id}`)).json();
    expect(d.petitioners[0]).toEqual({
      position: 0,
      name: '王**',
      phone: '138****1234',
      idCard: '1101**********6632',
      address: expect.stringMatching(/^石桥街道幸福\*+$/),
      email: null,
    });
    const list = (await call(t, 'clerk', 'GET', '/api/petitions?limit=200')).json();
    expect(list.items.find((i: { id: string }) => i.id === p.id).petitioner).toBe('王**');
    expect(JSON.stringify(list)).not.toContain('13812341234');
    expect(JSON.stringify(d)).not.toContain('王小明');
    const [row] = await t.deps.db.select().from(petitioners).where(eq(petitioners.petitionId, p.id));
    expect(row!.nameEnc).not.toContain('王小明');
    expect(row!.phoneEnc).not.toContain('13812341234');
    expect(row!.idCardEnc).toMatch(/^v1\./);
  });

  it('masks the petitioners in the petition’s own words until revealed, and audits the words read whole', async () => {
    const content = '本人王小明，电话13812341234，身份证110101199003076632，在工地干活被拖欠工资8000元，工资请打到6222021234567890123。';
    const p = await register(t, { title: '王小明反映工地拖欠工资', content, demands: '请联系王小明13812341234' });
    const seen = (await call(t, 'clerk', 'GET', `/api/petitions/${p.id}`)).json();
    expect(seen.title).toBe('王**反映工地拖欠工资');
    expect(seen.content).toBe('本人王**，电话138****1234，身份证1101**********6632，在工地干活被拖欠工资8000元，工资请打到***************0123。');
    expect(seen.demands).toBe('请联系王**138****1234');
    expect(seen.personalDataMasked).toBe(true);
    expect(JSON.stringify(seen)).not.toMatch(/王小明|13812341234|110101199003076632|6222021234567890123/);
    // Lists show the title as the page does, on /api/petitions and on the workbench.
    const listed = (await call(t, 'clerk', 'GET', '/api/petitions?limit=200')).json().items.find((i: { id: string }) => i.id === p.id);
    expect(listed.title).toBe('王**反映工地拖欠工资');
    const tab = (await call(t, 'clerk', 'GET', '/api/workbench/petitions?tab=all&limit=200')).json().items.find((i: { id: string }) => i.id === p.id);
    expect(tab.title).toBe('王**反映工地拖欠工资');
    const revealed = (await call(t, 'clerk', 'POST', `/api/petitions/${p.id}/petitioners/reveal`, { reason: '核对信访人身份' })).json();
    expect(revealed.words).toEqual({ title: '王小明反映工地拖欠工资', content, demands: '请联系王小明13812341234' });
    const audit = (await call(t, 'admin', 'GET', `/api/petitions/${p.id}/audit`)).json();
    expect(audit[0].fields).toContain('content');
    // Words with nothing of the petitioners' are not flagged, and revealing them audits no content.
    const plain = await register(t, { title: '反映工地拖欠工资', content: '工地老板拖欠工资三个月。', demands: '请督促老板支付工资' });
    expect((await call(t, 'clerk', 'GET', `/api/petitions/${plain.id}`)).json()).toMatchObject({ content: '工地老板拖欠工资三个月。', personalDataMasked: false });
    await call(t, 'clerk', 'POST', `/api/petitions/${plain.id}/petitioners/reveal`, { reason: '电话联系' });
    expect((await call(t, 'admin', 'GET', `/api/petitions/${plain.id}/audit`)).json()[0].fields).not.toContain('content');
  });

  it('masks the petitioners’ names in titles wherever other pages list the petition', async () => {
    const named = await register(t, { title: '王小明反映恒远公司拖欠工资', content: '恒远建筑公司拖欠工地工人工资三个月，共计八万元，多次讨要未果。' });
    const again = await register(t, { title: '反映恒远公司拖欠工资', content: '恒远建筑公司拖欠工地工人工资三个月，共计八万元，多次讨要未果。' });
    const titleOf = (items: { id: string; title: string }[], id: string) => items.find((i) => i.id === id);
    // Similar petitions, of a registered one and of a draft.
    const similar = (await call(t, 'clerk', 'GET', `/api/analysis/petitions/${again.id}/similar`)).json().similar;
    expect(titleOf(similar, named.id)?.title).toBe('王**反映恒远公司拖欠工资');
    const draft = (await call(t, 'clerk', 'POST', '/api/analysis/suggest', { text: '恒远建筑公司拖欠工地工人工资三个月，共计八万元，多次讨要未果。' })).json().similar;
    expect(titleOf(draft, named.id)?.title).toBe('王**反映恒远公司拖欠工资');
    // A backlog ledger (its export reads the same entries).
    const ledger = (await call(t, 'clerk', 'POST', '/api/ledgers', { name: '积案台账' })).json();
    expect((await call(t, 'clerk', 'POST', `/api/ledgers/${ledger.id}/entries`, { petitionId: named.id, responsibleUnitId: 'city-labor', measures: '约谈企业' })).statusCode).toBe(201);
    const shown = await call(t, 'clerk', 'GET', `/api/ledgers/${ledger.id}`);
    expect(shown.body).toContain('王**反映恒远公司拖欠工资');
    expect(shown.body).not.toContain('王小明');
    // A unit's supervision record.
    await command(t, 'clerk', named.id, 'assign', { unitId: 'city-labor' });
    await command(t, 'supervisor', named.id, 'supervise', { reason: 'evasive', note: '请说明办理情况。', answerDays: 10 });
    const record = (await call(t, 'supervisor', 'GET', '/api/units/city-labor/supervision')).json();
    expect(record.notices.find((n: { petition: { id: string } }) => n.petition.id === named.id).petition.title).toBe('王**反映恒远公司拖欠工资');
  });

  it('reveals personal data only with a reason, writing an audit row admins can list', async () => {
    const p = await register(t);
    const noReason = await call(t, 'clerk', 'POST', `/api/petitions/${p.id}/petitioners/reveal`, {});
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json().field).toBe('reason');
    const res = await call(t, 'clerk', 'POST', `/api/petitions/${p.id}/petitioners/reveal`, { reason: '电话联系信访人补充材料' });
    expect(res.statusCode).toBe(200);
    expect(res.json().petitioners[0]).toMatchObject({ name: '王小明', phone: '13812341234', idCard: '110101199003076632' });
    const audit = await call(t, 'admin', 'GET', `/api/petitions/${p.id}/audit`);
    expect(audit.statusCode).toBe(200);
    expect(audit.json()).toEqual([
      expect.objectContaining({ username: 'clerk', action: 'revealPersonalData', reason: '电话联系信访人补充材料' }),
    ]);
    expect(audit.json()[0].fields).toEqual(['name', 'phone', 'idCard', 'address']);
    // Admins cannot reveal; clerks cannot list the audit.
    expect((await call(t, 'admin', 'POST', `/api/petitions/${p.id}/petitioners/reveal`, { reason: 'x' })).statusCode).toBe(403);
    expect((await call(t, 'clerk', 'GET', `/api/petitions/${p.id}/audit`)).statusCode).toBe(403);
  });

  it('shows a unit only what was routed to it, a district office only its district, an agent only their own', async () => {
    const inDistrict = await register(t, { jurisdictionCode: '339902001' });
    const inCounty = await register(t, { jurisdictionCode: '339921001' });
    const noConsent = await call(t, 'agent', 'POST', '/api/petitions', intake({ channel: 'proxy' }));
    expect(noConsent.statusCode).toBe(400);
    expect(noConsent.json().field).toBe('residentConsent');
    const byAgent = await register(t, { channel: 'proxy', residentConsent: true }, 'agent');
    await command(t, 'clerk', inCounty.id, 'assign', { unitId: 'city-labor' });
    const ids = async (user: string) =>
      ((await call(t, user, 'GET', '/api/petitions?limit=200')).json().items as { id: string }[]).map((i) => i.id);
    const handler = await ids('handler');
    expect(handler).toContain(inCounty.id);
    expect(handler).not.toContain(inDistrict.id);
    const districtClerk = await ids('district-clerk');
    expect(districtClerk).toContain(inDistrict.id);
    expect(districtClerk).not.toContain(inCounty.id);
    expect(await ids('agent')).toEqual([byAgent.id]);
    expect(await ids('agent2')).toEqual([]);
    expect((await call(t, 'agent2', 'GET', `/api/petitions/${byAgent.id}`)).statusCode).toBe(404);
    // A proxy agent's petition goes to the petition office over their community, on the proxy channel.
    const d = (await call(t, 'clerk', 'GET', `/api/petitions/${byAgent.id}`)).json();
    expect(d.registeringUnit.id).toBe('district-office');
    expect(d.channel).toBe('proxy');
  });

  it('lists exactly the petitions that can(view) allows, for every seeded user', async () => {
    const { can } = await import('@qiao/core');
    const { petitions } = await import('../src/db/schema');
    const { scopeOf } = await import('../src/petitions/repo');
    const { authenticate } = await import('../src/auth/actor');
    const rows = await t.deps.db.select().from(petitions);
    expect(rows.length).toBeGreaterThan(3);
    for (const user of ['clerk', 'district-clerk', 'county-clerk', 'handler', 'land-handler', 'discipline-handler', 'agent', 'leader', 'admin']) {
      const actor = await authenticate(t.deps, `Bearer ${await t.token(user)}`);
      const expected = rows.filter((r) => can(actor, 'view', scopeOf(r)).allowed).map((r) => r.id).sort();
      const listed = ((await call(t, user, 'GET', '/api/petitions?limit=200')).json().items as { id: string }[]).map((i) => i.id).sort();
      expect(listed, user).toEqual(expected);
    }
  });

  it("tells the proxy agent in-app when the answer to a petition they submitted arrives, and no one else", async () => {
    const p = await register(t, { channel: 'proxy', residentConsent: true, title: '代理提交：低保待遇' }, 'agent');
    await command(t, 'clerk', p.id, 'assign', { unitId: 'city-labor' });
    await command(t, 'handler', p.id, 'accept');
    await command(t, 'handler', p.id, 'reply', { outcome: 'support', text: '已恢复发放。' });
    const inbox = (await call(t, 'agent', 'GET', '/api/notifications')).json();
    const notice = inbox.items.find((i: { petitionId: string }) => i.petitionId === p.id);
    expect(notice.text).toContain(p.trackingCode);
    expect(notice.text).toContain('处理意见');
    expect(inbox.unread).toBeGreaterThan(0);
    expect((await call(t, 'agent2', 'GET', '/api/notifications')).json().items).toEqual([]);
    const read = await call(t, 'agent', 'POST', '/api/notifications/read', { ids: [notice.id] });
    expect(read.json()).toEqual({ updated: 1 });
    const after = (await call(t, 'agent', 'GET', '/api/notifications')).json();
    expect(after.items.find((i: { id: number }) => i.id === notice.id).read).toBe(true);
    expect(after.unread).toBe(inbox.unread - 1);
    // Another user cannot mark it.
    expect((await call(t, 'agent2', 'POST', '/api/notifications/read', { ids: [notice.id] })).json()).toEqual({ updated: 0 });
  });
});
