// Near-duplicate detection: which petitions are about the same concrete matter. Each petition gets a
// fingerprint (shingles, MinHash signature, LSH band keys, respondent and place keys, concrete facts such as
// sums, dates and building numbers, the subjects and lexicon domains it speaks of); candidates are pairs sharing
// a band key or a respondent/place key (what a database index would return); a candidate pair is judged by a
// logistic pair model over a few interpretable features (text and word similarity, the same company or
// village, shared sums, conflicting flats or towns ...) whose weights are fitted on labeled duplicates by
// `fitPairModel` (duplicate-model.json, `qiao train-dedup`), and `groupDuplicates` joins judged pairs by average
// link (a petition joins a group it is like as a whole).

import modelData from './duplicate-model.json' with { type: 'json' };
import { bandKeys, minhash, shingles } from './minhash';
import { extractEntities, placeKey, respondentKey, sameRespondentKeys, tradeOfKey, withoutBareTwins } from './entities';
import { concepts, isStatedConcept } from './concepts';
import { extractFacts } from './facts';
import { subjects } from './features';
import { LEXICON_DOMAINS, lexiconHits } from './lexicon';
import { normalise } from './normalise';
import { shingleHash, sortedHashes } from './hash';

export interface DuplicateInput {
  id: string;
  text: string;
  /** The respondent as registered by a clerk (company, unit or official); found in the text when absent. */
  respondent?: string | null;
  /** The place of the matter as registered; found in the text when absent. */
  place?: string | null;
  /**
   * A keyed hash of the petitioner's phone or ID number (computed by the caller, e.g. lib/crypto's keyed
   * hash): equal keys mean the same person, without revealing who.
   */
  personKey?: string | null;
}

export interface Fingerprint {
  id: string;
  /**
   * The shingles' hashes (`shingleHash`: odd for a word, even for a character trigram), sorted, without repeats:
   * the form a database stores, so a fresh and a stored fingerprint compare alike, by merging sorted arrays.
   */
  shingles: Int32Array;
  signature: Uint32Array;
  /** LSH band keys of the signature (`v1:<band>:<hash>`). */
  bands: string[];
  respondents: Set<string>;
  places: Set<string>;
  personKey: string | null;
  /**
   * What the text speaks of: subject-word rules (`!labor`, `!property` ...), the lexicon's leading domains
   * (`lex:labor`), issue concepts (`c:wages`, concepts.ts) and `repeat` when it says the matter was raised
   * before (上个月已经反映过).
   */
  subjects: Set<string>;
  /** The content words' hashes (the odd ones of `shingles`, sorted): retellings share words more than character runs. */
  words: Int32Array;
  /** Concrete facts: sums, dates, building and room numbers, head counts (facts.ts). */
  facts: Set<string>;
}

/** How rare a shingle is (inverse document frequency), by its hash; rare shared words say more than common ones. */
export type Idf = (hash: number) => number;

/** An Idf from document frequencies over n documents (e.g. the batch being grouped, or a stored table). */
export function idfFrom(df: ReadonlyMap<number, number>, n: number): Idf {
  // Computed once: a batch or a lookup scores each shingle against many others.
  const unseen = Math.log(n + 1) + 1;
  const table = new Map<number, number>();
  for (const [h, count] of df) table.set(h, Math.log((n + 1) / (count + 1)) + 1);
  return (h) => table.get(h) ?? unseen;
}

const UNIT_IDF: Idf = () => 1;
// The squared IDF norm of a set under an Idf, computed once per (set, Idf): a set is compared with many (a
// fingerprint's sets are not changed once it has been compared).
const norms = new WeakMap<Int32Array, { idf: Idf; norm: number }[]>();

