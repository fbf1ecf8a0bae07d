import { describe, expect, it } from 'vitest';
import { registered, run, toAwaiting, toReplied, toClosed, toReviewed, toUnderReview } from '../petition/helpers';
import {
  addCounts,
  allRates,
  countsOf,
  firstTimeResolutionRate,
  handlingUnitId,
  lastDayOfMonth,
  lastYearPeriod,
  monthsAndDays,
  monthsBetween,
  onlineShare,
  onTimeRate,
  rateChange,
  ratingParticipation,
  ratio,
  repeatShare,
  sameDayLastYear,
  sameMonthLastYear,
  satisfactionRate,
  suggestionAdoptionRate,
  suppressCount,
  suppressRate,
  tally,
  timelyAcceptanceRate,
  volume,
  yearOnYear,
  zeroCounts,
  type MeasureCounts,
  type MetricRecord,
  type Ratio,
} from '../../src/metrics/index';

/** A first letter, received and never acted on. */
const base: MetricRecord = {
  receivedOn: '2026-03-02',
  channel: 'letter',
  category: 'claim',
  repeatOf: null,
  repeatedLater: false,
  concludedOn: null,
  resolved: null,
  reviewRequested: false,
  reply: null,
  handlingLate: null,
  acceptance: null,
  rating: null,
  routingMode: null,
  supervisions: 0,
};
const p = (o: Partial<MetricRecord>): MetricRecord => ({ ...base, ...o });
const replied = (late: boolean, o: Partial<MetricRecord> = {}) =>
  p({ reply: { issuedOn: '2026-04-01', outcome: 'explain' }, handlingLate: late, acceptance: { decided: true, late: false }, routingMode: 'assign', ...o });
const concluded = (resolved: boolean, o: Partial<MetricRecord> = {}) =>
  replied(false, { concludedOn: '2026-04-10', resolved, ...o });

describe('one petition contributes 0 or 1 to each count', () => {
  it.each<[string, MetricRecord, Partial<MeasureCounts>]>([
    ['just received', base, { received: 1 }],
    ['online repeat', p({ channel: 'online', repeatOf: 'x' }), { received: 1, online: 1, repeats: 1 }],
    ['routed and decided late', p({ routingMode: 'forward', acceptance: { decided: true, late: true } }), { received: 1, forwarded: 1, acceptanceDecided: 1 }],
    ['routed, not yet decided', p({ routingMode: 'assign', acceptance: { decided: false, late: true } }), { received: 1, assigned: 1 }],
    ['replied on time', replied(false), { received: 1, replied: 1, repliedOnTime: 1, acceptanceDecided: 1, acceptanceTimely: 1, assigned: 1 }],
    ['replied late', replied(true), { received: 1, replied: 1, acceptanceDecided: 1, acceptanceTimely: 1, assigned: 1 }],
    [
      'first, concluded, resolved: solved the first time',
      concluded(true),
      { received: 1, replied: 1, repliedOnTime: 1, acceptanceDecided: 1, acceptanceTimely: 1, assigned: 1, firstConcluded: 1, firstResolved: 1 },
    ],
    [
      'resolved but a review was asked for',
      concluded(true, { reviewRequested: true }),
      { received: 1, replied: 1, repliedOnTime: 1, acceptanceDecided: 1, acceptanceTimely: 1, assigned: 1, firstConcluded: 1 },
    ],
    [
      'resolved but a repeat petition came later',
      concluded(true, { repeatedLater: true }),
      { received: 1, replied: 1, repliedOnTime: 1, acceptanceDecided: 1, acceptanceTimely: 1, assigned: 1, firstConcluded: 1 },
    ],
    [
      'a repeat is never a first petition',
      concluded(true, { repeatOf: 'x' }),
      { received: 1, repeats: 1, replied: 1, repliedOnTime: 1, acceptanceDecided: 1, acceptanceTimely: 1, assigned: 1 },
    ],
    ['rated satisfied', replied(false, { rating: 'satisfied' }), { rated: 1, satisfied: 1 }],
    ['rated basically satisfied', replied(false, { rating: 'basicallySatisfied' }), { rated: 1, satisfied: 1 }],
    ['rated dissatisfied', replied(false, { rating: 'dissatisfied' }), { rated: 1, satisfied: 0 }],
    ['supervised twice counts once', p({ supervisions: 2 }), { received: 1, supervised: 1 }],
    ['suggestion adopted', replied(false, { category: 'suggestion', reply: { issuedOn: '2026-04-01', outcome: 'support' } }), { suggestions: 1, suggestionsAdopted: 1 }],
    ['suggestion explained', replied(false, { category: 'suggestion' }), { suggestions: 1, suggestionsAdopted: 0 }],
    ['support on a claim is no adopted suggestion', replied(false, { reply: { issuedOn: '2026-04-01', outcome: 'support' } }), { suggestions: 0, suggestionsAdopted: 0 }],
  ])('%s', (_, record, expected) => {
    const got = countsOf(record);
    const full = Object.keys(expected).length > 3; // the long rows list every non-zero count
    if (full) expect(got).toEqual({ ...zeroCounts(), ...expected });
    else expect(got).toMatchObject(expected);
  });
});

