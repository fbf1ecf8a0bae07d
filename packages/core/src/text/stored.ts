// A fingerprint as a database stores it: shingles as 32-bit hashes (an int4[] column), respondents, places
// and subjects as text arrays. A word's hash is odd and a character trigram's even, so the words (which the
// pair model weighs on their own) are known again from the hashes alone. `fromStored` rebuilds a Fingerprint that `similarity` compares exactly as the
// original, provided both sides are in the stored form (`toStoredForm` converts a fresh fingerprint).

import type { Fingerprint } from './dedup';
import { fnv1a32 } from './hash';

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

/** The signed 32-bit hash of one shingle (the stored form): odd for a word (`w…`), even for a character trigram. */
export function shingleHash(shingle: string): number {
  const h = fnv1a32(shingle);
  return (shingle.startsWith('w') ? h | 1 : h & ~1) | 0;
}

/** Fingerprints stored before words were told by their hash's parity (and lexicon tags were kept) are older. */
export const FINGERPRINT_VERSION = 2;

/** What to store of a fingerprint (facts always given: an empty list, not NULL, when the text names none). */
export function storeFingerprint(fp: Fingerprint): StoredFingerprint & { facts: string[]; version: number } {
  const hashes = [...new Set([...fp.shingles].map(shingleHash))].sort((a, b) => a - b);
  return {
    shingles: hashes,
    respondents: [...fp.respondents].sort(),
    places: [...fp.places].sort(),
    subjects: [...fp.subjects].sort(),
    facts: [...fp.facts].sort(),
    version: FINGERPRINT_VERSION,
  };
}

/**
 * A fingerprint rebuilt from its stored form; its shingles are the hashes written as decimal strings. The one
 * conversion from a stored row (the server's analysis_fingerprints row can be passed as it is) to a Fingerprint.
 */
export function fromStored(id: string, s: Readonly<StoredFingerprint>, personKey: string | null = null): Fingerprint {
  return {
    id,
    shingles: new Set(s.shingles.map(String)),
    words: new Set(s.shingles.filter((h) => (h & 1) === 1).map(String)),
    signature: new Uint32Array(0),
    bands: [],
    respondents: new Set(s.respondents),
    places: new Set(s.places),
    personKey,
    subjects: new Set(s.subjects),
    facts: new Set(s.facts ?? []),
  };
}

/** A fresh fingerprint in the stored form (shingles hashed), to compare with stored ones. */
export function toStoredForm(fp: Fingerprint): Fingerprint {
  return { ...fromStored(fp.id, storeFingerprint(fp), fp.personKey), signature: fp.signature, bands: fp.bands };
}
