import { z } from 'zod';
import { Message } from './message';

/** Request and response shapes of the dashboard (cockpit) and public-figure endpoints: /api/dashboards and /api/portal/stats. */

const Month = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'YYYY-MM');
const Jurisdiction = z.string().regex(/^\d{2,12}$/, 'a GB/T 2260 code');

export const DashboardSummaryQuery = z.object({
  from: Month.optional().describe('First month (YYYY-MM) of the period; default January of `to`’s year'),
  to: Month.optional().describe('Last month (YYYY-MM); default the current month'),
  jurisdiction: Jurisdiction.optional().describe('Only petitions about places within this jurisdiction'),
});

export const AnnualReportQuery = z.object({
  year: z.coerce.number().int().min(2000).max(2100),
  jurisdiction: Jurisdiction.optional(),
});

export const PublicStatsQuery = z.object({ from: Month.optional(), to: Month.optional() });

export const DashboardRatio = z.object({
  value: z.number().nullable().describe('numerator ÷ denominator; null when the denominator is 0'),
  numerator: z.number().int(),
  denominator: z.number().int(),
});
export const DrillFilter = z.object({
  params: z
    .record(z.string(), z.string())
    .describe('Query parameters of GET /api/petitions listing these petitions'),
  query: z.string(),
});
const Rates = z.object({
  firstTimeResolutionRate: DashboardRatio,
  repeatShare: DashboardRatio,
  onTimeRate: DashboardRatio,
  timelyAcceptanceRate: DashboardRatio,
  satisfactionRate: DashboardRatio,
  onlineShare: DashboardRatio,
  ratingParticipation: DashboardRatio,
});
const Change = z
  .number()
  .nullable()
  .describe('Year on year: relative for counts, in points (fraction) for rates');

export const KpiTile = z.object({
  measure: z.string(),
  label: Message,
  value: z.number().nullable(),
  numerator: z.number().int(),
  denominator: z.number().int().nullable(),
  lastYear: z
    .object({
      value: z.number().nullable(),
      numerator: z.number().int(),
      denominator: z.number().int().nullable(),
    })
    .nullable(),
  change: Change,
  filter: DrillFilter,
});

const Breakdown = z.object({
  key: z.string(),
  volume: z.number().int(),
  share: z.number().nullable(),
  lastYear: z.number().int(),
  change: Change,
  onTimeRate: DashboardRatio,
  satisfactionRate: DashboardRatio,
  filter: DrillFilter,
});

const PeriodView = z.object({
  from: z.string(),
  to: z.string(),
  receivedFrom: z.string(),
  receivedTo: z.string(),
});

/** Where the records start, beside a comparison with last year. */
const RecordsSince = z
  .string()
  .nullable()
  .describe('The earliest day any petition was received: last year\'s figures before it are not in the system (the comparison counts part of that period)');

export const DashboardSummary = z.object({
  period: PeriodView,
  lastYear: PeriodView,
  recordsSince: RecordsSince,
  jurisdiction: z.string().nullable(),
  asOf: z.string(),
  source: z
    .enum(['rollup', 'live', 'empty'])
    .describe('rollup: kept-exact aggregates; live: counted from the petitions you may see'),
  tiles: z.array(KpiTile),
  trend: z.array(
    z.object({
      month: z.string(),
      volume: z.number().int(),
      lastYearMonth: z.string(),
      lastYearVolume: z.number().int(),
      lastYearThrough: z
        .string()
        .nullable()
        .describe("The last day counted of last year's month when it is counted only up to today's date last year (去年同期), else null"),
      change: Change,
      onTimeRate: DashboardRatio,
      satisfactionRate: DashboardRatio,
      filter: DrillFilter,
      lastYearFilter: DrillFilter,
    }),
  ),
  byDomain: z.array(Breakdown),
  byChannel: z.array(Breakdown),
  byCategory: z.array(Breakdown),
  jurisdictions: z.array(
    z.object({
      rank: z.number().int(),
      code: z.string(),
      name: z.string(),
      cityLevel: z.boolean().describe("true: the city's own petitions (市本级), whose place names no county or district within it"),
      volume: z.number().int(),
      lastYear: z.number().int(),
      change: Change,
      rates: Rates,
      overdue: z.number().int(),
      filter: DrillFilter,
    }),
  ),
  units: z.array(
    z.object({
      rank: z.number().int(),
      unit: z
        .object({ id: z.string(), name: z.string() })
        .nullable()
        .describe('The handling unit: the one that issued the written opinion, else the one holding the petition (core handlingUnitId); null: none'),
      volume: z.number().int(),
      lastYear: z.number().int(),
      change: Change,
      replied: z.number().int(),
      rates: Rates,
      overdue: z.number().int(),
      filter: DrillFilter,
    }),
  ),
});

const Count = z.object({ key: z.string(), count: z.number().int(), filter: DrillFilter });
export const AnnualReport = z.object({
  year: z.number().int(),
  jurisdiction: z.string().nullable(),
  source: z.enum(['rollup', 'live', 'empty']),
  received: z.number().int(),
  lastYearReceived: z.number().int(),
  lastYear: z
    .object({ receivedFrom: z.string(), receivedTo: z.string() })
    .describe("The days last year's figure counts: the whole year, or up to today's date last year while the year runs"),
  recordsSince: RecordsSince,
  change: Change,
  filter: DrillFilter,
  byDomain: z.array(Count),
  byChannel: z.array(Count),
  byCategory: z.array(Count),
  mostPetitionedUnits: z.array(
    z.object({
      rank: z.number().int(),
      unit: z.object({ id: z.string(), name: z.string() }),
      count: z.number().int(),
      filter: DrillFilter,
    }),
  ),
  forwarded: z.number().int().describe('Petitions last routed by forwarding (转送)'),
  assigned: z.number().int().describe('Petitions last routed by assignment (交办)'),
  supervised: z.number().int().describe('Petitions with at least one supervision notice (督办)'),
  suggestions: z.object({
    received: z.number().int(),
    adopted: z.number().int(),
    adoptionRate: DashboardRatio,
    filter: DrillFilter,
  }),
  measures: Rates,
});

const Cell = z.object({ value: z.number().int().nullable(), suppressed: z.boolean() });
const RateCell = z.object({
  value: z.number().nullable(),
  denominator: z.number().int().nullable(),
  suppressed: z.boolean(),
});
export const PublicStats = z.object({
  period: z.object({ from: z.string(), to: z.string() }),
  asOf: z.string(),
  minimumCell: z.number().int(),
  received: Cell,
  monthly: z.array(z.object({ month: z.string(), received: Cell })),
  domains: z.array(z.object({ domain: z.string(), received: Cell })),
  counties: z.array(
    z.object({
      code: z.string(),
      name: z.string(),
      received: Cell,
      onTimeRate: RateCell,
      satisfactionRate: RateCell,
    }),
  ),
});

export const DashboardRebuildResult = z.object({
  rebuilt: z.boolean(),
  petitions: z.number().int(),
  ms: z.number(),
});
