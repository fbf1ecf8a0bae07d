import { assertIsoDate, isIsoDate, weekday } from './date';
import type { Calendar, HolidayData, IsoDate } from './types';

/** Holiday data that fails validation. `field` is the path of the bad field, e.g. `years.2026.holidays[3]`. */
export class HolidayDataError extends Error {
  override readonly name = 'HolidayDataError';
  constructor(
    readonly field: string,
    problem: string,
  ) {
    super(`holiday data: ${field}: ${problem}`);
  }
}

const WEEKDAY_NAMES = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'] as const;
const TOP_LEVEL_KEYS = new Set(['years', 'source', 'notes']);
const YEAR_KEYS = new Set(['holidays', 'workdays', 'provisional']);

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/**
 * A date listed under a year must fall in that year, or in the last December / next January (a New Year block
 * may start on December 30 or end on January 2, and the notice for the new year lists those days).
 */
function belongsToYear(date: IsoDate, year: number): boolean {
  const y = Number(date.slice(0, 4));
  const m = Number(date.slice(5, 7));
  return y === year || (y === year - 1 && m === 12) || (y === year + 1 && m === 1);
}

function parseDateList(v: unknown, field: string, year: number): IsoDate[] {
  if (!Array.isArray(v)) throw new HolidayDataError(field, 'must be an array of YYYY-MM-DD dates');
  const seen = new Set<IsoDate>();
  return v.map((d: unknown, i) => {
    const at = `${field}[${i}]`;
    if (!isIsoDate(d)) throw new HolidayDataError(at, `${JSON.stringify(d)} is not a real date (YYYY-MM-DD)`);
    if (!belongsToYear(d, year)) throw new HolidayDataError(at, `${d} is outside ${year}`);
    if (seen.has(d)) throw new HolidayDataError(at, `${d} is listed twice`);
    seen.add(d);
    return d;
  });
}

/**
 * Validates holiday data (e.g. an imported JSON file in the shape of `holidays-cn.json`) and returns a clean copy.
 * Throws a {@link HolidayDataError} naming the bad field and date. Top-level `source` and `notes` strings are
 * accepted and dropped; any other unknown key is an error (it is usually a typo).
 */
export function parseHolidayData(json: unknown): HolidayData {
  if (!isPlainObject(json)) throw new HolidayDataError('(root)', 'must be an object with a `years` field');
  for (const key of Object.keys(json)) {
    if (!TOP_LEVEL_KEYS.has(key))
      throw new HolidayDataError(key, 'unknown field (expected years, source, notes)');
  }
  for (const key of ['source', 'notes'] as const) {
    if (json[key] !== undefined && typeof json[key] !== 'string')
      throw new HolidayDataError(key, 'must be a string');
  }
  const years = json.years;
  if (!isPlainObject(years))
    throw new HolidayDataError('years', 'must be an object keyed by four-digit year');

  const out: HolidayData = { years: {} };
  for (const [yearKey, entry] of Object.entries(years)) {
    const field = `years.${yearKey}`;
    if (!/^\d{4}$/.test(yearKey)) throw new HolidayDataError(field, 'the key must be a four-digit year');
    const year = Number(yearKey);
    if (!isPlainObject(entry))
      throw new HolidayDataError(field, 'must be an object with holidays and workdays');
    for (const key of Object.keys(entry)) {
      if (!YEAR_KEYS.has(key)) {
        throw new HolidayDataError(
          `${field}.${key}`,
          'unknown field (expected holidays, workdays, provisional)',
        );
      }
    }
    const holidays = parseDateList(entry.holidays, `${field}.holidays`, year);
    const workdays = parseDateList(entry.workdays, `${field}.workdays`, year);
    const holidaySet = new Set(holidays);
    workdays.forEach((d, i) => {
      const at = `${field}.workdays[${i}]`;
      const w = weekday(d);
      if (w !== 0 && w !== 6) {
        throw new HolidayDataError(
          at,
          `${d} is a ${WEEKDAY_NAMES[w] ?? '?'}: adjusted workdays are Saturdays or Sundays`,
        );
      }
      if (holidaySet.has(d))
        throw new HolidayDataError(at, `${d} is listed both as a holiday and as a workday`);
    });
    const provisional = entry.provisional;
    if (provisional !== undefined && typeof provisional !== 'boolean') {
      throw new HolidayDataError(`${field}.provisional`, 'must be true or false');
    }
    out.years[yearKey] =
      provisional === true ? { holidays, workdays, provisional: true } : { holidays, workdays };
  }
  return out;
}

/** `base` with each year present in `extra` replaced by extra's arrangement for that year. Inputs are not changed. */
export function mergeHolidayData(base: HolidayData, extra: HolidayData): HolidayData {
  const years: HolidayData['years'] = {};
  for (const [year, entry] of [...Object.entries(base.years), ...Object.entries(extra.years)]) {
    years[year] = { ...entry, holidays: [...entry.holidays], workdays: [...entry.workdays] };
  }
  return { years };
}

/**
 * A working-day calendar. A working day is Monday–Friday unless listed as a holiday, plus any listed adjusted
 * workday (调休上班 Saturday or Sunday). Years without data: weekends off, weekdays working. The data is validated
 * as by {@link parseHolidayData}.
 */
export function createCalendar(data: HolidayData): Calendar {
  const clean = parseHolidayData(data);
  const holidays = new Set<IsoDate>();
  const workdays = new Set<IsoDate>();
  const official: number[] = [];
  const provisional: number[] = [];
  for (const [year, entry] of Object.entries(clean.years)) {
    for (const d of entry.holidays) holidays.add(d);
    for (const d of entry.workdays) workdays.add(d);
    (entry.provisional ? provisional : official).push(Number(year));
  }
  official.sort((a, b) => a - b);
  provisional.sort((a, b) => a - b);

  return {
    isWorkingDay(date: IsoDate): boolean {
      const w = weekday(date);
      // A year's data never lists a date twice; across years (a December day in the next year's notice) the
      // adjusted workday wins.
      if (workdays.has(date)) return true;
      if (holidays.has(date)) return false;
      return w !== 0 && w !== 6;
    },
    isHoliday(date: IsoDate): boolean {
      assertIsoDate(date);
      return holidays.has(date);
    },
    years: () => [...official],
    provisionalYears: () => [...provisional],
  };
}