// Ten petitions in March 2026, with every figure worked out by hand below.
const march: MetricRecord[] = [
  concluded(true), //                                    1 first, concluded, resolved, on time, timely
  concluded(true, { repeatedLater: true }), //            2 first, concluded, not "first time" (a repeat followed)
  concluded(false, { rating: 'dissatisfied' }), //        3 first, concluded, unresolved, rated
  concluded(true, { repeatOf: 'a', rating: 'satisfied' }), // 4 repeat, concluded
  replied(true, { rating: 'basicallySatisfied' }), //     5 first, replied late
  replied(false, { channel: 'online', rating: 'satisfied' }), // 6 online, replied on time
  p({ channel: 'online', repeatOf: 'b', routingMode: 'forward', acceptance: { decided: true, late: true } }), // 7
  p({ channel: 'online', routingMode: 'assign', acceptance: { decided: false, late: false } }), // 8 awaiting acceptance
  p({ category: 'suggestion' }), //                        9
  p({ repeatOf: 'c', supervisions: 1 }), //               10
];

describe('the measures of a group, by hand', () => {
  const c = tally(march);
  it.each<[string, (c: MeasureCounts) => Ratio, number, number]>([
    // first petitions concluded: 1, 2, 3 (4 is a repeat); resolved with no repeat/review: 1
    ['firstTimeResolutionRate', firstTimeResolutionRate, 1, 3],
    // repeats: 4, 7, 10 of 10
    ['repeatShare', repeatShare, 3, 10],
    // replied: 1-6; on time: all but 5
    ['onTimeRate', onTimeRate, 5, 6],
    // decided: 1-6 (timely) and 7 (late); 8 not yet decided
    ['timelyAcceptanceRate', timelyAcceptanceRate, 6, 7],
    // rated: 3 (dissatisfied), 4, 5, 6
    ['satisfactionRate', satisfactionRate, 3, 4],
    // online: 6, 7, 8
    ['onlineShare', onlineShare, 3, 10],
    // rated 4 of the 6 replied
    ['ratingParticipation', ratingParticipation, 4, 6],
    ['suggestionAdoptionRate', suggestionAdoptionRate, 0, 1],
  ])('%s = %i / %i', (_, measure, numerator, denominator) => {
    expect(measure(c)).toEqual({ value: numerator / denominator, numerator, denominator });
  });

  it('counts routing and supervision', () => {
    expect(c).toMatchObject({ received: 10, forwarded: 1, assigned: 7, supervised: 1, suggestions: 1 });
    expect(volume(c)).toEqual({ value: 10, numerator: 10, denominator: 1 });
  });

  it('sums of parts equal the measure of the whole (what rollups rely on)', () => {
    const parts = [tally(march.slice(0, 4)), tally(march.slice(4, 7)), tally(march.slice(7))];
    const summed = parts.reduce((a, b) => addCounts(a, b), zeroCounts());
    expect(summed).toEqual(c);
    expect(allRates(summed)).toEqual(allRates(c));
    expect(addCounts(c, tally(march.slice(7)), -1)).toEqual(tally(march.slice(0, 7)));
  });
});

describe('empty denominators give null, never 0 or NaN', () => {
  it.each<[string, MetricRecord[]]>([
    ['no petitions', []],
    ['petitions without any reply, conclusion, decision or rating', [base, p({ channel: 'online' })]],
  ])('%s', (_, records) => {
    const rates = allRates(tally(records));
    expect(rates.firstTimeResolutionRate).toEqual({ value: null, numerator: 0, denominator: 0 });
    expect(rates.onTimeRate.value).toBeNull();
    expect(rates.timelyAcceptanceRate.value).toBeNull();
    expect(rates.satisfactionRate.value).toBeNull();
    expect(rates.ratingParticipation.value).toBeNull();
    expect(rates.repeatShare.value).toBe(records.length === 0 ? null : 0);
  });
});

