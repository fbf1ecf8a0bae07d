import { describe, expect, it } from 'vitest';
import { statuses, statusText } from '../../src/petition/index';

describe('statusText: where a petition stands, in plain words', () => {
  it('has Chinese and English words for every status, each status its own', () => {
    const zh = new Set<string>();
    const en = new Set<string>();
    for (const s of statuses) {
      const m = statusText(s);
      expect(m.zh, s).toMatch(/\p{Script=Han}/u);
      expect(m.en, s).toMatch(/^[A-Z]/);
      zh.add(m.zh);
      en.add(m.en);
    }
    expect(zh.size).toBe(statuses.length);
    expect(en.size).toBe(statuses.length);
  });

  it('tells a resident the legal stage, e.g. a decline was explained in writing', () => {
    expect(statusText('declined').zh).toContain('不予受理');
    expect(statusText('underReview').en).toBe('Under review');
    expect(statusText('closed').zh).toContain('终结');
  });
});
