import { describe, expect, it } from 'vitest';
import { documentFrequencies, fingerprint, fromStored, idfFrom, similarity, storeFingerprint, weightedCosine } from '../../src/text/index';

const a = {
  id: 'a',
  text: '恒远建设工程有限公司拖欠我们柳塘镇幸福家园工地农民工工资四万六千元，请政府帮忙讨薪。',
  respondent: '恒远建设工程有限公司',
};
const b = {
  id: 'b',
  text: '來電人稱在柳塘鎮幸福家園工地做工，恆遠建設工程有限公司拖欠工資至今未結，要求儘快發放工資。',
};

describe('stored fingerprints', () => {
  it('round-trips through plain arrays (JSON / SQL) and compares as the original', () => {
    const fa = fingerprint(a);
    const fb = fingerprint(b);
    const stored = JSON.parse(JSON.stringify(storeFingerprint(fb)));
    expect(stored.shingles.every((x: number) => Number.isInteger(x) && x >= -(2 ** 31) && x < 2 ** 31)).toBe(true);
    expect(stored.shingles).toEqual([...stored.shingles].sort((x: number, y: number) => x - y));
    const direct = similarity(fa, fb);
    const viaStore = similarity(fa, fromStored('b', stored));
    // A fresh fingerprint holds the stored hashes: the pair scores exactly alike.
    expect(viaStore).toEqual(direct);
    const idf = idfFrom(documentFrequencies([fa, fb]), 2);
    expect(similarity(fa, fromStored('b', stored), {}, idf)).toEqual(similarity(fa, fb, {}, idf));
  });

  it('sorts stored hashes that come unsorted or repeated (a row written by hand) before merging', () => {
    const fb = fingerprint(b);
    const stored = storeFingerprint(fb);
    const shuffled = { ...stored, shingles: [...stored.shingles].reverse().concat(stored.shingles.slice(0, 5)) };
    const back = fromStored('b', shuffled);
    expect(Array.from(back.shingles)).toEqual(stored.shingles);
    expect(weightedCosine(back.shingles, fb.shingles)).toBeCloseTo(1, 12);
  });

  it('keeps the IDF weighting when document frequencies are counted over stored hashes', () => {
    const fa = fingerprint(a);
    const fb = fromStored('b', storeFingerprint(fingerprint(b)));
    const df = new Map<number, number>();
    for (const fp of [fa, fb]) for (const s of fp.shingles) df.set(s, (df.get(s) ?? 0) + 1);
    const s = similarity(fa, fb, {}, idfFrom(df, 2));
    expect(s.text).toBeGreaterThan(0);
    expect(s.reasons[0]?.kind).toBe('text');
  });
});
