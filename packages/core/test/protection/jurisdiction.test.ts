import { describe, expect, it } from 'vitest';
import {
  isValidJurisdictionCode,
  isWithin,
  jurisdictionLevel,
  jurisdictionPrefix,
  parentJurisdiction,
} from '../../src/protection/index';

describe('isValidJurisdictionCode', () => {
  it.each([
    ['330000', true],
    ['330100', true],
    ['330102', true],
    ['330102001', true],
    ['330102001001', true],
    ['441900003', true], // a town directly under a city without counties (Dongguan)
    ['110101', true],
    ['', false],
    ['33', false],
    ['3301', false],
    ['000000', false],
    ['330002', false], // a county pair without a city pair
    ['910000', false],
    ['300000', false],
    ['33010a', false],
    ['330000001', false], // a town directly under a province
    ['330102000', false],
    ['330102001000', false],
    ['3301020010', false],
    [' 330102', false],
  ])('%j → %s', (code, expected) => {
    expect(isValidJurisdictionCode(code)).toBe(expected);
  });
});

describe('jurisdictionLevel / jurisdictionPrefix / parentJurisdiction', () => {
  it.each([
    ['330000', 'province', '33', null],
    ['330100', 'city', '3301', '330000'],
    ['330102', 'county', '330102', '330100'],
    ['330102001', 'town', '330102001', '330102'],
    ['330102001001', 'village', '330102001001', '330102001'],
    ['441900', 'city', '4419', '440000'],
    ['441900003', 'town', '441900003', '441900'],
  ])('%s is a %s, prefix %s, parent %s', (code, level, prefix, parent) => {
    expect(jurisdictionLevel(code)).toBe(level);
    expect(jurisdictionPrefix(code)).toBe(prefix);
    expect(parentJurisdiction(code)).toBe(parent);
  });

  it('walks a village up to the province and stops', () => {
    const chain: string[] = [];
    for (let c: string | null = '330102001001'; c !== null; c = parentJurisdiction(c)) chain.push(c);
    expect(chain).toEqual(['330102001001', '330102001', '330102', '330100', '330000']);
  });

  it.each(['', '33', 'abcdef', '330002'])('throws a RangeError for %j', (code) => {
    expect(() => jurisdictionLevel(code)).toThrow(RangeError);
    expect(() => jurisdictionPrefix(code)).toThrow(RangeError);
    expect(() => parentJurisdiction(code)).toThrow(RangeError);
  });
});

describe('isWithin', () => {
  it.each([
    ['330102', '330102', true],
    ['330102', '330100', true],
    ['330102', '330000', true],
    ['330102001001', '330000', true],
    ['330102001001', '330102001', true],
    ['330102001', '330102', true],
    ['330100', '330100', true],
    ['330100001', '330100', true],
    ['330100', '330102', false], // a parent is not inside its child
    ['330106', '330102', false], // a sibling county
    ['330102002', '330102001', false], // a sibling town
    ['331000', '330100', false],
    ['340102', '330000', false],
    ['3301', '330000', false], // invalid code
    ['330102', 'xx', false], // invalid ancestor
    ['330102001001', '330102001001', true],
  ])('%s within %s → %s', (code, ancestor, expected) => {
    expect(isWithin(code, ancestor)).toBe(expected);
  });
});
