// The petition classifier: multinomial logistic regression with an L2 penalty, one head per question (domain,
// category, litigation-related), over binary features (content words, character bigrams, keyword rules,
// domain-lexicon hit counts and the lexicon terms themselves). The penalty pulls each weight towards a prior
// instead of towards zero: a domain's lexicon hits, and each of its terms (`!t:` features, one per term, in the
// vocabulary whether or not a training petition used it), start out as evidence for that domain (lexicon.ts),
// so knowledge written down by people counts where the labeled examples are few or silent (a term no training
// petition used keeps its prior), and the data corrects it where they are many. Trained by
// `train` from labeled examples, serialised as plain JSON (see model.json) and used by `classify`, which
// returns each answer with a confidence and the words that drove it.

import { KEYWORD_RULES, lexiconFeatures, ruleFeatures, textFeatures } from './features';
import { mergeParts, reasonPart, shownReasons, type ReasonPart } from './reasons';
import { DOMAIN_LEXICON, LEXICON_DOMAINS, lexiconHits } from './lexicon';
import type { LexiconHits } from './lexicon';
import { fnv1a32 } from './hash';
import { normalise } from './normalise';
import { cut } from './segment';
import { CATEGORIES, DOMAINS } from './labels';
import type { Category, Domain } from './labels';
import type { Message } from '../petition/refusals';

export interface TrainingExample {
  text: string;
  domain: Domain;
  category: Category;
  litigationRelated: boolean;
  /**
   * Examples about the same concrete matter share a group (e.g. the dev set's dupGroup), so that a name
   * repeated across one matter's retellings does not count as a general word. Defaults to the example alone.
   */
  group?: string;
  /** Weight of the example in the loss (default 1); generated text can count less than real text. */
  weight?: number;
}

export interface TrainOptions {
  /** Strength of the L2 penalty towards the prior, per unit of example weight (default 0.002). */
  l2?: number;
  /** A feature is kept only if it occurs in at least this many distinct matters (default 2). */
  minMatters?: number;
  /** Keep at most this many features, the most frequent first (default 30000). */
  maxFeatures?: number;
  /** Use character bigrams as well as words (default true). */
  charBigrams?: boolean;
  /** Value of a keyword-rule or lexicon feature (words and bigrams share a total length of 1; default 0.5). */
  ruleValue?: number;
  /** Prior weight of a domain's lexicon features for that domain (default 1). */
  lexiconPrior?: number;
  /** Prior weight of each lexicon term (`!t:` feature) for the domain(s) listing it (default 1). */
  termPrior?: number;
  /** Total value of a petition's term features: each of n is worth termValue/√n (default 1; 0 leaves them out). */
  termValue?: number;
  /** 0: every example counts as it is; 1: every label counts as much in total (default 1). */
  balance?: number;
  /** Optimisation steps (default 150). */
  iterations?: number;
}

interface HeadData {
  labels: string[];
  bias: number[];
  /** weights[label][feature] */
  weights: number[][];
}

/** What a model was trained on. */
export interface TrainedOn {
  examples: number;
  /** How many of the examples were generated (synthetic) text, and their weight. */
  synthetic: number;
  syntheticWeight: number;
  /** fnv1a32 of each real (non-synthetic) training text, normalised: lets an evaluation tell seen from unseen. */
  textHashes: number[];
  note: string;
}

/** fnv1a32 of a normalised text: the key of `TrainedOn.textHashes`. */
export function textHash(text: string): number {
  return fnv1a32(normalise(text));
}

/** The serialised model: plain JSON. */
export interface TextModelData {
  format: 'qiao-text-lr';
  version: 2;
  options: Required<TrainOptions>;
  trainedOn: TrainedOn;
  vocab: string[];
  heads: { domain: HeadData; category: HeadData; litigationRelated: HeadData };
}

interface Head {
  labels: string[];
  bias: Float64Array;
  /** weights transposed: [feature * labels + label], for one pass over a petition's features. */
  byFeature: Float64Array;
}

/** A model ready to use (built from TextModelData by `loadModel`). */
export interface TextModel {
  data: TextModelData;
  index: Map<string, number>;
  /** Character bigrams by their code (`bigramCode`), for reading a text without building strings. */
  bigrams: Map<number, number>;
  /** Lexicon term features (`!t:<term>`) by their term. */
  terms: Map<string, number>;
  /** Scratch space of `classify`: which features a text already has (a feature is seen when equal to `stamp`). */
  seen: Int32Array;
  stamp: number;
  /** Scratch space of the reasons: where each feature of the text being explained stands in its input. */
  at: Int32Array;
  heads: { domain: Head; category: Head; litigationRelated: Head };
}

