/**
 * `npx tsx bench/intake-profile.ts [--petitions N] [--seconds S] [--concurrency C] [--statements] [--suggest]`: in-process HTTP
 * intake (app.inject) on a scratch PostgreSQL database seeded with the demo, for profiling the registration path
 * (`QIAO_PROFILE=/tmp/x.cpuprofile` writes a CPU profile). Prints requests/s, latencies, this process's CPU ms and
 * the CPU ms of the database's PostgreSQL backends per request (from /proc, when the server runs on this machine), and the SQL
 * statements (round trips) per request; `--statements` lists them; `--pg-set name=value` sets a setting of the
 * scratch database (log_min_duration_statement=0 logs each statement's server time). Writes nothing else.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import { parseArgs } from 'node:util';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { buildApp } from '../apps/server/src/app';
import type { Deps } from '../apps/server/src/context';
import { openDatabase } from '../apps/server/src/db/open';
import { seedDemo } from '../apps/server/src/demo/seed';
import { deriveKeys } from '../apps/server/src/lib/crypto';
import { ClockSettingsStore } from '../apps/server/src/settings/clock-settings';
import { intakeBody, percentile, rawInserts, runConcurrent, streamOfIntakes, suggestBody } from './lib';

const { values } = parseArgs({
  options: {
    petitions: { type: 'string', default: '1000' },
    seconds: { type: 'string', default: '10' },
    concurrency: { type: 'string', default: '16' },
    statements: { type: 'boolean', default: false },
    /** Each intake asks for the suggestions of its draft first, as the workbench does (POST /api/analysis/suggest). */
    suggest: { type: 'boolean', default: false },
    /** Then the raw single-row INSERT rate of the same database at the same concurrency, as `npm run bench` measures it. */
    raw: { type: 'boolean', default: false },
    /** `office`: the demo generator's petitions, as an office receives them; `copies`: six texts, one phone (the lookup's worst case). */
    stream: { type: 'string', default: 'office' },
    /** `name=value`: a setting for the scratch database (e.g. log_min_duration_statement=0 to time each statement). */
    'pg-set': { type: 'string', multiple: true, default: [] },
  },
});

if (values.stream !== 'office' && values.stream !== 'copies') throw new Error('--stream: office or copies');

/** Statements sent through `pg` while counting (each one round trip), by their text. */
let counting = false;
const statements = new Map<string, number>();
/** Characters sent with each statement (its text and parameters), by its text. */
const bytes = new Map<string, number>();
// eslint-disable-next-line @typescript-eslint/unbound-method -- re-bound to each client below
const query = pg.Client.prototype.query;
pg.Client.prototype.query = function (this: pg.Client, ...args: unknown[]) {
  if (counting) {
    const q = args[0] as string | { text?: string };
    const full = typeof q === 'string' ? q : (q?.text ?? '?');
    const text = full.replace(/\s+/g, ' ').slice(0, 120);
    const params = (typeof q === 'object' && q && 'values' in q ? q.values : args[1]) as
      unknown[] | undefined;
    statements.set(text, (statements.get(text) ?? 0) + 1);
    bytes.set(
      text,
      (bytes.get(text) ?? 0) +
        full.length +
        (params
          ? params.reduce<number>(
              (n, v) => n + (v == null ? 0 : typeof v === 'string' ? v.length : JSON.stringify(v).length),
              0,
            )
          : 0),
    );
  }
  return (query as (...a: unknown[]) => unknown).apply(this, args);
} as typeof pg.Client.prototype.query;

