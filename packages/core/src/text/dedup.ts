// Near-duplicate detection: which petitions are about the same concrete matter. Each petition gets a
// fingerprint (shingles, MinHash signature, LSH band keys, respondent and place keys, concrete facts such as
// sums, dates and building numbers); candidates are pairs sharing a band key or a respondent/place key (what a
// database index would return); a candidate pair is judged by a similarity with reasons, and
// `groupDuplicates` joins judged pairs by average link (a petition joins a group it is like as a whole).

import { bandKeys, minhash, shingles } from './minhash';
import { extractEntities, placeKey, respondentKey } from './entities';
import { extractFacts } from './facts';
import { subjects } from './features';
import { normalise } from './normalise';

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
  shingles: Set<string>;
  signature: Uint32Array;
  /** LSH band keys of the signature (`v1:<band>:<hash>`). */
  bands: string[];
  respondents: Set<string>;
  places: Set<string>;
  personKey: string | null;
  /** The fields the text speaks of (subject-word rules: wages, pollution, property management ...). */
  subjects: Set<string>;
  /** Concrete facts: sums, dates, building and room numbers, head counts (facts.ts). */
  facts: Set<string>;
}

/** How rare a shingle is (inverse document frequency); rare shared words say more than common ones. */
export type Idf = (shingle: string) => number;

/** An Idf from document frequencies over n documents (e.g. the batch being grouped, or a stored table). */
export function idfFrom(df: ReadonlyMap<string, number>, n: number): Idf {
  return (s) => Math.log((n + 1) / ((df.get(s) ?? 0) + 1)) + 1;
}

/** Document frequencies of shingles over fingerprints. */
export function documentFrequencies(fps: readonly Fingerprint[]): Map<string, number> {
  const df = new Map<string, number>();
  for (const fp of fps) for (const s of fp.shingles) df.set(s, (df.get(s) ?? 0) + 1);
  return df;
}

/** IDF-weighted cosine of two shingle sets (1 = the same shingles). Without idf, every shingle weighs 1. */
export function weightedCosine(a: ReadonlySet<string>, b: ReadonlySet<string>, idf?: Idf): number {
  const w = (s: string) => {
    const x = idf ? idf(s) : 1;
    return x * x;
  };
  let na = 0;
  let nb = 0;
  let dot = 0;
  for (const s of a) {
    const x = w(s);
    na += x;
    if (b.has(s)) dot += x;
  }
  for (const s of b) nb += w(s);
  return na === 0 || nb === 0 ? 0 : dot / Math.sqrt(na * nb);
}

export interface DuplicateOptions {
  /** Pairs at or above this score are the same matter (default see DUPLICATE_DEFAULTS). */
  threshold?: number;
  /** Added when the respondents agree. */
  respondentBonus?: number;
  /** Added when a town or street (镇, 乡, 街道) agrees. */
  placeBonus?: number;
  /** Added instead when a village, community or estate agrees (a smaller place says more). */
  finePlaceBonus?: number;
  /** Subtracted when both name a town or street and none agree. */
  placeConflictPenalty?: number;
  /** Added when the petitioner's keyed hash is equal. */
  personBonus?: number;
  /** Added per shared telling fact (a sum, a full date, a room number); half for a day of a month or a head count. */
  factBonus?: number;
  /** At most this much in all from shared facts. */
  factCap?: number;
  /** Subtracted when both name building or room numbers and none agree (two flats' matters, not one). */
  conflictPenalty?: number;
  /** Below this text similarity nothing else makes a pair the same matter. */
  minText?: number;
  /**
   * Grouping: two groups are joined only when the mean score over all their pairs reaches this (average link),
   * so that a chain of pairs each a little alike does not join unrelated petitions.
   */
  linkThreshold?: number;
}

/**
 * Chosen on two thirds of the dev set's matters (the "tune" part, see BENCHMARKS.md); the other third was
 * not looked at until the figures were reported.
 */
export const DUPLICATE_DEFAULTS: Readonly<Required<DuplicateOptions>> = {
  threshold: 0.3,
  respondentBonus: 0.2,
  placeBonus: 0.05,
  finePlaceBonus: 0.25,
  placeConflictPenalty: 0.1,
  personBonus: 0.25,
  factBonus: 0.15,
  factCap: 0.3,
  conflictPenalty: 0.2,
  minText: 0.03,
  linkThreshold: 0.25,
};
const DEFAULTS = DUPLICATE_DEFAULTS;

export type SimilarityReason =
  | { kind: 'text'; similarity: number }
  | { kind: 'sameRespondent'; key: string }
  | { kind: 'samePlace'; key: string }
  | { kind: 'samePetitioner' }
  | { kind: 'sameFacts'; facts: string[] }
  | { kind: 'differentUnits'; facts: string[] }
  | { kind: 'differentPlaces'; places: string[] };

export interface Similarity {
  score: number;
  /** Text similarity alone (IDF-weighted cosine of shingles). */
  text: number;
  reasons: SimilarityReason[];
}