export interface Reason {
  /** The word, character pair, or kind of words with the words found, as shown to a clerk (reasons.ts). */
  label: Message;
  /** Its weight of evidence for the answer against the runner-up (natural log odds). */
  weight: number;
}

export interface Answer<T> {
  value: T;
  confidence: number;
  reasons: Reason[];
}

export interface Classification {
  domain: Domain;
  category: Category;
  litigationRelated: boolean;
  /** Confidence of the domain (the main suggestion); each part's own is in `detail`. */
  confidence: number;
  /** The words that drove the domain, most telling first. */
  reasons: Message[];
  detail: { domain: Answer<Domain>; category: Answer<Category>; litigationRelated: Answer<boolean> };
}

/**
 * Chosen by 10-fold group cross-validation on two thirds of the dev set's matters (the "tune" part, see
 * BENCHMARKS.md); differences between nearby settings were within one or two petitions. termValue and termPrior
 * (1, 1) were chosen the same way, averaged over four fold assignments (0.7-1.5 and 0.5-1.5 tried).
 */
const DEFAULTS: Required<TrainOptions> = {
  l2: 0.002,
  minMatters: 2,
  maxFeatures: 30000,
  charBigrams: true,
  ruleValue: 0.5,
  lexiconPrior: 1,
  termPrior: 1,
  termValue: 1,
  balance: 1,
  iterations: 150,
};

function round(x: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
}

const isRuleFeature = (x: string) => x.startsWith('!');
const isTermFeature = (x: string) => x.startsWith('!t:');

/** The domains (index in DOMAINS) whose lexicon lists each term. */
let termDomainsCache: Map<string, number[]> | undefined;
function termDomains(): Map<string, number[]> {
  if (termDomainsCache) return termDomainsCache;
  const m = new Map<string, number[]>();
  for (const d of LEXICON_DOMAINS) {
    for (const term of DOMAIN_LEXICON[d]) {
      const list = m.get(term) ?? [];
      if (!list.includes(DOMAINS.indexOf(d))) list.push(DOMAINS.indexOf(d));
      m.set(term, list);
    }
  }
  termDomainsCache = m;
  return m;
}

/** The lexicon feature's domain (`!d:labor`, `!d2:labor` -> labor), or null. */
function lexiconDomain(x: string): string | null {
  const m = /^!d\d?:(.+)$/.exec(x);
  return m ? (m[1] as string) : null;
}

interface Doc {
  /** Feature indices and their values. */
  f: Int32Array;
  x: Float64Array;
  weight: number;
}

const HAN_FIRST = 0x3400;
const HAN_LAST = 0x9fff;
const HAN_SPAN = HAN_LAST - HAN_FIRST + 1;

const isHan = (c: number) => c >= HAN_FIRST && c <= HAN_LAST;

/** A number for a pair of Chinese characters (both U+3400-U+9FFF), small enough to stay a small integer. */
function bigramCode(a: number, b: number): number {
  return (a - HAN_FIRST) * HAN_SPAN + (b - HAN_FIRST);
}

/**
 * The sparse input of one petition from its feature names: the features in the vocabulary, words and bigrams
 * sharing a total length of 1 (each worth 1/√n for n of them), rules and lexicon hit counts worth `ruleValue`
 * each, lexicon terms sharing a total of `termValue`.
 */
function encode(features: readonly string[], index: ReadonlyMap<string, number>, ruleValue: number, termValue: number) {
  const ids: number[] = [];
  /** 0 text, 1 rule or lexicon count, 2 lexicon term. */
  const kind: number[] = [];
  for (const name of features) {
    const i = index.get(name);
    if (i === undefined) continue;
    ids.push(i);
    kind.push(isTermFeature(name) ? 2 : isRuleFeature(name) ? 1 : 0);
  }
  const n = kind.filter((r) => r === 0).length;
  const nTerms = kind.filter((r) => r === 2).length;
  const textValue = 1 / Math.sqrt(Math.max(1, n));
  const oneTerm = termValue / Math.sqrt(Math.max(1, nTerms));
  return { f: Int32Array.from(ids), x: Float64Array.from(kind, (r) => (r === 1 ? ruleValue : r === 2 ? oneTerm : textValue)) };
}

