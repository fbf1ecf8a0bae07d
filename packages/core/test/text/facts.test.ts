import { describe, expect, it } from 'vitest';
import { chineseNumber, extractFacts, factLabel, normalise } from '../../src/text/index';

const facts = (text: string) => extractFacts(normalise(text));

describe('Chinese numbers', () => {
  it.each([
    ['三万八千六百', 38600],
    ['五万二千', 52000],
    ['四万六千八百', 46800],
    ['一百二十', 120],
    ['十一', 11],
    ['两千', 2000],
    ['二〇二四', 2024],
    ['三十七', 37],
  ])('%s = %d', (s, n) => {
    expect(chineseNumber(s)).toBe(n);
  });

  it('is null for what is not a number', () => {
    expect(chineseNumber('')).toBeNull();
    expect(chineseNumber('三个')).toBeNull();
  });
});

describe('facts of a petition', () => {
  it('reads sums the same however they are written', () => {
    expect(facts('被欠工资38600元')).toContain('a:38600');
    expect(facts('被欠薪水叁萬捌仟陆佰元')).toContain('a:38600');
    expect(facts('欠我三万八千六百块钱')).toContain('a:38600');
    expect(facts('共计3.86万元')).toContain('a:38600');
  });

  it('leaves out approximate and small sums', () => {
    expect(facts('合计一百二十多万元，每次收5元')).toEqual([]);
  });

  it('reads full dates and days of a month', () => {
    const f = facts('2024年1月9日做手术，1月15日去世，2023年6月交房');
    expect(f).toEqual(expect.arrayContaining(['d:2024-01-09', 'm:01-09', 'm:01-15', 'd:2023-06']));
  });

  it('reads buildings, ranges of buildings and rooms', () => {
    expect(facts('我家是华瑞·滨江府5栋1203')).toEqual(expect.arrayContaining(['b:5', 'u:1203']));
    expect(facts('红旗社区1至4栋的38户居民')).toEqual(['b:1', 'b:2', 'b:3', 'b:4', 'n:38']);
    expect(facts('3号楼两部电梯')).toContain('b:3');
  });

  it('reads head counts, not lengths of time', () => {
    expect(facts('我们37名农民工')).toContain('n:37');
    expect(facts('欠我们班组十一个人的工钱')).toContain('n:11');
    expect(facts('逾期交房9个月')).toEqual([]);
  });

  it('labels facts for a clerk', () => {
    expect(factLabel('a:38600').zh).toBe('38600元');
    expect(factLabel('d:2024-01-09').zh).toBe('2024年1月9日');
    expect(factLabel('b:5').en).toBe('building 5');
  });
});
