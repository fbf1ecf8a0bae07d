import { describe, expect, it } from 'vitest';
import { KEYWORD_RULES, WORD_KINDS, classify, defaultModel, lexiconHits, normalise, reasonLabel, reasonPart } from '../../src/text/index';

const HAN = /[\u4e00-\u9fff]/;
// What a reason says before the petition's own words: the kind of words (none for a word on its own).
const kindOf = (label: string, colon: string) => (label.includes(colon) ? label.slice(0, label.indexOf(colon)) : '');

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
});
