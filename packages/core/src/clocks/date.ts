import type { IsoDate } from './types';

/**
 * Helpers on `YYYY-MM-DD` China calendar dates. All arithmetic is on whole UTC days (Date.UTC), so the host's
 * time zone never matters. Asia/Shanghai is UTC+8 with no daylight saving time, so converting an instant to a
 * China date is plain arithmetic.
 */

const DAY_MS = 86_400_000;
const CHINA_OFFSET_MS = 8 * 3_600_000;
/** Days in a 400-year Gregorian cycle; used to keep Date.UTC away from its 0–99 → 1900–1999 year mapping. */
const CYCLE_DAYS = 146_097;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

function isLeapYear(y: number): boolean {
  return y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0);
}

function daysInMonth(y: number, m: number): number {
  if (m === 2) return isLeapYear(y) ? 29 : 28;
  return m === 4 || m === 6 || m === 9 || m === 11 ? 30 : 31;
}

/** Parts of a well-formed, real date, or undefined. */
function parts(s: string): [number, number, number] | undefined {
  const m = ISO_DATE.exec(s);
  if (!m) return undefined;
  const y = Number(m[1]);
  const mo = Number(m[2]);
  const d = Number(m[3]);
  // Year 0 is no date of PostgreSQL's (1 BC there): refused here, not as a database error later.
  if (y < 1 || mo < 1 || mo > 12 || d < 1 || d > daysInMonth(y, mo)) return undefined;
  return [y, mo, d];
}

/** Days since 1970-01-01 of a date; throws a RangeError on anything that is not a real `YYYY-MM-DD` date. */
export function toDayNumber(d: IsoDate): number {
  const p = typeof d === 'string' ? parts(d) : undefined;
  if (!p) throw new RangeError(`not a real date (YYYY-MM-DD): ${JSON.stringify(d)}`);
  const [y, mo, day] = p;
  if (y < 100) return Date.UTC(y + 400, mo - 1, day) / DAY_MS - CYCLE_DAYS;
  return Date.UTC(y, mo - 1, day) / DAY_MS;
}

/** The date `n` days after 1970-01-01. */
export function fromDayNumber(n: number): IsoDate {
  if (!Number.isSafeInteger(n)) throw new RangeError(`not a whole day number: ${n}`);
  const t = new Date(n * DAY_MS);
  const y = t.getUTCFullYear();
  if (Number.isNaN(y) || y < 0 || y > 9999)
    throw new RangeError(`date out of range (years 0000–9999): day ${n}`);
  const mo = t.getUTCMonth() + 1;
  const d = t.getUTCDate();
  return `${String(y).padStart(4, '0')}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** True for a real calendar date written `YYYY-MM-DD` (rejects 2026-02-30, 2026-13-01, 2026-1-5, …). */
export function isIsoDate(s: unknown): s is IsoDate {
  return typeof s === 'string' && parts(s) !== undefined;
}

/** Throws a RangeError unless `d` is a real `YYYY-MM-DD` date. */
export function assertIsoDate(d: unknown, what = 'date'): asserts d is IsoDate {
  if (!isIsoDate(d)) throw new RangeError(`${what} is not a real date (YYYY-MM-DD): ${JSON.stringify(d)}`);
}

/** The China (Asia/Shanghai, UTC+8) calendar date of an instant. */
export function chinaDate(instant: Date): IsoDate {
  const t = instant.getTime();
  if (Number.isNaN(t)) throw new RangeError('chinaDate: invalid Date');
  return fromDayNumber(Math.floor((t + CHINA_OFFSET_MS) / DAY_MS));
}

/** `d` plus `n` whole days (`n` may be negative). */
export function addDays(d: IsoDate, n: number): IsoDate {
  if (!Number.isSafeInteger(n)) throw new RangeError(`addDays: not a whole number of days: ${n}`);
  return fromDayNumber(toDayNumber(d) + n);
}

/** `b - a` in days: positive when `b` is later. */
export function daysBetween(a: IsoDate, b: IsoDate): number {
  return toDayNumber(b) - toDayNumber(a);
}

/** -1 if `a` is earlier than `b`, 0 if equal, 1 if later. */
export function compareDates(a: IsoDate, b: IsoDate): -1 | 0 | 1 {
  const diff = toDayNumber(a) - toDayNumber(b);
  return diff < 0 ? -1 : diff > 0 ? 1 : 0;
}

/** The latest of the dates. */
export function maxDate(first: IsoDate, ...rest: IsoDate[]): IsoDate {
  let best = first;
  toDayNumber(first);
  for (const d of rest) if (compareDates(d, best) > 0) best = d;
  return best;
}

/** The earliest of the dates. */
export function minDate(first: IsoDate, ...rest: IsoDate[]): IsoDate {
  let best = first;
  toDayNumber(first);
  for (const d of rest) if (compareDates(d, best) < 0) best = d;
  return best;
}

/** Day of the week: 0 = Sunday, 1 = Monday, … 6 = Saturday. */
export function weekday(d: IsoDate): number {
  // 1970-01-01 was a Thursday (4).
  return (((toDayNumber(d) + 4) % 7) + 7) % 7;
}

/** The instant a China calendar day begins (00:00 UTC+8, i.e. 16:00 UTC the day before). */
export function startOfChinaDay(d: IsoDate): Date {
  return new Date(toDayNumber(d) * DAY_MS - CHINA_OFFSET_MS);
}

/**
 * The last millisecond of a China calendar day (23:59:59.999 UTC+8). An instant `t` is after the day exactly when
 * `t > endOfChinaDay(d)`, which matches `isOverdue(d, chinaDate(t))`.
 */
export function endOfChinaDay(d: IsoDate): Date {
  return new Date((toDayNumber(d) + 1) * DAY_MS - CHINA_OFFSET_MS - 1);
}