function squaredNorm(set: Int32Array, idf: Idf): number {
  let list = norms.get(set);
  const hit = list?.find((e) => e.idf === idf);
  if (hit) return hit.norm;
  let norm = 0;
  for (const h of set) norm += idf(h) ** 2;
  if (!list) norms.set(set, (list = []));
  if (list.length > 3) list.shift();
  list.push({ idf, norm });
  return norm;
}

/** The squared-IDF weight two sorted hash sets share (one merge), and how many shared items reach `rareFrom`. */
function sharedWeight(a: Int32Array, b: Int32Array, idf: Idf, rareFrom = Infinity): { dot: number; rare: number } {
  let dot = 0;
  let rare = 0;
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    const x = a[i] as number;
    const y = b[j] as number;
    if (x < y) i++;
    else if (x > y) j++;
    else {
      const w = idf(x);
      dot += w * w;
      if (w >= rareFrom) rare++;
      i++;
      j++;
    }
  }
  return { dot, rare };
}

/** Document frequencies of shingle hashes over fingerprints. */
export function documentFrequencies(fps: readonly Fingerprint[]): Map<number, number> {
  const df = new Map<number, number>();
  for (const fp of fps) for (const h of fp.shingles) df.set(h, (df.get(h) ?? 0) + 1);
  return df;
}

/** IDF-weighted cosine of two shingle hash sets (1 = the same shingles). Without idf, every shingle weighs 1. */
export function weightedCosine(a: Int32Array, b: Int32Array, idf: Idf = UNIT_IDF): number {
  const na = squaredNorm(a, idf);
  const nb = squaredNorm(b, idf);
  return na === 0 || nb === 0 ? 0 : sharedWeight(a, b, idf).dot / Math.sqrt(na * nb);
}

/** The pair model's features, in order (see `pairFeatures`). */
export const PAIR_FEATURES = [
  'text', // IDF-weighted cosine of all shingles (words and character trigrams)
  'wordCosine', // IDF-weighted cosine of content words only
  'wordOverlap', // IDF-weighted overlap coefficient of words: a short call note contained in a long letter
  'rareWords', // shared rare words (company, estate and village names jieba kept whole; 秸秆, HPV ...), up to 6, /6
  'sameRespondent',
  'sameFinePlace', // a village, community or estate
  'sameTown', // a town or street
  'townConflict', // both name towns or streets, none agree
  'sharedFacts', // sums, full dates, room numbers (1 each), days of a month, head counts, buildings (1/2), up to 2, /2
  'unitConflict', // both name rooms or buildings, none agree
  'subjectAgreement', // 1 shared subject rule, -1 both have rules and none agree, 0 unknown
  'domainAgreement', // Jaccard of the lexicon's leading domains
  'respondentAndSubject', // the same company about the same kind of thing
  'placeAndSubject',
  'repeatAndKey', // one says it was raised before, and they share a company or a village
  'overlapAndDomain',
  'conceptAgreement', // Jaccard of the issue concepts (concepts.ts: wages, social insurance, a late handover ...)
  'conceptAndKey', // the same issue about the same company or village
] as const;
export type PairFeature = (typeof PAIR_FEATURES)[number];

/** A logistic model over pair features, with the thresholds that turn its probability into groups. */
export interface PairModel {
  /** One weight per PAIR_FEATURES entry, in order. */
  weights: number[];
  bias: number;
  /** A pair at or above this probability is the same matter. */
  threshold: number;
  /** Two groups are joined only when the mean probability over all their pairs reaches this (average link). */
  linkThreshold: number;
  /** Added to the logit when the petitioners' keyed hashes agree (no labeled data: set by hand). */
  personLogit: number;
  /** How the weights were obtained (data, date), for the record. */
  fittedOn?: string;
  /** textHash of every text it was fitted on (so an evaluation can tell seen texts from unseen ones). */
  textHashes?: number[];
}

export const DEFAULT_PAIR_MODEL: Readonly<PairModel> = modelData;

