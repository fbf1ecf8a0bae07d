// Duplicate lookup at scale (issue 6 point 7): loads N petitions with their candidate keys and stored
// fingerprints into a PostgreSQL database, then times the lookup intake runs — the server's own `findSimilar`
// (indexed candidate query, fingerprint fetch joined with the visibility rule, verification with core's
// similarity, concrete facts included) — for retold and new petitions, and shows the candidate query's plan.
//
//   npx tsx bench/dedup-lookup.ts [--n 100000] [--queries 1000] [--pool N] [--keep NAME] [--url postgres://postgres@127.0.0.1:5432/test]
//
// The corpus: 200 petitions go through the demo seeder (the real core and indexing: users, units, templates);
// every other petition gets its own text from the demo generator (title, account, demands, respondent, place,
// petitioners' phone numbers, spread over two years oldest first) and is fingerprinted by the server's
// `petitionFingerprint`, so band, respondent, place and petitioner keys are as intake would write them. Its
// petition row copies the non-text columns (status, units, state JSON) of one of the 200 seeded petitions; the
// text, place, domain and dates are its own. With --pool P < N, only P texts are generated and reused with
// fresh ids, band keys salted per reuse (a quicker, less realistic load: respondent and place lists still grow).
// --keep NAME loads into database NAME once and reuses it on later runs (a 1,000,000 load takes most of an hour
// on two shared cores); without it a scratch database is dropped at the end.

import { loadavg, cpus } from 'node:os';
import { parseArgs } from 'node:util';
import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { drizzle } from 'drizzle-orm/node-postgres';
import pg from 'pg';
import type { Actor } from '@qiao/core';
import { FINGERPRINT_VERSION, storeFingerprint } from '@qiao/core/text';
import { lookupKeys, petitionFingerprint, type PetitionText } from '../apps/server/src/analysis/indexing';
import { candidateQuery, candidates, findSimilar, storedCandidates, storedIdf } from '../apps/server/src/analysis/similar';
import type { Db } from '../apps/server/src/db/open';
import { openDatabase } from '../apps/server/src/db/open';
import { buildWorld, createRng, generatePetitionFacts, toTraditional } from '../apps/server/src/demo/index';
import { seedDemo } from '../apps/server/src/demo/seed';
import { deriveKeys, keyedHash } from '../apps/server/src/lib/crypto';
import { writableColumns } from './lib';
import { ClockSettingsStore } from '../apps/server/src/settings/clock-settings';

const { values } = parseArgs({
  options: {
    n: { type: 'string', default: '100000' },
    queries: { type: 'string', default: '1000' },
    pool: { type: 'string' },
    keep: { type: 'string' },
    url: { type: 'string', default: process.env.QIAO_TEST_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/test' },
  },
});
const N = Number(values.n);
const Q = Number(values.queries);
const POOL = Math.min(N, Number(values.pool ?? N));
const SEEDED = 200;
const log = (s: string) => process.stderr.write(`${new Date().toISOString().slice(11, 19)} ${s}\n`);

const world = buildWorld();
const rng = createRng('bench-dedup-lookup');
const DAY0 = Date.parse('2025-01-01T00:00:00Z');
const day = (i: number, n: number) => new Date(DAY0 + Math.floor((i / n) * 730) * 86_400_000).toISOString().slice(0, 10);
const keys = deriveKeys(Buffer.from('a'.repeat(64), 'hex'));

function generate(receivedOn: string) {
  const f = generatePetitionFacts(rng, world, receivedOn);
  const p: PetitionText = { title: f.title, content: f.text, demands: f.demands, respondentName: f.respondent?.name ?? null, address: f.address };
  const persons = [...new Set(f.petitioners.flatMap((x) => (x.phone ? [keyedHash(keys.matching, x.phone)] : [])))];
  return { f, p, persons };
}

function pct(xs: number[], q: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil(q * s.length) - 1)] ?? NaN;
}
const fmt = (xs: number[]) =>
  `p50 ${pct(xs, 0.5).toFixed(2)} ms, p95 ${pct(xs, 0.95).toFixed(2)} ms, p99 ${pct(xs, 0.99).toFixed(2)} ms, max ${Math.max(...xs).toFixed(2)} ms`;