describe('year on year', () => {
  it.each<[number, number, number | null]>([
    [120, 100, 0.2],
    [80, 100, -0.2],
    [5, 0, null],
    [0, 0, null],
    [0, 4, -1],
  ])('%i against %i → %s', (current, previous, change) => {
    expect(yearOnYear(current, previous)).toEqual({ current, previous, change });
  });

  it('compares rates in points', () => {
    expect(rateChange(ratio(9, 10), ratio(3, 4))).toBeCloseTo(0.15);
    expect(rateChange(ratio(9, 10), ratio(0, 0))).toBeNull();
  });
});

describe('months', () => {
  it.each<[string, string, string[]]>([
    ['2025-11', '2026-02', ['2025-11', '2025-12', '2026-01', '2026-02']],
    ['2026-03', '2026-03', ['2026-03']],
    ['2026-04', '2026-03', []],
  ])('%s..%s', (from, to, months) => expect(monthsBetween(from, to)).toEqual(months));

  it.each<[string, string]>([
    ['2026-02', '2026-02-28'],
    ['2024-02', '2024-02-29'],
    ['2026-12', '2026-12-31'],
    ['2026-04', '2026-04-30'],
  ])('last day of %s is %s', (m, d) => expect(lastDayOfMonth(m)).toBe(d));

  it('same month last year', () => expect(sameMonthLastYear('2026-01')).toBe('2025-01'));

  it.each<[string, string]>([
    ['2026-12-06', '2025-12-06'],
    ['2026-03-31', '2025-03-31'],
    ['2028-02-29', '2027-02-28'], // a leap day has no twin: the month's last day
    ['2029-02-28', '2028-02-29'], // the last day of February stays the last day, so the month compares whole
    ['2028-02-28', '2027-02-28'],
  ])('same day last year of %s is %s', (day, want) => expect(sameDayLastYear(day)).toBe(want));
});

describe('last year\'s side of a year-on-year comparison (去年同期)', () => {
  it('stops at the same day last year when the period reaches today', () => {
    const months = monthsBetween('2026-01', '2026-12');
    expect(lastYearPeriod(months, '2026-12-06')).toEqual({
      months: monthsBetween('2025-01', '2025-11'),
      partial: { month: '2025-12', through: '2025-12-06' },
      through: '2025-12-06',
    });
  });

  it('leaves out last year\'s months after that day when the period runs past today', () => {
    expect(lastYearPeriod(monthsBetween('2026-01', '2026-12'), '2026-03-15')).toEqual({
      months: ['2025-01', '2025-02'],
      partial: { month: '2025-03', through: '2025-03-15' },
      through: '2025-03-15',
    });
  });

  it('counts whole months when the period is over, or today is a month\'s last day', () => {
    const months = monthsBetween('2025-07', '2026-06');
    expect(lastYearPeriod(months, '2026-06-30')).toEqual({ months: monthsBetween('2024-07', '2025-06'), partial: null, through: '2025-06-30' });
    expect(lastYearPeriod(['2028-02'], '2028-02-29')).toEqual({ months: ['2027-02'], partial: null, through: '2027-02-28' });
  });

  it('counts nothing last year for a period still to come', () => {
    expect(lastYearPeriod(monthsBetween('2027-01', '2027-03'), '2026-12-06')).toEqual({ months: [], partial: null, through: '2025-12-06' });
  });

  it('keeps a 13-month period\'s first month whole when today falls in its last', () => {
    // 2025-12 … 2026-12 up to 2026-12-06: last year 2024-12 … 2025-12, the last one to the 6th
    const p = lastYearPeriod(monthsBetween('2025-12', '2026-12'), '2026-12-06');
    expect(p.months[0]).toBe('2024-12');
    expect(p.months.at(-1)).toBe('2025-11');
    expect(p.partial).toEqual({ month: '2025-12', through: '2025-12-06' });
  });
});

