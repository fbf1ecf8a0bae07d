import { describe, it, expect } from 'vitest';
import {
  createCalendar,
  HolidayDataError,
  mergeHolidayData,
  officialHolidays,
  parseHolidayData,
  type HolidayData,
} from '../../src/clocks';

const cal = createCalendar(officialHolidays);

describe('official calendar 2025–2026', () => {
  it.each([
    // 2026 Spring Festival: Feb 15 (Sun) – Feb 23 (Mon) off; Feb 14 (Sat) and Feb 28 (Sat) worked
    ['2026-02-13', true, false], // Friday
    ['2026-02-14', true, false], // Saturday, adjusted workday
    ['2026-02-15', false, true], // Sunday inside the block
    ['2026-02-16', false, true], // Monday
    ['2026-02-17', false, true], // 春节 (正月初一)
    ['2026-02-23', false, true], // Monday, last day
    ['2026-02-24', true, false], // Tuesday
    ['2026-02-28', true, false], // Saturday, adjusted workday
    ['2026-03-01', false, false], // ordinary Sunday
    // 2025 National Day + Mid-Autumn: Oct 1 (Wed) – Oct 8 (Wed) off; Sep 28 (Sun) and Oct 11 (Sat) worked
    ['2025-09-27', false, false], // ordinary Saturday
    ['2025-09-28', true, false], // Sunday, adjusted workday
    ['2025-09-30', true, false], // Tuesday
    ['2025-10-01', false, true],
    ['2025-10-04', false, true], // Saturday inside the block
    ['2025-10-06', false, true], // 中秋 (Monday)
    ['2025-10-08', false, true], // Wednesday, last day
    ['2025-10-09', true, false], // Thursday
    ['2025-10-11', true, false], // Saturday, adjusted workday
    ['2025-10-12', false, false], // ordinary Sunday
    // 2026 New Year: Jan 1 (Thu) – Jan 3 (Sat) off, Jan 4 (Sun) worked
    ['2026-01-02', false, true], // Friday
    ['2026-01-04', true, false], // Sunday, adjusted workday
    ['2026-01-05', true, false], // Monday
    // 2026 Qingming Apr 4 (Sat) – Apr 6 (Mon)
    ['2026-04-03', true, false],
    ['2026-04-06', false, true],
    ['2026-04-07', true, false],
  ])('%s: working %s, holiday %s', (d, working, holiday) => {
    expect(cal.isWorkingDay(d)).toBe(working);
    expect(cal.isHoliday(d)).toBe(holiday);
  });

  it('names its official and provisional years', () => {
    expect(cal.years()).toEqual([2025, 2026]);
    expect(cal.provisionalYears()).toEqual([2027]);
  });

  it('rejects invalid dates', () => {
    expect(() => cal.isWorkingDay('2026-02-30')).toThrow(RangeError);
    expect(() => cal.isHoliday('2026-2-3')).toThrow(RangeError);
  });
});

describe('provisional 2027 (statutory days only)', () => {
  it.each([
    ['2027-01-01', false, true], // 元旦, Friday
    ['2027-02-04', true, false], // Thursday before 除夕
    ['2027-02-05', false, true], // 除夕, Friday
    ['2027-02-06', false, true], // 正月初一, Saturday
    ['2027-02-08', false, true], // 初三, Monday
    ['2027-02-09', true, false], // Tuesday: no bridge days until the official arrangement
    ['2027-04-05', false, true], // 清明, Monday
    ['2027-05-03', true, false], // Monday after 劳动节 (May 1–2, a weekend)
    ['2027-06-09', false, true], // 端午, Wednesday
    ['2027-09-15', false, true], // 中秋, Wednesday
    ['2027-10-01', false, true], // 国庆, Friday
    ['2027-10-04', true, false], // Monday
  ])('%s: working %s, holiday %s', (d, working, holiday) => {
    expect(cal.isWorkingDay(d)).toBe(working);
    expect(cal.isHoliday(d)).toBe(holiday);
  });
});

describe('years without data: weekends off, weekdays working', () => {
  const empty = createCalendar({ years: {} });
  it.each([
    ['2024-10-01', true], // Tuesday (a holiday in reality, but no data for 2024)
    ['2030-01-01', true], // Tuesday
    ['2030-01-05', false], // Saturday
    ['2030-01-06', false], // Sunday
    ['2026-02-17', true], // Tuesday: this calendar has no 2026 data
  ])('%s working %s', (d, working) => {
    expect(empty.isWorkingDay(d)).toBe(working);
    expect(empty.isHoliday(d)).toBe(false);
  });

  it('has no years', () => {
    expect(empty.years()).toEqual([]);
    expect(empty.provisionalYears()).toEqual([]);
  });
});

