// Near-duplicate signatures: shingles of a normalised text, a MinHash signature (NUM_HASHES 32-bit values
// from fixed seeds, so a signature computed today matches one stored last year), and LSH band keys
// (strings, so a database can index them: two petitions are candidates when they share any band key).

import { fmix32, fnv1a32 } from './hash';
import { normalise } from './normalise';
import { hanRuns, tokens } from './segment';

export const NUM_HASHES = 128;
/** Rows per band: 64 bands of 2 rows make pairs with Jaccard ≈ 0.2 candidates with probability ≈ 0.93. */
export const BAND_ROWS = 2;
export const SIGNATURE_VERSION = 1;

// Fixed seeds: (a, b) pairs of the universal family h(x) = a·x + b over 32 bits, a odd.
const SEEDS_A = new Uint32Array(NUM_HASHES);
const SEEDS_B = new Uint32Array(NUM_HASHES);
for (let i = 0; i < NUM_HASHES; i++) {
  SEEDS_A[i] = (fmix32(0x9e3779b9 + i * 2) | 1) >>> 0;
  SEEDS_B[i] = fmix32(0x7f4a7c15 + i * 2 + 1);
}

/**
 * The shingles of an already normalised text: its content words (jieba, no stopwords) and the character
 * trigrams of its Chinese runs. Digits and placeholders are left out, so "38600元" and "三万八千六百元" or a
 * phone number given or not do not change the set much.
 */
export function shingles(normalised: string): Set<string> {
  const out = new Set<string>();
  for (const w of tokens(normalised)) out.add(`w${w}`);
  for (const run of hanRuns(normalised)) {
    const chars = Array.from(run);
    for (let i = 0; i + 3 <= chars.length; i++) out.add(`${chars[i]}${chars[i + 1]}${chars[i + 2]}`);
  }
  return out;
}

/** MinHash signature of a set of shingles (all 0xffffffff for an empty set). */
export function minhash(set: Iterable<string>): Uint32Array {
  const sig = new Uint32Array(NUM_HASHES).fill(0xffffffff);
  for (const sh of set) {
    const x = fmix32(fnv1a32(sh));
    for (let i = 0; i < NUM_HASHES; i++) {
      const v = fmix32((Math.imul(SEEDS_A[i] as number, x) + (SEEDS_B[i] as number)) >>> 0);
      if (v < (sig[i] as number)) sig[i] = v;
    }
  }
  return sig;
}

/** The MinHash signature of a raw text (normalised first). */
export function textSignature(text: string): Uint32Array {
  return minhash(shingles(normalise(text)));
}

/** Estimated Jaccard similarity of two signatures: the share of positions where they agree. */
export function signatureSimilarity(a: Uint32Array, b: Uint32Array): number {
  const n = Math.min(a.length, b.length);
  if (n === 0) return 0;
  let same = 0;
  for (let i = 0; i < n; i++) if (a[i] === b[i] && a[i] !== 0xffffffff) same++;
  return same / n;
}

/**
 * LSH band keys of a signature: `v1:<band>:<hex hash of the band's rows>`. Store one row per key (e.g. a
 * `text_signatures(band_key)` index) and look candidates up by equality.
 */
export function bandKeys(sig: Uint32Array, rows = BAND_ROWS): string[] {
  const keys: string[] = [];
  for (let start = 0, band = 0; start + rows <= sig.length; start += rows, band++) {
    let h = 0x811c9dc5 ^ band;
    for (let r = 0; r < rows; r++) h = fmix32(Math.imul(h ^ (sig[start + r] as number), 0x01000193));
    if (sig[start] === 0xffffffff) continue;
    keys.push(`v${SIGNATURE_VERSION}:${band}:${h.toString(16).padStart(8, '0')}`);
  }
  return keys;
}

/** Exact Jaccard similarity of two sets. */
export function jaccard(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  if (a.size === 0 && b.size === 0) return 0;
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  let inter = 0;
  for (const x of small) if (large.has(x)) inter++;
  return inter / (a.size + b.size - inter);
}