export interface DuplicateOptions {
  /** The pair model (default: the shipped one, duplicate-model.json). */
  model?: PairModel;
  /** Overrides the model's threshold. */
  threshold?: number;
  /** Overrides the model's link threshold. */
  linkThreshold?: number;
}

export type SimilarityReason =
  | { kind: 'text'; similarity: number }
  | { kind: 'sameRespondent'; key: string }
  | { kind: 'samePlace'; key: string }
  | { kind: 'samePetitioner' }
  | { kind: 'sameFacts'; facts: string[] }
  | { kind: 'differentUnits'; facts: string[] }
  | { kind: 'differentPlaces'; places: string[] }
  /** Both speak of the same issue (concepts.ts: unpaid wages, a late handover ...), as tags `c:wages`. */
  | { kind: 'sameIssue'; concepts: string[] };

export interface Similarity {
  /** The pair model's probability that the two are the same matter (0 to 1). */
  score: number;
  /** Text similarity alone (IDF-weighted cosine of shingles). */
  text: number;
  reasons: SimilarityReason[];
}

// A petition that says it raised the matter before (a repeat is the commonest duplicate).
const REPEAT = /(?:已经|已|曾|之前|上次|上个月|上月|前段时间|多次|再次|又)[^。，！？]{0,6}(?:反映|投诉|信访|来访|来电|举报|写信|联名)/;

/** The lexicon's leading domains of a text: those with at least half as many distinct terms as the most. */
function leadingDomains(normalised: string): string[] {
  const counts = lexiconHits(normalised).counts;
  const most = Math.max(0, ...counts);
  if (most === 0) return [];
  return counts.flatMap((n, d) => (n > 0 && n * 2 >= most ? [`lex:${LEXICON_DOMAINS[d] as string}`] : []));
}

/** The fingerprint of one petition. */
export function fingerprint(item: DuplicateInput): Fingerprint {
  const normalised = normalise(item.text);
  const sh = shingles(normalised);
  const signature = minhash(sh);
  const hashes = sortedHashes([...sh].map(shingleHash));
  const found = extractEntities(item.text, normalised);
  const respondents = new Set(found.respondents);
  if (item.respondent) withoutBareTwins(respondents.add(respondentKey(item.respondent)));
  const places = new Set(found.places);
  if (item.place) places.add(placeKey(item.place));
  const tags = [...subjects(normalised), ...leadingDomains(normalised), ...concepts(normalised)];
  if (REPEAT.test(normalised)) tags.push('repeat');
  return {
    id: item.id,
    shingles: hashes,
    signature,
    bands: bandKeys(signature),
    respondents,
    places,
    personKey: item.personKey ?? null,
    subjects: new Set(tags),
    words: hashes.filter((h) => (h & 1) === 1),
    facts: new Set(extractFacts(normalised)),
  };
}

/**
 * The keys under which a petition is filed for candidate lookup: its LSH bands, `r:<respondent's trade name>` and
 * `p:<place key>`. Two petitions are candidates when they share any key.
 */
export function candidateKeys(fp: Fingerprint): string[] {
  // By trade name: 恒华 and 恒华·物业 may be one company, and 恒华·物业 and 恒华·地产 are compared to be told apart.
  return [...new Set([...fp.bands, ...[...fp.respondents].map((r) => `r:${tradeOfKey(r)}`), ...[...fp.places].map((p) => `p:${p}`)])];
}

function shared(a: ReadonlySet<string>, b: ReadonlySet<string>): string | null {
  for (const x of a) if (b.has(x)) return x;
  return null;
}

/** A respondent two petitions share (core `sameRespondentKeys`): the more telling key of the two (恒华·物业, not 恒华). */
function sharedRespondent(a: ReadonlySet<string>, b: ReadonlySet<string>): string | null {
  const same = shared(a, b);
  if (same !== null) return same;
  for (const x of a) for (const y of b) if (sameRespondentKeys(x, y)) return x.length >= y.length ? x : y;
  return null;
}