const load = () => loadavg().map((x) => x.toFixed(1)).join(' ');

interface Item {
  p: PetitionText;
  keys: string[];
  stored: ReturnType<typeof storeFingerprint>;
  persons: string[];
  jurisdictionCode: string;
  domain: string;
}

async function loadCorpus(pool: pg.Pool, deps: Parameters<typeof seedDemo>[0]) {
  let t0 = performance.now();
  await seedDemo(deps, { petitions: SEEDED });
  const templates = (await pool.query<{ id: string }>('select id from petitions order by id')).rows.map((r) => r.id);
  log(`seeded ${templates.length} petitions through the core in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  const cols = await writableColumns(drizzle(pool), 'petitions');
  const override: Record<string, string> = {
    id: 'g.id',
    tracking_code: `'B' || g.n`,
    idempotency_key: 'null',
    idempotency_fingerprint: 'null',
    title: 'g.title',
    content: 'g.content',
    demands: 'g.demands',
    respondent_name: 'g.respondent_name',
    address: 'g.address',
    jurisdiction_code: 'g.jurisdiction_code',
    domain: 'g.domain',
    received_on: 'g.received_on',
    registered_at: 'g.received_on::timestamptz',
    repeat_of: 'null',
    state: `jsonb_set(jsonb_set(p.state, '{id}', to_jsonb(g.id::text)), '{repeatOf}', 'null'::jsonb)`,
  };
  const insertPetitions = `insert into petitions (${cols.join(', ')})
    select ${cols.map((c) => override[c] ?? `p.${c}`).join(', ')}
    from unnest($1::uuid[], $2::bigint[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::text[], $10::date[], $11::uuid[])
      as g(id, n, title, content, demands, respondent_name, address, jurisdiction_code, domain, received_on, tmpl)
    join petitions p on p.id = g.tmpl`;

  await pool.query('alter table analysis_keys drop constraint analysis_keys_key_received_on_petition_id_pk');
  t0 = performance.now();
  const reused: Item[] = [];
  let keyRows = 0;
  let fpCpu = 0;
  const BATCH = 1000;
  let inFlight: Promise<void> = Promise.resolve();
  for (let start = 0; start < N - SEEDED; start += BATCH) {
    const cols11: unknown[][] = Array.from({ length: 11 }, () => []);
    const k: string[][] = [[], [], [], []];
    const f: unknown[][] = Array.from({ length: 11 }, () => []);
    for (let i = start; i < Math.min(N - SEEDED, start + BATCH); i++) {
      const receivedOn = day(i, N - SEEDED);
      let it: Item;
      const replica = Math.floor(i / POOL);
      if (replica === 0) {
        const c = process.cpuUsage();
        const { f: facts, p, persons } = generate(receivedOn);
        const fp = petitionFingerprint(String(i), p, persons);
        it = { p, keys: lookupKeys(fp, persons), stored: storeFingerprint(fp), persons, jurisdictionCode: facts.jurisdictionCode, domain: facts.domain };
        const u = process.cpuUsage(c);
        fpCpu += (u.user + u.system) / 1000;
        if (POOL < N) reused.push(it);
      } else it = reused[i % POOL] as Item;
      const id = randomUUID();
      const row = [id, i, it.p.title, it.p.content, it.p.demands, it.p.respondentName, it.p.address, it.jurisdictionCode, it.domain, receivedOn, templates[i % templates.length]];
      row.forEach((v, j) => cols11[j]!.push(v));
      for (const key of it.keys) {
        k[0]!.push(replica > 0 && key.startsWith('v') ? `${key}~${replica}` : key);
        k[1]!.push(receivedOn);
        k[2]!.push(id);
        k[3]!.push(it.jurisdictionCode);
      }
      const fpRow = [id, it.jurisdictionCode, receivedOn, it.domain, JSON.stringify(it.stored.shingles), JSON.stringify(it.stored.respondents),
        JSON.stringify(it.stored.places), JSON.stringify(it.stored.subjects), JSON.stringify(it.stored.facts), JSON.stringify(it.persons), JSON.stringify(it.keys)];
      fpRow.forEach((v, j) => f[j]!.push(v));
    }
    keyRows += k[0]!.length;
    // One batch written while the next is generated (the database and the generator each get a core).
    await inFlight;
    inFlight = writeBatch(cols11, k, f);
    if ((start / BATCH) % 50 === 49) log(`loaded ${start + BATCH + SEEDED} petitions, ${keyRows} key rows, load ${load()}`);
  }
  await inFlight;
  async function writeBatch(cols11: unknown[][], k: string[][], f: unknown[][]) {
    await pool.query(insertPetitions, cols11);
    await pool.query(
      'insert into analysis_keys (key, received_on, petition_id, jurisdiction_code) select * from unnest($1::text[], $2::date[], $3::uuid[], $4::text[])',
      k,
    );
    // JSON arrays into PostgreSQL arrays (the texts are plain strings: no commas or braces to escape beyond JSON's).
    await pool.query(
      `insert into analysis_fingerprints (petition_id, jurisdiction_code, received_on, domain, shingles, respondents, places, subjects, facts, persons, keys, indexed_at, fingerprint_version)
       select id, j, d, dom, array(select jsonb_array_elements_text(sh::jsonb)::int), array(select jsonb_array_elements_text(r::jsonb)),
              array(select jsonb_array_elements_text(pl::jsonb)), array(select jsonb_array_elements_text(su::jsonb)),
              array(select jsonb_array_elements_text(fa::jsonb)), array(select jsonb_array_elements_text(pe::jsonb)),
              array(select jsonb_array_elements_text(ke::jsonb)), now(), ${FINGERPRINT_VERSION}
       from unnest($1::uuid[], $2::text[], $3::date[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::text[], $10::text[], $11::text[])
         as t(id, j, d, dom, sh, r, pl, su, fa, pe, ke)`,
      f,
    );
  }
  const loadSecs = (performance.now() - t0) / 1000;
  t0 = performance.now();
  await pool.query("set maintenance_work_mem = '1GB'; alter table analysis_keys add constraint analysis_keys_key_received_on_petition_id_pk primary key (key, received_on, petition_id)");
  await pool.query('vacuum analyze'); // as autovacuum would: index-only scans need the visibility map
  const indexSecs = (performance.now() - t0) / 1000;
  log(`loaded ${N} petitions, ${keyRows} key rows in ${loadSecs.toFixed(0)} s (fingerprinting ${(fpCpu / 1000).toFixed(0)} CPU-s); primary key + vacuum analyze ${indexSecs.toFixed(0)} s`);
  await pool.query(`create table bench_dedup_meta as select ${N}::int as n, ${POOL}::int as pool, ${keyRows}::bigint as key_rows, ${Math.round(loadSecs)}::int as load_seconds, now() as loaded_at`);
}

/**
 * A kept database loaded by an older version stores older fingerprints (FINGERPRINT_VERSION): their shingle
 * hashes would not match a query's. Re-store them from the petitions' texts (the band keys in analysis_keys come
 * from the MinHash signature, which did not change, and are kept), in batches by id, so the lookup compares like
 * with like, as `qiao index --backfill` would (without rewriting 68 million key rows).
 */
async function restore(pool: pg.Pool) {
  const [{ n } = { n: 0 }] = (await pool.query<{ n: number }>('select count(*)::int as n from analysis_fingerprints where fingerprint_version < $1', [FINGERPRINT_VERSION])).rows;
  if (n === 0) return;
  log(`re-storing ${n} fingerprints of an older version`);
  const t0 = performance.now();
  let after = '00000000-0000-0000-0000-000000000000';
  let done = 0;
  let inFlight: Promise<unknown> = Promise.resolve();
  for (;;) {
    const batch = (
      await pool.query<{ id: string; title: string; content: string; demands: string | null; respondent_name: string | null; address: string | null; persons: string[] }>(
        `select p.id, p.title, p.content, p.demands, p.respondent_name, p.address, f.persons from analysis_fingerprints f join petitions p on p.id = f.petition_id
         where f.petition_id > $1 and f.fingerprint_version < $2 order by f.petition_id limit 2000`,
        [after, FINGERPRINT_VERSION],
      )
    ).rows;
    if (batch.length === 0) break;
    after = batch[batch.length - 1]!.id;
    const cols: string[][] = Array.from({ length: 6 }, () => []);
    for (const r of batch) {
      const st = storeFingerprint(petitionFingerprint(r.id, { title: r.title, content: r.content, demands: r.demands, respondentName: r.respondent_name, address: r.address }, r.persons));
      [r.id, JSON.stringify(st.shingles), JSON.stringify(st.respondents), JSON.stringify(st.places), JSON.stringify(st.subjects), JSON.stringify(st.facts)].forEach((v, j) => cols[j]!.push(v));
    }
    await inFlight;
    inFlight = pool.query(
      `update analysis_fingerprints f set shingles = array(select jsonb_array_elements_text(t.sh::jsonb)::int), respondents = array(select jsonb_array_elements_text(t.r::jsonb)),
         places = array(select jsonb_array_elements_text(t.pl::jsonb)), subjects = array(select jsonb_array_elements_text(t.su::jsonb)),
         facts = array(select jsonb_array_elements_text(t.fa::jsonb)), fingerprint_version = ${FINGERPRINT_VERSION}
       from unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[]) as t(id, sh, r, pl, su, fa) where f.petition_id = t.id`,
      cols,
    );
    done += batch.length;
    if (done % 50_000 < 2000) log(`re-stored ${done}/${n}, load ${load()}`);
  }
  await inFlight;
  await pool.query('vacuum analyze analysis_fingerprints');
  log(`re-stored ${done} fingerprints in ${((performance.now() - t0) / 1000).toFixed(0)} s`);
}

async function main() {
  const name = values.keep ?? `qiao_bench_dedup_${process.pid}`;
  const admin = new pg.Client({ connectionString: values.url });
  await admin.connect();
  const exists = (await admin.query('select 1 from pg_database where datname = $1', [name])).rowCount === 1;
  if (!exists) await admin.query(`create database ${name}`);
  const url = new URL(values.url);
  url.pathname = `/${name}`;
  const database = await openDatabase({ url: url.toString() }); // runs the migrations: the real schema
  const pool = new pg.Pool({ connectionString: url.toString(), max: 2 });
  try {
    const loaded = (await pool.query(`select to_regclass('bench_dedup_meta') is not null as loaded`)).rows[0]?.loaded as boolean;
    if (!loaded) {
      const clockSettings = new ClockSettingsStore(database.db, 'calendar');
      await clockSettings.load();
      await loadCorpus(pool, { db: database.db, keys, now: () => new Date(), clockSettings, tokenTtlSeconds: 86_400 });
    }
    await restore(pool);
    const meta = (await pool.query('select * from bench_dedup_meta')).rows[0] as { n: number; pool: number; key_rows: string; load_seconds: number };
    const size = (await pool.query<{ s: string }>(`select pg_size_pretty(pg_database_size(current_database())) as s`)).rows[0]?.s;
    const db = drizzle(pool) as unknown as Db;

    // Queries: half retold (a stored petition's account again, in traditional characters, without its title:
    // should find that petition), half new generated petitions.
    const sample = (
      await pool.query<{ id: string; content: string; demands: string | null; respondent_name: string | null; address: string | null }>(
        `select id, content, demands, respondent_name, address from petitions tablesample bernoulli (1) repeatable (7)
         where tracking_code like 'B%' order by md5(id::text) limit $1`, // spread over the two years, not the first pages
        [Math.ceil(Q / 2)],
      )
    ).rows;
    const queries: { fp: ReturnType<typeof petitionFingerprint>; keys: string[]; persons: string[]; original: string | null }[] = [];
    for (let i = 0; i < Q; i++) {
      const s = sample[i >> 1];
      if (i % 2 === 0 && s) {
        const p: PetitionText = { title: '', content: toTraditional(s.content), demands: s.demands, respondentName: s.respondent_name, address: s.address };
        const fp = petitionFingerprint(`q${i}`, p);
        queries.push({ fp, keys: lookupKeys(fp, []), persons: [], original: s.id });
      } else {
        const { p, persons } = generate('2027-01-05');
        const fp = petitionFingerprint(`q${i}`, p, persons);
        queries.push({ fp, keys: lookupKeys(fp, persons), persons, original: null });
      }
    }
    const actor = (username: string): Actor => {
      const u = world.users.find((x) => x.username === username)!;
      return { userId: randomUUID(), role: u.role, unitId: u.unitId, jurisdictionCode: u.jurisdictionCode, atPetitionOffice: true };
    };
    const cityClerk = actor('clerk');
    const countyClerk = actor('jy-clerk');
    await storedIdf(db); // the IDF sample, built once and cached as in the server
    for (const q of queries.slice(0, 50)) await findSimilar(db, cityClerk, q.fp, q.keys, q.persons); // warm the cache

    const out: Record<string, unknown> = {
      date: new Date().toISOString().slice(0, 16),
      machine: `${cpus()[0]?.model ?? 'cpu'} × ${cpus().length}, PostgreSQL ${(await pool.query<{ server_version: string }>('show server_version')).rows[0]?.server_version}, Node ${process.version}`,
      petitions: meta.n,
      distinctTexts: meta.pool,
      keyRows: Number(meta.key_rows),
      database: size,
      loadSeconds: meta.load_seconds,
      queries: Q,
      loadBefore: load(),
    };
    for (const [who, actor] of [['cityClerk', cityClerk], ['countyClerk', countyClerk]] as const) {
      const candMs: number[] = [];
      const fullMs: number[] = [];
      const cpuMs: number[] = [];
      const counts: number[] = [];
      let found = 0;
      let retold = 0;
      for (const q of queries) {
        const a = performance.now();
        const c = await candidates(db, q.keys);
        candMs.push(performance.now() - a);
        counts.push(c.length);
        const cpu = process.cpuUsage();
        const b = performance.now();
        const similar = await findSimilar(db, actor, q.fp, q.keys, q.persons);
        fullMs.push(performance.now() - b);
        const u = process.cpuUsage(cpu);
        cpuMs.push((u.user + u.system) / 1000);
        if (q.original) {
          retold++;
          if (similar.some((s) => s.id === q.original && s.sameMatter)) found++;
        }
      }
      out[who] = {
        findSimilar: fmt(fullMs),
        candidateQueryAlone: fmt(candMs),
        nodeCpuPerLookup: `p50 ${pct(cpuMs, 0.5).toFixed(2)} ms, p99 ${pct(cpuMs, 0.99).toFixed(2)} ms`,
        candidatesPerLookup: `median ${pct(counts, 0.5)}, max ${Math.max(...counts)}`,
        retoldFoundAsSameMatter: `${found}/${retold}`,
        load: load(),
      };
    }

    // The plans: the candidate query for one new petition, and for one whose keys include the most common keys;
    // the fingerprint fetch with the visibility rule.
    const common = (
      await pool.query<{ key: string; n: string }>(
        `select v.key, (select count(*) from analysis_keys k where k.key = v.key) as n
         from pg_stats s cross join lateral unnest(s.most_common_vals::text::text[], s.most_common_freqs) as v(key, freq)
         where s.tablename = 'analysis_keys' and s.attname = 'key' and s.schemaname = current_schema()
         order by v.freq desc limit 5`,
      )
    ).rows;
    out.mostCommonKeys = common.map((r) => `${r.key}: ${Number(r.n).toLocaleString('en')} postings`);
    const plan = async (q: ReturnType<typeof sql>) =>
      ((await db.execute(sql`explain (analyze, buffers, costs off) ${q}`)) as unknown as { rows: { 'QUERY PLAN': string }[] }).rows.map((r) => r['QUERY PLAN']);
    const q0 = queries[1]!;
    out.planNew = await plan(candidateQuery(q0.keys));
    out.planCommonKeys = await plan(candidateQuery([...q0.keys, ...common.map((r) => r.key)]));
    const ids = (await candidates(db, q0.keys)).map((c) => c.petitionId);
    const fetch = storedCandidates(db, countyClerk, ids).toSQL();
    out.planFetch = (await pool.query(`explain (analyze, buffers, costs off) ${fetch.sql}`, fetch.params as unknown[])).rows.map((r: { 'QUERY PLAN': string }) =>
      r['QUERY PLAN'].replace(/'\{[0-9a-f-,]{200,}\}'/g, `'{${ids.length} ids}'`),
    );
    console.log(JSON.stringify(out, null, 2));
  } finally {
    await pool.end();
    await database.close();
    if (!values.keep) await admin.query(`drop database if exists ${name} with (force)`);
    await admin.end();
  }
}

await main();
