import { domains } from '@qiao/core';
import {
  allRates,
  suppressCount,
  suppressRate,
  zeroCounts,
} from '@qiao/core';
import type { Deps } from '../context';
import { jurisdictions } from '../db/schema';
import { inArray } from 'drizzle-orm';
import { groupCounts, type Plan } from './query';
import { resolvePeriod } from './summary';
import { syncDashboards } from './sync';

export const MIN_CELL = 5;

/**
 * The public figures (no login): monthly volumes, domains, and on-time and satisfaction rates by county, over every
 * petition of the instance. Only counts leave the server, never a petition; every cell under 5 is withheld
 * (`value: null, suppressed: true`), and so is a rate whose numerator, denominator or remainder is under 5.
 */
export async function publicStats(deps: Deps, input: { from?: string | undefined; to?: string | undefined }) {
  const today = deps.clockSettings.context(deps.now()).today;
  const to = input.to ?? today.slice(0, 7);
  const defaultFrom = `${Number(to.slice(0, 4)) - 1}-${to.slice(5, 7)}`;
  const period = resolvePeriod({ from: input.from ?? nextMonth(defaultFrom), to }, today);
  await syncDashboards(deps);
  const plan: Plan = { kind: 'rollup', prefix: '', excludeAccused: null, exception: null, scope: null };
  const groups = await groupCounts(deps.db, plan, period.months, { months: [], partial: null });
  const of = (dimension: string) => new Map(groups.filter((g) => g.dimension === dimension).map((g) => [g.key, g.counts]));
  const months = of('month');
  const byDomain = of('domain');
  const byCounty = of('county');
  const total = of('total').get('') ?? zeroCounts();
  const codes = [...byCounty.keys()];
  const names = codes.length
    ? new Map(
        (
          await deps.db
            .select({ code: jurisdictions.code, name: jurisdictions.name })
            .from(jurisdictions)
            .where(inArray(jurisdictions.code, codes))
        ).map((r) => [r.code, r.name]),
      )
    : new Map<string, string>();
  return {
    period: { from: period.from, to: period.to },
    asOf: today,
    minimumCell: MIN_CELL,
    received: suppressCount(total.received, MIN_CELL),
    monthly: period.months.map((month) => ({ month, received: suppressCount(months.get(month)?.received ?? 0, MIN_CELL) })),
    domains: domains.map((domain) => ({ domain, received: suppressCount(byDomain.get(domain)?.received ?? 0, MIN_CELL) })),
    counties: codes.sort().map((code) => {
      const c = byCounty.get(code) ?? zeroCounts();
      const rates = allRates(c);
      return {
        code,
        name: names.get(code) ?? code,
        received: suppressCount(c.received, MIN_CELL),
        onTimeRate: suppressRate(rates.onTimeRate, MIN_CELL),
        satisfactionRate: suppressRate(rates.satisfactionRate, MIN_CELL),
      };
    }),
  };
}

function nextMonth(month: string): string {
  const y = Number(month.slice(0, 4));
  const m = Number(month.slice(5, 7));
  return m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
}
