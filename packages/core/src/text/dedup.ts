// Near-duplicate detection: which petitions are about the same concrete matter. Each petition gets a
// fingerprint (shingles, MinHash signature, LSH band keys, respondent and place keys); candidates are pairs
// sharing a band key or a respondent/place key (what a database index would return); a candidate pair is
// judged by a similarity with reasons, and `groupDuplicates` joins judged pairs with union-find.

import { bandKeys, minhash, shingles } from './minhash';
import { extractEntities, placeKey, respondentKey } from './entities';
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
  /** Pairs at or above this score are the same matter (default 0.3). */
  threshold?: number;
  /** Added when the respondents agree (default 0.2). */
  respondentBonus?: number;
  /** Added when the places agree (default 0.05). */
  placeBonus?: number;
  /** Added when the petitioner's keyed hash is equal (default 0.25). */
  personBonus?: number;
  /** Below this text similarity nothing else makes a pair the same matter (default 0.03). */
  minText?: number;
}

/**
 * Chosen on two thirds of the dev set's matters (the "tune" part, see BENCHMARKS.md); the other third was
 * not looked at until the figures were reported.
 */
export const DUPLICATE_DEFAULTS: Readonly<Required<DuplicateOptions>> = {
  threshold: 0.3,
  respondentBonus: 0.2,
  placeBonus: 0.05,
  personBonus: 0.25,
  minText: 0.03,
};
const DEFAULTS = DUPLICATE_DEFAULTS;

export type SimilarityReason =
  | { kind: 'text'; similarity: number }
  | { kind: 'sameRespondent'; key: string }
  | { kind: 'samePlace'; key: string }
  | { kind: 'samePetitioner' };

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
  return { id: item.id, shingles: sh, signature, bands: bandKeys(signature), respondents, places, personKey: item.personKey ?? null, subjects: new Set(subjects(normalised)) };
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
  const p = sameSubject ? shared(a.places, b.places) : null;
  if (p !== null) {
    score += o.placeBonus;
    reasons.push({ kind: 'samePlace', key: p });
  }
  if (a.personKey !== null && a.personKey === b.personKey) {
    score += o.personBonus;
    reasons.push({ kind: 'samePetitioner' });
  }
  if (text < o.minText) score = Math.min(score, text);
  return { score: Math.round(score * 1000) / 1000, text, reasons };
}

/** Whether a similarity says "the same matter". */
export function isSameMatter(s: Similarity, options: DuplicateOptions = {}): boolean {
  return s.score >= (options.threshold ?? DEFAULTS.threshold);
}

/**
 * Group a batch of petitions by matter: candidates from shared keys, verified by `similarity`, joined by
 * union-find. Returns a group id for each item, in input order (the id of the group's first item).
 */
export function groupDuplicates(items: readonly DuplicateInput[], options: DuplicateOptions = {}): string[] {
  const fps = items.map(fingerprint);
  const idf = idfFrom(documentFrequencies(fps), fps.length);
  const parent = fps.map((_, i) => i);
  const find = (i: number): number => {
    let r = i;
    while (parent[r] !== r) r = parent[r] as number;
    while (parent[i] !== r) {
      const next = parent[i] as number;
      parent[i] = r;
      i = next;
    }
    return r;
  };
  const byKey = new Map<string, number[]>();
  fps.forEach((fp, i) => {
    for (const k of candidateKeys(fp)) {
      const list = byKey.get(k) ?? [];
      list.push(i);
      byKey.set(k, list);
    }
  });
  const seen = new Set<number>();
  for (const list of byKey.values()) {
    for (let x = 0; x < list.length; x++) {
      for (let y = x + 1; y < list.length; y++) {
        const i = list[x] as number;
        const j = list[y] as number;
        const pairKey = i * fps.length + j;
        if (seen.has(pairKey)) continue;
        seen.add(pairKey);
        if (find(i) === find(j)) continue;
        if (isSameMatter(similarity(fps[i] as Fingerprint, fps[j] as Fingerprint, options, idf), options)) {
          parent[find(j)] = find(i);
        }
      }
    }
  }
  // Name each group after its earliest member.
  const first = new Map<number, string>();
  return fps.map((fp, i) => {
    const r = find(i);
    let name = first.get(r);
    if (name === undefined) first.set(r, (name = fp.id));
    return name;
  });
}
