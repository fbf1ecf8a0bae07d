// The words behind a classification as a clerk reads them, in Chinese and English. A feature's own name (!labor,
// !d2:labor) means nothing to a clerk, and a Chinese label in the English workbench cannot be read there: a rule
// or a domain lexicon is shown as the kind of words it found followed by those words (含劳动用工用语：工资、拖欠 /
// Labour words: 工资, 拖欠). The petition's own words stay as written in either language: they are what the
// clerk reads in the text.

import type { Message } from '../petition/refusals';
import { KEYWORD_RULES, type WordKind } from './features';
import { LEXICON_DOMAINS, type LexiconHits } from './lexicon';

export const WORD_KINDS: Readonly<Record<WordKind, Message>> = {
  labor: { zh: '含劳动用工用语', en: 'Labour words' },
  housing: { zh: '含购房用语', en: 'Home-buying words' },
  land: { zh: '含征地拆迁用语', en: 'Land and demolition words' },
  legal: { zh: '含涉法涉诉用语', en: 'Litigation words' },
  education: { zh: '含教育用语', en: 'Education words' },
  health: { zh: '含医疗卫生用语', en: 'Health words' },
  propertyManagement: { zh: '含物业用语', en: 'Property management words' },
  environment: { zh: '含生态环境用语', en: 'Environment words' },
  urbanConstruction: { zh: '含城建用语', en: 'Urban construction words' },
  socialSecurity: { zh: '含社保民政用语', en: 'Social security words' },
  agriculture: { zh: '含农业农村用语', en: 'Farming words' },
  other: { zh: '含其他政务领域用语', en: 'Words of other public services' },
  accuse: { zh: '含检举控告用语', en: 'Accusation words' },
  corrupt: { zh: '含贪污腐败用语', en: 'Corruption words' },
  suggest: { zh: '含建议用语', en: 'Suggestion words' },
  demand: { zh: '含诉求用语', en: 'Demand words' },
};

/** Words shown after a kind: enough to say which, not the whole text. */
const WORDS_SHOWN = 4;

/**
 * The least weight a reason shown has: in natural log odds, and as a share of the strongest reason's. Below it a
 * feature barely moved the answer (个月, 我在, 已经 at 0.01–0.03 beside a kind's 5): shown, it reads as if it had.
 */
const MIN_WEIGHT = 0.05;
const MIN_SHARE = 0.05;

/**
 * What one feature shows: the petition's word, or a kind with the words found. `key` is the same for features
 * shown alike (a domain's one, two and four lexicon hits and its keyword rule), so they make one reason.
 */
export interface ReasonPart {
  key: string;
  kind: WordKind | null;
  words: string[];
  /** Only a character pair of the text, not also a word or term: 限公 of 有限公司, 费每 of 管理费每月. */
  pair?: true;
}

// Global copies of the rules' patterns, made once: every reason of a rule reads the text for its words.
const wordsOf = new Map(KEYWORD_RULES.map((r) => [r.feature, { kind: r.kind, all: new RegExp((r.shown ?? r.pattern).source, 'g') }]));

/** One feature of a normalised text as a reason, or null for a feature no clerk can read (one no rule names now). */
export function reasonPart(feature: string, normalised: string, lexicon?: LexiconHits): ReasonPart | null {
  const word = (w: string): ReasonPart => ({ key: `w:${w}`, kind: null, words: [w] });
  if (feature.startsWith('~')) return { ...word(feature.slice(1)), pair: true };
  if (feature.startsWith('!t:')) return word(feature.slice(3));
  const lexical = /^!d\d?:(.+)$/.exec(feature);
  if (lexical) {
    const domain = lexical[1] as WordKind;
    const d = LEXICON_DOMAINS.indexOf(domain as (typeof LEXICON_DOMAINS)[number]);
    if (d < 0) return null;
    return { key: `k:${domain}`, kind: domain, words: lexicon?.terms.filter((t) => t.domain === d).map((t) => t.term) ?? [] };
  }
  if (feature.startsWith('!')) {
    const rule = wordsOf.get(feature);
    if (!rule) return null;
    return { key: `k:${rule.kind}`, kind: rule.kind, words: [...new Set(Array.from(normalised.matchAll(rule.all), (m) => m[0]))] };
  }
  return word(feature);
}

