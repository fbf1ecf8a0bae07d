// 32-bit hashing in plain JavaScript (Math.imul), deterministic across machines and runs.

/** FNV-1a over the UTF-16 code units of a string, as an unsigned 32-bit integer. */
export function fnv1a32(s: string, seed = 0x811c9dc5): number {
  let h = seed >>> 0;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** The murmur3 finaliser: spreads the bits of a 32-bit integer. */
export function fmix32(x: number): number {
  let h = x >>> 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** The signed 32-bit hash of one shingle (as stored, in an int4[]): odd for a word (`w…`), even for a character trigram. */
export function shingleHash(shingle: string): number {
  const h = fnv1a32(shingle);
  return (shingle.startsWith('w') ? h | 1 : h & ~1) | 0;
}

/** Hashes sorted, without repeats: the form fingerprints hold them in, compared by merging. */
export function sortedHashes(hashes: Iterable<number>): Int32Array {
  return Int32Array.from(new Set(hashes)).sort();
}
