// Duplicate lookup at scale (issue 6 point 7): loads N petitions' candidate keys and stored fingerprints into a
// scratch PostgreSQL database, then measures the lookup the intake suggestion runs (indexed candidate query,
// fingerprint fetch, verification with core's similarity) for new and retold petitions.
//
//   npx tsx bench/dedup-lookup.ts [--n 100000] [--queries 1000] [--pool 100000] [--url postgres://postgres@127.0.0.1:5432/test]
//
// Texts come from the demo generator. Fingerprinting costs ~1 ms a petition, so beyond --pool distinct
// generated petitions the pool is reused: each reuse gets fresh ids and its LSH band keys salted (so they do
// not collide with the original's: like an unrelated petition), while respondent and place keys stay shared
// (a big company's or a village's posting list keeps growing, as it would). The scratch database is dropped.

import { randomUUID } from 'node:crypto';
import { parseArgs } from 'node:util';
import { inArray } from 'drizzle-orm';
import { drizzle } from 'drizzle-orm/node-postgres';
import pg from 'pg';
import { fromStored, isSameMatter, similarity, storeFingerprint, toStoredForm, type StoredFingerprint } from '@qiao/core/text';
import { lookupKeys, petitionFingerprint } from '../apps/server/src/analysis/indexing';
import { candidates, storedIdf } from '../apps/server/src/analysis/similar';
import type { Db } from '../apps/server/src/db/open';
import { openDatabase } from '../apps/server/src/db/open';
import { analysisFingerprints } from '../apps/server/src/db/schema';
import { buildWorld, createRng, generatePetitionFacts } from '../apps/server/src/demo/index';

const { values } = parseArgs({
  options: {
    n: { type: 'string', default: '100000' },
    queries: { type: 'string', default: '1000' },
    pool: { type: 'string' },
    url: { type: 'string', default: process.env.QIAO_TEST_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/test' },
  },
});
const N = Number(values.n);
const Q = Number(values.queries);
const POOL = Math.min(N, Number(values.pool ?? 100_000));
const log = (s: string) => process.stderr.write(`${new Date().toISOString().slice(11, 19)} ${s}\n`);

interface Item {
  keys: string[];
  stored: StoredFingerprint;
  receivedOn: string;
  jurisdictionCode: string;
  domain: string;
}

const world = buildWorld();
const rng = createRng('bench-dedup-lookup');
const DAY0 = Date.parse('2025-01-01T00:00:00Z');
const day = (i: number, n: number) => new Date(DAY0 + Math.floor((i / n) * 730) * 86_400_000).toISOString().slice(0, 10);

function generate(i: number, n: number) {
  const receivedOn = day(i, n);
  const f = generatePetitionFacts(rng, world, receivedOn);
  const p = { title: f.title, content: f.text, demands: f.demands, respondentName: f.respondent?.name ?? null, address: f.address };
  return { f, p, receivedOn };
}

function pct(xs: number[], q: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(q * s.length))] ?? NaN;
}
const fmt = (xs: number[]) =>
  `p50 ${pct(xs, 0.5).toFixed(2)} ms, p95 ${pct(xs, 0.95).toFixed(2)} ms, p99 ${pct(xs, 0.99).toFixed(2)} ms, max ${Math.max(...xs).toFixed(2)} ms`;

