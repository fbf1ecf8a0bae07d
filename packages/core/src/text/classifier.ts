// The petition classifier: multinomial naive Bayes over binary features (content words, character bigrams,
// keyword rules), one head per question (domain, category, litigation-related). Trained by `train` from
// labeled examples, serialised as plain JSON (see model.json) and used by `classify`, which returns each
// answer with a confidence and the words that drove it.

import { featureLabel, textFeatures } from './features';
import { fnv1a32 } from './hash';
import { normalise } from './normalise';
import { CATEGORIES, DOMAINS } from './labels';
import type { Category, Domain } from './labels';

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
  /** Weight of the example in the counts (default 1); generated text can count less than real text. */
  weight?: number;
}

export interface TrainOptions {
  /** Additive smoothing (default 0.1). */
  alpha?: number;
  /** A feature is kept only if it occurs in at least this many distinct matters (default 2). */
  minMatters?: number;
  /** How many times a keyword-rule feature counts (default 6). */
  ruleWeight?: number;
  /** Keep at most this many features, the most frequent first (default 30000). */
  maxFeatures?: number;
  /** Use character bigrams as well as words (default true). */
  charBigrams?: boolean;
}

interface HeadData {
  labels: string[];
  logPrior: number[];
  /** logLik[label][feature] */
  logLik: number[][];
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
  format: 'qiao-text-nb';
  version: 1;
  options: Required<TrainOptions>;
  trainedOn: TrainedOn;
  vocab: string[];
  heads: { domain: HeadData; category: HeadData; litigationRelated: HeadData };
}

interface Head {
  labels: string[];
  logPrior: Float64Array;
  logLik: Float64Array[];
  /** logLik transposed: [feature * labels + label], for one pass over a petition's features. */
  byFeature: Float64Array;
}

/** A model ready to use (built from TextModelData by `loadModel`). */
export interface TextModel {
  data: TextModelData;
  index: Map<string, number>;
  /** How much each vocabulary feature counts (rule features count `ruleWeight` times). */
  featureWeight: Float64Array;
  heads: { domain: Head; category: Head; litigationRelated: Head };
}

export interface Reason {
  /** The word, character pair or rule, as shown to a clerk. */
  feature: string;
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
  reasons: string[];
  detail: { domain: Answer<Domain>; category: Answer<Category>; litigationRelated: Answer<boolean> };
}

const DEFAULTS: Required<TrainOptions> = { alpha: 0.1, minMatters: 2, ruleWeight: 6, maxFeatures: 30000, charBigrams: true };

function round(x: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
}