/** CPU ms (user + system) of each process, by pid, from /proc (NaN when unreadable). */
function cpuMs(pids: readonly number[]): Map<number, number> {
  const out = new Map<number, number>();
  for (const pid of pids) {
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      out.set(pid, (Number(f[11]) + Number(f[12])) * 10); // USER_HZ = 100
    } catch {
      /* gone, or not on this machine */
    }
  }
  return out;
}
const ADMIN_URL = process.env.QIAO_BENCH_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const name = `qiao_prof_${process.pid}`;
const admin = new pg.Client({ connectionString: ADMIN_URL });
await admin.connect();
await admin.query(`create database ${name}`);
for (const setting of values['pg-set']) {
  const [k, v] = setting.split('=');
  if (!k || v === undefined || !/^[a-z_.]+$/.test(k)) throw new Error(`--pg-set ${setting}: name=value`);
  await admin.query(`alter database ${name} set ${k} = ${pg.escapeLiteral(v)}`);
}
const url = new URL(ADMIN_URL);
url.pathname = `/${name}`;
try {
  const database = await openDatabase({ url: url.toString() });
  const clockSettings = new ClockSettingsStore(database.db, 'calendar');
  await clockSettings.load();
  const deps: Deps = {
    db: database.db,
    keys: deriveKeys(Buffer.from('a'.repeat(64), 'hex')),
    now: () => new Date(),
    clockSettings,
    tokenTtlSeconds: 86_400,
  };
  const t0 = performance.now();
  await seedDemo(deps, { petitions: Number(values.petitions) });
  console.log(`seeded ${values.petitions} in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  const app = await buildApp(deps);
  const token = (
    await app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'clerk', password: 'demo' },
    })
  ).json<{ token: string }>().token;
  const places = (
    (await deps.db.execute(
      sql`select code from jurisdictions where level in ('town', 'village') order by code`,
    )) as unknown as { rows: { code: string }[] }
  ).rows.map((r) => r.code);
  let i = 0;
  const office = values.stream === 'office' ? streamOfIntakes(5000) : null;
  const next = (n: number) => (office ? office(n) : intakeBody(n, places));
  const profile = process.env.QIAO_PROFILE ? new Session() : null;
  if (profile) {
    profile.connect();
    await profile.post('Profiler.enable');
    await profile.post('Profiler.start');
  }
  // The PostgreSQL server's CPU for this database: its backends (other sessions may share the server).
  const backends = async () =>
    (
      await admin.query<{ pid: number }>('select pid from pg_stat_activity where datname = $1', [name])
    ).rows.map((r) => r.pid);
  const pg0 = cpuMs(await backends());
  const cpu0 = process.cpuUsage();
  counting = true;
  const r = await runConcurrent(Number(values.concurrency), Number(values.seconds) * 1000, async () => {
    const body = next(i++);
    if (values.suggest) {
      const s = await app.inject({
        method: 'POST',
        url: '/api/analysis/suggest',
        headers: { authorization: `Bearer ${token}` },
        payload: suggestBody(body),
      });
      if (s.statusCode !== 200) throw new Error(`suggest ${s.statusCode} ${s.body}`);
    }
    const res = await app.inject({
      method: 'POST',
      url: '/api/petitions',
      headers: { authorization: `Bearer ${token}` },
      payload: body,
    });
    if (res.statusCode !== 201) throw new Error(`intake ${res.statusCode} ${res.body}`);
  });
  counting = false;
  const cpu1 = process.cpuUsage(cpu0);
  const pg1 = cpuMs(await backends());
  const pgMs = pg1.size ? [...pg1].reduce((sum, [pid, ms]) => sum + ms - (pg0.get(pid) ?? 0), 0) : NaN;
  if (profile) {
    const { profile: cpu } = await profile.post('Profiler.stop');
    writeFileSync(process.env.QIAO_PROFILE!, JSON.stringify(cpu));
  }
  console.log(
    `intake: ${r.perSecond.toFixed(1)}/s, p50 ${percentile(r.latencies, 50).toFixed(1)} ms, p95 ${percentile(r.latencies, 95).toFixed(1)} ms, errors ${r.errors}`,
  );
  const n = r.latencies.length;
  const total = [...statements.values()].reduce((a, b) => a + b, 0);
  console.log(
    `  per request: node CPU ${((cpu1.user + cpu1.system) / 1000 / n).toFixed(2)} ms (system ${(cpu1.system / 1000 / n).toFixed(2)}), PostgreSQL backends' CPU ${(pgMs / n).toFixed(2)} ms, ${(total / n).toFixed(1)} statements`,
  );
  if (values.statements)
    for (const [text, c] of [...statements].sort((a, b) => b[1] - a[1]))
      console.log(
        `  ${(c / n).toFixed(2).padStart(6)} ${String(Math.round((bytes.get(text) ?? 0) / c)).padStart(7)} chars  ${text}`,
      );
  if (values.raw) {
    // As bench/run.ts: rows of the petitions' shape into a copy of the table, one statement each.
    const C = Number(values.concurrency);
    const rawRows = await rawInserts(url.toString(), C);
    const rawCpu0 = process.cpuUsage();
    const rawPg0 = cpuMs(await backends());
    const raw = await runConcurrent(C, Number(values.seconds) * 1000, rawRows.insert);
    const rawCpu = process.cpuUsage(rawCpu0);
    const rawPg1 = cpuMs(await backends());
    await rawRows.end();
    const rawPgMs = [...rawPg1].reduce((sum, [pid, ms]) => sum + ms - (rawPg0.get(pid) ?? 0), 0);
    const rn = raw.latencies.length;
    console.log(
      `raw INSERT: ${raw.perSecond.toFixed(1)}/s (node CPU ${((rawCpu.user + rawCpu.system) / 1000 / rn).toFixed(2)} ms, backends' CPU ${(rawPgMs / rn).toFixed(2)} ms a row) → ratio ${(r.perSecond / raw.perSecond).toFixed(3)}`,
    );
  }
  await app.close();
  await database.close();
} finally {
  await admin.query(`drop database if exists ${name} with (force)`).catch(() => undefined);
  await admin.end();
}