const TOWN = /(?:街道|镇|乡)$/;
const isTown = (place: string) => TOWN.test(place);

/** The most specific place both name (a village or estate before a town), or null. */
function sharedPlace(a: ReadonlySet<string>, b: ReadonlySet<string>): string | null {
  let town: string | null = null;
  let fine: string | null = null;
  for (const x of a) {
    if (!b.has(x)) continue;
    // The longest of a village's two keys (杏树湾村 and 树湾村) names it in the reason shown.
    if (!isTown(x)) fine = fine === null || x.length > fine.length ? x : fine;
    else town ??= x;
  }
  return fine ?? town;
}

/** Towns or streets that both name but that never agree (two matters in different places), or null. */
function placeConflict(a: ReadonlySet<string>, b: ReadonlySet<string>): string[] | null {
  const x = [...a].filter(isTown);
  const y = [...b].filter(isTown);
  return x.length > 0 && y.length > 0 && !x.some((t) => b.has(t)) ? [...x, ...y] : null;
}

/** How much a shared fact tells: sums, full dates and room numbers most; a day of a month, a head count or a building less. */
function factWeight(f: string): number {
  switch (f[0]) {
    case 'a':
    case 'u':
      return 1;
    case 'd':
      return f.length === 9 ? 0.5 : 1; // d:2024-01 (a month) tells less than a day
    default:
      return 0.5; // m: a day of a month, n: a head count, b: a building
  }
}

/** Building (b:) or room (u:) numbers that both name but that never agree: different flats or buildings. */
function unitConflict(a: ReadonlySet<string>, b: ReadonlySet<string>): string[] | null {
  for (const kind of ['u:', 'b:']) {
    const x = [...a].filter((f) => f.startsWith(kind));
    const y = [...b].filter((f) => f.startsWith(kind));
    if (x.length > 0 && y.length > 0 && !x.some((f) => b.has(f))) return [...x, ...y];
  }
  return null;
}

/** Not an integer, so never a shingle's hash: the IDF of a word no document has. */
const UNSEEN = 0.5;

/**
 * Word cosine, IDF-weighted overlap coefficient (shared weight over the smaller side's: a short call note inside a
 * long letter) and the number of shared rare words: at least 0.6 of the IDF of a word no petition has (about 1 in
 * 20 petitions or fewer in a batch of 240).
 */
function wordMeasures(a: Int32Array, b: Int32Array, idf: Idf = UNIT_IDF): { cosine: number; overlap: number; rare: number } {
  const na = squaredNorm(a, idf);
  const nb = squaredNorm(b, idf);
  if (na === 0 || nb === 0) return { cosine: 0, overlap: 0, rare: 0 };
  const { dot, rare } = sharedWeight(a, b, idf, idf === UNIT_IDF ? Infinity : 0.6 * idf(UNSEEN));
  return { cosine: dot / Math.sqrt(na * nb), overlap: dot / Math.min(na, nb), rare };
}

function tagged(set: ReadonlySet<string>, prefix: string): Set<string> {
  return new Set([...set].filter((s) => s.startsWith(prefix)));
}

function jaccardOf(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  let inter = 0;
  for (const x of a) if (b.has(x)) inter++;
  const union = a.size + b.size - inter;
  return union === 0 ? 0 : inter / union;
}

