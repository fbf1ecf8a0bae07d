/** Helpers of the benchmark: timing, percentiles, a small concurrent load generator, intake bodies, the raw INSERT. */

import { sql, type SQL } from 'drizzle-orm';
import { drizzle } from 'drizzle-orm/node-postgres';
import pg from 'pg';
import { createRng } from '../apps/server/src/demo/random';
import { generateDemoPetitions } from '../apps/server/src/demo/timeline';
import { buildWorld } from '../apps/server/src/demo/world';

export function percentile(values: number[], p: number): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.ceil((p / 100) * sorted.length) - 1;
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank))]!;
}

/** Runs `fn` n times one after another (after two warm-up calls), returning each duration in ms. */
export async function timeN(n: number, fn: () => Promise<unknown>): Promise<number[]> {
  if (n > 1) for (let i = 0; i < 2; i++) await fn();
  const out: number[] = [];
  for (let i = 0; i < n; i++) {
    const t0 = performance.now();
    await fn();
    out.push(performance.now() - t0);
  }
  return out;
}

/** `workers` loops calling `fn` until `ms` have passed: completed calls per second, latencies, errors. */
export async function runConcurrent(workers: number, ms: number, fn: () => Promise<void>) {
  const latencies: number[] = [];
  let errors = 0;
  let firstError: unknown;
  const t0 = performance.now();
  const end = t0 + ms;
  await Promise.all(
    Array.from({ length: workers }, async () => {
      while (performance.now() < end) {
        const s = performance.now();
        try {
          await fn();
          latencies.push(performance.now() - s);
        } catch (e) {
          errors++;
          firstError ??= e;
        }
      }
    }),
  );
  const elapsed = (performance.now() - t0) / 1000;
  if (errors > 0) process.stdout.write(`  (${errors} errors; first: ${String(firstError)})\n`);
  return { perSecond: latencies.length / elapsed, latencies, errors };
}

const texts = [
  ['反映某建筑公司拖欠农民工工资', '我们在工地做工，老板拖欠三个月工资共计四万余元，多次讨要未果，请求帮助追讨。', 'labor'],
  ['小区物业长期不维修电梯', '小区3号楼电梯多次故障停运，物业公司收取维修基金后迟迟不维修，老人上下楼困难。', 'propertyManagement'],
  ['反映征地补偿款未足额发放', '村里土地被征收用于道路建设，补偿款至今只发放一半，村委会说上面没拨下来。', 'land'],
  ['建议增设公交线路', '新建小区居民出行不便，建议开通一条连接地铁站的公交线路，方便上班族和学生。', 'urbanConstruction'],
  ['化工厂夜间排放刺鼻气体', '附近化工厂经常在夜间排放刺鼻气体，居民晚上无法开窗，担心影响健康，请求监测。', 'environment'],
  ['孩子入学被拒', '我家孩子符合片区入学条件，学校以学位已满为由拒收，请求教育部门协调解决。', 'education'],
] as const;
const channels = ['letter', 'visit', 'online', 'hotline'] as const;

/** A registration body (POST /api/petitions) as the bench sends it. */
export interface IntakeBody {
  channel: string;
  category: string;
  domain: string;
  title: string;
  content: string;
  respondent?: { name: string; unitId?: string };
  jurisdictionCode: string;
  address?: string;
  collective?: boolean;
  headcount?: number;
  petitioners: { name: string; phone?: string; idCard?: string }[];
}

/** The suggestions request the workbench sends for an intake draft (as IntakeSuggestions builds it). */
export function suggestBody(b: IntakeBody) {
  return {
    text: b.content,
    title: b.title,
    respondent: b.respondent,
    address: b.address,
    jurisdictionCode: b.jurisdictionCode,
    domain: b.domain,
    category: b.category,
    petitioners: b.petitioners.map((p) => ({ phone: p.phone, idCard: p.idCard })).filter((p) => p.phone || p.idCard),
    limit: 5,
  };
}