/** The fingerprint of one petition. */
export function fingerprint(item: DuplicateInput): Fingerprint {
  const normalised = normalise(item.text);
  const sh = shingles(normalised);
  const signature = minhash(sh);
  const found = extractEntities(item.text);
  const respondents = new Set(found.respondents);
  if (item.respondent) respondents.add(respondentKey(item.respondent));
  const places = new Set(found.places);
  if (item.place) places.add(placeKey(item.place));
  return {
    id: item.id,
    shingles: sh,
    signature,
    bands: bandKeys(signature),
    respondents,
    places,
    personKey: item.personKey ?? null,
    subjects: new Set(subjects(normalised)),
    facts: new Set(extractFacts(normalised)),
  };
}

/**
 * The keys under which a petition is filed for candidate lookup: its LSH bands, `r:<respondent key>` and
 * `p:<place key>`. Two petitions are candidates when they share any key.
 */
export function candidateKeys(fp: Fingerprint): string[] {
  return [...fp.bands, ...[...fp.respondents].map((r) => `r:${r}`), ...[...fp.places].map((p) => `p:${p}`)];
}

function shared(a: ReadonlySet<string>, b: ReadonlySet<string>): string | null {
  for (const x of a) if (b.has(x)) return x;
  return null;
}

const TOWN = /(?:街道|镇|乡)$/;
const isTown = (place: string) => TOWN.test(place);

/** The most specific place both name (a village or estate before a town), or null. */
function sharedPlace(a: ReadonlySet<string>, b: ReadonlySet<string>): string | null {
  let town: string | null = null;
  for (const x of a) {
    if (!b.has(x)) continue;
    if (!isTown(x)) return x;
    town ??= x;
  }
  return town;
}

/** Towns or streets that both name but that never agree (two matters in different places), or null. */
function placeConflict(a: ReadonlySet<string>, b: ReadonlySet<string>): string[] | null {
  const x = [...a].filter(isTown);
  const y = [...b].filter(isTown);
  return x.length > 0 && y.length > 0 && !x.some((t) => b.has(t)) ? [...x, ...y] : null;
}

/** How much a shared fact tells: sums, full dates and room numbers most; a day of a month or a head count less. */
function factWeight(f: string): number {
  switch (f[0]) {
    case 'a':
    case 'd':
    case 'u':
      return f.startsWith('d:') && f.length === 9 ? 0.5 : 1; // d:2024-01 (a month) tells less than a day
    case 'm':
    case 'n':
      return 0.5;
    default:
      return 0.3; // b: a building number
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

/** How alike two petitions are, and why. */
export function similarity(a: Fingerprint, b: Fingerprint, options: DuplicateOptions = {}, idf?: Idf): Similarity {
  const o = { ...DEFAULTS, ...options };
  const text = weightedCosine(a.shingles, b.shingles, idf);
  const reasons: SimilarityReason[] = [{ kind: 'text', similarity: Math.round(text * 1000) / 1000 }];
  let score = text;
  // One company or village, but different subjects (wages vs. dust): agreement on who and where says nothing.
  const sameSubject = a.subjects.size === 0 || b.subjects.size === 0 || shared(a.subjects, b.subjects) !== null;
  const r = sameSubject ? shared(a.respondents, b.respondents) : null;
  if (r !== null) {
    score += o.respondentBonus;
    reasons.push({ kind: 'sameRespondent', key: r });
  }
  const p = sameSubject ? sharedPlace(a.places, b.places) : null;
  if (p !== null) {
    score += isTown(p) ? o.placeBonus : o.finePlaceBonus;
    reasons.push({ kind: 'samePlace', key: p });
  }
  const towns = placeConflict(a.places, b.places);
  if (towns !== null && o.placeConflictPenalty > 0) {
    score -= o.placeConflictPenalty;
    reasons.push({ kind: 'differentPlaces', places: towns });
  }
  if (a.personKey !== null && a.personKey === b.personKey) {
    score += o.personBonus;
    reasons.push({ kind: 'samePetitioner' });
  }
  const [small, large] = a.facts.size <= b.facts.size ? [a.facts, b.facts] : [b.facts, a.facts];
  const common = [...small].filter((f) => large.has(f)).sort();
  if (common.length > 0) {
    score += Math.min(o.factCap, o.factBonus * common.reduce((sum, f) => sum + factWeight(f), 0));
    reasons.push({ kind: 'sameFacts', facts: common });
  }
  const conflict = unitConflict(a.facts, b.facts);
  if (conflict !== null) {
    score -= o.conflictPenalty;
    reasons.push({ kind: 'differentUnits', facts: conflict });
  }
  if (text < o.minText) score = Math.min(score, text);
  return { score: Math.round(score * 1000) / 1000, text, reasons };
}

/** Whether a similarity says "the same matter". */
export function isSameMatter(s: Similarity, options: DuplicateOptions = {}): boolean {
  return s.score >= (options.threshold ?? DEFAULTS.threshold);
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
  const o = { ...DEFAULTS, ...options };
  const fps = items.map(fingerprint);
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