/** The pair model's features of two fingerprints (PAIR_FEATURES order), and the reasons they give. */
export function pairFeatures(a: Fingerprint, b: Fingerprint, idf?: Idf): { features: number[]; text: number; reasons: SimilarityReason[] } {
  const text = weightedCosine(a.shingles, b.shingles, idf);
  const reasons: SimilarityReason[] = [{ kind: 'text', similarity: Math.round(text * 1000) / 1000 }];
  const { cosine: wordCosine, overlap, rare } = wordMeasures(a.words, b.words, idf);
  const r = sharedRespondent(a.respondents, b.respondents);
  if (r !== null) reasons.push({ kind: 'sameRespondent', key: r });
  const p = sharedPlace(a.places, b.places);
  if (p !== null) reasons.push({ kind: 'samePlace', key: p });
  const towns = placeConflict(a.places, b.places);
  if (towns !== null) reasons.push({ kind: 'differentPlaces', places: towns });
  const [small, large] = a.facts.size <= b.facts.size ? [a.facts, b.facts] : [b.facts, a.facts];
  const common = [...small].filter((f) => large.has(f)).sort();
  if (common.length > 0) reasons.push({ kind: 'sameFacts', facts: common });
  const conflict = unitConflict(a.facts, b.facts);
  if (conflict !== null) reasons.push({ kind: 'differentUnits', facts: conflict });
  const sa = tagged(a.subjects, '!');
  const sb = tagged(b.subjects, '!');
  const subject = sa.size === 0 || sb.size === 0 ? 0 : shared(sa, sb) !== null ? 1 : -1;
  const domain = jaccardOf(tagged(a.subjects, 'lex:'), tagged(b.subjects, 'lex:'));
  const ca = tagged(a.subjects, 'c:');
  const cb = tagged(b.subjects, 'c:');
  const concept = jaccardOf(ca, cb);
  // Shown because it moves the score: without it a pair scored 50% on "text similarity 7%" alone.
  const issues = [...ca].filter((c) => cb.has(c) && isStatedConcept(c)).sort();
  if (issues.length > 0) reasons.push({ kind: 'sameIssue', concepts: issues });
  const sameRespondent = r !== null ? 1 : 0;
  const fine = p !== null && !isTown(p) ? 1 : 0;
  const agrees = subject >= 0 ? 1 : 0;
  const repeat = a.subjects.has('repeat') || b.subjects.has('repeat') ? 1 : 0;
  const features = [
    text,
    wordCosine,
    overlap,
    Math.min(rare, 6) / 6,
    sameRespondent,
    fine,
    p !== null && isTown(p) ? 1 : [...a.places].some((x) => isTown(x) && b.places.has(x)) ? 1 : 0,
    towns !== null ? 1 : 0,
    Math.min(2, common.reduce((sum, f) => sum + factWeight(f), 0)) / 2,
    conflict !== null ? 1 : 0,
    subject,
    domain,
    sameRespondent * agrees,
    fine * agrees,
    repeat * (sameRespondent || fine ? 1 : 0),
    overlap * domain,
    concept,
    concept * (sameRespondent || fine ? 1 : 0),
  ];
  return { features, text, reasons };
}

/** The model's probability for a feature vector (and an extra logit, e.g. the same petitioner). */
export function pairProbability(model: Readonly<PairModel>, features: readonly number[], extraLogit = 0): number {
  let z = model.bias + extraLogit;
  for (let i = 0; i < features.length; i++) z += (model.weights[i] ?? 0) * (features[i] as number);
  return 1 / (1 + Math.exp(-z));
}

/** How alike two petitions are, and why. */
export function similarity(a: Fingerprint, b: Fingerprint, options: DuplicateOptions = {}, idf?: Idf): Similarity {
  const model = options.model ?? DEFAULT_PAIR_MODEL;
  const { features, text, reasons } = pairFeatures(a, b, idf);
  const samePerson = a.personKey !== null && a.personKey === b.personKey;
  if (samePerson) reasons.push({ kind: 'samePetitioner' });
  // Not rounded: near-certain pairs differ only far behind the decimal point, and that difference ranks them.
  const score = pairProbability(model, features, samePerson ? model.personLogit : 0);
  return { score, text, reasons };
}

/** Whether a similarity says "the same matter". */
export function isSameMatter(s: Similarity, options: DuplicateOptions = {}): boolean {
  return s.score >= (options.threshold ?? (options.model ?? DEFAULT_PAIR_MODEL).threshold);
}

