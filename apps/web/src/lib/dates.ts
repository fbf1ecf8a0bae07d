/** Days from `today` to `due` (both YYYY-MM-DD, China dates from the server): negative when overdue. */
export function daysUntil(today: string, due: string): number {
  const a = Date.UTC(+today.slice(0, 4), +today.slice(5, 7) - 1, +today.slice(8, 10));
  const b = Date.UTC(+due.slice(0, 4), +due.slice(5, 7) - 1, +due.slice(8, 10));
  return Math.round((b - a) / 86_400_000);
}

/** The China date (UTC+8) of a moment, as the server counts days. */
export function chinaDate(d = new Date()): string {
  return new Date(d.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
}

export type Urgency = 'overdue' | 'soon' | 'ok';
export const SOON_DAYS = 3;

export function urgency(today: string, due: string): Urgency {
  const d = daysUntil(today, due);
  return d < 0 ? 'overdue' : d <= SOON_DAYS ? 'soon' : 'ok';
}
