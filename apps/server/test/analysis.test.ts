import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { backfillIndex } from '../src/analysis/indexing';
import { available, engineName, useTestApp } from './support/app';
import { call, register } from './support/http';

interface Similar {
  id: string;
  score: number;
  sameMatter: boolean;
  reasons: { kind: string; message: { zh: string; en: string } }[];
}
interface Alert {
  kind: string;
  key: string;
  size: number;
  unitId: string | null;
  windowEnd: string;
  petitions: { id: string }[];
  reason: { zh: string; en: string };
}
interface Cluster {
  kind: string;
  key: string;
  count: number;
  trend: { week: string; count: number }[];
  petitions: { id: string }[];
  label: { zh: string; en: string };
}

const wages = {
  title: '反映恒源建筑劳务公司拖欠农民工工资',
  content:
    '我们是在石桥街道滨河花园二期工地做钢筋的工人，共十二人。恒源建筑劳务有限公司从去年十月到今年一月拖欠我们工资共计十三万六千元，' +
    '项目经理一直说甲方工程款没到位，春节前答应发也没有兑现。多次到工地讨要无果，请政府督促公司尽快支付血汗钱。',
  demands: '请求督促恒源公司支付拖欠的工资。',
  respondent: { name: '青川市恒源建筑劳务有限公司' },
  address: '石桥街道滨河花园二期工地',
  petitioners: [{ name: '周建国', phone: '13912345678' }],
};
// The same matter told again weeks later, by phone, in traditional characters and other words.
const retold =
  '來電人稱在石橋街道濱河花園二期工地做鋼筋工，恆源建築勞務有限公司拖欠他們班組工資十三萬多元至今未付，' +
  '項目經理說工程款沒到位，之前答應春節前發也沒兌現，要求儘快發放工資。';

const other = (title: string, content: string, extra: Record<string, unknown> = {}) => ({
  title,
  content,
  demands: undefined,
  respondent: undefined,
  address: undefined,
  petitioners: [{ name: '李四' }],
  ...extra,
});