describe('parseHolidayData', () => {
  it('accepts the shape of holidays-cn.json, dropping source and notes', () => {
    const json = {
      source: 'State Council General Office notice',
      years: { '2026': { holidays: ['2026-01-01', '2026-01-02', '2026-01-03'], workdays: ['2026-01-04'] } },
      notes: 'holidays: official days off',
    };
    expect(parseHolidayData(json)).toEqual({
      years: { '2026': { holidays: ['2026-01-01', '2026-01-02', '2026-01-03'], workdays: ['2026-01-04'] } },
    });
  });

  it('round-trips the shipped table', () => {
    expect(parseHolidayData(JSON.parse(JSON.stringify(officialHolidays)))).toEqual(officialHolidays);
  });

  it('accepts a New Year block reaching into the previous December', () => {
    // 2023's notice: 元旦 2022-12-31 (Sat) to 2023-01-02 (Mon)
    const json = {
      years: { '2023': { holidays: ['2022-12-31', '2023-01-01', '2023-01-02'], workdays: [] } },
    };
    expect(parseHolidayData(json).years['2023']?.holidays).toEqual([
      '2022-12-31',
      '2023-01-01',
      '2023-01-02',
    ]);
  });

  const y = (entry: unknown) => ({ years: { '2026': entry } });
  it.each<[string, unknown, RegExp]>([
    ['not an object', null, /\(root\): must be an object/],
    ['an array', [], /\(root\): must be an object/],
    ['no years', {}, /years: must be an object/],
    ['years is an array', { years: [] }, /years: must be an object/],
    ['unknown top-level field', { years: {}, year: {} }, /holiday data: year: unknown field/],
    ['source not a string', { years: {}, source: 1 }, /source: must be a string/],
    [
      'year key not four digits',
      { years: { '26': { holidays: [], workdays: [] } } },
      /years\.26: the key must be a four-digit year/,
    ],
    ['year entry not an object', y([]), /years\.2026: must be an object/],
    ['holidays missing', y({ workdays: [] }), /years\.2026\.holidays: must be an array/],
    ['workdays missing', y({ holidays: [] }), /years\.2026\.workdays: must be an array/],
    [
      'holidays a string',
      y({ holidays: '2026-01-01', workdays: [] }),
      /years\.2026\.holidays: must be an array/,
    ],
    [
      'unknown year field',
      y({ holidays: [], workdays: [], workday: [] }),
      /years\.2026\.workday: unknown field/,
    ],
    [
      'impossible date',
      y({ holidays: ['2026-01-01', '2026-02-30'], workdays: [] }),
      /years\.2026\.holidays\[1\]: "2026-02-30" is not a real date/,
    ],
    [
      'badly written date',
      y({ holidays: ['2026-1-1'], workdays: [] }),
      /years\.2026\.holidays\[0\]: "2026-1-1" is not a real date/,
    ],
    [
      'date not a string',
      y({ holidays: [20260101], workdays: [] }),
      /years\.2026\.holidays\[0\]: 20260101 is not a real date/,
    ],
    [
      'date in another year',
      y({ holidays: ['2025-05-01'], workdays: [] }),
      /years\.2026\.holidays\[0\]: 2025-05-01 is outside 2026/,
    ],
    [
      'date listed twice',
      y({ holidays: ['2026-01-01', '2026-01-01'], workdays: [] }),
      /years\.2026\.holidays\[1\]: 2026-01-01 is listed twice/,
    ],
    [
      'workday on a Monday',
      y({ holidays: [], workdays: ['2026-02-16'] }),
      /years\.2026\.workdays\[0\]: 2026-02-16 is a Monday/,
    ],
    [
      'date both holiday and workday',
      y({ holidays: ['2026-02-14'], workdays: ['2026-02-14'] }),
      /years\.2026\.workdays\[0\]: 2026-02-14 is listed both/,
    ],
    [
      'provisional not a boolean',
      y({ holidays: [], workdays: [], provisional: 'yes' }),
      /years\.2026\.provisional: must be true or false/,
    ],
  ])('rejects %s', (_name, json, message) => {
    expect(() => parseHolidayData(json)).toThrow(message);
    expect(() => parseHolidayData(json)).toThrow(HolidayDataError);
  });

  it('tells the bad field in `field`', () => {
    try {
      parseHolidayData(y({ holidays: ['2026-02-30'], workdays: [] }));
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(HolidayDataError);
      expect((e as HolidayDataError).field).toBe('years.2026.holidays[0]');
    }
  });

  it('createCalendar validates its data too', () => {
    expect(() => createCalendar(y({ holidays: ['2026-02-30'], workdays: [] }) as HolidayData)).toThrow(
      /years\.2026\.holidays\[0\]/,
    );
  });
});

describe('mergeHolidayData', () => {
  const official2027: HolidayData = {
    // A made-up arrangement standing in for an imported one.
    years: { '2027': { holidays: ['2027-02-05', '2027-02-09'], workdays: ['2027-02-20'] } },
  };

  it("replaces base's years with extra's and keeps the others", () => {
    const merged = mergeHolidayData(officialHolidays, official2027);
    expect(Object.keys(merged.years).sort()).toEqual(['2025', '2026', '2027']);
    expect(merged.years['2027']).toEqual({
      holidays: ['2027-02-05', '2027-02-09'],
      workdays: ['2027-02-20'],
    });
    expect(merged.years['2026']).toEqual(officialHolidays.years['2026']);
    expect(officialHolidays.years['2027']?.provisional).toBe(true); // input untouched

    const merged2027 = createCalendar(merged);
    expect(merged2027.years()).toEqual([2025, 2026, 2027]);
    expect(merged2027.provisionalYears()).toEqual([]);
    expect(merged2027.isWorkingDay('2027-02-08')).toBe(true); // Monday: statutory in the provisional data only
    expect(merged2027.isWorkingDay('2027-02-09')).toBe(false);
    expect(merged2027.isWorkingDay('2027-02-20')).toBe(true); // Saturday, adjusted workday
  });

  it('adds years missing from base', () => {
    const merged = mergeHolidayData({ years: {} }, official2027);
    expect(merged).toEqual(official2027);
    expect(merged.years['2027']).not.toBe(official2027.years['2027']);
  });
});
