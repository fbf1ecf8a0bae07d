import { inArray, min } from 'drizzle-orm';
import { categories, channels, domains } from '@qiao/core';
import {
  allRates,
  lastDayOfMonth,
  MAX_PERIOD_MONTHS,
  minDate,
  lastYearPeriod,
  monthsBetween,
  rateChange,
  sameMonthLastYear,
  suggestionAdoptionRate,
  type LastYearPeriod,
  yearOnYear,
  zeroCounts,
  type MeasureCounts,
  type RateMeasure,
  type Ratio,
} from '@qiao/core';
import type { SessionUser } from '../auth/actor';
import type { Deps } from '../context';
import { jurisdictions, petitions } from '../db/schema';
import { badRequest } from '../lib/errors';
import { unitNames } from '../units/repo';
import { groupCounts, overdueCounts, planFor, unitCounts, type GroupCounts, type Plan } from './query';
import { syncDashboards } from './sync';

export interface DrillFilter {
  /** Parameters of GET /api/petitions that list the petitions behind the figure. */
  params: Record<string, string>;
  /** The same as a query string. */
  query: string;
}

export interface PeriodInput {
  from?: string | undefined;
  to?: string | undefined;
  jurisdiction?: string | undefined;
}

export interface Period {
  from: string;
  to: string;
  months: string[];
  /** The last day counted: the period's last day, or today when the period reaches it. */
  through: string;
  /** 去年同期: the same months last year, counted up to the same day last year. */
  lastYear: { from: string; to: string } & LastYearPeriod;
}

export function resolvePeriod(input: PeriodInput, today: string): Period {
  const to = input.to ?? today.slice(0, 7);
  const from = input.from ?? `${to.slice(0, 4)}-01`;
  const months = monthsBetween(from, to);
  if (months.length === 0)
    throw badRequest('invalidPeriod', { zh: 'from：开始月份不能晚于结束月份', en: 'from: the first month is after the last' }, { field: 'from' });
  if (months.length > MAX_PERIOD_MONTHS)
    throw badRequest('invalidPeriod', { zh: `期间最长 ${MAX_PERIOD_MONTHS} 个月`, en: `A period spans at most ${MAX_PERIOD_MONTHS} months` }, { field: 'from' });
  const end = lastDayOfMonth(to);
  const through = minDate(end, today);
  const lastYear = { from: sameMonthLastYear(from), to: sameMonthLastYear(to), ...lastYearPeriod(months, through) };
  return { from, to, months, through, lastYear };
}

export function drill(params: Record<string, string | null | undefined>): DrillFilter {
  const clean: Record<string, string> = {};
  for (const [k, v] of Object.entries(params)) if (v !== null && v !== undefined && v !== '') clean[k] = v;
  return { params: clean, query: new URLSearchParams(clean).toString() };
}

/** The drill-down's days of whole months, or of months counted up to a day (`through`, last year's side). */
const received = (months: { from: string; to: string; through?: string }) => {
  const end = lastDayOfMonth(months.to);
  return {
    receivedFrom: `${months.from}-01`,
    receivedTo: months.through !== undefined ? minDate(months.through, end) : end,
  };
};

export const measureLabels: Record<RateMeasure | 'volume' | 'overdue', { zh: string; en: string }> = {
  volume: { zh: '信访总量', en: 'Petitions received' },
  firstTimeResolutionRate: { zh: '初信初访一次性化解率', en: 'First-time resolution rate' },
  repeatShare: { zh: '重复访占比', en: 'Repeat share' },
  onTimeRate: { zh: '按期办结率', en: 'On-time rate' },
  timelyAcceptanceRate: { zh: '及时受理率', en: 'Timely acceptance rate' },
  satisfactionRate: { zh: '群众满意率', en: 'Satisfaction rate' },
  onlineShare: { zh: '网上信访占比', en: 'Online share' },
  ratingParticipation: { zh: '参评率', en: 'Rating participation' },
  overdue: { zh: '当前超期件', en: 'Overdue now' },
};

