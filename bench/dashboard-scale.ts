/**
 * `npx tsx bench/dashboard-scale.ts [--petitions N] [--keep NAME] [--reps R]`: the dashboard summary at scale on
 * PostgreSQL. Loads N petitions (bench/load.ts: 5,000 through the core, copies for the rest) into a scratch
 * database — or reuses database NAME if it exists (`--keep`, which also keeps it afterwards: a 1,000,000 load
 * takes most of an hour on two cores) — builds the rollups, then times GET /api/dashboards/summary in-process
 * (app.inject, no network) for a city leader, a county leader, the city petition office and a unit's handler.
 */
import { parseArgs } from 'node:util';
import { loadavg } from 'node:os';
import pg from 'pg';
import { buildApp } from '../apps/server/src/app';
import type { Deps } from '../apps/server/src/context';
import { openDatabase } from '../apps/server/src/db/open';
import { syncDashboards } from '../apps/server/src/dashboards/sync';
import { deriveKeys } from '../apps/server/src/lib/crypto';
import { ClockSettingsStore } from '../apps/server/src/settings/clock-settings';
import { bulkLoad } from './load';
import { percentile, timeN } from './lib';

const { values } = parseArgs({ options: { petitions: { type: 'string', default: '100000' }, keep: { type: 'string' }, reps: { type: 'string', default: '40' } } });
const ADMIN_URL = process.env.QIAO_BENCH_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const name = values.keep ?? `qiao_dash_${process.pid}`;
const admin = new pg.Client({ connectionString: ADMIN_URL });
await admin.connect();
const exists = (await admin.query('select 1 from pg_database where datname = $1', [name])).rowCount === 1;
if (!exists) await admin.query(`create database ${name}`);
const url = new URL(ADMIN_URL);
url.pathname = `/${name}`;
try {
  const database = await openDatabase({ url: url.toString() });
  const clockSettings = new ClockSettingsStore(database.db, 'calendar');
  await clockSettings.load();
  const deps: Deps = { db: database.db, keys: deriveKeys(Buffer.from('a'.repeat(64), 'hex')), now: () => new Date(), clockSettings, tokenTtlSeconds: 86_400 };
  if (!exists) await bulkLoad(deps, Number(values.petitions), 5_000, (s) => console.log(s));
  const t0 = performance.now();
  const sync = await syncDashboards(deps);
  console.log(`sync before measuring: ${sync.rebuilt ? 'rebuilt' : 'incremental'}, ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  const count = ((await database.db.execute('select count(*)::int as n from petitions')) as unknown as { rows: { n: number }[] }).rows[0]!.n;
  const app = await buildApp(deps);
  for (const user of ['leader', 'jy-leader', 'clerk', 'handler']) {
    const login = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: user, password: 'demo' } });
    if (login.statusCode !== 200) continue;
    const token = login.json<{ token: string }>().token;
    const times = await timeN(Number(values.reps), async () => {
      const res = await app.inject({ method: 'GET', url: '/api/dashboards/summary', headers: { authorization: `Bearer ${token}` } });
      if (res.statusCode !== 200) throw new Error(res.body);
    });
    console.log(`${count.toLocaleString('en')} petitions, ${user}: p50 ${percentile(times, 50).toFixed(1)} ms, p95 ${percentile(times, 95).toFixed(1)} ms`);
  }
  console.log(`load average ${loadavg().map((x) => x.toFixed(1)).join(' ')}`);
  await app.close();
  await database.close();
} finally {
  if (!values.keep) await admin.query(`drop database if exists ${name} with (force)`).catch(() => undefined);
  await admin.end();
}
