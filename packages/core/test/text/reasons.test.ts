import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { KEYWORD_RULES, WORD_KINDS, classify, cut, defaultModel, lexiconHits, normalise, reasonLabel, reasonPart } from '../../src/text/index';
import { mergeParts, shownReasons, type ReasonPart } from '../../src/text/reasons';
import type { Message } from '../../src/petition/refusals';

const HAN = /[\u4e00-\u9fff]/;
// What a reason says before the petition's own words: the kind of words (none for a word on its own).
const kindOf = (label: string, colon: string) => (label.includes(colon) ? label.slice(0, label.indexOf(colon)) : '');

// The dev set's petitions, and texts for each of a rule's alternatives whose match runs past its shown words.
const devUrl = new URL('../../../../../shared/data/petitions-dev.jsonl', import.meta.url);
const devTexts = (): string[] => {
  let text: string;
  try {
    text = readFileSync(devUrl, 'utf8');
  } catch {
    text = readFileSync('/work/shared/data/petitions-dev.jsonl', 'utf8');
  }
  return text.trim().split('\n').map((l) => (JSON.parse(l) as { text: string }).text);
};
const SAMPLES = [
  '实名反映村支书刘某违纪问题',
  '我提个建议，希望公交公司能增加早班车',
  '村口能不能设一个公交站',
  '小区能否开通二号门',
  '交房以后发现质量问题，整栋房子漏水',
];

const kind = (k: ReasonPart['kind'], words: string[]): ReasonPart => ({ key: `k:${k}`, kind: k, words });
const word = (w: string): ReasonPart => ({ key: `w:${w}`, kind: null, words: [w] });

// The petition's words a reason shows: those after a kind (含劳动用工用语：工资、包工头), or the word itself.
const wordsOf = (r: Message) => (r.zh.includes('：') ? r.zh.slice(r.zh.indexOf('：') + 1).split('、') : [r.zh]);

const label = (feature: string, text: string) => {
  const n = normalise(text);
  const part = reasonPart(feature, n, lexiconHits(n));
  return part && reasonLabel(part);
};