const rateOrder: RateMeasure[] = [
  'firstTimeResolutionRate',
  'repeatShare',
  'onTimeRate',
  'timelyAcceptanceRate',
  'satisfactionRate',
  'onlineShare',
  'ratingParticipation',
];

function pick(groups: GroupCounts[], period: 'current' | 'previous', dimension: GroupCounts['dimension']) {
  const out = new Map<string, MeasureCounts>();
  for (const g of groups) if (g.period === period && g.dimension === dimension) out.set(g.key, g.counts);
  return out;
}

/** A row's code is a city's (339900), not a county's: its petitions name no county (市本级). */
const isCityLevel = (code: string): boolean => code.length === 6 && code.endsWith('00');

async function countyNames(deps: Deps, codes: string[]) {
  if (codes.length === 0) return new Map<string, string>();
  const found = await deps.db
    .select({ code: jurisdictions.code, name: jurisdictions.name })
    .from(jurisdictions)
    .where(inArray(jurisdictions.code, codes));
  return new Map(found.map((r) => [r.code, r.name]));
}

export interface Figures {
  period: Period;
  plan: Plan;
  groups: GroupCounts[];
  units: Awaited<ReturnType<typeof unitCounts>>;
}

/** Sync the rollups, then read the counts of a period and the same period last year. */
export async function loadFigures(deps: Deps, plan: Plan, period: Period): Promise<Figures> {
  await syncDashboards(deps);
  // Independent reads: on PostgreSQL they run on separate pool connections at once.
  const [groups, units] = await Promise.all([
    groupCounts(deps.db, plan, period.months, period.lastYear),
    unitCounts(deps.db, plan, period.months, period.lastYear),
  ]);
  return { period, plan, groups, units };
}

