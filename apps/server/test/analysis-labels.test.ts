import { describe, expect, it } from 'vitest';
import { clusterLabel } from '../src/analysis/labels';

describe('hotspot labels', () => {
  it('name each kind of cluster in both languages, the English as a label on its own (capitalised)', () => {
    const names = { jurisdictions: new Map([['339902001', '新华街道']]), trackingCodes: new Map([['p1', 'QC-2026-000123']]) };
    expect(clusterLabel('respondent', '恒远', names)).toEqual({ zh: '被反映对象“恒远”', en: 'Respondent “恒远”' });
    expect(clusterLabel('placeDomain', 'j:339902001|labor', names)).toEqual({ zh: '新华街道·劳动保障（欠薪）', en: '新华街道 · Labour & wages' });
    expect(clusterLabel('repeat', 'p1', names)).toEqual({ zh: '重复信访链（首件 QC-2026-000123）', en: 'Repeat chain (first petition QC-2026-000123)' });
  });
});