describe.skipIf(!available)(`analysis API (${engineName})`, () => {
  const t = useTestApp();
  const ids: Record<string, string> = {};

  it('indexes petitions at registration and suggests the earlier petition about the same matter first', async () => {
    ids.wages = (await register(t, wages)).id;
    ids.housing = (await register(t, other('反映滨江一号小区逾期交房', '我们购买的滨江一号小区商品房合同约定去年六月交房，开发商至今未交付，也不支付违约金，请求住建部门督促。', { domain: 'housing' }))).id;
    ids.dust = (await register(t, other('反映石料厂粉尘污染', '石桥街道河边的石料厂每天粉碎石头，粉尘很大，附近居民不敢开窗，晾的衣服都是灰，请求环保部门处理。', { domain: 'environment' }))).id;
    ids.unpaid = (await register(t, other('反映某饭店拖欠服务员工资', '我在石桥街道一家饭店当服务员，老板拖欠两个月工资六千元，请求帮助追讨。', { domain: 'labor' }))).id;

    t.clock.advanceDays(20);
    const res = await call(t, 'clerk', 'POST', '/api/analysis/suggest', {
      text: retold,
      respondent: '恆源建築勞務有限公司',
      jurisdictionCode: '339902001',
      petitioners: [{ phone: '139 1234 5678' }],
    });
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body.classification.domain).toBe('labor');
    expect(body.classification.words.length).toBeGreaterThan(0);
    // The words behind it in both languages: a kind of words named in English in English, never an internal label.
    const words: { zh: string; en: string }[] = [...body.classification.words, ...body.classification.detail.category.reasons];
    expect(words).toContainEqual({ zh: expect.stringMatching(/^含劳动用工用语：/), en: expect.stringMatching(/^Labour words: /) });
    for (const w of words) expect(w.en.split(': ')[0], w.en).not.toMatch(/用语|^[!~]/);
    // Each of the petition's words once: one the labour words name is not shown again on its own.
    const named = (body.classification.words as { zh: string }[]).flatMap((w) => (w.zh.includes('：') ? w.zh.slice(w.zh.indexOf('：') + 1).split('、') : [w.zh]));
    expect(named).toContain('工资');
    expect(new Set(named).size, named.join(' | ')).toBe(named.length);
    const similar: Similar[] = body.similar;
    expect(similar[0]?.id).toBe(ids.wages);
    expect(similar[0]?.sameMatter).toBe(true);
    const kinds = similar[0]?.reasons.map((r) => r.kind);
    expect(kinds).toEqual(expect.arrayContaining(['text', 'sameRespondent', 'samePetitioner', 'sameIssue']));
    expect(similar[0]?.reasons).toContainEqual(expect.objectContaining({ kind: 'sameIssue', message: expect.objectContaining({ zh: expect.stringContaining('工资') }) }));
    // Matching by keyed hash never shows the number.
    expect(res.body).not.toContain('13912345678');
    expect(res.body).not.toContain('5678');
    expect(similar.map((s) => s.id)).not.toContain(ids.housing);
    // Routing: the district labour bureau by default (subject), the district petition office (territorial).
    expect(body.routing.subject.unitId).toBe('district-labor');
    expect(body.routing.territorial.unitId).toBe('district-office');
    expect(body.routing.subject.reason).toEqual({
      zh: '领域为“劳动保障（欠薪）”，由主管部门临江区人力资源和社会保障局属事负责',
      en: 'The domain is "Labour & wages"; 临江区人力资源和社会保障局 is the department responsible for that field',
    });
  });

  it('names the labour words that count most, 工资 among them, even where the letter writes others first', async () => {
    const res = await call(t, 'clerk', 'POST', '/api/analysis/suggest', { text: '我是农民工，在工地干活，包工头老板一直拖欠工资不给，年底了还没结算，请帮忙讨要。' });
    expect(res.statusCode, res.body).toBe(200);
    const { domain, words } = res.json().classification as { domain: string; words: { zh: string; en: string }[] };
    expect(domain).toBe('labor');
    const labour = words.find((w) => w.zh.startsWith('含劳动用工用语：'));
    expect(labour?.zh.slice('含劳动用工用语：'.length).split('、'), JSON.stringify(words)).toContain('工资');
    expect(labour?.en.slice('Labour words: '.length).split(', ')).toContain('工资');
    // No place chosen and none in the text: the territorial reason says so, not that the matter is registered there.
    const territorial = (res.json().routing as { territorial: { reason: { zh: string } } | null }).territorial;
    expect(territorial?.reason.zh).toMatch(/^尚未选择发生地，暂按登记机构所在的/);
    const placed = await call(t, 'clerk', 'POST', '/api/analysis/suggest', { text: '包工头老板一直拖欠工资不给。', jurisdictionCode: '339900' });
    expect((placed.json().routing as { territorial: { reason: { zh: string } } | null }).territorial?.reason.zh).toMatch(/^登记的事发地为/);
  });

  it('finds it from the text alone (traditional characters, no respondent or petitioner given)', async () => {
    const res = await call(t, 'clerk', 'POST', '/api/analysis/suggest', { text: retold });
    expect(res.statusCode, res.body).toBe(200);
    expect((res.json().similar as Similar[])[0]?.id).toBe(ids.wages);
  });

  it('shows the similar petitions of a registered one, both ways', async () => {
    ids.retold = (await register(t, { ...wages, title: '来电反映拖欠工资', content: retold, demands: undefined, channel: 'hotline', petitioners: [{ name: '周建国', phone: '13912345678' }] })).id;
    const res = await call(t, 'clerk', 'GET', `/api/analysis/petitions/${ids.retold}/similar`);
    expect(res.statusCode, res.body).toBe(200);
    expect((res.json().similar as Similar[])[0]?.id).toBe(ids.wages);
    const back = await call(t, 'clerk', 'GET', `/api/analysis/petitions/${ids.wages}/similar`);
    expect((back.json().similar as Similar[]).map((s) => s.id)).toContain(ids.retold);
    expect((back.json().similar as Similar[]).map((s) => s.id)).not.toContain(ids.wages);
  });

  it('never returns petitions the user may not see', async () => {
    const county = (
      await register(
        t,
        {
          ...wages,
          title: '反映松溪镇茶厂拖欠采茶工工资',
          content: '我们是松溪镇云雾茶厂的采茶工，茶厂老板拖欠我们去年秋茶的工钱一万八千元，一直拖着不给，请求县里帮忙追讨。',
          respondent: { name: '云岭县云雾茶业有限公司' },
          address: '松溪镇',
          jurisdictionCode: '339921001',
        },
        'county-clerk',
      )
    ).id;
    const text = '松溪镇云雾茶厂老板拖欠采茶工工钱一万八千元不给，要求追讨。';
    const mine = await call(t, 'county-clerk', 'POST', '/api/analysis/suggest', { text, respondent: '云雾茶业有限公司' });
    expect((mine.json().similar as Similar[])[0]?.id).toBe(county);
    const theirs = await call(t, 'district-clerk', 'POST', '/api/analysis/suggest', { text, respondent: '云雾茶业有限公司' });
    expect(theirs.statusCode).toBe(200);
    expect((theirs.json().similar as Similar[]).map((s) => s.id)).not.toContain(county);
    // A unit sees only its own petitions: the land bureau has none of these.
    const unit = await call(t, 'land-handler', 'POST', '/api/analysis/suggest', { text: retold });
    expect(unit.json().similar).toEqual([]);
    const agent = await call(t, 'agent', 'POST', '/api/analysis/suggest', { text: retold });
    expect(agent.statusCode).toBe(403);
    const hidden = await call(t, 'district-clerk', 'GET', `/api/analysis/petitions/${county}/similar`);
    expect(hidden.statusCode).toBe(404);
  });

  it('never suggests the unit an accusation accuses', async () => {
    const res = await call(t, 'clerk', 'POST', '/api/analysis/suggest', {
      text: '检举临江区人力资源和社会保障局劳动监察大队工作人员收受包工头好处，对石桥街道工地欠薪投诉长期不处理。',
      category: 'accusation',
      domain: 'labor',
      respondent: { name: '临江区人力资源和社会保障局', unitId: 'district-labor' },
      jurisdictionCode: '339902001',
    });
    expect(res.statusCode, res.body).toBe(200);
    const routing = res.json().routing;
    expect(routing.subject.unitId).not.toBe('district-labor');
    // Labour inspectors taking bribes: for the discipline commission, not a labour bureau.
    expect(routing.subject).toMatchObject({ unitId: 'city-discipline', reason: { zh: expect.stringContaining('纪检监察') } });
    expect(routing.territorial?.unitId).not.toBe('district-labor');
    expect(routing.excluded.map((e: { unitId: string }) => e.unitId)).toContain('district-labor');
    // Also when the accused unit is only named in the text.
    const named = await call(t, 'clerk', 'POST', '/api/analysis/suggest', {
      text: '检举临江区信访局工作人员推诿敷衍，压着我们的信访件不办。',
      category: 'accusation',
      jurisdictionCode: '339902001',
    });
    expect(named.json().routing.territorial.unitId).not.toBe('district-office');
    expect(named.json().routing.territorial.unitId).toBe('city-office');
    // Or only in the demands, read as the registration reads them.
    const demanded = await call(t, 'clerk', 'POST', '/api/analysis/suggest', {
      text: '工作人员推诿敷衍，压着我们的信访件不办。',
      demands: '要求追究临江区信访局相关人员的责任。',
      category: 'accusation',
      jurisdictionCode: '339902001',
    });
    expect(demanded.json().routing.excluded.map((e: { unitId: string }) => e.unitId)).toContain('district-office');
    expect(demanded.json().routing.territorial.unitId).toBe('city-office');
    // The accused bureau typed with the city before it, or with no region at all, is still kept out.
    for (const name of ['青川市临江区人力资源和社会保障局', '人力资源和社会保障局']) {
      const typed = await call(t, 'clerk', 'POST', '/api/analysis/suggest', {
        text: '检举劳动监察大队工作人员收受包工头好处，对工地欠薪投诉长期不处理。',
        category: 'accusation',
        domain: 'labor',
        respondent: { name },
        jurisdictionCode: '339902001',
      });
      const r = typed.json().routing;
      expect(r.excluded.map((e: { unitId: string }) => e.unitId), name).toContain('district-labor');
      expect([r.subject?.unitId, r.territorial?.unitId], name).not.toContain('district-labor');
    }
    // The form still says "claim" (its default) but the text reads as an accusation: the bureau it names is kept out.
    const unclassified = await call(t, 'clerk', 'POST', '/api/analysis/suggest', {
      text: '举报临江区人力资源和社会保障局劳动监察大队工作人员收受包工头红包，对工地欠薪投诉长期不处理。',
      category: 'claim',
      domain: 'labor',
      jurisdictionCode: '339902001',
    });
    const u = unclassified.json();
    expect(u.classification.category).toBe('accusation');
    expect(u.routing.excluded.map((e: { unitId: string }) => e.unitId)).toContain('district-labor');
    expect([u.routing.subject?.unitId, u.routing.territorial?.unitId]).not.toContain('district-labor');
    // The commission at the accused bureau's own level: a district's for a district bureau, the city's for a city
    // bureau, wherever in the district the matter happened.
    const created = await call(t, 'admin', 'POST', '/api/admin/units', { id: 'district-discipline', name: '临江区纪委监委', jurisdictionCode: '339902', kind: 'discipline', domains: [] });
    expect(created.statusCode, created.body).toBe(201);
    const against = async (unitId: string, name: string) =>
      (
        await call(t, 'clerk', 'POST', '/api/analysis/suggest', {
          text: `检举${name}工作人员收受好处，对投诉长期不处理。`,
          category: 'accusation',
          domain: 'labor',
          respondent: { name, unitId },
          jurisdictionCode: '339902001',
        })
      ).json().routing.subject?.unitId;
    expect(await against('district-labor', '临江区人力资源和社会保障局')).toBe('district-discipline');
    expect(await against('city-labor', '青川市人力资源和社会保障局')).toBe('city-discipline');
    await call(t, 'admin', 'PATCH', '/api/admin/units/district-discipline', { active: false });
    // An accusation against a company (child labour) is for the labour bureau, not the discipline commission.
    const company = await call(t, 'clerk', 'POST', '/api/analysis/suggest', {
      text: '举报宏达建筑劳务有限公司在石桥街道工地雇用十四五岁的童工。',
      category: 'accusation',
      domain: 'labor',
      respondent: { name: '宏达建筑劳务有限公司' },
      jurisdictionCode: '339902001',
    });
    expect(company.json().routing.subject.unitId).toMatch(/labor/);
  });

  it('follows the routing rules admins set', async () => {
    const denied = await call(t, 'clerk', 'PUT', '/api/analysis/routing-rules', { jurisdictionCode: '339902', domain: 'labor', unitId: 'city-labor' });
    expect(denied.statusCode).toBe(403);
    const list = await call(t, 'admin', 'GET', '/api/analysis/routing-rules');
    expect(list.json()).toContainEqual(expect.objectContaining({ jurisdictionCode: '339902', domain: 'labor', unitId: 'district-labor', source: 'default' }));
    const set = await call(t, 'admin', 'PUT', '/api/analysis/routing-rules', { jurisdictionCode: '339902', domain: 'labor', unitId: 'city-labor' });
    expect(set.statusCode, set.body).toBe(200);
    const res = await call(t, 'clerk', 'POST', '/api/analysis/suggest', { text: retold, jurisdictionCode: '339902001', domain: 'labor' });
    expect(res.json().routing.subject).toMatchObject({ unitId: 'city-labor' });
    // The rule is the district's; the unit is the city's: the rule's jurisdiction is named.
    expect(res.json().routing.subject.reason).toEqual({
      zh: '领域为“劳动保障（欠薪）”，按临江区属事规则由青川市人力资源和社会保障局负责',
      en: 'The domain is "Labour & wages"; under the routing rule for 临江区, 青川市人力资源和社会保障局 is responsible for that field',
    });
    const del = await call(t, 'admin', 'DELETE', '/api/analysis/routing-rules/339902/labor');
    expect(del.statusCode).toBe(204);
    const again = await call(t, 'clerk', 'POST', '/api/analysis/suggest', { text: retold, jurisdictionCode: '339902001', domain: 'labor' });
    expect(again.json().routing.subject.unitId).toBe('district-labor');
  });

  it('sees a unit an admin deactivates at the next suggestion, though suggestions keep the units cached', async () => {
    const ask = async () => (await call(t, 'clerk', 'POST', '/api/analysis/suggest', { text: retold, jurisdictionCode: '339902001', domain: 'labor' })).json();
    expect((await ask()).routing.subject.unitId).toBe('district-labor');
    const off = await call(t, 'admin', 'PATCH', '/api/admin/units/district-labor', { active: false });
    expect(off.statusCode, off.body).toBe(200);
    try {
      expect((await ask()).routing.subject?.unitId).not.toBe('district-labor');
    } finally {
      const on = await call(t, 'admin', 'PATCH', '/api/admin/units/district-labor', { active: true });
      expect(on.statusCode, on.body).toBe(200);
    }
    expect((await ask()).routing.subject.unitId).toBe('district-labor');
  });

  describe('clusters and alerts', () => {
    const dingsheng = (n: number) => ({
      title: `反映鼎盛装饰公司拖欠工资（${n}）`,
      content: `我是鼎盛装饰工程有限公司在石桥街道金桂苑项目的第${n}班组工人，公司拖欠我们几个月工资一直不发，多次讨要没有结果，请求劳动部门帮忙追讨。`,
      respondent: { name: '青川市鼎盛装饰工程有限公司' },
      address: undefined,
      petitioners: [{ name: `工人${n}` }],
    });
    const respondentAlerts = async (user = 'clerk') => {
      const res = await call(t, user, 'GET', '/api/analysis/alerts?days=365');
      expect(res.statusCode, res.body).toBe(200);
      return res.json<Alert[]>().filter((a) => a.kind === 'respondent' && a.key === '鼎盛·建设');
    };
    const dingshengIds: string[] = [];

    it('does not alert at the second wage-arrears petition against one company', async () => {
      t.clock.set('2026-04-01');
      dingshengIds.push((await register(t, dingsheng(1))).id);
      t.clock.set('2026-04-12');
      dingshengIds.push((await register(t, dingsheng(2))).id);
      expect(await respondentAlerts()).toEqual([]);
    });

    it('alerts once at the third within 30 days, addressed to the subject unit, and not again at the fourth', async () => {
      t.clock.set('2026-04-25');
      dingshengIds.push((await register(t, dingsheng(3))).id);
      const first = await respondentAlerts();
      expect(first).toHaveLength(1);
      expect(first[0]).toMatchObject({ size: 3, unitId: 'district-labor', windowEnd: '2026-04-25' });
      expect(first[0]?.petitions.map((p) => p.id).sort()).toEqual([...dingshengIds].sort());
      // The addressed unit sees it too.
      expect(await respondentAlerts('district-head')).toHaveLength(1);
      t.clock.set('2026-04-28');
      dingshengIds.push((await register(t, dingsheng(4))).id);
      expect(await respondentAlerts()).toHaveLength(1);
      // Re-indexing the same petitions raises nothing new (idempotent).
      await t.deps.db.transaction(async (tx) => {
        const { indexPetitions } = await import('../src/analysis/indexing');
        await indexPetitions(tx, t.deps, dingshengIds);
      });
      expect(await respondentAlerts()).toHaveLength(1);
    });

    it('never addresses an alert to, or shows it to, a unit its petitions accuse', async () => {
      // No discipline commission to take accusations: the alert would fall back to the petition office of the place.
      expect((await call(t, 'admin', 'PATCH', '/api/admin/units/city-discipline', { active: false })).statusCode).toBe(200);
      try {
        t.clock.set('2026-06-01');
        for (const n of [1, 2, 3])
          await register(t, {
            category: 'accusation',
            domain: 'other',
            title: `举报临江区信访局接访人员推诿（${n}）`,
            content: `临江区信访局接访人员第${n}次推诿，不予登记，态度恶劣。`,
            respondent: { name: '临江区信访局', unitId: 'district-office' },
            address: undefined,
            petitioners: [{ name: `来访人${n}` }],
          });
        const about = (list: Alert[]) => list.filter((a) => a.kind === 'respondent' && a.reason.zh.includes('临江区信访局'));
        const cityList = (await call(t, 'clerk', 'GET', '/api/analysis/alerts?days=30')).json<Alert[]>();
        const alert = about(cityList)[0];
        expect(alert, JSON.stringify(cityList.map((a) => a.reason.zh))).toBeDefined();
        expect(alert!.unitId).not.toBe('district-office');
        expect(about((await call(t, 'district-clerk', 'GET', '/api/analysis/alerts?days=30')).json<Alert[]>())).toEqual([]);
        const notices = (await call(t, 'district-clerk', 'GET', '/api/notifications')).json<{ items: { text: string }[] }>();
        expect(notices.items.filter((n) => n.text.includes('临江区信访局'))).toEqual([]);
      } finally {
        await call(t, 'admin', 'PATCH', '/api/admin/units/city-discipline', { active: true });
      }
    });

    it('does not alert when three petitions are spread over more than the window', async () => {
      const hongyun = (day: string) => ({
        title: '反映鸿运物流公司拖欠司机工资',
        content: `鸿运物流有限公司拖欠我们货车司机的工资和补贴，${day}仍未发放，请求帮助。`,
        respondent: { name: '鸿运物流有限公司' },
        address: undefined,
        petitioners: [{ name: '司机' }],
      });
      for (const day of ['2026-05-01', '2026-06-05', '2026-07-10']) {
        t.clock.set(day);
        await register(t, hongyun(day));
      }
      const res = await call(t, 'clerk', 'GET', '/api/analysis/alerts?days=365');
      expect(res.json<Alert[]>().filter((a) => a.key === '鸿运')).toEqual([]);
    });

    it('counts hotspots by what each user may see, matching a recount', async () => {
      t.clock.set('2026-05-10');
      const countyOne = (
        await register(t, { ...dingsheng(5), jurisdictionCode: '339921001', title: '反映鼎盛装饰拖欠松溪镇工人工资' }, 'county-clerk')
      ).id;
      const hot = async (user: string) => {
        const res = await call(t, user, 'GET', '/api/analysis/hotspots?days=90&minSize=2&kind=respondent');
        expect(res.statusCode, res.body).toBe(200);
        return (res.json().clusters as Cluster[]).find((c) => c.key === '鼎盛·建设');
      };
      const city = await hot('clerk');
      expect(city?.count).toBe(5);
      expect(city?.petitions.map((p) => p.id).sort()).toEqual([...dingshengIds, countyOne].sort());
      expect(city?.trend.reduce((s, w) => s + w.count, 0)).toBe(5);
      const district = await hot('district-clerk');
      expect(district?.count).toBe(4);
      expect(district?.petitions.map((p) => p.id)).not.toContain(countyOne);
      // Recount every cluster from the petitions themselves.
      const res = await call(t, 'clerk', 'GET', '/api/analysis/hotspots?days=365&minSize=2&limit=100');
      for (const c of res.json().clusters as Cluster[]) {
        expect(c.petitions).toHaveLength(c.count);
        expect(new Set(c.petitions.map((p) => p.id)).size).toBe(c.count);
        expect(c.trend.reduce((s, w) => s + w.count, 0)).toBe(c.count);
      }
      const repeatChains = (res.json().clusters as Cluster[]).filter((c) => c.kind === 'repeat');
      expect(repeatChains).toEqual([]);
    });

    it("filters hotspots by the cockpit's months and jurisdiction, within what each user may see", async () => {
      t.clock.set('2026-05-10');
      const hot = async (user: string, query: string, lang = 'zh') => {
        const res = await call(t, user, 'GET', `/api/analysis/hotspots?minSize=2&kind=respondent&${query}`, undefined, { 'accept-language': lang });
        expect(res.statusCode, res.body).toBe(200);
        const body = res.json<{ since: string; until: string; clusters: Cluster[] }>();
        return { ...body, dingsheng: body.clusters.find((c) => c.key === '鼎盛·建设') };
      };
      // April only: the four district petitions, not the county one of May.
      const april = await hot('clerk', 'from=2026-04&to=2026-04');
      expect([april.since, april.until]).toEqual(['2026-04-01', '2026-04-30']);
      expect(april.dingsheng?.petitions.map((p) => p.id).sort()).toEqual([...dingshengIds].sort());
      // A period that reaches into the future ends today; `days` is not used with months.
      const spring = await hot('clerk', 'from=2026-04&to=2026-06&days=1');
      expect([spring.since, spring.until]).toEqual(['2026-04-01', '2026-05-10']);
      expect(spring.dingsheng?.count).toBe(5);
      expect((await hot('clerk', 'to=2026-05')).since).toBe('2026-01-01');
      // A jurisdiction narrows to the petitions about places within it (6 digits stand for the subtree).
      expect((await hot('clerk', 'from=2026-04&to=2026-05&jurisdiction=339902')).dingsheng?.count).toBe(4);
      expect((await hot('clerk', 'from=2026-04&to=2026-05&jurisdiction=3399')).dingsheng?.count).toBe(5);
      expect((await hot('clerk', 'from=2026-04&to=2026-05&jurisdiction=339921')).dingsheng).toBeUndefined(); // one only
      // Never beyond what the user may see: the district office asking for the county gets nothing.
      expect((await hot('district-clerk', 'days=90&jurisdiction=339921')).clusters).toEqual([]);
      expect((await hot('district-clerk', 'days=90&jurisdiction=3399')).dingsheng?.count).toBe(4);
      // A period still to come is empty; a reversed one is refused in the reader's language.
      expect((await hot('clerk', 'from=2026-07&to=2026-08')).clusters).toEqual([]);
      const reversed = await call(t, 'clerk', 'GET', '/api/analysis/hotspots?from=2026-05&to=2026-04', undefined, { 'accept-language': 'en' });
      expect(reversed.statusCode).toBe(400);
      expect(reversed.json().message).toContain('the first month is after the last');
      const badPlace = await call(t, 'clerk', 'GET', '/api/analysis/hotspots?jurisdiction=abc');
      expect(badPlace.statusCode).toBe(400);
    });

    it('clusters repeat links into one chain', async () => {
      const a = await register(t, { ...wages, repeatOf: ids.wages, title: '再次反映恒源公司欠薪' });
      await register(t, { ...wages, repeatOf: a.id, title: '第三次反映恒源公司欠薪' });
      const res = await call(t, 'clerk', 'GET', '/api/analysis/hotspots?days=365&minSize=2&kind=repeat');
      const chain = (res.json().clusters as Cluster[]).find((c) => c.key === ids.wages);
      expect(chain?.count).toBe(3);
    });

    it('keeps two companies of one trade name in two clusters', async () => {
      t.clock.set('2026-07-01');
      const company = (name: string, content: string) => ({ title: `反映${name}问题`, content, respondent: { name }, address: undefined });
      for (const n of [1, 2])
        await register(t, company('远航纺织有限公司', `远航纺织有限公司拖欠第${n}车间工人工资三个月，多次讨要没有结果。`));
      for (const n of [1, 2])
        await register(t, company('远航塑料制品有限公司', `远航塑料制品有限公司${n}号厂房夜间排放刺鼻废气，周边居民无法休息。`));
      const res = await call(t, 'clerk', 'GET', '/api/analysis/hotspots?days=30&minSize=2&kind=respondent');
      expect(res.statusCode, res.body).toBe(200);
      const clusters = (res.json().clusters as Cluster[]).filter((c) => c.key.startsWith('远航'));
      expect(clusters.map((c) => [c.key, c.count, c.label.zh]).sort()).toEqual([
        ['远航·塑料', 2, '被反映对象“远航·塑料”'],
        ['远航·纺织', 2, '被反映对象“远航·纺织”'],
      ]);
    });
  });

  it('backfills petitions registered before indexing', async () => {
    await t.deps.db.execute(sql`delete from analysis_fingerprints where petition_id = ${ids.wages}`);
    await t.deps.db.execute(sql`delete from analysis_keys where petition_id = ${ids.wages}`);
    const n = await backfillIndex(t.deps.db, t.deps);
    expect(n).toBe(1);
    const res = await call(t, 'clerk', 'POST', '/api/analysis/suggest', { text: retold });
    expect((res.json().similar as Similar[]).map((s) => s.id)).toContain(ids.wages);
  });

  it('lets admins change the alert rule', async () => {
    expect((await call(t, 'clerk', 'GET', '/api/analysis/alert-rule')).json()).toEqual({ size: 3, days: 30 });
    expect((await call(t, 'clerk', 'PUT', '/api/analysis/alert-rule', { size: 5, days: 14 })).statusCode).toBe(403);
    const res = await call(t, 'admin', 'PUT', '/api/analysis/alert-rule', { size: 5, days: 14 });
    expect(res.json()).toEqual({ size: 5, days: 14 });
  });
});
