import { addDays, assertIsoDate, compareDates, daysBetween } from './date';
import type { Calendar, ClockSettings, IsoDate, Pause } from './types';

export interface DueInput {
  /** The day the period starts from (receipt, acceptance, request). Not counted itself: day 1 is the next day. */
  start: IsoDate;
  /** The number of days in the period (a whole number, 0 or more). */
  length: number;
  /**
   * `days`: the law's plain "N days", counted as calendar or working days by `settings.dayCounting`.
   * `workingDays`: always working days (the 5-working-day objection of Art. 23).
   */
  unit: 'days' | 'workingDays';
  settings: ClockSettings;
  calendar: Calendar;
  /** Spans that do not count. An open pause (no `to`) lasts through `asOf` inclusive. */
  pauses?: Pause[];
  /** The day the computation is made ("today"); required when a pause is open. */
  asOf?: IsoDate;
}

export interface DueResult {
  /** The last day of the period: acting on this day is still on time. */
  due: IsoDate;
  /** True when an open pause is in effect on `asOf`: the due date will move as long as the pause lasts. */
  paused: boolean;
}

/**
 * The due date of a period of the 2022 Regulations on Petition Work, by the usual rules for periods in Chinese law:
 * the start day is not counted; days inside a pause `[from, to)` are not counted (an open pause counts as lasting
 * through `asOf`, so the clock resumes the day after `asOf`); when the last day is not a working day (a weekend or
 * an official holiday) the period ends on the next working day instead.
 */
export function computeDue(input: DueInput): DueResult {
  const { start, length, unit, settings, calendar, pauses = [], asOf } = input;
  assertIsoDate(start, 'start');
  if (!Number.isSafeInteger(length) || length < 0) {
    throw new RangeError(`length must be a whole number of days, 0 or more: ${length}`);
  }
  if (asOf !== undefined) assertIsoDate(asOf, 'asOf');

  let paused = false;
  const spans = pauses.map((p, i): { from: IsoDate; until: IsoDate } => {
    assertIsoDate(p.from, `pauses[${i}].from`);
    if (p.to === undefined) {
      if (asOf === undefined) throw new Error(`pauses[${i}] is open (no \`to\`): asOf is required`);
      if (compareDates(p.from, asOf) <= 0) paused = true;
      return { from: p.from, until: addDays(asOf, 1) };
    }
    assertIsoDate(p.to, `pauses[${i}].to`);
    if (compareDates(p.to, p.from) < 0)
      throw new RangeError(`pauses[${i}] ends (${p.to}) before it starts (${p.from})`);
    return { from: p.from, until: p.to };
  });
  const isPaused = (d: IsoDate): boolean =>
    spans.some((s) => compareDates(s.from, d) <= 0 && compareDates(d, s.until) < 0);

  const workingDaysOnly = unit === 'workingDays' || settings.dayCounting === 'working';
  let due = start;
  let remaining = length;
  while (remaining > 0) {
    due = addDays(due, 1);
    if (isPaused(due)) continue;
    if (workingDaysOnly && !calendar.isWorkingDay(due)) continue;
    remaining -= 1;
  }
  while (!calendar.isWorkingDay(due)) due = addDays(due, 1);
  return { due, paused };
}

/** True when `today` is past the due day (acting on the due day itself is on time). */
export function isOverdue(due: IsoDate, today: IsoDate): boolean {
  return compareDates(today, due) > 0;
}

/** Calendar days from `today` to the due day: 0 on the due day, negative once overdue. */
export function daysLeft(due: IsoDate, today: IsoDate): number {
  return daysBetween(today, due);
}