/**
 * The worst case for the duplicate lookup: six texts in turn, every petitioner with the same phone, so each draft
 * is a near-copy of a sixth of everything registered before it and shares its person key with all of it (every
 * key's postings full, every candidate a close match to verify and explain). Varied by `i` (channel, place).
 */
export function intakeBody(i: number, places: string[]): IntakeBody {
  const [title, content, domain] = texts[i % texts.length]!;
  return {
    channel: channels[i % channels.length]!,
    category: domain === 'urbanConstruction' ? 'suggestion' : 'claim',
    domain,
    title: `${title}（${i}）`,
    content: `${content}（编号${i}）`,
    jurisdictionCode: places[i % places.length] ?? '339902001',
    petitioners: [{ name: '王小明', phone: '13812341234' }],
  };
}

/**
 * The columns of a table that a copy writes, in order: not the generated ones (migration 0006's search bigrams),
 * which the table computes and refuses to be given.
 */
export async function writableColumns(db: { execute: (query: SQL) => Promise<unknown> }, table: string): Promise<string[]> {
  const res = (await db.execute(
    sql`select column_name from information_schema.columns where table_name = ${table} and table_schema = current_schema() and is_generated = 'NEVER' order by ordinal_position`,
  )) as { rows: { column_name: string }[] };
  return res.rows.map((r) => r.column_name);
}

/**
 * What the intake is compared with: single-row INSERTs through `pg` into a copy of `petitions` (its indexes
 * included), each row a stored petition's values with its own id and tracking code. `insert` writes one row;
 * `end` closes the pool of `connections`.
 */
export async function rawInserts(url: string, connections: number) {
  const pool = new pg.Pool({ connectionString: url, max: connections });
  await pool.query('create table bench_raw (like petitions including all)');
  const cols = await writableColumns(drizzle(pool), 'petitions');
  const row = (await pool.query<Record<string, unknown>>(`select ${cols.join(', ')} from petitions limit 1`)).rows[0]!;
  const text = `insert into bench_raw (${cols.join(', ')}) values (${cols.map((_, j) => `$${j + 1}`).join(', ')})`;
  let n = 0;
  return {
    insert: async () => {
      const m = n++;
      const values = cols.map((c) =>
        c === 'id' ? crypto.randomUUID() : c === 'tracking_code' ? `RAW${m}` : c === 'idempotency_key' ? null : c === 'state' ? JSON.stringify(row[c]) : row[c],
      );
      await pool.query(text, values);
    },
    end: () => pool.end(),
  };
}

/**
 * Intake bodies as a petition office receives them: the demo generator's petitions (varied texts, petitioners,
 * places and respondents, with its share of repeats and clusters), drawn with a seed of their own so they are new
 * to a corpus seeded by the demo. Draw more than a run registers: past the last, the stream starts over (exact
 * re-sends, no longer an office's petitions), and says so on stderr.
 */
export function streamOfIntakes(count: number, seed = 77): (i: number) => IntakeBody {
  const world = buildWorld();
  const drawn = generateDemoPetitions(createRng(seed), world, { from: '2026-01-01', to: '2026-12-31', count }).map(
    ({ facts: f }): IntakeBody => ({
      channel: f.channel,
      category: f.category,
      domain: f.domain,
      title: f.title,
      content: f.text,
      ...(f.respondent ? { respondent: { name: f.respondent.name, ...(f.respondent.unitId ? { unitId: f.respondent.unitId } : {}) } } : {}),
      jurisdictionCode: f.jurisdictionCode,
      address: f.address,
      collective: f.collective,
      headcount: f.headcount,
      petitioners: f.petitioners.map((p) => ({
        name: p.name,
        ...(p.phone ? { phone: p.phone } : {}),
        ...(p.idCard ? { idCard: p.idCard } : {}),
      })),
    }),
  );
  let warned = false;
  return (i) => {
    if (i >= drawn.length && !warned) {
      warned = true;
      process.stderr.write(`  (the stream of ${drawn.length} petitions started over: later ones are re-sends)\n`);
    }
    return drawn[i % drawn.length]!;
  };
}
