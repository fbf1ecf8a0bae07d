/**
 * `npx tsx bench/lists-scale.ts --db NAME [--reps R]`: the lists a user lands on, at scale, on a database loaded by
 * `bench/dashboard-scale.ts --keep NAME`: each role's to-do tab counts and first tab, the overdue list and a text
 * search of the petition list (a rare and a common word), the cockpit's drill-downs (a domain, a narrow filter, the
 * scorecard's first unit, a rate and the petitions missing one) with their totals, and the intake's respondent suggestions, timed in-process (app.inject) like the dashboards. Writes nothing.
 */
import { parseArgs } from 'node:util';
import { loadavg } from 'node:os';
import { buildApp } from '../apps/server/src/app';
import type { Deps } from '../apps/server/src/context';
import { openDatabase } from '../apps/server/src/db/open';
import { deriveKeys } from '../apps/server/src/lib/crypto';
import { ClockSettingsStore } from '../apps/server/src/settings/clock-settings';
import { percentile, timeN } from './lib';

const { values } = parseArgs({ options: { db: { type: 'string' }, reps: { type: 'string', default: '20' }, only: { type: 'string' } } });
if (!values.db) throw new Error('--db NAME: a database loaded by bench/dashboard-scale.ts --keep NAME');
const url = new URL(process.env.QIAO_BENCH_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/test');
url.pathname = `/${values.db}`;
const database = await openDatabase({ url: url.toString() });
const clockSettings = new ClockSettingsStore(database.db, 'calendar');
await clockSettings.load();
const deps: Deps = { db: database.db, keys: deriveKeys(Buffer.from('a'.repeat(64), 'hex')), now: () => new Date(), clockSettings, tokenTtlSeconds: 86_400 };
const app = await buildApp(deps);
try {
  for (const user of ['clerk', 'handler', 'leader', 'jy-leader', 'supervisor']) {
    const login = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: user, password: 'demo' } });
    if (login.statusCode !== 200) continue;
    const headers = { authorization: `Bearer ${login.json<{ token: string }>().token}` };
    const get = async (path: string) => {
      const res = await app.inject({ method: 'GET', url: path, headers });
      if (res.statusCode !== 200) throw new Error(`${path}: ${res.statusCode} ${res.body}`);
      return res.json<Record<string, unknown>>();
    };
    const me = (await get('/api/workbench/context')) as { tabs: { key: string }[]; today: string };
    const year = me.today.slice(0, 4);
    // The scorecard's first unit, as its link lists it (handlingUnit: the unit that replied, else the holder).
    const card = await app.inject({ method: 'GET', url: `/api/dashboards/summary?from=${year}-01&to=${year}-12`, headers });
    const topUnit = card.statusCode === 200 ? card.json<{ units: { unit: unknown; filter: { query: string } }[] }>().units.find((u) => u.unit !== null) : undefined;
    const paths = [
      '/api/workbench/counts',
      ...me.tabs.filter((t) => t.key !== 'lateUnits').slice(0, 2).map((t) => `/api/workbench/petitions?tab=${t.key}&limit=20`),
      '/api/petitions?overdue=true&limit=20',
      `/api/petitions?text=${encodeURIComponent('恒远')}&limit=20`,
      `/api/petitions?text=${encodeURIComponent('工资')}&limit=20`,
      // Drill-downs from the cockpit: the page, and the filtered list's total the inbox asks for beside it (up to 1,000).
      ...[
        `receivedFrom=${year}-01-01&receivedTo=${year}-12-31&domain=labor`,
        `receivedFrom=${year}-01-01&receivedTo=${year}-12-31&domain=health&channel=visit&jurisdiction=339902`,
        // Days that are not whole months: their totals read the rollups by day for the part months.
        `receivedFrom=${year}-03-10&receivedTo=${year}-11-20&domain=labor`,
        `text=${encodeURIComponent('工资')}`,
        ...(topUnit ? [topUnit.filter.query] : []),
        // A rate's tile, then the switch to the petitions that miss it.
        `receivedFrom=${year}-01-01&receivedTo=${year}-12-31&measure=onTimeRate`,
        `receivedFrom=${year}-01-01&receivedTo=${year}-12-31&measure=timelyAcceptanceRate&part=missed`,
      ].flatMap((f) => [`/api/workbench/petitions?tab=all&${f}&limit=50`, `/api/workbench/petitions/count?tab=all&${f}`]),
      `/api/workbench/respondents?q=${encodeURIComponent('恒远')}`,
      '/api/workbench/respondents',
    ].filter((p) => !values.only || p.includes(values.only));
    for (const path of paths) {
      const times = await timeN(Number(values.reps), () => get(path));
      console.log(`${user.padEnd(11)} ${path.padEnd(60)} p50 ${percentile(times, 50).toFixed(1).padStart(7)} ms  p95 ${percentile(times, 95).toFixed(1).padStart(7)} ms`);
    }
  }
  console.log(`load average ${loadavg().map((x) => x.toFixed(1)).join(' ')}`);
} finally {
  await app.close();
  await database.close();
}