/** Above this many pairs between two groups, their link is judged on the pairs already scored only. */
const MAX_LINK_PAIRS = 400;

/**
 * Group a batch of petitions by matter: candidates from shared keys (as a database index would return them),
 * each candidate pair scored by `similarity`; then, from the best pair down, two groups are joined when the
 * pair is the same matter and the mean score over all pairs between the two groups reaches `linkThreshold`
 * (average link: a petition joins a group only if it is like the group, not just like one member of it).
 * Returns a group id for each item, in input order (the id of the group's first item).
 */
export function groupDuplicates(items: readonly DuplicateInput[], options: DuplicateOptions = {}): string[] {
  return groupFingerprints(items.map(fingerprint), options);
}

/** `groupDuplicates` on fingerprints already made (e.g. to group one set under several models). */
export function groupFingerprints(fps: readonly Fingerprint[], options: DuplicateOptions = {}): string[] {
  const model = options.model ?? DEFAULT_PAIR_MODEL;
  const o = { model, threshold: options.threshold ?? model.threshold, linkThreshold: options.linkThreshold ?? model.linkThreshold };
  const idf = idfFrom(documentFrequencies(fps), fps.length);
  const n = fps.length;
  const byKey = new Map<string, number[]>();
  fps.forEach((fp, i) => {
    for (const k of candidateKeys(fp)) {
      const list = byKey.get(k);
      if (list) list.push(i);
      else byKey.set(k, [i]);
    }
  });
  // Every candidate pair's score, once.
  const scores = new Map<number, number>();
  const score = (i: number, j: number): number => {
    const key = i < j ? i * n + j : j * n + i;
    let s = scores.get(key);
    if (s === undefined) scores.set(key, (s = similarity(fps[i] as Fingerprint, fps[j] as Fingerprint, o, idf).score));
    return s;
  };
  const edges: { i: number; j: number; s: number }[] = [];
  const seen = new Set<number>();
  for (const list of byKey.values()) {
    for (let x = 0; x < list.length; x++) {
      for (let y = x + 1; y < list.length; y++) {
        const i = list[x] as number;
        const j = list[y] as number;
        const key = i * n + j;
        if (seen.has(key)) continue;
        seen.add(key);
        const s = score(i, j);
        if (s >= o.threshold) edges.push({ i, j, s });
      }
    }
  }
  edges.sort((a, b) => b.s - a.s || a.i - b.i || a.j - b.j);
  // Groups as member lists; a pair outside the candidates scores as it would (computed on demand), so the
  // average is over all pairs, not only those an index happened to return.
  const groupOf = fps.map((_, i) => i);
  const members = fps.map((_, i) => [i]);
  for (const { i, j } of edges) {
    const gi = groupOf[i] as number;
    const gj = groupOf[j] as number;
    if (gi === gj) continue;
    const A = members[gi] as number[];
    const B = members[gj] as number[];
    let sum = 0;
    let count = 0;
    if (A.length * B.length <= MAX_LINK_PAIRS) {
      for (const x of A) for (const y of B) sum += score(x, y);
      count = A.length * B.length;
    } else {
      for (const x of A) for (const y of B) {
        const s = scores.get(x < y ? x * n + y : y * n + x);
        if (s !== undefined) {
          sum += s;
          count++;
        }
      }
    }
    if (count === 0 || sum / count < o.linkThreshold) continue;
    const [keep, drop] = A.length >= B.length ? [gi, gj] : [gj, gi];
    for (const x of members[drop] as number[]) {
      groupOf[x] = keep;
      (members[keep] as number[]).push(x);
    }
    members[drop] = [];
  }
  // Name each group after its earliest member.
  const first = new Map<number, string>();
  return fps.map((fp, i) => {
    const g = groupOf[i] as number;
    let name = first.get(g);
    if (name === undefined) first.set(g, (name = fp.id));
    return name;
  });
}