async function main() {
  const name = `qiao_bench_dedup_${process.pid}`;
  const admin = new pg.Client({ connectionString: values.url });
  await admin.connect();
  await admin.query(`create database ${name}`);
  const url = new URL(values.url);
  url.pathname = `/${name}`;
  const database = await openDatabase({ url: url.toString() }); // runs the migrations: the real schema
  await database.close();
  const pool = new pg.Pool({ connectionString: url.toString(), max: 2 });
  try {
    // 1. A pool of generated petitions, fingerprinted.
    let t0 = performance.now();
    const items: Item[] = [];
    const texts: ReturnType<typeof generate>['p'][] = [];
    for (let i = 0; i < POOL; i++) {
      const { f, p, receivedOn } = generate(i, POOL);
      const fp = petitionFingerprint(String(i), p);
      items.push({ keys: lookupKeys(fp, []), stored: storeFingerprint(fp), receivedOn, jurisdictionCode: f.jurisdictionCode, domain: f.domain });
      if (i < Q) texts.push(p);
      if (i % 20000 === 19999) log(`fingerprinted ${i + 1}`);
    }
    const fpSecs = (performance.now() - t0) / 1000;
    log(`pool of ${POOL} fingerprinted in ${fpSecs.toFixed(1)} s (${Math.round(POOL / fpSecs)}/s)`);

    // 2. Bulk load: multi-row inserts from arrays (unnest), the primary key built after the load.
    t0 = performance.now();
    await pool.query('alter table analysis_keys drop constraint analysis_keys_key_received_on_petition_id_pk');
    let keyRows = 0;
    const BATCH = 2000;
    for (let start = 0; start < N; start += BATCH) {
      const k: string[] = [];
      const kd: string[] = [];
      const kp: string[] = [];
      const kj: string[] = [];
      const fpRows: { id: string; it: Item }[] = [];
      for (let i = start; i < Math.min(N, start + BATCH); i++) {
        const it = items[i % POOL] as Item;
        const replica = Math.floor(i / POOL);
        const id = randomUUID();
        fpRows.push({ id, it });
        for (const key of it.keys) {
          k.push(replica > 0 && key.startsWith('v') ? `${key}~${replica}` : key);
          kd.push(it.receivedOn);
          kp.push(id);
          kj.push(it.jurisdictionCode);
        }
      }
      keyRows += k.length;
      await pool.query(
        'insert into analysis_keys (key, received_on, petition_id, jurisdiction_code) select * from unnest($1::text[], $2::date[], $3::uuid[], $4::text[])',
        [k, kd, kp, kj],
      );
      await pool.query(
        `insert into analysis_fingerprints (petition_id, jurisdiction_code, received_on, domain, shingles, respondents, places, subjects, persons, keys, indexed_at)
         select id, j, d, dom, translate(sh, '[]', '{}')::int[], translate(r, '[]', '{}')::text[], translate(pl, '[]', '{}')::text[], translate(su, '[]', '{}')::text[], '{}', '{}', now()
         from unnest($1::uuid[], $2::text[], $3::date[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[]) as t(id, j, d, dom, sh, r, pl, su)`,
        [
          fpRows.map((r) => r.id),
          fpRows.map((r) => r.it.jurisdictionCode),
          fpRows.map((r) => r.it.receivedOn),
          fpRows.map((r) => r.it.domain),
          fpRows.map((r) => JSON.stringify(r.it.stored.shingles)),
          fpRows.map((r) => JSON.stringify(r.it.stored.respondents)),
          fpRows.map((r) => JSON.stringify(r.it.stored.places)),
          fpRows.map((r) => JSON.stringify(r.it.stored.subjects)),
        ],
      );
      if ((start / BATCH) % 50 === 49) log(`loaded ${start + BATCH} petitions, ${keyRows} keys`);
    }
    const loadSecs = (performance.now() - t0) / 1000;
    t0 = performance.now();
    await pool.query('alter table analysis_keys add constraint analysis_keys_key_received_on_petition_id_pk primary key (key, received_on, petition_id)');
    await pool.query('vacuum analyze'); // as autovacuum would: index-only scans need the visibility map
    const indexSecs = (performance.now() - t0) / 1000;
    const size = (await pool.query<{ s: string }>(`select pg_size_pretty(pg_database_size(current_database())) as s`)).rows[0]?.s;
    log(`loaded ${N} petitions, ${keyRows} key rows in ${loadSecs.toFixed(1)} s; primary key + analyze ${indexSecs.toFixed(1)} s; database ${size}`);

    // 3. Lookups: retold (an existing petition's text told again) and new petitions.
    const db = drizzle(pool) as unknown as Db;
    await storedIdf(db); // the IDF sample, built once and cached as in the server
    const queries: { fp: ReturnType<typeof petitionFingerprint>; keys: string[]; kind: 'retold' | 'new' }[] = [];
    for (let i = 0; i < Q; i++) {
      const p = i % 2 === 0 ? (texts[i] ?? generate(i, Q).p) : generate(POOL + i, POOL).p;
      const fp = petitionFingerprint(`q${i}`, p);
      queries.push({ fp, keys: lookupKeys(fp, []), kind: i % 2 === 0 ? 'retold' : 'new' });
    }
    for (const q of queries.slice(0, 50)) await candidates(db, q.keys); // warm the cache
    const candMs: number[] = [];
    const fullMs: number[] = [];
    const counts: number[] = [];
    let found = 0;
    for (const q of queries) {
      const a = performance.now();
      const c = await candidates(db, q.keys);
      const b = performance.now();
      const rows = c.length
        ? await db.select().from(analysisFingerprints).where(inArray(analysisFingerprints.petitionId, c.map((x) => x.petitionId)))
        : [];
      const idf = await storedIdf(db);
      const query = toStoredForm(q.fp);
      let best = 0;
      for (const r of rows) {
        const s = similarity(query, fromStored(r.petitionId, r), {}, idf);
        if (isSameMatter(s)) best++;
      }
      const e = performance.now();
      if (q.kind === 'retold' && best > 0) found++;
      candMs.push(b - a);
      fullMs.push(e - a);
      counts.push(c.length);
    }
    const machine = `${(await import('node:os')).cpus()[0]?.model ?? 'cpu'} × ${(await import('node:os')).cpus().length}, PostgreSQL ${(await pool.query<{ server_version: string }>('show server_version')).rows[0]?.server_version}, Node ${process.version}`;
    const out = {
      date: new Date().toISOString().slice(0, 10),
      machine,
      petitions: N,
      keyRows,
      distinctPool: POOL,
      database: size,
      loadSeconds: Math.round(loadSecs),
      indexSeconds: Math.round(indexSecs),
      queries: Q,
      candidateQuery: fmt(candMs),
      fullLookup: fmt(fullMs),
      candidatesPerLookup: `median ${pct(counts, 0.5)}, max ${Math.max(...counts)}`,
      retoldFoundAsSameMatter: `${found}/${Math.ceil(Q / 2)}`,
    };
    console.log(JSON.stringify(out, null, 2));
  } finally {
    await pool.end();
    await admin.query(`drop database if exists ${name} with (force)`);
    await admin.end();
  }
}

await main();