/**
 * Multinomial logistic regression by full-batch gradient descent (Adam, fixed steps: deterministic), minimising
 * the weighted mean cross-entropy plus (l2 / 2)·‖W − prior‖².
 */
function trainHead(
  labels: readonly string[],
  docs: readonly Doc[],
  gold: readonly number[],
  vocabSize: number,
  prior: (feature: number, label: number) => number,
  opts: Required<TrainOptions>,
): HeadData {
  const C = labels.length;
  const V = vocabSize;
  // Per-label weights: rare labels count more (balance 1: each label the same total).
  const perLabel = new Float64Array(C);
  docs.forEach((d, i) => {
    const g = gold[i] as number;
    if (g >= 0) perLabel[g] = (perLabel[g] as number) + d.weight;
  });
  const total = perLabel.reduce((a, b) => a + b, 0);
  const present = perLabel.filter((n) => n > 0).length;
  const labelWeight = Float64Array.from(perLabel, (n) => (n > 0 ? (total / (present * n)) ** opts.balance : 0));
  const w = docs.map((d, i) => ((gold[i] as number) >= 0 ? d.weight * (labelWeight[gold[i] as number] as number) : 0));
  const wSum = w.reduce((a, b) => a + b, 0) || 1;

  const W = new Float64Array(V * C);
  const W0 = new Float64Array(V * C);
  for (let f = 0; f < V; f++) for (let c = 0; c < C; c++) W0[f * C + c] = prior(f, c);
  W.set(W0);
  const b = new Float64Array(C);
  const gW = new Float64Array(V * C);
  const gb = new Float64Array(C);
  const mW = new Float64Array(V * C);
  const vW = new Float64Array(V * C);
  const mb = new Float64Array(C);
  const vb = new Float64Array(C);
  const lr = 0.05;
  const beta1 = 0.9;
  const beta2 = 0.999;
  const eps = 1e-8;
  const z = new Float64Array(C);
  for (let t = 1; t <= opts.iterations; t++) {
    gW.fill(0);
    gb.fill(0);
    for (let i = 0; i < docs.length; i++) {
      const wi = w[i] as number;
      if (wi === 0) continue;
      const d = docs[i] as Doc;
      for (let c = 0; c < C; c++) z[c] = b[c] as number;
      for (let k = 0; k < d.f.length; k++) {
        const base = (d.f[k] as number) * C;
        const xv = d.x[k] as number;
        for (let c = 0; c < C; c++) z[c] = (z[c] as number) + xv * (W[base + c] as number);
      }
      let max = -Infinity;
      for (let c = 0; c < C; c++) if ((z[c] as number) > max) max = z[c] as number;
      let sum = 0;
      for (let c = 0; c < C; c++) {
        const e = Math.exp((z[c] as number) - max);
        z[c] = e;
        sum += e;
      }
      const g = gold[i] as number;
      const scale = wi / wSum;
      for (let c = 0; c < C; c++) z[c] = scale * ((z[c] as number) / sum - (c === g ? 1 : 0));
      for (let c = 0; c < C; c++) gb[c] = (gb[c] as number) + (z[c] as number);
      for (let k = 0; k < d.f.length; k++) {
        const base = (d.f[k] as number) * C;
        const xv = d.x[k] as number;
        for (let c = 0; c < C; c++) gW[base + c] = (gW[base + c] as number) + xv * (z[c] as number);
      }
    }
    const c1 = 1 - beta1 ** t;
    const c2 = 1 - beta2 ** t;
    for (let j = 0; j < W.length; j++) {
      const g = (gW[j] as number) + opts.l2 * ((W[j] as number) - (W0[j] as number));
      const m = beta1 * (mW[j] as number) + (1 - beta1) * g;
      const v = beta2 * (vW[j] as number) + (1 - beta2) * g * g;
      mW[j] = m;
      vW[j] = v;
      W[j] = (W[j] as number) - (lr * (m / c1)) / (Math.sqrt(v / c2) + eps);
    }
    for (let c = 0; c < C; c++) {
      const g = gb[c] as number;
      const m = beta1 * (mb[c] as number) + (1 - beta1) * g;
      const v = beta2 * (vb[c] as number) + (1 - beta2) * g * g;
      mb[c] = m;
      vb[c] = v;
      b[c] = (b[c] as number) - (lr * (m / c1)) / (Math.sqrt(v / c2) + eps);
    }
  }
  return {
    labels: [...labels],
    bias: Array.from(b, (x) => round(x, 4)),
    weights: labels.map((_, c) => {
      const row = new Array<number>(V);
      for (let f = 0; f < V; f++) row[f] = round(W[f * C + c] as number, 3);
      return row;
    }),
  };
}

