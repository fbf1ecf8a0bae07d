/**
 * `npm run bench [-- --quick | --full | --petitions N] [--base N] [--pglite-petitions N] [--seconds S] [--no-startup] [--no-write]`
 *
 * Loads N petitions into a scratch PostgreSQL database (created and dropped on QIAO_BENCH_PG_URL, default
 * postgres://postgres@127.0.0.1:5432/test as admin) and into an in-memory PGlite, then measures in the same run:
 * HTTP intake requests/s under concurrent load against the real server on a port, the raw single-row INSERT rate
 * of the same PostgreSQL through `pg` (and the ratio), dashboard p50/p95, the overdue query over all open
 * petitions, the server's memory, and `npm start` start-up on an existing data folder. Writes its sections of
 * BENCHMARKS.md.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, totalmem, tmpdir, loadavg } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { buildApp } from '../apps/server/src/app';
import { authenticate } from '../apps/server/src/auth/actor';
import type { Deps } from '../apps/server/src/context';
import { openDatabase, type Database } from '../apps/server/src/db/open';
import { overdueCounts } from '../apps/server/src/dashboards/query';
import { lookupKeys, petitionFingerprint } from '../apps/server/src/analysis/indexing';
import { findSimilar } from '../apps/server/src/analysis/similar';
import { sweep } from '../apps/server/src/sweeps/sweep';
import { syncDashboards } from '../apps/server/src/dashboards/sync';
import { deriveKeys } from '../apps/server/src/lib/crypto';
import { ClockSettingsStore } from '../apps/server/src/settings/clock-settings';
import { bundle, ensureBundle } from '../apps/server/scripts/ensure-bundle';
import { bulkLoad } from './load';
import { intakeBody, percentile, rawInserts, runConcurrent, streamOfIntakes, suggestBody, timeN } from './lib';
import { writeSection } from './report';

const { values } = parseArgs({
  options: {
    quick: { type: 'boolean', default: false },
    full: { type: 'boolean', default: false },
    petitions: { type: 'string' },
    'pglite-petitions': { type: 'string' },
    seconds: { type: 'string' },
    concurrency: { type: 'string', default: '16' },
    'no-startup': { type: 'boolean', default: false },
    'no-pglite': { type: 'boolean', default: false },
    'no-write': { type: 'boolean', default: false },
    base: { type: 'string' },
  },
});
const mode = values.full ? 'full' : values.quick || !values.petitions ? 'quick' : 'custom';
const N = Number(values.petitions ?? (values.full ? 1_000_000 : 20_000));
const NPG_LITE = Number(values['pglite-petitions'] ?? Math.min(N, values.full ? 100_000 : mode === 'quick' ? 1_000 : 10_000));
/** Petitions driven through the real core before the rest are bulk copies of them (the slow, realistic part). */
const BASE = Number(values.base ?? (mode === 'quick' ? 1_000 : 5_000));
const SECONDS = Number(values.seconds ?? (values.full ? 30 : mode === 'quick' ? 5 : 8));
const C = Number(values.concurrency);
const ADMIN_URL = process.env.QIAO_BENCH_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const SECRET = 'a'.repeat(64);
const root = join(import.meta.dirname, '..');
const log = (s: string) => process.stdout.write(s + '\n');
const figures: Record<string, string | number> = {};
const started = Date.now();

function clockStore(database: Database) {
  return new ClockSettingsStore(database.db, 'calendar');
}
async function depsFor(database: Database): Promise<Deps> {
  const clockSettings = clockStore(database);
  await clockSettings.load();
  return { db: database.db, keys: deriveKeys(Buffer.from(SECRET, 'hex')), now: () => new Date(), clockSettings, tokenTtlSeconds: 86_400 };
}

async function freePort(): Promise<number> {
  const { createServer } = await import('node:net');
  return new Promise((res) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => res(port));
    });
  });
}

