// A fingerprint as a database stores it: shingles as 32-bit hashes (an int4[] column), respondents, places
// and subjects as text arrays. A word's hash is odd and a character trigram's even, so the words (which the
// pair model weighs on their own) are known again from the hashes alone. A fresh fingerprint holds the same
// hashes, so `fromStored` rebuilds one that `similarity` compares exactly as the original.

import type { Fingerprint } from './dedup';
import { sortedHashes } from './hash';

export interface StoredFingerprint {
  /** fnv1a32 of each shingle as a signed 32-bit integer (PostgreSQL int4), sorted, without repeats. */
  shingles: number[];
  respondents: string[];
  places: string[];
  subjects: string[];
  /** Concrete facts (facts.ts); absent (or NULL in a database) in fingerprints stored before facts were kept. */
  facts?: readonly string[] | null;
  /** FINGERPRINT_VERSION when it was made; older ones compare poorly with new ones until re-indexed. */
  version?: number;
}

/**
 * 2: words told by their hash's parity, lexicon tags kept. 3: issue concepts with tighter words (120 only as a
 * number of its own, 押金 no longer a dismissal ...) and respondents and places without the fragments the
 * entity rules took for names (约谈公司, 经老乡, 住房和城乡), so the stored subjects and keys of version 2 are out of date.
 * 4: places and institutions with their level said once (长塘村村口 gives 长塘村, not 长塘村村; 沙洲镇镇卫生院 gives
 * 沙洲镇卫生院), so such keys of version 3 are out of date.
 * 5: a company's respondent key says its line of business when its name does (远航·纺织, 远航·塑料: two companies;
 * 恒华 alone still meets either), so version 4's bare trade names merge different companies.
 */
export const FINGERPRINT_VERSION = 5;

/** What to store of a fingerprint (facts always given: an empty list, not NULL, when the text names none). */
export function storeFingerprint(fp: Fingerprint): StoredFingerprint & { facts: string[]; version: number } {
  return {
    shingles: Array.from(fp.shingles),
    respondents: [...fp.respondents].sort(),
    places: [...fp.places].sort(),
    subjects: [...fp.subjects].sort(),
    facts: [...fp.facts].sort(),
    version: FINGERPRINT_VERSION,
  };
}

/**
 * A fingerprint rebuilt from its stored form, to compare with a fresh one (`similarity` scores the pair as it
 * scores the two fresh fingerprints: both hold the same hashes). The one conversion from a stored row (the
 * server's analysis_fingerprints row can be passed as it is) to a Fingerprint.
 */
export function fromStored(id: string, s: Readonly<StoredFingerprint>, personKey: string | null = null): Fingerprint {
  const shingles = isSortedSet(s.shingles) ? Int32Array.from(s.shingles) : sortedHashes(s.shingles);
  return {
    id,
    shingles,
    words: shingles.filter((h) => (h & 1) === 1),
    signature: new Uint32Array(0),
    bands: [],
    respondents: new Set(s.respondents),
    places: new Set(s.places),
    personKey,
    subjects: new Set(s.subjects),
    facts: new Set(s.facts ?? []),
  };
}

/** Whether hashes are strictly increasing (as stored): then they need no sorting. */
function isSortedSet(hashes: readonly number[]): boolean {
  for (let i = 1; i < hashes.length; i++) if ((hashes[i] as number) <= (hashes[i - 1] as number)) return false;
  return true;
}