describe('small-cell suppression for public figures', () => {
  it.each<[number, number | null]>([
    [0, null],
    [4, null],
    [5, 5],
    [120, 120],
  ])('count %i → %s', (n, value) => expect(suppressCount(n).value).toBe(value));

  it.each<[number, number, boolean]>([
    [10, 10, false], // all on time: nobody singled out
    [9, 10, true], // one late petition would be revealed
    [5, 10, false],
    [4, 10, true],
    [4, 4, true],
    [0, 0, true],
    [0, 12, true],
  ])('%i / %i suppressed: %s', (num, den, suppressed) => {
    const r = suppressRate(ratio(num, den));
    expect(r.suppressed).toBe(suppressed);
    expect(r.value).toBe(suppressed ? null : num / den);
  });
});

describe('handlingUnitId: the unit a petition counts for in the unit scorecard', () => {
  it('is the unit holding it until the reply, then the unit that replied, through review and re-review', () => {
    expect(handlingUnitId(registered())).toBe('county-office'); // the office that registered it holds it
    const awaiting = run(registered(), toAwaiting);
    expect(handlingUnitId(awaiting)).toBe('county-labor');
    const replied = run(registered(), toReplied);
    expect(handlingUnitId(replied)).toBe('county-labor');
    // The review moves the petition to the reviewing body; its reply still belongs to the labour bureau.
    const underReview = run(registered(), toUnderReview);
    expect(underReview.currentUnit?.id).not.toBe('county-labor');
    expect(handlingUnitId(underReview)).toBe('county-labor');
    expect(handlingUnitId(run(registered(), toReviewed))).toBe('county-labor');
    expect(handlingUnitId(run(registered(), toClosed))).toBe('county-labor');
  });

  it('falls back to the holder when a stored reply names no unit', () => {
    expect(handlingUnitId({ reply: { unitId: null }, currentUnit: { id: 'county-gov' } })).toBe('county-gov');
  });
});

describe('monthsAndDays', () => {
  it('answers whole months by month and the rest by day', () => {
    expect(monthsAndDays('2026-03-10', '2026-06-30')).toEqual({ months: { from: '2026-04', to: '2026-06' }, days: [{ from: '2026-03-10', to: '2026-03-31' }] });
    expect(monthsAndDays('2026-03-01', '2026-06-30')).toEqual({ months: { from: '2026-03', to: '2026-06' }, days: [] });
    expect(monthsAndDays('2025-12-31', '2026-02-27')).toEqual({
      months: { from: '2026-01', to: '2026-01' },
      days: [
        { from: '2025-12-31', to: '2025-12-31' },
        { from: '2026-02-01', to: '2026-02-27' },
      ],
    });
    // February's last day, in a leap year and not.
    expect(monthsAndDays('2028-02-01', '2028-02-29')).toEqual({ months: { from: '2028-02', to: '2028-02' }, days: [] });
    expect(monthsAndDays('2027-02-01', '2027-02-28')).toEqual({ months: { from: '2027-02', to: '2027-02' }, days: [] });
  });

  it('counts the days of one month once, whole or not', () => {
    expect(monthsAndDays('2026-03-10', '2026-03-20')).toEqual({ months: null, days: [{ from: '2026-03-10', to: '2026-03-20' }] });
    expect(monthsAndDays('2026-03-01', '2026-03-20')).toEqual({ months: null, days: [{ from: '2026-03-01', to: '2026-03-20' }] });
    expect(monthsAndDays('2026-03-10', '2026-03-31')).toEqual({ months: null, days: [{ from: '2026-03-10', to: '2026-03-31' }] });
    expect(monthsAndDays('2026-03-10', '2026-04-15')).toEqual({
      months: null,
      days: [
        { from: '2026-03-10', to: '2026-03-31' },
        { from: '2026-04-01', to: '2026-04-15' },
      ],
    });
  });

  it('leaves an open end open, and an empty span empty', () => {
    expect(monthsAndDays(null, null)).toEqual({ months: { from: null, to: null }, days: [] });
    expect(monthsAndDays('2026-03-10', null)).toEqual({ months: { from: '2026-04', to: null }, days: [{ from: '2026-03-10', to: '2026-03-31' }] });
    expect(monthsAndDays(null, '2026-01-20')).toEqual({ months: { from: null, to: '2025-12' }, days: [{ from: '2026-01-01', to: '2026-01-20' }] });
    expect(monthsAndDays('2026-05-02', '2026-05-01')).toEqual({ months: null, days: [] });
  });
});
