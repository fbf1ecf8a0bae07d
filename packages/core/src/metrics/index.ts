/**
 * The glossary's measures (GLOSSARY.md, "Measures") as pure functions over plain records.
 *
 * Every figure is a `Ratio`: the value together with the numerator and denominator it came from, so a screen, an
 * export and an API answer can show (and check) the same counts. An empty denominator gives `value: null`, never
 * 0 or NaN.
 *
 * A petition contributes to the period it was received in (a cohort): its later reply, conclusion and rating count
 * for that month, which is what the drill-down to `GET /api/petitions?receivedFrom&receivedTo` lists.
 */
import type { Category, Channel, IsoDate, Rating, ReplyOutcome, RoutingMode } from '../petition/types';

/** What the measures need to know about one petition: plain data, no personal fields. */
export interface MetricRecord {
  receivedOn: IsoDate;
  channel: Channel;
  category: Category;
  /** Set when the petition repeats an earlier one (重复信访). */
  repeatOf: string | null;
  /** True when a later petition links back to this one with `repeatOf`. */
  repeatedLater: boolean;
  /** 办结: the day handling was closed (`conclude`), or null. */
  concludedOn: IsoDate | null;
  /** 化解: set at conclusion. */
  resolved: boolean | null;
  /** True once the petitioner asked for a review (复查). */
  reviewRequested: boolean;
  /** The written opinion (答复意见书): the day it was issued and its outcome, or null. */
  reply: { issuedOn: IsoDate; outcome: ReplyOutcome } | null;
  /** Whether the handling clock (Art. 33) ended after its due day; null when there is no handling clock. */
  handlingLate: boolean | null;
  /**
   * The receiving unit's decision on acceptance (Art. 23: written notice of receipt, acceptance, refusal or
   * diversion): ended = decided, late = after the 15-day limit. Null when the petition was never routed.
   */
  acceptance: { decided: boolean; late: boolean } | null;
  rating: Rating | null;
  /** How the petition was last routed: forwarded (转送) or assigned (交办). */
  routingMode: RoutingMode | null;
  /** How many supervision notices (督办) were issued on it. */
  supervisions: number;
}

/**
 * The counts every measure is built from. One petition gives 0 or 1 in each; sums of them (over a month, a
 * county, a unit…) are what rollups store, so every measure of a group is exact from its counts alone.
 */
export interface MeasureCounts {
  /** received (来信来访量) */
  received: number;
  /** with `repeatOf` */
  repeats: number;
  /** received online (网上信访) */
  online: number;
  /** first petitions (no `repeatOf`) that are concluded */
  firstConcluded: number;
  /** ... and resolved, with no review requested and no repeat petition linking to them */
  firstResolved: number;
  /** the written opinion was issued (the handling clock ended with a reply) */
  replied: number;
  /** ... within the handling limit */
  repliedOnTime: number;
  /** the receiving unit decided on acceptance */
  acceptanceDecided: number;
  /** ... within its limit */
  acceptanceTimely: number;
  rated: number;
  /** rated satisfied or basically satisfied */
  satisfied: number;
  forwarded: number;
  assigned: number;
  /** at least one supervision notice */
  supervised: number;
  suggestions: number;
  /** suggestions answered `support` (adopted, 采纳) */
  suggestionsAdopted: number;
}

export const measureCountKeys = [
  'received',
  'repeats',
  'online',
  'firstConcluded',
  'firstResolved',
  'replied',
  'repliedOnTime',
  'acceptanceDecided',
  'acceptanceTimely',
  'rated',
  'satisfied',
  'forwarded',
  'assigned',
  'supervised',
  'suggestions',
  'suggestionsAdopted',
] as const satisfies readonly (keyof MeasureCounts)[];

export function zeroCounts(): MeasureCounts {
  const out = {} as MeasureCounts;
  for (const k of measureCountKeys) out[k] = 0;
  return out;
}

const bit = (b: boolean): number => (b ? 1 : 0);

