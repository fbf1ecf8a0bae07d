// A small seeded PRNG (sfc32, seeded through cyrb128) so that the demo world is the same on every run.
// Not for anything secret: it exists to make demo data reproducible.

export interface Rng {
  /** A float in [0, 1). */
  next(): number;
  /** An integer in [min, max], both ends included. */
  int(min: number, max: number): number;
  /** One element of a non-empty array. */
  pick<T>(items: readonly T[]): T;
  /** One value, chosen with probability proportional to its weight. */
  weighted<T>(pairs: readonly (readonly [T, number])[]): T;
  /** True with probability p. */
  chance(p: number): boolean;
  /** A shuffled copy. */
  shuffle<T>(items: readonly T[]): T[];
  /** n distinct elements (or all of them when there are fewer), in random order. */
  sample<T>(items: readonly T[], n: number): T[];
  /** An independent generator derived from this one's state and a label (draws once from this one). */
  fork(label: string): Rng;
}

/** cyrb128: hashes a string into four 32-bit seeds. */
function cyrb128(text: string): [number, number, number, number] {
  let h1 = 1779033703;
  let h2 = 3144134277;
  let h3 = 1013904242;
  let h4 = 2773480762;
  for (let i = 0; i < text.length; i++) {
    const k = text.charCodeAt(i);
    h1 = h2 ^ Math.imul(h1 ^ k, 597399067);
    h2 = h3 ^ Math.imul(h2 ^ k, 2869860233);
    h3 = h4 ^ Math.imul(h3 ^ k, 951274213);
    h4 = h1 ^ Math.imul(h4 ^ k, 2716044179);
  }
  h1 = Math.imul(h3 ^ (h1 >>> 18), 597399067);
  h2 = Math.imul(h4 ^ (h2 >>> 22), 2869860233);
  h3 = Math.imul(h1 ^ (h3 >>> 17), 951274213);
  h4 = Math.imul(h2 ^ (h4 >>> 19), 2716044179);
  h1 ^= h2 ^ h3 ^ h4;
  h2 ^= h1;
  h3 ^= h1;
  h4 ^= h1;
  return [h1 >>> 0, h2 >>> 0, h3 >>> 0, h4 >>> 0];
}

function sfc32(a0: number, b0: number, c0: number, d0: number): () => number {
  let a = a0;
  let b = b0;
  let c = c0;
  let d = d0;
  const step = (): number => {
    a |= 0;
    b |= 0;
    c |= 0;
    d |= 0;
    const t = (((a + b) | 0) + d) | 0;
    d = (d + 1) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) | 0;
    return (t >>> 0) / 4294967296;
  };
  // Warm up: the first outputs of sfc32 are poorly mixed.
  for (let i = 0; i < 15; i++) step();
  return step;
}

/** A seeded generator. The same seed gives the same sequence on every platform. */
export function createRng(seed: number | string): Rng {
  const [a, b, c, d] = cyrb128(`qiao-demo:${String(seed)}`);
  return wrap(sfc32(a, b, c, d));
}

function wrap(next: () => number): Rng {
  const int = (min: number, max: number): number => {
    if (!Number.isInteger(min) || !Number.isInteger(max) || max < min) {
      throw new RangeError(`int(${min}, ${max}): need integers with min <= max`);
    }
    return min + Math.floor(next() * (max - min + 1));
  };
  const pick = <T>(items: readonly T[]): T => {
    if (items.length === 0) throw new RangeError('pick() from an empty array');
    return items[Math.floor(next() * items.length)] as T;
  };
  const shuffle = <T>(items: readonly T[]): T[] => {
    const out = [...items];
    for (let i = out.length - 1; i > 0; i--) {
      const j = Math.floor(next() * (i + 1));
      const tmp = out[i] as T;
      out[i] = out[j] as T;
      out[j] = tmp;
    }
    return out;
  };
  return {
    next,
    int,
    pick,
    weighted<T>(pairs: readonly (readonly [T, number])[]): T {
      let total = 0;
      for (const [, w] of pairs) total += Math.max(0, w);
      if (pairs.length === 0 || total <= 0) throw new RangeError('weighted() needs a positive total weight');
      let r = next() * total;
      for (const [value, w] of pairs) {
        r -= Math.max(0, w);
        if (r < 0) return value;
      }
      return (pairs[pairs.length - 1] as readonly [T, number])[0];
    },
    chance(p: number): boolean {
      return next() < p;
    },
    shuffle,
    sample<T>(items: readonly T[], n: number): T[] {
      return shuffle(items).slice(0, Math.max(0, n));
    },
    fork(label: string): Rng {
      const salt = Math.floor(next() * 4294967296);
      const [a, b, c, d] = cyrb128(`${label}:${salt}`);
      return wrap(sfc32(a, b, c, d));
    },
  };
}