/** Two parts shown alike as one: the words of both, first found first. */
export function mergeParts(a: ReasonPart, b: ReasonPart): ReasonPart {
  const words = [...new Set([...a.words, ...b.words])];
  return a.pair && b.pair ? { ...a, words } : { key: a.key, kind: a.kind, words };
}

/** A part with its weight of evidence for the answer (natural log odds against the runner-up). */
export interface WeightedPart {
  part: ReasonPart;
  weight: number;
}

/**
 * The reasons a clerk reads, most telling first, at most `max`, each word of the petition shown once. A kind shows
 * the words of the text that count most for the answer (`contribution`: each word's own weight of evidence, 0 for
 * one the model does not know), not the first ones written (工资 before 工人 in a letter about unpaid wages). A word
 * that is a reason of its own (工资) and that a kind also found joins that kind's reason, its weight added: the
 * kind says why the word counts (含劳动用工用语：工资、包工头). Each word is shown where it is first shown, in the
 * order of the reasons' weights; a word that is, holds or is part of a word shown before it is not shown again
 * (民工 after 农民工, 有限公司 after 公司: the same characters read twice); a reason left without words is left
 * out, the next one taking its place. A reason that barely moved the answer (MIN_WEIGHT, MIN_SHARE) is not shown, nor
 * a character pair on its own that is no word of the text (`isWord`: 限公, 费每 straddle two words), which no
 * clerk reads as one.
 */
export function shownReasons(
  parts: readonly WeightedPart[],
  contribution: (word: string) => number,
  max: number,
  isWord: (pair: string) => boolean = () => true,
): { label: Message; weight: number }[] {
  const byWeight = (a: WeightedPart, b: WeightedPart) => b.weight - a.weight;
  const kinds = parts.filter((p) => p.part.kind !== null).sort(byWeight).map((p) => ({ ...p }));
  const reasons: WeightedPart[] = [...kinds];
  for (const p of [...parts].sort(byWeight)) {
    if (p.part.kind !== null) continue;
    const home = kinds.find((k) => p.part.words.every((w) => k.part.words.includes(w)));
    if (home) home.weight += p.weight;
    else reasons.push(p);
  }
  const ranks = new Map<string, number>();
  const rank = (w: string) => {
    let r = ranks.get(w);
    if (r === undefined) ranks.set(w, (r = contribution(w)));
    return r;
  };
  const shown: string[] = [];
  const out: { label: Message; weight: number }[] = [];
  reasons.sort(byWeight);
  const floor = Math.max(MIN_WEIGHT, MIN_SHARE * (reasons[0]?.weight ?? 0));
  for (const { part, weight } of reasons) {
    if (out.length === max || weight < floor) break;
    if (part.pair && !isWord(part.words.join(''))) continue;
    // The sort is stable: words of the same contribution stay in the order found.
    const words = part.kind === null ? [part.words.join('')] : [...part.words].sort((a, b) => rank(b) - rank(a));
    const fresh: string[] = [];
    for (const w of words) {
      if (fresh.length === WORDS_SHOWN) break;
      if (shown.some((s) => s.includes(w) || w.includes(s))) continue;
      fresh.push(w);
      shown.push(w);
    }
    if (fresh.length === 0) continue;
    const label = reasonLabel({ ...part, words: fresh });
    if (label) out.push({ label, weight });
  }
  return out;
}

/**
 * A reason in both languages, or null when a kind found no words to show (a rule whose pattern matched what its
 * `shown` does not): a kind alone (含劳动用工用语) says nothing a clerk can check in the text, and is not shown.
 */
export function reasonLabel(part: ReasonPart): Message | null {
  if (part.kind === null) {
    const w = part.words.join('');
    return { zh: w, en: w };
  }
  const kind = WORD_KINDS[part.kind];
  const words = part.words.slice(0, WORDS_SHOWN);
  if (words.length === 0) return null;
  return { zh: `${kind.zh}：${words.join('、')}`, en: `${kind.en}: ${words.join(', ')}` };
}
