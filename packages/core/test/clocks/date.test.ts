import { describe, it, expect } from 'vitest';
import {
  addDays,
  chinaDate,
  compareDates,
  daysBetween,
  endOfChinaDay,
  isIsoDate,
  maxDate,
  minDate,
  startOfChinaDay,
  weekday,
} from '../../src/clocks';

describe('isIsoDate', () => {
  it.each([
    ['2026-02-28', true],
    ['2026-12-31', true],
    ['2024-02-29', true], // 2024 is a leap year
    ['2000-02-29', true], // divisible by 400: leap
    ['2026-02-29', false], // 2026 is not a leap year
    ['2100-02-29', false], // divisible by 100, not 400: not leap
    ['2026-02-30', false],
    ['2026-04-31', false], // April has 30 days
    ['2026-13-01', false],
    ['2026-00-10', false],
    ['2026-01-00', false],
    ['0000-01-01', false], // no year 0 in PostgreSQL's calendar
    ['0001-01-01', true],
    ['2026-1-5', false],
    ['2026-01-05T00:00', false],
    [' 2026-01-05', false],
    ['2026/01/05', false],
    ['', false],
    [20260105, false],
    [null, false],
    [undefined, false],
  ])('isIsoDate(%j) is %s', (s, expected) => {
    expect(isIsoDate(s)).toBe(expected);
  });
});

describe('chinaDate (UTC+8)', () => {
  it.each([
    ['2026-03-01T15:59:59.999Z', '2026-03-01'], // 23:59:59.999 in Beijing
    ['2026-03-01T16:00:00.000Z', '2026-03-02'], // midnight in Beijing
    ['2026-03-02T00:00:00.000Z', '2026-03-02'], // UTC midnight is 08:00 in Beijing
    ['2026-03-01T23:59:59.999Z', '2026-03-02'],
    ['2025-12-31T15:59:59.000Z', '2025-12-31'],
    ['2025-12-31T16:00:00.000Z', '2026-01-01'], // new year in Beijing, still 2025 in UTC
    ['2024-02-28T16:00:00.000Z', '2024-02-29'],
    ['2026-02-28T16:00:00.000Z', '2026-03-01'],
    ['2026-06-15T07:59:59.000+08:00', '2026-06-15'],
  ])('%s is %s in China', (instant, expected) => {
    expect(chinaDate(new Date(instant))).toBe(expected);
  });

  it('rejects an invalid Date', () => {
    expect(() => chinaDate(new Date('not a date'))).toThrow(/invalid Date/);
  });
});

describe('startOfChinaDay / endOfChinaDay', () => {
  it.each([
    ['2026-03-02', '2026-03-01T16:00:00.000Z', '2026-03-02T15:59:59.999Z'],
    ['2026-01-01', '2025-12-31T16:00:00.000Z', '2026-01-01T15:59:59.999Z'],
    ['2024-02-29', '2024-02-28T16:00:00.000Z', '2024-02-29T15:59:59.999Z'],
  ])('%s runs from %s to %s', (d, start, end) => {
    expect(startOfChinaDay(d).toISOString()).toBe(start);
    expect(endOfChinaDay(d).toISOString()).toBe(end);
    expect(chinaDate(startOfChinaDay(d))).toBe(d);
    expect(chinaDate(endOfChinaDay(d))).toBe(d);
  });
});

describe('addDays', () => {
  it.each([
    ['2026-03-02', 0, '2026-03-02'],
    ['2026-02-28', 1, '2026-03-01'],
    ['2024-02-28', 1, '2024-02-29'],
    ['2024-02-29', 1, '2024-03-01'],
    ['2026-12-31', 1, '2027-01-01'],
    ['2026-03-01', -1, '2026-02-28'],
    ['2026-01-01', -1, '2025-12-31'],
    ['2026-01-01', 365, '2027-01-01'],
    ['2024-01-01', 366, '2025-01-01'],
    ['2026-03-02', 15, '2026-03-17'],
    ['2026-03-02', 60, '2026-05-01'], // 29 days left in March, 30 in April, then May 1
  ])('%s + %i = %s', (d, n, expected) => {
    expect(addDays(d, n)).toBe(expected);
  });

  it.each([
    ['2026-02-30', 1],
    ['2026-3-2', 1],
    ['2026-03-02', 1.5],
    ['2026-03-02', Number.NaN],
  ])('addDays(%j, %d) throws', (d, n) => {
    expect(() => addDays(d, n)).toThrow(RangeError);
  });
});

describe('daysBetween (b - a)', () => {
  it.each([
    ['2026-03-02', '2026-03-17', 15],
    ['2026-03-17', '2026-03-02', -15],
    ['2026-02-28', '2026-03-01', 1],
    ['2024-02-28', '2024-03-01', 2],
    ['2026-01-01', '2027-01-01', 365],
    ['2024-01-01', '2025-01-01', 366],
    ['2026-05-05', '2026-05-05', 0],
  ])('from %s to %s is %i days', (a, b, expected) => {
    expect(daysBetween(a, b)).toBe(expected);
  });
});

describe('compareDates, maxDate, minDate', () => {
  it.each([
    ['2026-03-01', '2026-03-02', -1],
    ['2026-03-02', '2026-03-02', 0],
    ['2027-01-01', '2026-12-31', 1],
  ])('compareDates(%s, %s) = %i', (a, b, expected) => {
    expect(compareDates(a, b)).toBe(expected);
  });

  it.each([
    [['2026-03-02'], '2026-03-02', '2026-03-02'],
    [['2026-03-02', '2025-12-31', '2026-10-01'], '2026-10-01', '2025-12-31'],
    [['2027-01-01', '2026-12-31'], '2027-01-01', '2026-12-31'],
  ])('of %j the latest is %s and the earliest %s', (dates, max, min) => {
    const [first, ...rest] = dates as [string, ...string[]];
    expect(maxDate(first, ...rest)).toBe(max);
    expect(minDate(first, ...rest)).toBe(min);
  });

  it('rejects invalid dates', () => {
    expect(() => compareDates('2026-02-30', '2026-03-01')).toThrow(RangeError);
    expect(() => maxDate('2026-02-30')).toThrow(RangeError);
  });
});

describe('weekday (0 = Sunday)', () => {
  it.each([
    ['1970-01-01', 4], // Thursday
    ['2000-01-01', 6], // Saturday
    ['2024-02-29', 4], // Thursday
    ['2025-10-01', 3], // Wednesday
    ['2025-10-11', 6], // Saturday (adjusted workday)
    ['2026-02-14', 6], // Saturday (adjusted workday)
    ['2026-02-15', 0], // Sunday
    ['2026-03-02', 1], // Monday
    ['2027-01-01', 5], // Friday
    ['0001-01-01', 1], // Monday (proleptic Gregorian)
  ])('%s is day %i', (d, expected) => {
    expect(weekday(d)).toBe(expected);
  });
});
