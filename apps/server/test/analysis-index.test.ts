// Issue 6: backfilling the duplicate-lookup index in resumable batches, and the clerks' corrections the
// classifier is retrained with.
import { eq, inArray, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { defaultModel, train } from '@qiao/core/text';
import { loadCorrections } from '../src/analysis/corrections';
import { backfillIndex, type BackfillProgress } from '../src/analysis/indexing';
import { rows } from '../src/analysis/sql';
import { analysisClusterMembers, analysisFingerprints } from '../src/db/schema';
import { available, engineName, useTestApp } from './support/app';
import { call, command, register } from './support/http';

const texts = [
  ['反映安居物业公司乱收停车费', '安居物业管理有限公司在锦华小区擅自上调停车费，每月从一百五十元涨到三百元，没有经过业主大会，请求物价部门查处。', 'propertyManagement'],
  ['反映兴旺化工厂夜间排放废气', '兴旺化工厂每天夜里偷偷排放刺鼻废气，附近居民晚上不敢开窗，孩子咳嗽不止，请求环保部门查处。', 'environment'],
  ['反映实验小学违规收费', '实验小学以课后服务名义每学期向每名学生收取八百元费用，家长不交就不让参加，请求教育局调查。', 'education'],
  ['反映长河村征地补偿款未发', '长河村委会把我们组被征收土地的补偿款截留了一半，至今没有公开账目，请求国土部门核查。', 'land'],
  ['反映宏图建筑拖欠工资', '宏图建筑工程有限公司拖欠我们二十多名农民工半年工资共计四十万元，老板避而不见，请求劳动监察帮助讨薪。', 'labor'],
  ['反映康宁医院乱开检查', '康宁医院医生给我母亲开了大量不必要的检查，一次感冒花了三千多元，请求卫健委调查处理。', 'health'],
  ['反映滨江花园逾期交房', '滨江花园开发商合同约定去年底交房，至今未交付，也不支付违约金，请求住建部门督促开发商履约。', 'housing'],
] as const;

describe.skipIf(!available)(`index backfill and corrections (${engineName})`, () => {
  const t = useTestApp();
  const ids: string[] = [];

  const unindex = async (list: string[]) => {
    await t.deps.db.execute(sql`delete from analysis_keys where petition_id = any(${`{${list.join(',')}}`}::uuid[])`);
    await t.deps.db.delete(analysisFingerprints).where(inArray(analysisFingerprints.petitionId, list));
    await t.deps.db.delete(analysisClusterMembers).where(inArray(analysisClusterMembers.petitionId, list));
  };
  const indexed = async () =>
    (await t.deps.db.select({ id: analysisFingerprints.petitionId }).from(analysisFingerprints).where(inArray(analysisFingerprints.petitionId, ids))).length;

  it('indexes petitions that have no signature, in batches, and resumes where an interrupted run stopped', async () => {
    t.clock.set('2026-02-02');
    for (const [title, content, domain] of texts) ids.push((await register(t, { title, content, domain, respondent: undefined, address: undefined })).id);
    await unindex(ids);
    expect(await indexed()).toBe(0);

    const seen: BackfillProgress[] = [];
    // An interrupted run: one batch of 3, then it stops.
    expect(await backfillIndex(t.deps.db, t.deps, { batch: 3, maxBatches: 1, onProgress: (p) => seen.push(p) })).toBe(3);
    expect(await indexed()).toBe(3);
    expect(seen).toEqual([expect.objectContaining({ indexed: 3, total: 7, batches: 1 })]);
    // The next run does the rest only, oldest first, reporting each batch.
    seen.length = 0;
    expect(await backfillIndex(t.deps.db, t.deps, { batch: 3, onProgress: (p) => seen.push(p) })).toBe(4);
    expect(seen.map((p) => [p.indexed, p.total])).toEqual([[3, 4], [4, 4]]);
    expect(await indexed()).toBe(7);
    expect(await backfillIndex(t.deps.db, t.deps, { batch: 3 })).toBe(0);

    // Every key stored once, exactly as the fingerprints list them.
    const [keys] = await rows<{ n: number | string }>(t.deps.db, sql`select count(*) as n from analysis_keys where petition_id = any(${`{${ids.join(',')}}`}::uuid[])`);
    const listed = await t.deps.db.select({ keys: analysisFingerprints.keys }).from(analysisFingerprints).where(inArray(analysisFingerprints.petitionId, ids));
    expect(Number(keys?.n)).toBe(listed.reduce((n, f) => n + f.keys.length, 0));
    // And the lookup finds them again.
    const res = await call(t, 'clerk', 'POST', '/api/analysis/suggest', { text: texts[4][1] });
    expect(res.json().similar.map((s: { id: string }) => s.id)).toContain(ids[4]);
  });

  it('re-indexes what was indexed before a given moment, once', async () => {
    const before = new Date(t.deps.now().getTime() + 1000);
    t.clock.set('2026-02-03');
    expect(await backfillIndex(t.deps.db, t.deps, { batch: 4, staleBefore: before })).toBeGreaterThanOrEqual(7);
    expect(await backfillIndex(t.deps.db, t.deps, { batch: 4, staleBefore: before })).toBe(0);
    const [f] = await t.deps.db.select({ at: analysisFingerprints.indexedAt }).from(analysisFingerprints).where(eq(analysisFingerprints.petitionId, ids[0]!));
    expect(f!.at.getTime()).toBeGreaterThanOrEqual(before.getTime());
  });

  it('collects the clerks’ corrections: later ones, and intake labels the model disagreed with; residents’ choices are not corrections', async () => {
    const model = defaultModel();
    // Registered as the model says: not a correction.
    const agreed = await register(t, { title: texts[1][0], content: texts[1][1], domain: 'environment', respondent: undefined, address: undefined });
    // A wage petition a clerk filed under education at intake: the model says labour.
    const overridden = await register(t, { title: '反映拖欠工资', content: texts[4][1], domain: 'education', respondent: undefined, address: undefined });
    // Corrected later on the petition page.
    const corrected = await register(t, { title: texts[6][0], content: texts[6][1], domain: 'housing', respondent: undefined, address: undefined });
    await command(t, 'clerk', corrected.id, 'reclassify', { domain: 'urbanConstruction', category: 'claim', litigationRelated: false });
    // Filed by a proxy agent with a label the model disagrees with: the agent's choice, not a clerk's correction.
    const byAgent = await register(t, { title: '反映拖欠工资', content: texts[4][1], domain: 'education', respondent: undefined, address: undefined, jurisdictionCode: '339902001', residentConsent: true }, 'agent');

    const found = await loadCorrections(t.deps, model);
    const of = (id: string) => found.find((c) => c.petitionId === id);
    expect(of(agreed.id)).toBeUndefined();
    expect(of(overridden.id)).toMatchObject({ source: 'intake', domain: 'education' });
    expect(of(corrected.id)).toMatchObject({ source: 'later', domain: 'urbanConstruction' });
    expect(of(corrected.id)?.text).toContain('滨江花园');
    expect(of(byAgent.id)).toBeUndefined();
  });

  it('gives the corrections without the petitioners’ names and numbers, so a retrained model never learns them', async () => {
    // One person petitions twice about one matter, naming themselves and giving numbers in the text; both are
    // corrected. A word said in both (鹭洲湾) becomes a feature: the name would too, were it left in.
    const person = { name: '翟明轩', phone: '13912345678', idCard: '110101199003076632' };
    const content = (n: number) =>
      `我叫翟明轩，住鹭洲湾小区，电话13912345678，身份证号110101199003076632，工资卡号6222 0212 3456 7890 12${n}。明轩我在鹭洲湾工地干了八个月，老板一直拖着工资不给。`;
    const ids: string[] = [];
    for (const n of [1, 2]) {
      const p = await register(t, { title: '反映鹭洲湾工地拖欠工资', content: content(n), domain: 'labor', respondent: undefined, address: undefined, petitioners: [person] });
      await command(t, 'clerk', p.id, 'reclassify', { domain: 'labor', category: 'accusation', litigationRelated: false });
      ids.push(p.id);
    }
    const found = (await loadCorrections(t.deps, defaultModel())).filter((c) => ids.includes(c.petitionId));
    expect(found).toHaveLength(2);
    for (const c of found) {
      expect(c.text).toContain('鹭洲湾');
      for (const secret of ['翟明轩', '明轩', '13912345678', '110101199003076632', '6222', '7890']) expect(c.text).not.toContain(secret);
      expect(c.text).toContain('某某');
    }
    const model = train(found, {}, { synthetic: [] });
    expect(model.vocab.some((f) => f.includes('鹭洲'))).toBe(true);
    // Features learnt from the texts only: the hand-written lexicon's term features (`!t:…`, e.g. the consumer
    // hotline 12315) are in every model whatever it is trained on.
    const leaked = model.vocab.filter((f) => !f.startsWith('!t:') && /[翟轩]|明轩|\d{4}/.test(f));
    expect(leaked).toEqual([]);
    expect(model.vocab.filter((f) => f.startsWith('!t:') && /[翟轩]|明轩/.test(f))).toEqual([]);
  });
});