/** Train a model from labeled examples. Pure: the same examples and options give the same model. */
export function train(
  examples: readonly TrainingExample[],
  options: TrainOptions = {},
  about: { synthetic?: readonly TrainingExample[]; syntheticWeight?: number; note?: string } = {},
): TextModelData {
  const syntheticWeight = about.syntheticWeight ?? 0.3;
  const real = examples;
  const all = [...real, ...(about.synthetic ?? []).map((e) => ({ ...e, weight: (e.weight ?? 1) * syntheticWeight }))];
  const opts: Required<TrainOptions> = { ...DEFAULTS, ...options };
  const featured = all.map((e, i) => ({ e, t: textFeatures(e.text, opts.charBigrams), group: e.group ?? `#${i}` }));
  // Document frequency counted in distinct matters, so a company name told five times is still one matter.
  const matters = new Map<string, Set<string>>();
  for (const { t, group } of featured) {
    for (const x of t.features) {
      let s = matters.get(x);
      if (s === undefined) matters.set(x, (s = new Set()));
      s.add(group);
    }
  }
  // Every rule and lexicon feature is in the vocabulary, seen in training or not: a lexicon's prior then
  // counts for hits no training petition had.
  const known = [
    ...KEYWORD_RULES.map((r) => r.feature),
    ...LEXICON_DOMAINS.flatMap((d) => [`!d:${d}`, `!d2:${d}`, `!d4:${d}`]),
    ...(opts.termValue > 0 ? [...termDomains().keys()].map((t) => `!t:${t}`) : []),
  ];
  for (const x of known) if (!matters.has(x)) matters.set(x, new Set());
  const vocab = [...matters.entries()]
    .filter(([x, s]) => (s.size >= opts.minMatters || isRuleFeature(x)) && (opts.termValue > 0 || !isTermFeature(x)))
    .sort((a, b) => b[1].size - a[1].size || (a[0] < b[0] ? -1 : 1))
    .slice(0, opts.maxFeatures)
    .map(([x]) => x);
  const index = new Map(vocab.map((x, i) => [x, i]));
  const docs: Doc[] = featured.map(({ e, t }) => ({ ...encode(t.features, index, opts.ruleValue, opts.termValue), weight: e.weight ?? 1 }));
  const lexDomain = vocab.map(lexiconDomain);
  const terms = termDomains();
  const termDomain = vocab.map((x) => (isTermFeature(x) ? (terms.get(x.slice(3)) ?? []) : []));
  const none = () => 0;
  const head = (labels: readonly string[], label: (e: TrainingExample) => string, prior: (f: number, c: number) => number) =>
    trainHead(
      labels,
      docs,
      all.map((e) => labels.indexOf(label(e))),
      vocab.length,
      prior,
      opts,
    );
  return {
    format: 'qiao-text-lr',
    version: 2,
    options: opts,
    trainedOn: {
      examples: all.length,
      synthetic: all.length - real.length,
      syntheticWeight,
      textHashes: [...new Set(real.map((e) => textHash(e.text)))].sort((a, b) => a - b),
      note: about.note ?? '',
    },
    vocab,
    heads: {
      domain: head(DOMAINS, (e) => e.domain, (f, c) =>
        lexDomain[f] === DOMAINS[c] ? opts.lexiconPrior : (termDomain[f] as number[]).includes(c) ? opts.termPrior : 0,
      ),
      category: head(CATEGORIES, (e) => e.category, none),
      litigationRelated: head(['false', 'true'], (e) => String(e.litigationRelated), none),
    },
  };
}