/** One petition's contribution to every count. */
export function countsOf(r: MetricRecord): MeasureCounts {
  const first = r.repeatOf === null;
  const concluded = r.concludedOn !== null;
  return {
    received: 1,
    repeats: bit(!first),
    online: bit(r.channel === 'online'),
    firstConcluded: bit(first && concluded),
    firstResolved: bit(first && concluded && r.resolved === true && !r.reviewRequested && !r.repeatedLater),
    replied: bit(r.reply !== null),
    repliedOnTime: bit(r.reply !== null && r.handlingLate === false),
    acceptanceDecided: bit(r.acceptance?.decided === true),
    acceptanceTimely: bit(r.acceptance?.decided === true && !r.acceptance.late),
    rated: bit(r.rating !== null),
    satisfied: bit(r.rating === 'satisfied' || r.rating === 'basicallySatisfied'),
    forwarded: bit(r.routingMode === 'forward'),
    assigned: bit(r.routingMode === 'assign'),
    supervised: bit(r.supervisions > 0),
    suggestions: bit(r.category === 'suggestion'),
    suggestionsAdopted: bit(r.category === 'suggestion' && r.reply?.outcome === 'support'),
  };
}

/** Adds counts (b into a copy of a). */
export function addCounts(a: MeasureCounts, b: MeasureCounts, sign: 1 | -1 = 1): MeasureCounts {
  const out = { ...a };
  for (const k of measureCountKeys) out[k] += sign * b[k];
  return out;
}

/** The counts of a set of petitions. */
export function tally(records: Iterable<MetricRecord>): MeasureCounts {
  let sum = zeroCounts();
  for (const r of records) sum = addCounts(sum, countsOf(r));
  return sum;
}

export interface Ratio {
  /** numerator ÷ denominator, or null when the denominator is 0 */
  value: number | null;
  numerator: number;
  denominator: number;
}

export function ratio(numerator: number, denominator: number): Ratio {
  return { value: denominator === 0 ? null : numerator / denominator, numerator, denominator };
}

/**
 * The unit a petition's handling measures belong to (a unit's scorecard row): the unit that issued the written
 * opinion, once there is one; until then the unit holding it. Not the holder after the reply: a review (复查)
 * moves the petition to the reviewing body, and the reviewing body must not be charged with the reply it was asked
 * to review (its first-time resolution, on-time reply and satisfaction), nor the handling unit let off them.
 * The server's `handlingUnitExpr` is this rule in SQL.
 */
export function handlingUnitId(s: { reply: { unitId: string | null } | null; currentUnit: { id: string } | null }): string | null {
  return s.reply?.unitId ?? s.currentUnit?.id ?? null;
}

/**
 * Which counts each rate divides: the petitions a rate counts (its denominator) and those that meet it (its
 * numerator, always among them). A drill-down lists either, or the ones that miss it, by the same counts.
 */
export const rateParts = {
  /** 初信初访一次性化解率: first petitions concluded and resolved with no repeat or review ÷ first petitions concluded. */
  firstTimeResolutionRate: { numerator: 'firstResolved', denominator: 'firstConcluded' },
  /** 重复访占比: petitions with `repeatOf` ÷ all petitions received. */
  repeatShare: { numerator: 'repeats', denominator: 'received' },
  /** 按期办结率: replied (concluded) within the handling deadline ÷ replied. */
  onTimeRate: { numerator: 'repliedOnTime', denominator: 'replied' },
  /** 及时受理率: acceptance decided within its limit ÷ decided. */
  timelyAcceptanceRate: { numerator: 'acceptanceTimely', denominator: 'acceptanceDecided' },
  /** 群众满意率: ratings "satisfied" or "basically satisfied" ÷ ratings. */
  satisfactionRate: { numerator: 'satisfied', denominator: 'rated' },
  /** 网上信访占比: received online ÷ received. */
  onlineShare: { numerator: 'online', denominator: 'received' },
  /** 参评率: rated ÷ replied (only a petition with a written opinion can be rated). */
  ratingParticipation: { numerator: 'rated', denominator: 'replied' },
} as const satisfies Record<string, { numerator: keyof MeasureCounts; denominator: keyof MeasureCounts }>;
export type RateMeasure = keyof typeof rateParts;

const rateOf =
  (m: RateMeasure) =>
  (c: MeasureCounts): Ratio =>
    ratio(c[rateParts[m].numerator], c[rateParts[m].denominator]);

