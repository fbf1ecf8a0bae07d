import { describe, expect, it } from 'vitest';
import { NAME_PLACEHOLDER, scrubText } from '../../src/analysis/scrub';

describe('scrubText (training texts from the database)', () => {
  const people = [{ name: '欧阳明轩', phone: '13912345678', idCard: '11010119900307663X', email: 'mx@example.com' }];

  it('takes out the petitioners’ names (full and given, either script), numbers and email', () => {
    const s = scrubText('我叫歐陽明軒，明轩是我的名字。电话13912345678，邮箱MX@example.com，身份证11010119900307663X。', people);
    for (const x of ['欧阳', '明轩', '軒', '13912345678', '663X', 'example']) expect(s).not.toContain(x);
    expect(s.split(NAME_PLACEHOLDER).length - 1).toBe(2);
  });

  it('masks long digit runs but keeps amounts, areas and short numbers', () => {
    const s = scrubText('银行卡号 6222-0212-3456-7890，座机 0571 8888 6666，拖欠工资1200000元，占地3500000平方米，住3号楼1201室。', []);
    expect(s).not.toMatch(/6222|7890|8888|6666/);
    expect(s).toContain('1200000元');
    expect(s).toContain('3500000平方米');
    expect(s).toContain('3号楼1201室');
  });

  it('leaves other people’s names alone (the respondent, an official)', () => {
    expect(scrubText('包工头李大强拖欠工资', people)).toContain('李大强');
  });
});