/** Prepare serialised model data for classification (builds the feature index; ~ms for a shipped model). */
export function loadModel(data: TextModelData): TextModel {
  if (data.format !== 'qiao-text-lr' || data.version !== 2) throw new Error('not a Qiao text model (qiao-text-lr, version 2)');
  const v = data.vocab.length;
  const head = (h: HeadData): Head => {
    const n = h.labels.length;
    const byFeature = new Float64Array(v * n);
    h.weights.forEach((row, c) => row.forEach((x, f) => (byFeature[f * n + c] = x)));
    return { labels: h.labels, bias: Float64Array.from(h.bias), byFeature };
  };
  const bigrams = new Map<number, number>();
  const terms = new Map<string, number>();
  data.vocab.forEach((x, i) => {
    if (x.length === 3 && x[0] === '~') bigrams.set(bigramCode(x.charCodeAt(1), x.charCodeAt(2)), i);
    else if (isTermFeature(x)) terms.set(x.slice(3), i);
  });
  return {
    data,
    index: new Map(data.vocab.map((x, i) => [x, i])),
    bigrams,
    terms,
    seen: new Int32Array(v),
    stamp: 0,
    at: new Int32Array(v),
    heads: {
      domain: head(data.heads.domain),
      category: head(data.heads.category),
      litigationRelated: head(data.heads.litigationRelated),
    },
  };
}

const REASONS = 6;
/** Candidates for the reasons, before features shown alike are merged. */
const CANDIDATES = 10;

function answer(
  model: TextModel,
  head: Head,
  { ids, values, lexicon, normalised }: Input,
  withReasons: boolean,
): Answer<string> {
  const n = head.labels.length;
  const scores = Float64Array.from(head.bias);
  const table = head.byFeature;
  for (let k = 0; k < ids.length; k++) {
    const base = (ids[k] as number) * n;
    const x = values[k] as number;
    for (let c = 0; c < n; c++) scores[c] = (scores[c] as number) + x * (table[base + c] as number);
  }
  let best = 0;
  for (let c = 1; c < n; c++) if ((scores[c] as number) > (scores[best] as number)) best = c;
  let second = best === 0 ? 1 : 0;
  for (let c = 0; c < n; c++) if (c !== best && (scores[c] as number) > (scores[second] as number)) second = c;
  const top = scores[best] as number;
  let sum = 0;
  for (let c = 0; c < n; c++) sum += Math.exp((scores[c] as number) - top);
  const confidence = 1 / sum;
  if (!withReasons) return { value: head.labels[best] as string, confidence: round(confidence, 3), reasons: [] };
  // The features that speak most for the answer against the runner-up: a small insertion-sorted top list.
  const topF = new Int32Array(CANDIDATES);
  const topW = new Float64Array(CANDIDATES);
  let count = 0;
  // Every feature's weight, and where each stands (`at`), for the words' own weights below.
  const weights = new Float64Array(ids.length);
  for (let k = 0; k < ids.length; k++) {
    const base = (ids[k] as number) * n;
    const weight = (values[k] as number) * ((table[base + best] as number) - (table[base + second] as number));
    weights[k] = weight;
    model.at[ids[k] as number] = k;
    if (weight <= 0 || (count === CANDIDATES && weight <= (topW[CANDIDATES - 1] as number))) continue;
    let j = count < CANDIDATES ? count++ : CANDIDATES - 1;
    while (j > 0 && (topW[j - 1] as number) < weight) {
      topW[j] = topW[j - 1] as number;
      topF[j] = topF[j - 1] as number;
      j--;
    }
    topW[j] = weight;
    topF[j] = ids[k] as number;
  }
  // Features shown alike (a domain's one, two and four lexicon hits and its keyword rule; a word and its term) make
  // one reason, their weights summed.
  const merged = new Map<string, { part: ReasonPart; weight: number }>();
  for (let j = 0; j < count; j++) {
    const part = reasonPart(model.data.vocab[topF[j] as number] as string, normalised, lexicon);
    if (part === null) continue;
    const seen = merged.get(part.key);
    merged.set(part.key, seen ? { part: mergeParts(seen.part, part), weight: seen.weight + (topW[j] as number) } : { part, weight: topW[j] as number });
  }
  // A word's own weight, whether or not any of its features is among those that speak most: its word, character
  // pair and lexicon term features summed (工资 as a jieba word, ~工资 and !t:工资), 0 for one the model does not know.
  const weightOf = (feature: number | undefined) => {
    if (feature === undefined) return 0;
    const k = model.at[feature] as number;
    return k < ids.length && ids[k] === feature ? (weights[k] as number) : 0;
  };
  const pair = (w: string) => (w.length === 2 && isHan(w.charCodeAt(0)) && isHan(w.charCodeAt(1)) ? model.bigrams.get(bigramCode(w.charCodeAt(0), w.charCodeAt(1))) : undefined);
  const wordWeight = (w: string) => weightOf(model.index.get(w)) + weightOf(pair(w)) + weightOf(model.terms.get(w));
  // A character pair is read as a word when the text's words (jieba's, as the model knows them) include it.
  const isWord = (w: string) => {
    const f = model.index.get(w);
    return f !== undefined && ids[model.at[f] as number] === f;
  };
  const reasons = shownReasons([...merged.values()], wordWeight, REASONS, isWord).map(({ label, weight }) => ({ label, weight: round(weight, 2) }));
  return { value: head.labels[best] as string, confidence: round(confidence, 3), reasons };
}