export async function dashboardSummary(deps: Deps, actor: SessionUser, input: PeriodInput) {
  const today = deps.clockSettings.context(deps.now()).today;
  const period = resolvePeriod(input, today);
  const jurisdiction = input.jurisdiction ?? null;
  const plan = planFor(actor, jurisdiction);
  const [{ groups, units }, overdue] = await Promise.all([
    loadFigures(deps, plan, period),
    overdueCounts(deps.db, actor, jurisdiction, today),
  ]);

  const base = { jurisdiction };
  const cur = received(period);
  const prev = received(period.lastYear);
  const total = pick(groups, 'current', 'total').get('') ?? zeroCounts();
  const totalLast = pick(groups, 'previous', 'total').get('') ?? zeroCounts();
  const rates = allRates(total);
  const ratesLast = allRates(totalLast);

  const tiles = [
    {
      measure: 'volume',
      label: measureLabels.volume,
      value: total.received,
      numerator: total.received,
      denominator: null,
      lastYear: { value: totalLast.received, numerator: totalLast.received, denominator: null },
      change: yearOnYear(total.received, totalLast.received).change,
      filter: drill({ ...base, ...cur }),
    },
    ...rateOrder.map((m) => ({
      measure: m,
      label: measureLabels[m],
      ...rates[m],
      lastYear: ratesLast[m],
      change: rateChange(rates[m], ratesLast[m]),
      // The petitions the rate counts; with part=met / missed, those that meet it or not.
      filter: drill({ ...base, ...cur, measure: m }),
    })),
    {
      measure: 'overdue',
      label: measureLabels.overdue,
      value: overdue.total,
      numerator: overdue.total,
      denominator: null,
      lastYear: null,
      change: null,
      filter: drill({ ...base, overdue: 'true' }),
    },
  ];

  const curMonths = pick(groups, 'current', 'month');
  const prevMonths = pick(groups, 'previous', 'month');
  const trend = period.months.map((month) => {
    const c = curMonths.get(month) ?? zeroCounts();
    const lyMonth = sameMonthLastYear(month);
    const l = prevMonths.get(lyMonth) ?? zeroCounts();
    const r = allRates(c);
    return {
      month,
      volume: c.received,
      lastYearMonth: lyMonth,
      lastYearVolume: l.received,
      lastYearThrough: period.lastYear.partial?.month === lyMonth ? period.lastYear.partial.through : null,
      change: yearOnYear(c.received, l.received).change,
      onTimeRate: r.onTimeRate,
      satisfactionRate: r.satisfactionRate,
      filter: drill({ ...base, ...received({ from: month, to: month }) }),
      lastYearFilter: drill({ ...base, ...received({ from: lyMonth, to: lyMonth, through: period.lastYear.through }) }),
    };
  });

  const breakdown = (dimension: 'domain' | 'channel' | 'category', keys: readonly string[]) => {
    const c = pick(groups, 'current', dimension);
    const l = pick(groups, 'previous', dimension);
    return keys
      .map((key) => {
        const counts = c.get(key) ?? zeroCounts();
        const last = l.get(key)?.received ?? 0;
        return {
          key,
          volume: counts.received,
          share: total.received === 0 ? null : counts.received / total.received,
          lastYear: last,
          change: yearOnYear(counts.received, last).change,
          onTimeRate: allRates(counts).onTimeRate,
          satisfactionRate: allRates(counts).satisfactionRate,
          filter: drill({ ...base, ...cur, [dimension]: key }),
        };
      })
      .sort((a, b) => b.volume - a.volume || a.key.localeCompare(b.key));
  };

  const countyCur = pick(groups, 'current', 'county');
  const countyPrev = pick(groups, 'previous', 'county');
  const countyCodes = [...new Set([...countyCur.keys(), ...countyPrev.keys()])];
  const names = await countyNames(deps, countyCodes);
  const jurisdictionRows = countyCodes
    .map((code) => {
      const c = countyCur.get(code) ?? zeroCounts();
      const last = countyPrev.get(code)?.received ?? 0;
      return {
        code,
        name: names.get(code) ?? code,
        cityLevel: isCityLevel(code),
        volume: c.received,
        lastYear: last,
        change: yearOnYear(c.received, last).change,
        rates: allRates(c),
        overdue: overdue.byCounty.get(code) ?? 0,
        // A city's own row lists the city's own petitions, not every one within it.
        filter: drill({ ...cur, jurisdiction: code, jurisdictionOnly: isCityLevel(code) ? 'true' : null }),
      };
    })
    .sort((a, b) => b.volume - a.volume || a.code.localeCompare(b.code))
    .map((r, i) => ({ rank: i + 1, ...r }));

  const unitRows = await scorecard(deps, units, overdue.byUnit, { ...base, ...cur });
  const since = await recordsSince(deps);

  return {
    period: { from: period.from, to: period.to, ...cur },
    lastYear: { from: period.lastYear.from, to: period.lastYear.to, ...prev },
    recordsSince: since,
    jurisdiction,
    asOf: today,
    source: plan.kind === 'scope' ? 'rollup' : plan.kind,
    tiles,
    trend,
    byDomain: breakdown('domain', domains),
    byChannel: breakdown('channel', channels),
    byCategory: breakdown('category', categories),
    jurisdictions: jurisdictionRows,
    units: unitRows,
  };
}

