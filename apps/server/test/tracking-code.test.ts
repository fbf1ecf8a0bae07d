import { describe, expect, it } from 'vitest';
import { newTrackingCode, normaliseTrackingCode, trackingCodePrefix } from '../src/lib/crypto';

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

  it('reads the start of a code the same way, in the stored groups of four, from one group to a whole code', () => {
    expect(trackingCodePrefix('7k3m')).toBe('7K3M');
    expect(trackingCodePrefix('7K3M-Q9')).toBe('7K3M-Q9');
    expect(trackingCodePrefix('7k3mq9')).toBe('7K3M-Q9');
    expect(trackingCodePrefix('7K3-MQ9 X')).toBe('7K3M-Q9X');
    expect(trackingCodePrefix(' 7k3m_q9xa ')).toBe('7K3M-Q9XA');
    expect(trackingCodePrefix('ab0c-idef-gh')).toBe('AB0C-1DEF-GH');
    expect(trackingCodePrefix('abocldefgh2j')).toBe(normaliseTrackingCode('abocldefgh2j'));
  });

  it('reads no start of a code from under a group, more than a code, or anything but code characters', () => {
    for (const text of ['7K3', '7-K-3', '', '7K3M-Q9XA-2BCD-7', '7K3M 工资', '欠薪欠薪', 'ABCU', '7K3M%', '7K3M.Q9']) {
      expect(trackingCodePrefix(text), text).toBeNull();
    }
  });

  it('keeps every new code as it is', () => {
    for (let i = 0; i < 200; i++) {
      const code = newTrackingCode();
      expect(normaliseTrackingCode(code)).toBe(code);
      expect(normaliseTrackingCode(code.toLowerCase().replace(/-/g, ' '))).toBe(code);
    }
  });
});