/** A petition as the heads read it: its features' vocabulary ids and values, and the text the reasons quote. */
export interface Input {
  ids: Int32Array;
  values: Float64Array;
  lexicon: LexiconHits;
  normalised: string;
}

/**
 * The input of one petition, read straight into vocabulary ids (the same features as `textFeatures`, without
 * building their names): jieba words, bigrams of Chinese characters, keyword rules, lexicon hits.
 */
export function readInput(model: TextModel, text: string): Input {
  const normalised = normalise(text);
  const { index, seen } = model;
  const stamp = (model.stamp = (model.stamp + 1) | 0 || 1);
  const ids: number[] = [];
  // Words: the vocabulary holds only content words (tokens), so any other jieba piece simply is not found.
  for (const w of cut(normalised)) {
    const i = index.get(w);
    if (i !== undefined && seen[i] !== stamp) {
      seen[i] = stamp;
      ids.push(i);
    }
  }
  if (model.data.options.charBigrams) {
    let prev = -1;
    for (let k = 0; k < normalised.length; k++) {
      const c = normalised.charCodeAt(k);
      if (c < HAN_FIRST || c > HAN_LAST) {
        prev = -1;
        continue;
      }
      if (prev >= 0) {
        const i = model.bigrams.get(bigramCode(prev, c));
        if (i !== undefined && seen[i] !== stamp) {
          seen[i] = stamp;
          ids.push(i);
        }
      }
      prev = c;
    }
  }
  const textCount = ids.length;
  const lexicon = lexiconHits(normalised);
  for (const name of [...ruleFeatures(normalised), ...lexiconFeatures(lexicon)]) {
    const i = index.get(name);
    if (i !== undefined && seen[i] !== stamp) {
      seen[i] = stamp;
      ids.push(i);
    }
  }
  const ruleCount = ids.length;
  const termValue = model.data.options.termValue ?? 0;
  if (termValue > 0) {
    for (const t of lexicon.terms) {
      const i = model.terms.get(t.term);
      if (i !== undefined && seen[i] !== stamp) {
        seen[i] = stamp;
        ids.push(i);
      }
    }
  }
  const textValue = 1 / Math.sqrt(Math.max(1, textCount));
  const ruleValue = model.data.options.ruleValue;
  const oneTerm = termValue / Math.sqrt(Math.max(1, ids.length - ruleCount));
  const values = new Float64Array(ids.length);
  for (let k = 0; k < ids.length; k++) values[k] = k < textCount ? textValue : k < ruleCount ? ruleValue : oneTerm;
  return { ids: Int32Array.from(ids), values, lexicon, normalised };
}

/**
 * Classify one petition text. Pure (but for the model's scratch space). With `reasons: false` the answers come
 * without the words that drove them (for bulk classification, where nobody reads them).
 */
export function classify(model: TextModel, text: string, options: { reasons?: boolean } = {}): Classification {
  const input = readInput(model, text);
  const r = options.reasons ?? true;
  const domain = answer(model, model.heads.domain, input, r) as Answer<Domain>;
  const category = answer(model, model.heads.category, input, r) as Answer<Category>;
  const lit = answer(model, model.heads.litigationRelated, input, r);
  const litigationRelated: Answer<boolean> = { ...lit, value: lit.value === 'true' };
  return {
    domain: domain.value,
    category: category.value,
    litigationRelated: litigationRelated.value,
    confidence: domain.confidence,
    reasons: domain.reasons.map((r) => r.label),
    detail: { domain, category, litigationRelated },
  };
}
