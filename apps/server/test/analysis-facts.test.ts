// Issue 6: the server's duplicate lookup scores with concrete facts (sums, dates, building and room numbers) as
// core's `similarity` does: the stored fingerprint keeps them (analysis_fingerprints.facts), the lookup reads
// them, and `qiao index --backfill` fills them in rows indexed before they were kept.
import { eq, inArray, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { fromStored, similarity } from '@qiao/core/text';
import { backfillIndex, petitionFingerprint, type PetitionText } from '../src/analysis/indexing';
import { storedIdf } from '../src/analysis/similar';
import { analysisFingerprints, petitions } from '../src/db/schema';
import { available, engineName, useTestApp } from './support/app';
import { call, register } from './support/http';

interface Similar {
  id: string;
  score: number;
  sameMatter: boolean;
  reasons: { kind: string; message: { zh: string; en: string } }[];
}

// Two wage petitions told in the same words about one company, except for the sum and the dates: the text alone
// cannot tell them apart (digits are not shingles), the facts can.
const wage = (sum: string, from: string, to: string) =>
  `我们是在石桥街道滨河花园三期工地做木工的工人，恒达装饰工程有限公司从${from}起拖欠我们工资共计${sum}，` +
  `${to}老板答应结清，到现在还是一分没给，项目经理电话也不接，请求劳动监察部门督促公司尽快支付。`;
const earlierSame = wage('38600元', '2025年3月12日', '2025年6月30日');
const laterOther = wage('52400元', '2025年4月20日', '2025年8月15日');
// The draft: the first matter told again in a few words, with its sum and one of its dates (short, so that
// neither pair is a certain match on the words alone and the facts decide).
const draftText = '来电称恒达装饰工程有限公司拖欠木工工资38600元，2025年6月30日说好结清，至今未给。';

// Two leaks in one estate's building 5: different flats, so different matters however alike the words.
const leak = (room: string) =>
  `锦华小区5栋${room}室楼上卫生间漏水，天花板发霉掉皮，找物业公司多次，物业只说联系不上楼上业主，一直不处理，请求督促物业维修。`;

const person = (name: string, phone: string) => [{ name, phone }];
const body = (title: string, content: string, petitioners: { name: string; phone: string }[], domain = 'labor') => ({
  title,
  content,
  demands: undefined,
  respondent: undefined,
  address: undefined,
  domain,
  petitioners,
});

describe.skipIf(!available)(`duplicate lookup with concrete facts (${engineName})`, () => {
  const t = useTestApp();
  const ids: Record<string, string> = {};

  /** What core's `similarity` says of the draft and a stored petition, with the server's IDF weights. */
  async function coreScore(draft: PetitionText, id: string) {
    const [row] = await t.deps.db
      .select({ title: petitions.title, content: petitions.content, demands: petitions.demands, respondentName: petitions.respondentName, address: petitions.address })
      .from(petitions)
      .where(eq(petitions.id, id));
    const idf = await storedIdf(t.deps.db);
    return similarity(petitionFingerprint('draft', draft), petitionFingerprint(id, row!), {}, idf).score;
  }

  it('ranks the earlier petition sharing a sum and a date above an equally worded one that does not, as core scores them', async () => {
    t.clock.set('2025-09-01');
    ids.same = (await register(t, body('反映恒达装饰拖欠木工工资', earlierSame, person('赵一', '13900000001')))).id;
    t.clock.advanceDays(3);
    // Registered later: on text alone it would come first (the more recent of two equal scores).
    ids.other = (await register(t, body('反映恒达装饰拖欠木工工资', laterOther, person('钱二', '13900000002')))).id;
    t.clock.advanceDays(3);

    const res = await call(t, 'clerk', 'POST', '/api/analysis/suggest', { text: draftText });
    expect(res.statusCode, res.body).toBe(200);
    const similar: Similar[] = res.json().similar;
    const order = similar.map((s) => s.id);
    expect(order).toContain(ids.other);
    expect(order.indexOf(ids.same)).toBe(0);
    const same = similar[0]!;
    const other = similar.find((s) => s.id === ids.other)!;
    expect(same.score).toBeGreaterThan(other.score);
    const facts = same.reasons.find((r) => r.kind === 'sameFacts');
    expect(facts?.message.zh).toContain('38600元');
    expect(facts?.message.zh).toContain('2025年6月30日');
    expect(facts?.message.en).toContain('¥38600');
    expect(other.reasons.map((r) => r.kind)).not.toContain('sameFacts');

    // The server's scores are core's `similarity` on the same inputs, pair by pair.
    const draft: PetitionText = { title: '', content: draftText, demands: null, respondentName: null, address: null };
    for (const s of similar) expect(s.score, s.id).toBe(await coreScore(draft, s.id));
  });

  it('says when two petitions are about different flats (room numbers that never agree), in both lookups', async () => {
    ids.flat1203 = (await register(t, body('反映锦华小区楼上漏水', leak('1203'), person('孙三', '13900000003'), 'propertyManagement'))).id;
    t.clock.advanceDays(1);
    ids.flat1502 = (await register(t, body('反映锦华小区楼上漏水', leak('1502'), person('李四', '13900000004'), 'propertyManagement'))).id;

    const res = await call(t, 'clerk', 'GET', `/api/analysis/petitions/${ids.flat1502}/similar`);
    expect(res.statusCode, res.body).toBe(200);
    const hit = (res.json().similar as Similar[]).find((s) => s.id === ids.flat1203);
    expect(hit, res.body).toBeDefined();
    const different = hit!.reasons.find((r) => r.kind === 'differentUnits');
    expect(different?.message.zh).toContain('1203室');
    expect(different?.message.zh).toContain('1502室');
    // The same words about the same flat: no conflict, and it scores higher.
    const draft = { text: leak('1203') };
    const same = (await call(t, 'clerk', 'POST', '/api/analysis/suggest', draft)).json().similar as Similar[];
    expect(same[0]?.id).toBe(ids.flat1203);
    expect(same[0]?.reasons.map((r) => r.kind)).not.toContain('differentUnits');
    expect(same.find((s) => s.id === ids.flat1502)?.reasons.map((r) => r.kind)).toContain('differentUnits');
    expect(same[0]!.score).toBeGreaterThan(hit!.score);
  });

  it('backfills the facts of rows indexed before they were kept (NULL facts), once; the lookup then uses them', async () => {
    const list = [ids.same!, ids.other!, ids.flat1203!, ids.flat1502!];
    // A petition whose text names no facts: stored as an empty list, not NULL, so it is not stale forever.
    ids.plain = (await register(t, body('反映噪音扰民', '楼下饭店每天深夜营业，油烟和噪音很大，影响休息，请求处理。', person('周五', '13900000005'), 'environment'))).id;
    const [plain] = await t.deps.db.select({ facts: analysisFingerprints.facts }).from(analysisFingerprints).where(eq(analysisFingerprints.petitionId, ids.plain));
    expect(plain?.facts).toEqual([]);
    expect(await backfillIndex(t.deps.db, t.deps)).toBe(0);

    // As migration 0003 leaves rows indexed before it.
    await t.deps.db.execute(sql`update analysis_fingerprints set facts = null where petition_id = any(${`{${list.join(',')}}`}::uuid[])`);
    const before = (await call(t, 'clerk', 'POST', '/api/analysis/suggest', { text: draftText })).json().similar as Similar[];
    expect(before.find((s) => s.id === ids.same)?.reasons.map((r) => r.kind)).not.toContain('sameFacts');

    expect(await backfillIndex(t.deps.db, t.deps, { batch: 3 })).toBe(list.length);
    const stored = await t.deps.db
      .select({ id: analysisFingerprints.petitionId, facts: analysisFingerprints.facts })
      .from(analysisFingerprints)
      .where(inArray(analysisFingerprints.petitionId, list));
    const factsOf = new Map(stored.map((r) => [r.id, r.facts]));
    expect(factsOf.get(ids.same!)).toEqual(expect.arrayContaining(['a:38600', 'd:2025-03-12', 'd:2025-06-30']));
    expect(factsOf.get(ids.flat1502!)).toEqual(expect.arrayContaining(['b:5', 'u:1502']));
    expect(await backfillIndex(t.deps.db, t.deps)).toBe(0);

    const after = (await call(t, 'clerk', 'POST', '/api/analysis/suggest', { text: draftText })).json().similar as Similar[];
    expect(after[0]?.id).toBe(ids.same);
    expect(after[0]?.reasons.map((r) => r.kind)).toContain('sameFacts');
    // fromStored reads a NULL as no facts (what the lookup did before the backfill).
    const [row] = await t.deps.db.select().from(analysisFingerprints).where(eq(analysisFingerprints.petitionId, ids.same!));
    expect([...fromStored(ids.same!, { ...row!, facts: null }).facts]).toEqual([]);
    expect([...fromStored(ids.same!, row!).facts]).toContain('a:38600');
  });
});
