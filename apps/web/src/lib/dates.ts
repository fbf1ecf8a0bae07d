import dayjs, { type Dayjs } from 'dayjs';
import utc from 'dayjs/plugin/utc';

dayjs.extend(utc);

/** China Standard Time: UTC+8 all year (no daylight saving), the zone every date and time in Qiao is in. */
export const CHINA_OFFSET_MINUTES = 8 * 60;

/** Days from `today` to `due` (both YYYY-MM-DD, China dates from the server): negative when overdue. */
export function daysUntil(today: string, due: string): number {
  const a = Date.UTC(+today.slice(0, 4), +today.slice(5, 7) - 1, +today.slice(8, 10));
  const b = Date.UTC(+due.slice(0, 4), +due.slice(5, 7) - 1, +due.slice(8, 10));
  return Math.round((b - a) / 86_400_000);
}

/** The China date (UTC+8) of a moment, as the server counts days. */
export function chinaDate(d = new Date()): string {
  return new Date(d.getTime() + CHINA_OFFSET_MINUTES * 60_000).toISOString().slice(0, 10);
}

/**
 * A moment (an ISO timestamp from the server, or a Date) in China time, whatever zone this browser is set to:
 * format it with dayjs as usual (`chinaTime(e.at).format('L HH:mm')`). An event at 09:30 in Beijing reads 09:30
 * on a laptop set to New York too, as it does on the official documents.
 */
export function chinaTime(at: string | Date = new Date()): Dayjs {
  return dayjs(at).utcOffset(CHINA_OFFSET_MINUTES);
}

export type Urgency = 'overdue' | 'soon' | 'ok';
export const SOON_DAYS = 3;

export function urgency(today: string, due: string): Urgency {
  const d = daysUntil(today, due);
  return d < 0 ? 'overdue' : d <= SOON_DAYS ? 'soon' : 'ok';
}