/** 初信初访一次性化解率 (see `rateParts`). */
export const firstTimeResolutionRate = rateOf('firstTimeResolutionRate');
/** 重复访占比 */
export const repeatShare = rateOf('repeatShare');
/** 按期办结率 */
export const onTimeRate = rateOf('onTimeRate');
/** 及时受理率 */
export const timelyAcceptanceRate = rateOf('timelyAcceptanceRate');
/** 群众满意率 */
export const satisfactionRate = rateOf('satisfactionRate');
/** 网上信访占比 */
export const onlineShare = rateOf('onlineShare');
/** 参评率 */
export const ratingParticipation = rateOf('ratingParticipation');
/** 建议采纳率: suggestions answered `support` ÷ suggestions. */
export const suggestionAdoptionRate = (c: MeasureCounts): Ratio => ratio(c.suggestionsAdopted, c.suggestions);
/** 信访总量: petitions received (numerator and denominator are the count, so every measure has the same shape). */
export const volume = (c: MeasureCounts): Ratio => ({ value: c.received, numerator: c.received, denominator: 1 });

export const rateMeasures = {
  firstTimeResolutionRate,
  repeatShare,
  onTimeRate,
  timelyAcceptanceRate,
  satisfactionRate,
  onlineShare,
  ratingParticipation,
} as const satisfies Record<RateMeasure, (c: MeasureCounts) => Ratio>;
export const rateMeasureNames = Object.keys(rateMeasures) as RateMeasure[];

/** Every rate of a group, by name. */
export function allRates(c: MeasureCounts): Record<RateMeasure, Ratio> {
  const out = {} as Record<RateMeasure, Ratio>;
  for (const name of rateMeasureNames) out[name] = rateMeasures[name](c);
  return out;
}

export interface YearOnYear {
  current: number;
  previous: number;
  /** (current − previous) ÷ previous; null when last year had nothing to compare with */
  change: number | null;
}

/** 同比: the relative change of a count against the same period of last year. */
export function yearOnYear(current: number, previous: number): YearOnYear {
  return { current, previous, change: previous === 0 ? null : (current - previous) / previous };
}

/** The change of a rate in percentage points (as a fraction: 0.05 = 5 points); null when either side is empty. */
export function rateChange(current: Ratio, previous: Ratio): number | null {
  return current.value === null || previous.value === null ? null : current.value - previous.value;
}

/** `YYYY-MM` of a China date. */
export function monthOf(day: IsoDate): string {
  return day.slice(0, 7);
}

/** The same month one year earlier: 2026-03 → 2025-03. */
export function sameMonthLastYear(month: string): string {
  return `${String(Number(month.slice(0, 4)) - 1).padStart(4, '0')}${month.slice(4)}`;
}

/** The most months a statistics period spans (the API, the cockpit's period picker; the portal keeps its own copy). */
export const MAX_PERIOD_MONTHS = 36;

/** The months from `from` to `to` inclusive (`YYYY-MM`); empty when `to` is before `from`. */
export function monthsBetween(from: string, to: string): string[] {
  const out: string[] = [];
  let y = Number(from.slice(0, 4));
  let m = Number(from.slice(5, 7));
  const end = Number(to.slice(0, 4)) * 12 + Number(to.slice(5, 7));
  while (y * 12 + m <= end) {
    out.push(`${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}`);
    m += 1;
    if (m === 13) {
      m = 1;
      y += 1;
    }
  }
  return out;
}

/** The last day of a month (`YYYY-MM` → `YYYY-MM-DD`), for the drill-down's `receivedTo`. */
export function lastDayOfMonth(month: string): IsoDate {
  const y = Number(month.slice(0, 4));
  const m = Number(month.slice(5, 7));
  const days = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return `${month}-${String(days).padStart(2, '0')}`;
}

/** Days received, `from` to `to` inclusive (`YYYY-MM-DD`). */
export interface DaySpan {
  from: IsoDate;
  to: IsoDate;
}

export interface MonthsAndDays {
  /** Whole months, `YYYY-MM` (null: open); null when there are none. */
  months: { from: string | null; to: string | null } | null;
  days: DaySpan[];
}

/**
 * Days received (either end open) as the counts by month can answer them: the whole months within (`months`, either
 * end open; null when none) and the days of a month only partly within (`days`, at most two spans), which the counts
 * by day answer. 2026-03-10 – 2026-06-30 → months 2026-04 – 2026-06, days 2026-03-10 – 2026-03-31.
 */