describe('the words behind a classification, as a clerk reads them', () => {
  it('names a rule by the kind of words it found, with those words, in each language', () => {
    expect(label('!labor', '老板拖欠工资三个月，包工头也找不到')).toEqual({ zh: '含劳动用工用语：工资、包工头', en: 'Labour words: 工资, 包工头' });
    expect(label('!d:labor', '老板拖欠工资')).toEqual({ zh: '含劳动用工用语：老板、拖欠工资、工资', en: 'Labour words: 老板, 拖欠工资, 工资' });
    // A pattern that spans the text between its words shows the words alone.
    expect(label('!suggest', '建议在村口设一个公交站')).toEqual({ zh: '含建议用语：建议', en: 'Suggestion words: 建议' });
    expect(label('!litigation', '法院判决以后一直没有执行')).toEqual({ zh: '含涉法涉诉用语：判决', en: 'Litigation words: 判决' });
    // The petition's own words as written, in either language; a feature no rule names now is not shown.
    expect(label('~工资', '工资')).toEqual({ zh: '工资', en: '工资' });
    expect(label('!nosuch', '工资')).toBeNull();
  });

  it('never shows a kind of words without the words: such a reason is left out', () => {
    expect(reasonLabel({ key: 'k:labor', kind: 'labor', words: [] })).toBeNull();
    // A domain's lexicon feature read without the lexicon's hits has found no words to show.
    const part = reasonPart('!d:labor', normalise('老板拖欠工资'));
    expect(part && reasonLabel(part)).toBeNull();
    expect(reasonLabel({ key: 'k:labor', kind: 'labor', words: ['工资'] })).toEqual({ zh: '含劳动用工用语：工资', en: 'Labour words: 工资' });
  });

  it('shows at least one word wherever a rule\'s pattern matches', () => {
    const texts = [...devTexts(), ...SAMPLES].map((t) => normalise(t));
    for (const rule of KEYWORD_RULES) {
      const shown = rule.shown ?? rule.pattern;
      const all = new RegExp(rule.pattern.source, 'g');
      let matched = 0;
      for (const n of texts) {
        // Each match holds a word the reason shows, so no match is shown as its kind alone.
        for (const m of n.matchAll(all)) expect(shown.test(m[0]), `${rule.feature}: ${m[0]}`).toBe(true);
        if (!rule.pattern.test(n)) continue;
        matched++;
        expect(reasonPart(rule.feature, n)?.words.length, `${rule.feature}: ${n}`).toBeGreaterThan(0);
      }
      expect(matched, rule.feature).toBeGreaterThan(0);
    }
  });

  it('has an English name for every kind of words, and no internal label reaches a clerk', () => {
    for (const rule of KEYWORD_RULES) expect(WORD_KINDS[rule.kind].en, rule.feature).not.toMatch(HAN);
    for (const name of Object.values(WORD_KINDS)) expect(name.en).not.toMatch(HAN);
    const c = classify(defaultModel(), '我在工地干了一年活，包工头拖欠我们农民工工资五万元，请劳动监察部门帮我们讨回工资。');
    expect(c.reasons.some((r) => r.en.startsWith('Labour words: '))).toBe(true);
    const all = [...c.reasons, ...c.detail.category.reasons.map((r) => r.label), ...c.detail.litigationRelated.reasons.map((r) => r.label)];
    for (const r of all) {
      expect(kindOf(r.en, ': '), r.en).not.toMatch(HAN);
      expect(r.zh, r.zh).not.toMatch(/^[^：]*用语$|^!|^~/); // 劳动用语, !labor, ~工资
    }
  });

  it('shows each word once: in its kind\'s reason, never again on its own or inside another word', () => {
    const reasons = shownReasons(
      [
        { part: word('工资'), weight: 0.8 },
        { part: kind('labor', ['工人', '农民工', '民工', '工资']), weight: 2 },
        { part: kind('demand', ['请求']), weight: 0.3 },
        { part: word('请求'), weight: 0.2 },
        { part: word('公司'), weight: 0.2 },
        { part: word('有限公司'), weight: 0.16 },
        { part: word('民工'), weight: 0.05 },
      ],
      () => 0,
      6,
    );
    // 工资, 请求 and 民工 join their kinds' reasons, their weights added; 民工 is part of 农民工 and 有限公司 holds
    // 公司: neither is shown again.
    expect(reasons).toEqual([
      { label: { zh: '含劳动用工用语：工人、农民工、工资', en: 'Labour words: 工人, 农民工, 工资' }, weight: expect.closeTo(2.85) },
      { label: { zh: '含诉求用语：请求', en: 'Demand words: 请求' }, weight: 0.5 },
      { label: { zh: '公司', en: '公司' }, weight: 0.2 },
    ]);
    // A word that weighs more than its kind is still shown as one of the kind's words.
    const again = shownReasons([{ part: word('请求'), weight: 0.5 }, { part: kind('demand', ['请求']), weight: 0.3 }, { part: word('个月'), weight: 0.1 }], () => 0, 2);
    expect(again.map((r) => r.label.zh)).toEqual(['含诉求用语：请求', '个月']);
  });

  it('names the words of a kind that count most, not the first ones written', () => {
    const labour = kind('labor', ['农民工', '工地', '干活', '包工头', '老板', '工资']);
    const weights = new Map([['工资', 0.9], ['包工头', 0.4], ['老板', -0.2]]);
    const weight = (w: string) => weights.get(w) ?? 0;
    // Words of the same weight (none known: 0) stay in the order found; a word that speaks against comes last.
    expect(shownReasons([{ part: labour, weight: 2 }], weight, 6).map((r) => r.label.zh)).toEqual(['含劳动用工用语：工资、包工头、农民工、工地']);
    // Letters about unpaid wages whose first labour words are others: 工资 is named among them.
    const letters = [
      '我是农民工，在工地干活，包工头老板一直拖欠工资不给，年底了还没结算，请帮忙讨要。',
      '我们在宏达建筑工地上班做钢筋工，包工头张某跑路，项目部说已经把钱给了班组长，我们十几个工人的工资至今没有拿到。',
      '本人在某物流公司做快递员，公司克扣工资，加班不给加班费，还无故辞退我，不给经济补偿。',
    ];
    for (const text of letters) {
      const c = classify(defaultModel(), text);
      expect(c.domain).toBe('labor');
      const labourWords = c.reasons.find((r) => r.zh.startsWith('含劳动用工用语：'));
      expect(labourWords && wordsOf(labourWords), text).toContain('工资');
    }
  });

  it('leaves out what barely moved the answer, and character pairs that are no word of the text', () => {
    const labour = kind('labor', ['工资', '工地']);
    const shown = (parts: { part: ReasonPart; weight: number }[], isWord?: (w: string) => boolean) =>
      shownReasons(parts, () => 0, 6, isWord).map((r) => r.label.zh);
    // Beside a kind at 5 nats, 个月 at 0.03 and 我在 at 0.2 say nothing (under a twentieth of it); 社保 at 0.3 does.
    expect(shown([{ part: labour, weight: 5 }, { part: word('社保'), weight: 0.3 }, { part: word('个月'), weight: 0.03 }, { part: word('我在'), weight: 0.2 }])).toEqual([
      '含劳动用工用语：工资、工地',
      '社保',
    ]);
    // On a weak answer the reasons that are there are shown, down to 0.05 nats, not below.
    expect(shown([{ part: word('承包合同'), weight: 0.13 }, { part: word('还给'), weight: 0.06 }, { part: word('把地'), weight: 0.03 }])).toEqual(['承包合同', '还给']);
    // 限公 is a pair of 有限公司: shown only where the text has it as a word; a word or term of the same characters is.
    const pair = (w: string): ReasonPart => ({ ...word(w), pair: true });
    const parts = [{ part: pair('限公'), weight: 1 }, { part: pair('工资'), weight: 0.8 }, { part: word('社保'), weight: 0.5 }];
    expect(shown(parts, (w) => w === '工资')).toEqual(['工资', '社保']);
    expect(shown(parts, () => true)).toEqual(['限公', '工资', '社保']);
    expect(mergeParts(pair('工资'), word('工资')).pair).toBeUndefined();
    // The dev set's letters: every word shown on its own is one of jieba's words of the text or a lexicon term in it.
    const model = defaultModel();
    for (const text of devTexts()) {
      const c = classify(model, text);
      const n = normalise(text);
      const own = new Set([...cut(n), ...lexiconHits(n).terms.map((t) => t.term)]);
      for (const r of [c.reasons, c.detail.category.reasons.map((x) => x.label), c.detail.litigationRelated.reasons.map((x) => x.label)].flat())
        if (!r.zh.includes('：')) expect(own.has(r.zh), `${r.zh}: ${text}`).toBe(true);
      const weights = [c.detail.domain, c.detail.category, c.detail.litigationRelated].flatMap((a) => a.reasons.map((x) => x.weight));
      expect(Math.min(...weights, Infinity)).toBeGreaterThanOrEqual(0.05);
    }
  });

  it('shows no word twice, nor within another, among the reasons of an answer (dev set)', () => {
    const model = defaultModel();
    const texts = [
      '反映锦程装饰公司拖欠装修工人工资。我们是锦程装饰工程有限公司在翠湖苑小区的装修工人，公司拖欠我们三个月工资共计八万多元，上次反映后仍未支付，请求劳动部门督促公司尽快支付工资。',
      ...devTexts(),
    ];
    for (const text of texts) {
      const c = classify(model, text);
      // The reasons are read from the answers; the answers are the same without them.
      const bare = classify(model, text, { reasons: false });
      expect([bare.domain, bare.category, bare.litigationRelated, bare.detail.category.confidence]).toEqual([c.domain, c.category, c.litigationRelated, c.detail.category.confidence]);
      for (const reasons of [c.reasons, ...[c.detail.category, c.detail.litigationRelated].map((a) => a.reasons.map((r) => r.label))]) {
        const words = reasons.flatMap(wordsOf);
        const again = words.filter((w, i) => words.some((v, j) => j < i && (v.includes(w) || w.includes(v))));
        expect(again, `${words.join(' | ')}: ${text}`).toEqual([]);
      }
    }
    // The intake page's wage letter: the labour words, then the other reasons, none repeating them.
    const c = classify(model, texts[0] as string);
    expect(c.reasons[0]?.zh).toMatch(/^含劳动用工用语：.*工资/);
    expect(c.reasons.slice(1).flatMap(wordsOf)).not.toContain('工资');
  });
});