function trainHead(
  labels: readonly string[],
  docs: { features: number[]; label: string; weight: number }[],
  vocabSize: number,
  alpha: number,
  featureWeight: (f: number) => number,
): HeadData {
  const counts = labels.map(() => new Float64Array(vocabSize));
  const totals = labels.map(() => 0);
  const docCounts = labels.map(() => 0);
  for (const d of docs) {
    const c = labels.indexOf(d.label);
    if (c < 0) continue;
    docCounts[c] = (docCounts[c] as number) + d.weight;
    const row = counts[c] as Float64Array;
    for (const f of d.features) {
      const w = d.weight * featureWeight(f);
      row[f] = (row[f] as number) + w;
      totals[c] = (totals[c] as number) + w;
    }
  }
  const allDocs = docCounts.reduce((a, b) => a + b, 0);
  return {
    labels: [...labels],
    // Priors flattened (square root): the dev set's shares should not decide close calls on new data.
    logPrior: docCounts.map((n) => round(0.5 * Math.log((n + 1) / (allDocs + labels.length)), 4)),
    logLik: counts.map((row, c) => {
      const denom = Math.log((totals[c] as number) + alpha * vocabSize);
      return Array.from(row, (n) => round(Math.log(n + alpha) - denom, 3));
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
  const featured = all.map((e, i) => ({ e, f: textFeatures(e.text, opts.charBigrams).features, group: e.group ?? `#${i}` }));
  // Document frequency counted in distinct matters, so a company name told five times is still one matter.
  const matters = new Map<string, Set<string>>();
  for (const { f, group } of featured) {
    for (const x of f) {
      let s = matters.get(x);
      if (s === undefined) matters.set(x, (s = new Set()));
      s.add(group);
    }
  }
  const vocab = [...matters.entries()]
    .filter(([x, s]) => s.size >= opts.minMatters || x.startsWith('!'))
    .sort((a, b) => b[1].size - a[1].size || (a[0] < b[0] ? -1 : 1))
    .slice(0, opts.maxFeatures)
    .map(([x]) => x);
  const index = new Map(vocab.map((x, i) => [x, i]));
  const docs = featured.map(({ e, f }) => ({
    e,
    features: f.map((x) => index.get(x)).filter((i): i is number => i !== undefined),
  }));
  const fw = (i: number) => ((vocab[i] as string).startsWith('!') ? opts.ruleWeight : 1);
  const head = (labels: readonly string[], label: (e: TrainingExample) => string) =>
    trainHead(
      labels,
      docs.map((d) => ({ features: d.features, label: label(d.e), weight: d.e.weight ?? 1 })),
      vocab.length,
      opts.alpha,
      fw,
    );
  return {
    format: 'qiao-text-nb',
    version: 1,
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
      domain: head(DOMAINS, (e) => e.domain),
      category: head(CATEGORIES, (e) => e.category),
      litigationRelated: head(['false', 'true'], (e) => String(e.litigationRelated)),
    },
  };
}

/** Prepare serialised model data for classification (builds the feature index; ~ms for a shipped model). */
export function loadModel(data: TextModelData): TextModel {
  if (data.format !== 'qiao-text-nb' || data.version !== 1) throw new Error('not a Qiao text model (version 1)');
  const v = data.vocab.length;
  const head = (h: HeadData): Head => {
    const logLik = h.logLik.map((row) => Float64Array.from(row));
    const n = h.labels.length;
    const byFeature = new Float64Array(v * n);
    logLik.forEach((row, c) => row.forEach((x, f) => (byFeature[f * n + c] = x)));
    return { labels: h.labels, logPrior: Float64Array.from(h.logPrior), logLik, byFeature };
  };
  return {
    data,
    index: new Map(data.vocab.map((x, i) => [x, i])),
    featureWeight: Float64Array.from(data.vocab, (x) => (x.startsWith('!') ? data.options.ruleWeight : 1)),
    heads: {
      domain: head(data.heads.domain),
      category: head(data.heads.category),
      litigationRelated: head(data.heads.litigationRelated),
    },
  };
}

function answer(model: TextModel, head: Head, features: number[]): Answer<string> {
  const n = head.labels.length;
  const scores = Float64Array.from(head.logPrior);
  const table = head.byFeature;
  for (const f of features) {
    const w = model.featureWeight[f] as number;
    const base = f * n;
    for (let c = 0; c < n; c++) scores[c] = (scores[c] as number) + w * (table[base + c] as number);
  }
  let best = 0;
  let second = n > 1 ? 1 : 0;
  for (let c = 0; c < n; c++) if ((scores[c] as number) > (scores[best] as number)) best = c;
  second = best === 0 ? 1 : 0;
  for (let c = 0; c < n; c++) if (c !== best && (scores[c] as number) > (scores[second] as number)) second = c;
  // Naive Bayes is overconfident (its features are not independent): temper the scores before softmax.
  const temper = Math.max(1, Math.sqrt(features.length));
  const top = scores[best] as number;
  let sum = 0;
  for (const s of scores) sum += Math.exp((s - top) / temper);
  const confidence = 1 / sum;
  const lb = head.logLik[best] as Float64Array;
  const ls = head.logLik[second] as Float64Array;
  const reasons = features
    .map((f) => {
      return { f, weight: (model.featureWeight[f] as number) * ((lb[f] as number) - (ls[f] as number)) };
    })
    .filter((r) => r.weight > 0)
    .sort((a, b) => b.weight - a.weight)
    .slice(0, 6)
    .map((r) => ({ feature: featureLabel(model.data.vocab[r.f] as string), weight: round(r.weight, 2) }));
  return { value: head.labels[best] as string, confidence: round(confidence, 3), reasons };
}

/** Classify one petition text. Pure. */
export function classify(model: TextModel, text: string): Classification {
  const { features } = textFeatures(text, model.data.options.charBigrams);
  const ids: number[] = [];
  for (const x of features) {
    const i = model.index.get(x);
    if (i !== undefined) ids.push(i);
  }
  const domain = answer(model, model.heads.domain, ids) as Answer<Domain>;
  const category = answer(model, model.heads.category, ids) as Answer<Category>;
  const lit = answer(model, model.heads.litigationRelated, ids);
  const litigationRelated: Answer<boolean> = { ...lit, value: lit.value === 'true' };
  return {
    domain: domain.value,
    category: category.value,
    litigationRelated: litigationRelated.value,
    confidence: domain.confidence,
    reasons: domain.reasons.map((r) => r.feature),
    detail: { domain, category, litigationRelated },
  };
}