export function monthsAndDays(from: IsoDate | null, to: IsoDate | null): MonthsAndDays {
  if (from !== null && to !== null && from > to) return { months: null, days: [] };
  const days: DaySpan[] = [];
  let firstMonth: string | null = null;
  let lastMonth: string | null = null;
  if (from !== null) {
    firstMonth = from.slice(0, 7);
    if (from.slice(8) !== '01') {
      const end = lastDayOfMonth(firstMonth);
      days.push({ from, to: to !== null && to < end ? to : end });
      firstMonth = nextMonth(firstMonth);
    }
  }
  if (to !== null) {
    lastMonth = to.slice(0, 7);
    if (to !== lastDayOfMonth(lastMonth)) {
      const start = `${lastMonth}-01`;
      // The same month as a partial first month: its days are already taken.
      if (from === null || from.slice(0, 7) !== lastMonth || from.slice(8) === '01') days.push({ from: from !== null && from > start ? from : start, to });
      lastMonth = previousMonth(lastMonth);
    }
  }
  const months = firstMonth !== null && lastMonth !== null && firstMonth > lastMonth ? null : { from: firstMonth, to: lastMonth };
  return { months, days };
}

const monthAfter = (month: string, step: 1 | -1): string => {
  const n = Number(month.slice(0, 4)) * 12 + Number(month.slice(5, 7)) - 1 + step;
  return `${String(Math.floor(n / 12)).padStart(4, '0')}-${String((n % 12) + 1).padStart(2, '0')}`;
};
const nextMonth = (month: string) => monthAfter(month, 1);
const previousMonth = (month: string) => monthAfter(month, -1);

/**
 * The same day one year earlier, for a period counted up to that day: the last day of a month stays the last day
 * of the month (2028-02-29 → 2027-02-28, 2029-02-28 → 2028-02-29), so a whole month compares with a whole month.
 */
export function sameDayLastYear(day: IsoDate): IsoDate {
  const month = sameMonthLastYear(day.slice(0, 7));
  const last = lastDayOfMonth(month);
  return day === lastDayOfMonth(day.slice(0, 7)) || day.slice(8) > last.slice(8) ? last : `${month}-${day.slice(8)}`;
}

/** Last year's side of a year-on-year comparison (去年同期). */
export interface LastYearPeriod {
  /** The months counted whole. */
  months: string[];
  /** The month counted only up to `through` (the month of today last year, when the period reaches today). */
  partial: { month: string; through: IsoDate } | null;
  /** The last day counted: the drill-down's `receivedTo`. */
  through: IsoDate;
}

/**
 * 同比 compares like with like: a period that reaches today has been counted only up to today, so last year's
 * counts stop at the same day last year. `months` are the period's months and `through` the last day counted this
 * year (the earlier of today and the period's last day). Last year's months after that day's month are not counted;
 * the month holding it is counted up to it, unless it is the month's last day (then whole).
 */
export function lastYearPeriod(months: string[], through: IsoDate): LastYearPeriod {
  const end = sameDayLastYear(through);
  const endMonth = end.slice(0, 7);
  const previous = months.map(sameMonthLastYear);
  const wholeMonth = end === lastDayOfMonth(endMonth);
  return {
    months: previous.filter((m) => m < endMonth || (m === endMonth && wholeMonth)),
    partial: !wholeMonth && previous.includes(endMonth) ? { month: endMonth, through: end } : null,
    through: end,
  };
}

/**
 * Small-cell suppression for published figures: a count under `min` is withheld, and so is a rate whose
 * numerator, denominator or complement (denominator − numerator, when not 0) is under `min`, since any of
 * them would reveal a handful of people.
 */
export function suppressCount(n: number, min = 5): { value: number | null; suppressed: boolean } {
  return n < min ? { value: null, suppressed: true } : { value: n, suppressed: false };
}

export function suppressRate(r: Ratio, min = 5): { value: number | null; denominator: number | null; suppressed: boolean } {
  const rest = r.denominator - r.numerator;
  const hide = r.denominator < min || r.numerator < min || (rest > 0 && rest < min);
  return hide ? { value: null, denominator: null, suppressed: true } : { value: r.value, denominator: r.denominator, suppressed: false };
}
