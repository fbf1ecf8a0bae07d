import { describe, expect, it } from 'vitest';
import { normalise, toHalfWidth, toSimplified } from '../../src/text/normalise';
import { textSignature, signatureSimilarity, bandKeys, shingles } from '../../src/text/minhash';

describe('normalise', () => {
  it.each([
    ['區長您好', '区长您好'],
    ['恒遠建設工程有限公司', '恒远建设工程有限公司'],
    ['華府名苑3號樓電梯', '华府名苑3号楼电梯'],
    ['衞生院', '卫生院'],
    ['醫療事故鑑定', '医疗事故鉴定'],
    ['我們聯名反映', '我们联名反映'],
  ])('traditional %s -> simplified %s', (t, s) => {
    expect(toSimplified(t)).toBe(s);
    expect(toSimplified(s)).toBe(s);
  });

  it.each([
    ['１２３４５', '12345'],
    ['ＡＢＣ', 'ABC'],
    ['（３号楼）', '(3号楼)'],
    ['a\u3000b', 'a b'],
  ])('full-width %s -> half-width %s', (full, half) => {
    expect(toHalfWidth(full)).toBe(half);
  });

  it('unifies punctuation and spacing', () => {
    expect(normalise('他說：「問題很嚴重」！！ 請 處理…')).toBe('他说：问题很严重。请处理。');
    expect(normalise('一、二,三')).toBe('一，二，三');
  });

  it('masks phone and ID numbers but keeps amounts and counts', () => {
    const n = normalise('电话：13912345678，身份证330102199001011234，欠工资38600元，共37人。来电号码：139****2015');
    expect(n).toContain('TEL');
    expect(n).toContain('IDNO');
    expect(n).not.toContain('13912345678');
    expect(n).not.toContain('2015');
    expect(n).toContain('38600元');
    expect(n).toContain('37人');
  });

  it('turns capital numerals into ordinary ones', () => {
    expect(normalise('叁萬捌仟陸佰元')).toBe('三万八千六百元');
  });
});

describe('signatures across scripts', () => {
  const simplified =
    '我住在桃源街道华府名苑3号楼，我们这栋楼的电梯今年以来已经多次故障停运、困人。物业来修了一次，没过两个星期又坏了。电话：133 1234 4172';
  const traditional =
    '我住在桃源街道華府名苑３號樓，我們這棟樓的電梯今年以來已經多次故障停運、困人！物業來修了一次，沒過兩個星期又壞了。電話：13312344172';

  it('gives the same normalised text, shingles, signature and band keys', () => {
    expect(normalise(traditional)).toBe(normalise(simplified));
    expect([...shingles(normalise(traditional))]).toEqual([...shingles(normalise(simplified))]);
    const a = textSignature(simplified);
    const b = textSignature(traditional);
    expect(Array.from(a)).toEqual(Array.from(b));
    expect(signatureSimilarity(a, b)).toBe(1);
    expect(bandKeys(a)).toEqual(bandKeys(b));
  });

  it('is deterministic and tells different texts apart', () => {
    const other = textSignature('建议在龙潭乡桃源村设几个垃圾收集点，现在村里没有固定的垃圾桶。');
    expect(Array.from(textSignature(simplified))).toEqual(Array.from(textSignature(simplified)));
    expect(signatureSimilarity(textSignature(simplified), other)).toBeLessThan(0.2);
    expect(bandKeys(textSignature(simplified))[0]).toMatch(/^v1:0:[0-9a-f]{8}$/);
  });
});
