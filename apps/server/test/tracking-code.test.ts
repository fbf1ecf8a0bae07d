import { describe, expect, it } from 'vitest';
import { newTrackingCode, normaliseTrackingCode } from '../src/lib/crypto';

describe('tracking codes as typed or read out', () => {
  it('reads case, spaces, dashes and the look-alike letters O, I and L as the code', () => {
    expect(normaliseTrackingCode('ab0c-1def-gh2j')).toBe('AB0C-1DEF-GH2J');
    expect(normaliseTrackingCode(' AB0C 1DEF GH2J ')).toBe('AB0C-1DEF-GH2J');
    expect(normaliseTrackingCode('ABOC-IDEF-GH2J')).toBe('AB0C-1DEF-GH2J');
    expect(normaliseTrackingCode('abocldefgh2j')).toBe('AB0C-1DEF-GH2J');
    expect(normaliseTrackingCode('AB0C_1DEF_GH2J')).toBe('AB0C-1DEF-GH2J');
  });

  it('leaves anything that is not twelve characters as it is, upper-cased, so it matches no code', () => {
    expect(normaliseTrackingCode('ab0c-1def')).toBe('AB0C-1DEF');
    expect(normaliseTrackingCode('欠薪')).toBe('欠薪');
    expect(normaliseTrackingCode(' 工资 ')).toBe('工资');
  });

  it('keeps every new code as it is', () => {
    for (let i = 0; i < 200; i++) {
      const code = newTrackingCode();
      expect(normaliseTrackingCode(code)).toBe(code);
      expect(normaliseTrackingCode(code.toLowerCase().replace(/-/g, ' '))).toBe(code);
    }
  });
});