async function scorecard(
  deps: Deps,
  units: Figures['units'],
  overdueByUnit: Map<string, number>,
  base: Record<string, string | null>,
) {
  const cur = new Map<string, MeasureCounts>();
  const prev = new Map<string, MeasureCounts>();
  for (const u of units) (u.period === 'current' ? cur : prev).set(u.unitId, u.counts);
  const ids = [...new Set([...cur.keys(), ...prev.keys(), ...overdueByUnit.keys()])];
  const names = await unitNames(deps.db, ids);
  return ids
    .map((id) => {
      const c = cur.get(id) ?? zeroCounts();
      const last = prev.get(id)?.received ?? 0;
      return {
        unit: id === '' ? null : { id, name: names.get(id) ?? id },
        volume: c.received,
        lastYear: last,
        change: yearOnYear(c.received, last).change,
        replied: c.replied,
        rates: allRates(c),
        overdue: overdueByUnit.get(id) ?? 0,
        filter: drill({ ...base, handlingUnit: id === '' ? null : id }),
      };
    })
    .filter((r) => r.volume > 0 || r.overdue > 0 || r.lastYear > 0)
    .sort((a, b) => b.volume - a.volume || (a.unit?.id ?? '').localeCompare(b.unit?.id ?? ''))
    .map((r, i) => ({ rank: i + 1, ...r }));
}

/**
 * The earliest day any petition was received (one probe of petitions_received_idx), so a comparison with last
 * year can say it counts only what was recorded: a system started mid-year compared a full year with a few months.
 */
async function recordsSince(deps: Deps): Promise<string | null> {
  const [row] = await deps.db.select({ day: min(petitions.receivedOn) }).from(petitions);
  return row?.day ?? null;
}

/** The figures of Art. 41's annual report for a calendar year: totals by domain, most-petitioned units, routing, supervision, suggestions. */
export async function annualReport(deps: Deps, actor: SessionUser, year: number, jurisdiction: string | null) {
  const y = String(year).padStart(4, '0');
  const today = deps.clockSettings.context(deps.now()).today;
  const period = resolvePeriod({ from: `${y}-01`, to: `${y}-12` }, today);
  const plan = planFor(actor, jurisdiction);
  const { groups, units } = await loadFigures(deps, plan, period);
  const cur = received(period);
  const base = { jurisdiction };
  const total = pick(groups, 'current', 'total').get('') ?? zeroCounts();
  const last = pick(groups, 'previous', 'total').get('') ?? zeroCounts();
  const by = (dimension: 'domain' | 'channel' | 'category', keys: readonly string[]) => {
    const m = pick(groups, 'current', dimension);
    return keys
      .map((key) => ({ key, count: m.get(key)?.received ?? 0, filter: drill({ ...base, ...cur, [dimension]: key }) }))
      .sort((a, b) => b.count - a.count || a.key.localeCompare(b.key));
  };
  const unitTotals = units.filter((u) => u.period === 'current' && u.unitId !== '' && u.counts.received > 0);
  const names = await unitNames(deps.db, unitTotals.map((u) => u.unitId));
  const mostPetitionedUnits = unitTotals
    .sort((a, b) => b.counts.received - a.counts.received || a.unitId.localeCompare(b.unitId))
    .slice(0, 10)
    .map((u, i) => ({
      rank: i + 1,
      unit: { id: u.unitId, name: names.get(u.unitId) ?? u.unitId },
      count: u.counts.received,
      filter: drill({ ...base, ...cur, handlingUnit: u.unitId }),
    }));
  const ratio = (r: Ratio) => r;
  return {
    year,
    jurisdiction,
    source: plan.kind === 'scope' ? 'rollup' : plan.kind,
    received: total.received,
    lastYearReceived: last.received,
    lastYear: received(period.lastYear),
    recordsSince: await recordsSince(deps),
    change: yearOnYear(total.received, last.received).change,
    filter: drill({ ...base, ...cur }),
    byDomain: by('domain', domains),
    byChannel: by('channel', channels),
    byCategory: by('category', categories),
    mostPetitionedUnits,
    forwarded: total.forwarded,
    assigned: total.assigned,
    supervised: total.supervised,
    suggestions: {
      received: total.suggestions,
      adopted: total.suggestionsAdopted,
      adoptionRate: ratio(suggestionAdoptionRate(total)),
      filter: drill({ ...base, ...cur, category: 'suggestion' }),
    },
    measures: allRates(total),
  };
}