async function waitHealthy(url: string, child: ChildProcess, timeoutMs = 180_000) {
  const t0 = performance.now();
  while (performance.now() - t0 < timeoutMs) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}`);
    try {
      if ((await fetch(`${url}/healthz`)).ok) return (performance.now() - t0) / 1000;
    } catch {
      /* not yet */
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error('server did not start');
}

/** Resident set of a process and its descendants (tsx runs node in a child). */
function treeRss(pid: number): { rssMb: number; peakMb: number } {
  let rss = 0;
  let peak = 0;
  const visit = (p: number) => {
    try {
      const status = readFileSync(`/proc/${p}/status`, 'utf8');
      rss += Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
      peak += Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? 0);
      for (const t of readFileSync(`/proc/${p}/task/${p}/children`, 'utf8').trim().split(/\s+/).filter(Boolean)) visit(Number(t));
    } catch {
      /* gone */
    }
  };
  visit(pid);
  return { rssMb: Math.round(rss / 1024), peakMb: Math.round(peak / 1024) };
}

function stop(child: ChildProcess) {
  if (child.pid !== undefined && child.exitCode === null) {
    try {
      process.kill(-child.pid, 'SIGTERM');
    } catch {
      /* already gone */
    }
  }
}

async function postgresRun() {
  const name = `qiao_bench_${process.pid}`;
  const admin = new pg.Client({ connectionString: ADMIN_URL });
  await admin.connect();
  await admin.query(`drop database if exists ${name} with (force)`);
  await admin.query(`create database ${name}`);
  const url = new URL(ADMIN_URL);
  url.pathname = `/${name}`;
  let server: ChildProcess | undefined;
  try {
    const database = await openDatabase({ url: url.toString() });
    const deps = await depsFor(database);
    log(`PostgreSQL: loading ${N.toLocaleString()} petitions…`);
    const load = await bulkLoad(deps, N, BASE, log);
    figures.pgLoadSeconds = load.seconds.toFixed(1);
    const rebuild = await syncDashboards(deps, { rebuild: true });
    figures.pgRollupRebuildSeconds = (rebuild.ms / 1000).toFixed(1);
    log(`  rollups built in ${figures.pgRollupRebuildSeconds} s`);

    const port = await freePort();
    const base = `http://127.0.0.1:${port}`;
    server = spawn(process.execPath, [join(root, 'node_modules/tsx/dist/cli.mjs'), join(root, 'apps/server/src/cli.ts'), 'serve'], {
      env: { ...process.env, DATABASE_URL: url.toString(), QIAO_SECRET_KEY: SECRET, PORT: String(port), HOST: '127.0.0.1', QIAO_SWEEP_INTERVAL_MINUTES: '0', LOG_LEVEL: 'warn' },
      stdio: ['ignore', 'ignore', 'inherit'],
      detached: true,
    });
    figures.pgServerStartSeconds = (await waitHealthy(base, server)).toFixed(2);
    const login = async (username: string) => {
      const res = await fetch(`${base}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password: 'demo' }) });
      if (!res.ok) throw new Error(`login ${username}: ${res.status}`);
      return ((await res.json()) as { token: string }).token;
    };
    const tokens = Object.fromEntries(await Promise.all(['clerk', 'leader', 'handler', 'jy-leader'].map(async (u) => [u, await login(u).catch(() => '')] as const)));
    const places = (await deps.db.execute(sql`select code from jurisdictions where level in ('town', 'village') order by code`)) as unknown as { rows: { code: string }[] };
    const codes = places.rows.map((r) => r.code);

    // Dashboards before the write load (the rollups are current).
    const dash = async (user: string, query: string, n: number) => {
      const times = await timeN(n, async () => {
        const res = await fetch(`${base}/api/dashboards/summary?${query}`, { headers: { authorization: `Bearer ${tokens[user]}` } });
        if (!res.ok) throw new Error(`dashboard ${user}: ${res.status} ${await res.text()}`);
        await res.arrayBuffer();
      });
      return { p50: percentile(times, 50), p95: percentile(times, 95) };
    };
    const reps = values.full ? 100 : 40;
    for (const [user, query, key] of [
      ['leader', '', 'dashLeaderYear'],
      ['leader', 'from=2025-01&to=2026-12', 'dashLeader24m'],
      ['clerk', '', 'dashClerkYear'],
      ['jy-leader', '', 'dashCountyLeaderYear'],
      ['handler', '', 'dashHandlerLive'],
    ] as const) {
      if (!tokens[user]) continue;
      const d = await dash(user, query, reps);
      figures[`${key}P50`] = d.p50.toFixed(1);
      figures[`${key}P95`] = d.p95.toFixed(1);
      log(`  dashboard ${user} ${query || 'this year'}: p50 ${d.p50.toFixed(1)} ms, p95 ${d.p95.toFixed(1)} ms`);
    }
    const pub = await timeN(reps, async () => void (await (await fetch(`${base}/api/portal/stats`)).arrayBuffer()));
    figures.publicStatsP95 = percentile(pub, 95).toFixed(1);

    // The overdue query over every open petition (what the cockpit's overdue tile and scorecard read).
    const leader = await authenticate(deps, `Bearer ${tokens.leader}`);
    const today = deps.clockSettings.context(new Date()).today;
    const ov = await timeN(reps, () => overdueCounts(deps.db, leader, null, today));
    const overdue = await overdueCounts(deps.db, leader, null, today);
    const open = (await deps.db.execute(sql`select count(*)::int as n from petitions where next_due_on is not null`)) as unknown as { rows: { n: number }[] };
    figures.openPetitions = open.rows[0]?.n ?? 0;
    figures.overduePetitions = overdue.total;
    figures.overdueQueryP50 = percentile(ov, 50).toFixed(1);
    figures.overdueQueryP95 = percentile(ov, 95).toFixed(1);
    const ovList = await timeN(reps, async () => void (await (await fetch(`${base}/api/petitions?overdue=true&limit=50`, { headers: { authorization: `Bearer ${tokens.leader}` } })).arrayBuffer()));
    figures.overdueListP50 = percentile(ovList, 50).toFixed(1);
    log(`  overdue: ${overdue.total} of ${figures.openPetitions} open; query p50 ${figures.overdueQueryP50} ms; list page p50 ${figures.overdueListP50} ms`);

    // Duplicate lookup as intake runs it (the server's findSimilar: LSH and key candidates, stored fingerprints,
    // verification by core's pair model), one at a time, for retellings of stored petitions (their text without
    // its opening words), as the city petition office's clerk.
    const clerk = await authenticate(deps, `Bearer ${tokens.clerk}`);
    const drafts = (
      (await deps.db.execute(
        sql`select id, title, content, demands, respondent_name as "respondentName", address from petitions order by md5(id::text) limit ${reps * 5}`,
      )) as unknown as { rows: { id: string; title: string; content: string; demands: string | null; respondentName: string | null; address: string | null }[] }
    ).rows.map((p) => {
      const fp = petitionFingerprint('draft', { ...p, content: p.content.slice(Math.min(12, Math.floor(p.content.length / 4))) });
      return { fp, keys: lookupKeys(fp, []) };
    });
    for (const d of drafts.slice(0, 20)) await findSimilar(deps.db, clerk, d.fp, d.keys, []); // warm caches and IDF sample
    let next = 0;
    const lookups = await timeN(drafts.length, async () => {
      const d = drafts[next++ % drafts.length]!;
      await findSimilar(deps.db, clerk, d.fp, d.keys, []);
    });
    figures.dedupLookups = lookups.length;
    figures.dedupP50 = percentile(lookups, 50).toFixed(1);
    figures.dedupP99 = percentile(lookups, 99).toFixed(1);
    log(`  duplicate lookup (findSimilar, ${lookups.length} retellings): p50 ${figures.dedupP50} ms, p99 ${figures.dedupP99} ms`);

    // HTTP intake under concurrent load, as a clerk's intake reaches the server: the suggestions for the final
    // draft (classification, duplicate lookup, routing: the workbench asks while the clerk types, at least once),
    // then the registration (validation, fingerprint and lookup keys, the first clocks, commit). The petitions are
    // an office's (the demo generator's: varied texts of 80-400 characters, petitioners, places, some repeats);
    // registration alone after it, then the lookup's worst case (six short texts, one phone: every draft a
    // near-copy of hundreds), for comparison.
    const office = streamOfIntakes(Math.max(5000, SECONDS * 1000)); // more than both load tests register
    let i = 0;
    const post = async (path: string, body: unknown, status: number) => {
      const res = await fetch(`${base}${path}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${tokens.clerk}` },
        body: JSON.stringify(body),
      });
      await res.arrayBuffer();
      if (res.status !== status) throw new Error(`${path} ${res.status}`);
    };
    const clerkIntake = (next: (n: number) => ReturnType<typeof office>) => async () => {
      const body = next(i++);
      await post('/api/analysis/suggest', suggestBody(body), 200);
      await post('/api/petitions', body, 201);
    };
    const intake = await runConcurrent(C, SECONDS * 1000, clerkIntake(office));
    figures.intakePerSecond = intake.perSecond.toFixed(0);
    figures.intakeErrors = intake.errors;
    figures.intakeP50 = percentile(intake.latencies, 50).toFixed(1);
    figures.intakeP95 = percentile(intake.latencies, 95).toFixed(1);
    log(`  HTTP intake (suggest + register): ${figures.intakePerSecond}/s with ${C} concurrent clients (p50 ${figures.intakeP50} ms, p95 ${figures.intakeP95} ms, ${intake.errors} errors)`);
    const registration = await runConcurrent(C, SECONDS * 1000, async () => post('/api/petitions', office(i++), 201));
    figures.registerPerSecond = registration.perSecond.toFixed(0);
    figures.registerErrors = registration.errors;
    figures.registerP50 = percentile(registration.latencies, 50).toFixed(1);
    figures.registerP95 = percentile(registration.latencies, 95).toFixed(1);
    log(`  HTTP registration alone: ${figures.registerPerSecond}/s (p50 ${figures.registerP50} ms, p95 ${figures.registerP95} ms, ${registration.errors} errors)`);
    const copies = await runConcurrent(C, SECONDS * 1000, clerkIntake((n) => intakeBody(n, codes)));
    figures.copiesIntakePerSecond = copies.perSecond.toFixed(0);
    figures.copiesIntakeErrors = copies.errors;
    log(`  HTTP intake, near-copies (six texts, one phone): ${figures.copiesIntakePerSecond}/s (${copies.errors} errors)`);
    const mem = treeRss(server.pid!);
    figures.serverRssMb = mem.rssMb;
    figures.serverPeakRssMb = mem.peakMb;

    // The first dashboard after the intake burst folds it in (incremental sync).
    const catchUp = await timeN(1, async () => void (await (await fetch(`${base}/api/dashboards/summary`, { headers: { authorization: `Bearer ${tokens.leader}` } })).arrayBuffer()));
    figures.dashAfterBurstMs = catchUp[0]!.toFixed(0);
    const d2 = await dash('leader', '', reps);
    figures.dashLeaderAfterP95 = d2.p95.toFixed(1);

    // The overdue sweep over every open petition (reminders, escalations, supervision drafts), once, as the hourly
    // sweep runs it, after the intake burst.
    const t0Sweep = performance.now();
    const swept = await sweep(deps);
    figures.sweepSeconds = ((performance.now() - t0Sweep) / 1000).toFixed(2);
    figures.sweepExamined = swept.examined;
    log(`  overdue sweep: ${swept.examined} open petitions examined in ${figures.sweepSeconds} s`);

    // Raw single-row INSERT rate of the same PostgreSQL: rows of the petitions' shape, one statement each.
    const rawRows = await rawInserts(url.toString(), C);
    const raw = await runConcurrent(C, SECONDS * 1000, rawRows.insert);
    await rawRows.end();
    figures.rawInsertPerSecond = raw.perSecond.toFixed(0);
    figures.intakeRatio = (intake.perSecond / raw.perSecond).toFixed(3);
    figures.registerRatio = (registration.perSecond / raw.perSecond).toFixed(3);
    figures.copiesIntakeRatio = (copies.perSecond / raw.perSecond).toFixed(3);
    log(`  raw INSERT: ${figures.rawInsertPerSecond}/s → intake ratio ${figures.intakeRatio} (registration alone ${figures.registerRatio})`);
    await database.close();
  } finally {
    if (server && server.exitCode === null) {
      const exited = new Promise((r) => server!.once('exit', r));
      stop(server);
      await Promise.race([exited, new Promise((r) => setTimeout(r, 10_000))]);
    }
    await admin.query(`drop database if exists ${name} with (force)`).catch(() => undefined);
    await admin.end();
  }
}

async function pgliteRun() {
  const database = await openDatabase({});
  try {
    const deps = await depsFor(database);
    log(`PGlite (in memory): loading ${NPG_LITE.toLocaleString()} petitions…`);
    const load = await bulkLoad(deps, NPG_LITE, Math.min(mode === 'quick' ? 500 : BASE, NPG_LITE), log);
    figures.pgliteLoadSeconds = load.seconds.toFixed(1);
    const rebuild = await syncDashboards(deps, { rebuild: true });
    figures.pgliteRollupRebuildSeconds = (rebuild.ms / 1000).toFixed(1);
    const app = await buildApp(deps);
    const token = async (username: string) =>
      (await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password: 'demo' } })).json<{ token: string }>().token;
    const leaderToken = await token('leader');
    const clerkToken = await token('clerk');
    const reps = 40;
    const d = await timeN(reps, async () => {
      const res = await app.inject({ method: 'GET', url: '/api/dashboards/summary', headers: { authorization: `Bearer ${leaderToken}` } });
      if (res.statusCode !== 200) throw new Error(res.body);
    });
    figures.pgliteDashP50 = percentile(d, 50).toFixed(1);
    figures.pgliteDashP95 = percentile(d, 95).toFixed(1);
    const leader = await authenticate(deps, `Bearer ${leaderToken}`);
    const today = deps.clockSettings.context(new Date()).today;
    const ov = await timeN(reps, () => overdueCounts(deps.db, leader, null, today));
    figures.pgliteOverdueP50 = percentile(ov, 50).toFixed(1);
    const office = streamOfIntakes(5000);
    let i = 0;
    const intake = await runConcurrent(4, Math.min(SECONDS, 8) * 1000, async () => {
      const res = await app.inject({ method: 'POST', url: '/api/petitions', headers: { authorization: `Bearer ${clerkToken}` }, payload: office(i++) });
      if (res.statusCode !== 201) throw new Error(`intake ${res.statusCode}`);
    });
    figures.pgliteIntakePerSecond = intake.perSecond.toFixed(0);
    log(`  PGlite: load ${figures.pgliteLoadSeconds} s, dashboard p50 ${figures.pgliteDashP50} / p95 ${figures.pgliteDashP95} ms, overdue ${figures.pgliteOverdueP50} ms, intake ${figures.pgliteIntakePerSecond}/s (in-process)`);
    await app.close();
  } finally {
    await database.close();
  }
}

/** `npm start` on a new data folder (demo load), then again on the existing folder: seconds to a healthy server. */
async function startupRun() {
  const dir = mkdtempSync(join(tmpdir(), 'qiao-bench-'));
  const once = async () => {
    const port = await freePort();
    const t0 = performance.now();
    const child = spawn('npm', ['start', '--silent'], {
      cwd: root,
      env: { ...process.env, QIAO_DATA_DIR: dir, PORT: String(port), HOST: '127.0.0.1', DATABASE_URL: '', QIAO_SWEEP_INTERVAL_MINUTES: '0' },
      stdio: 'ignore',
      detached: true,
    });
    try {
      await waitHealthy(`http://127.0.0.1:${port}`, child, 300_000);
      return { seconds: (performance.now() - t0) / 1000, rss: treeRss(child.pid!) };
    } finally {
      stop(child);
      await new Promise((r) => child.once('exit', r));
    }
  };
  try {
    if (mode === 'quick') {
      // Quick mode skips the first start's demo of 5,000 (minutes): a folder with a small demo is made
      // by `qiao seed` (untimed), then `npm start` on it is timed.
      log('npm start on an existing data folder (quick: seeded with 200 petitions)…');
      await ensureBundle();
      const seeded = spawnSync(process.execPath, [bundle, 'seed', '--petitions', '200'], {
        cwd: root,
        env: { ...process.env, QIAO_DATA_DIR: dir, DATABASE_URL: '' },
        encoding: 'utf8',
      });
      if (seeded.status !== 0) throw new Error(`qiao seed failed: ${seeded.stderr}`);
      const existing = await once();
      figures.startExistingSeconds = existing.seconds.toFixed(1);
      figures.startExistingRssMb = existing.rss.rssMb;
      log(`  existing folder ${figures.startExistingSeconds} s (RSS ${existing.rss.rssMb} MB)`);
      return;
    }
    log('npm start: first start (new data folder, demo of 5,000)…');
    const first = await once();
    const second = await once();
    figures.startFirstSeconds = first.seconds.toFixed(1);
    figures.startExistingSeconds = second.seconds.toFixed(1);
    figures.startExistingRssMb = second.rss.rssMb;
    log(`  first ${figures.startFirstSeconds} s, existing folder ${figures.startExistingSeconds} s (RSS ${second.rss.rssMb} MB)`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

await postgresRun();
if (!values['no-pglite']) await pgliteRun();
if (!values['no-startup']) await startupRun();
figures.totalSeconds = ((Date.now() - started) / 1000).toFixed(0);
const machine = {
  cpu: `${cpus().length} × ${cpus()[0]?.model ?? 'unknown'}`,
  ramGb: (totalmem() / 2 ** 30).toFixed(1),
  node: process.version,
  date: new Date().toISOString().slice(0, 10),
  load: loadavg().map((x) => x.toFixed(1)).join(' '),
};
log(`done in ${figures.totalSeconds} s`);
if (!values['no-write']) {
  writeSection(join(root, 'BENCHMARKS.md'), { mode, petitions: N, base: BASE, pglitePetitions: NPG_LITE, seconds: SECONDS, concurrency: C, machine, figures });
  log('BENCHMARKS.md updated');
} else writeFileSync(1, JSON.stringify({ machine, figures }, null, 2) + '\n');
process.exit(0);
