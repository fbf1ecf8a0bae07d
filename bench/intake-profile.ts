/**
 * `npx tsx bench/intake-profile.ts [--petitions N] [--seconds S] [--concurrency C]`: in-process HTTP intake (app.inject)
 * on a scratch PostgreSQL database seeded with the demo, for profiling the registration path
 * (`node --cpu-prof --import tsx bench/intake-profile.ts`). Prints requests/s and latencies; writes nothing.
 */
import { writeFileSync } from 'node:fs';
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
import { intakeBody, percentile, runConcurrent } from './lib';

const { values } = parseArgs({ options: { petitions: { type: 'string', default: '1000' }, seconds: { type: 'string', default: '10' }, concurrency: { type: 'string', default: '16' } } });
const ADMIN_URL = process.env.QIAO_BENCH_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const name = `qiao_prof_${process.pid}`;
const admin = new pg.Client({ connectionString: ADMIN_URL });
await admin.connect();
await admin.query(`create database ${name}`);
const url = new URL(ADMIN_URL);
url.pathname = `/${name}`;
try {
  const database = await openDatabase({ url: url.toString() });
  const clockSettings = new ClockSettingsStore(database.db, 'calendar');
  await clockSettings.load();
  const deps: Deps = { db: database.db, keys: deriveKeys(Buffer.from('a'.repeat(64), 'hex')), now: () => new Date(), clockSettings, tokenTtlSeconds: 86_400 };
  const t0 = performance.now();
  await seedDemo(deps, { petitions: Number(values.petitions) });
  console.log(`seeded ${values.petitions} in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  const app = await buildApp(deps);
  const token = (await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'clerk', password: 'demo' } })).json<{ token: string }>().token;
  const places = ((await deps.db.execute(sql`select code from jurisdictions where level in ('town', 'village') order by code`)) as unknown as { rows: { code: string }[] }).rows.map((r) => r.code);
  let i = 0;
  const profile = process.env.QIAO_PROFILE ? new Session() : null;
  if (profile) {
    profile.connect();
    await profile.post('Profiler.enable');
    await profile.post('Profiler.start');
  }
  const r = await runConcurrent(Number(values.concurrency), Number(values.seconds) * 1000, async () => {
    const res = await app.inject({ method: 'POST', url: '/api/petitions', headers: { authorization: `Bearer ${token}` }, payload: intakeBody(i++, places) });
    if (res.statusCode !== 201) throw new Error(`intake ${res.statusCode} ${res.body}`);
  });
  if (profile) {
    const { profile: cpu } = await profile.post('Profiler.stop');
    writeFileSync(process.env.QIAO_PROFILE!, JSON.stringify(cpu));
  }
  console.log(`intake: ${r.perSecond.toFixed(1)}/s, p50 ${percentile(r.latencies, 50).toFixed(1)} ms, p95 ${percentile(r.latencies, 95).toFixed(1)} ms, errors ${r.errors}`);
  await app.close();
  await database.close();
} finally {
  await admin.query(`drop database if exists ${name} with (force)`).catch(() => undefined);
  await admin.end();
}
