// Duplicate lookup: candidates by index (the new text's keys looked up with `key = any`, most recent postings
// first and bounded per key), verified by core's `similarity` on stored fingerprints (rebuilt by core's
// `fromStored`, concrete facts included, so a pair scores here as `similarity` scores it in the core) with IDF
// weights from a sample of stored petitions, visibility-filtered, ranked, each with its reasons.

import { and, inArray, sql, type SQL } from 'drizzle-orm';
import type { z } from 'zod';
import type { SimilarPetition as SimilarPetitionSchema } from '@qiao/contracts';
import {
  conceptLabel,
  factLabel,
  fromStored,
  idfFrom,
  isSameMatter,
  respondentLabel,
  similarity,
  type Fingerprint,
  type Idf,
  type Similarity,
} from '@qiao/core/text';
import { visibilityFilter, type Actor } from '@qiao/core';
import type { Db, Tx } from '../db/open';
import { analysisFingerprints, petitions } from '../db/schema';
import { visibilitySql } from '../petitions/repo';
import { indexGeneration } from './indexing';
import { rows, textArray } from './sql';

/**
 * Postings read per key, most recent first: bounds the work for common keys. At 1,000,000 petitions
 * (bench/dedup-lookup.ts) reading 100 instead of 40 a band key found the original of 313 retold petitions in 500
 * instead of 272 for about 2 ms more at p99 (15.9 ms, city office); 250 found 371 but took p99 past 20 ms.
 */
export const POSTINGS_PER_KEY = 100;
/** Candidates verified, those sharing the most keys first. */
export const MAX_CANDIDATES = 60;
/** Shown from this score ("possibly the same matter"); `sameMatter` from core's threshold. */
export const SHOW_FROM = 0.15;

/**
 * The candidate query: for each key, its most recent postings from the primary key index (key, received_on,
 * petition_id), read backwards and cut off by the LIMIT, so a key shared by 100,000 petitions (a big company, a
 * town) costs no more than a rare one: at most POSTINGS_PER_KEY rows a key, never a scan of its posting list.
 * Older petitions under a very common key are found through their band keys instead. Candidates are ranked by
 * how rare the keys they share are (each key's vote is 1 / the postings read for it, like an IDF): at 1,000,000
 * petitions a recent petition sharing many common band keys would otherwise push out an older one sharing the
 * few rare keys that mark the same matter (bench/dedup-lookup.ts, BENCHMARKS.md).
 */
export function candidateQuery(keys: readonly string[], limit = MAX_CANDIDATES) {
  return sql`select c.petition_id, count(*) as shared
        from unnest(${textArray(keys)}) as q(key)
        cross join lateral (
          select p.petition_id, count(*) over () as n from (
            select k.petition_id from analysis_keys k where k.key = q.key
            order by k.received_on desc
            limit ${POSTINGS_PER_KEY}::int
          ) p
        ) c
        group by c.petition_id
        order by sum(1::float8 / c.n) desc, shared desc
        limit ${limit}::int`;
}

/** Candidate petitions sharing keys with a draft, most shared keys first. One indexed query. */
export async function candidates(tx: Tx, keys: readonly string[], limit = MAX_CANDIDATES): Promise<{ petitionId: string; shared: number }[]> {
  if (keys.length === 0) return [];
  const out = await rows<{ petition_id: string; shared: number | string }>(tx, candidateQuery(keys, limit));
  return out.map((r) => ({ petitionId: r.petition_id, shared: Number(r.shared) }));
}

/**
 * The stored fingerprints and list fields of candidate petitions this actor may see (by primary key): given as
 * ids, or as the candidate query itself (one round trip for the lookup). Only what `fromStored` and the answer
 * need: the row's `keys` (some 70 strings a petition) would cost more to parse than the verification itself.
 */
export function storedCandidates(tx: Tx, actor: Actor, ids: readonly string[] | SQL) {
  const f = analysisFingerprints;
  const which = Array.isArray(ids) ? inArray(f.petitionId, [...ids]) : sql`${f.petitionId} in (select c.petition_id from (${ids}) c)`;
  return tx
    .select({
      fp: { shingles: f.shingles, respondents: f.respondents, places: f.places, subjects: f.subjects, facts: f.facts, persons: f.persons },
      id: petitions.id,
      trackingCode: petitions.trackingCode,
      title: petitions.title,
      status: petitions.status,
      domain: petitions.domain,
      category: petitions.category,
      receivedOn: petitions.receivedOn,
      repeatOf: petitions.repeatOf,
    })
    .from(analysisFingerprints)
    .innerJoin(petitions, sql`${petitions.id} = ${analysisFingerprints.petitionId}`)
    .where(and(which, visibilitySql(visibilityFilter(actor))));
}

// ---- IDF from a sample of stored fingerprints, cached per database ----

const SAMPLE = 2000;
const TTL_MS = 10 * 60_000;
/**
 * A sample that is the whole corpus is rebuilt once the petitions indexed since make up this share of it: a
 * handful of new petitions hardly moves the weights of 1,000, while rebuilding (reading and counting every
 * stored shingle) after each one cost a small office's intake suggestions some 70 ms each (bench/intake-profile.ts).
 */
const DRIFT = 0.05;
interface IdfCache {
  idf: Idf;
  n: number;
  at: number;
  generation: number;
  complete: boolean;
}
const idfCache = new WeakMap<object, IdfCache>();
/** The rebuild under way, if any: concurrent lookups that find the cache stale wait for one rebuild, not one each. */
const idfBuilding = new WeakMap<object, Promise<IdfCache>>();

/**
 * Document frequencies of shingles over up to SAMPLE stored petitions (the first by id: uuids are random, so
 * a random sample). Rebuilt after TTL_MS, or, while the sample is the whole corpus, once the corpus has grown
 * by DRIFT since (at once while it is tiny).
 */
export async function storedIdf(db: Db | Tx): Promise<Idf> {
  const cached = idfCache.get(db);
  const drifted = cached !== undefined && cached.complete && indexGeneration.value - cached.generation >= Math.max(1, cached.n * DRIFT);
  if (cached && Date.now() - cached.at < TTL_MS && !drifted) return cached.idf;
  let building = idfBuilding.get(db);
  if (!building) {
    building = buildIdf(db).finally(() => idfBuilding.delete(db));
    idfBuilding.set(db, building);
  }
  return (await building).idf;
}

async function buildIdf(db: Db | Tx): Promise<IdfCache> {
  const generation = indexGeneration.value;
  const sample = await db
    .select({ shingles: analysisFingerprints.shingles })
    .from(analysisFingerprints)
    .orderBy(analysisFingerprints.petitionId)
    .limit(SAMPLE);
  const df = new Map<number, number>();
  for (const s of sample) for (const h of s.shingles) df.set(h, (df.get(h) ?? 0) + 1);
  const entry: IdfCache = { idf: idfFrom(df, sample.length), n: sample.length, at: Date.now(), generation, complete: sample.length < SAMPLE };
  idfCache.set(db, entry);
  return entry;
}

// ---- verification and presentation ----

/** One earlier petition about the same matter, as the API answers it. */
export type SimilarPetition = z.infer<typeof SimilarPetitionSchema>;

function explain(s: Similarity): SimilarPetition['reasons'] {
  return s.reasons.map((r) => {
    switch (r.kind) {
      case 'text': {
        const pct = Math.round(r.similarity * 100);
        return { kind: 'text', message: { zh: `文字相似度 ${pct}%`, en: `text similarity ${pct}%` } };
      }
      case 'sameRespondent':
        return { kind: 'sameRespondent', message: { zh: `同一被反映对象“${respondentLabel(r.key)}”`, en: `same respondent "${respondentLabel(r.key)}"` } };
      case 'samePlace':
        return { kind: 'samePlace', message: { zh: `同一地点“${r.key}”`, en: `same place "${r.key}"` } };
      case 'samePetitioner':
        return {
          kind: 'samePetitioner',
          message: { zh: '同一信访人（电话或身份证号的密钥哈希一致，号码不显示）', en: 'same petitioner (keyed hash of phone or ID number matches; numbers not shown)' },
        };
      case 'sameFacts': {
        const f = r.facts.map(factLabel);
        return { kind: 'sameFacts', message: { zh: `相同的具体信息：${f.map((x) => x.zh).join('、')}`, en: `same details: ${f.map((x) => x.en).join(', ')}` } };
      }
      case 'differentUnits': {
        const f = r.facts.map(factLabel);
        return { kind: 'differentUnits', message: { zh: `楼栋或房号不同：${f.map((x) => x.zh).join('、')}`, en: `different buildings or flats: ${f.map((x) => x.en).join(', ')}` } };
      }
      case 'differentPlaces':
        return { kind: 'differentPlaces', message: { zh: `街道或乡镇不同：${r.places.join('、')}`, en: `different towns or streets: ${r.places.join(', ')}` } };
      case 'sameIssue': {
        const c = r.concepts.map(conceptLabel);
        return { kind: 'sameIssue', message: { zh: `同类问题：${c.map((x) => x.zh).join('、')}`, en: `same kind of issue: ${c.map((x) => x.en).join(', ')}` } };
      }
    }
  });
}

/**
 * Earlier petitions about the same matter as a draft fingerprint, that this actor may see, best first.
 * `persons` are the draft's petitioner hashes; `exclude` leaves out the petition itself.
 */
export async function findSimilar(
  tx: Tx,
  actor: Actor,
  draft: Fingerprint,
  keys: readonly string[],
  persons: readonly string[],
  opts: { exclude?: string; limit?: number } = {},
): Promise<SimilarPetition[]> {
  if (keys.length === 0) return [];
  const stored = (await storedCandidates(tx, actor, candidateQuery(keys))).filter((row) => row.id !== opts.exclude);
  if (stored.length === 0) return [];
  const idf = await storedIdf(tx);
  const mine = new Set(persons);
  const out: SimilarPetition[] = [];
  for (const row of stored) {
    const shared = row.fp.persons.find((h) => mine.has(h)) ?? null;
    const other = fromStored(row.id, row.fp, shared);
    const s = similarity({ ...draft, personKey: shared }, other, {}, idf);
    if (s.score < SHOW_FROM) continue;
    out.push({
      id: row.id,
      trackingCode: row.trackingCode,
      title: row.title,
      status: row.status,
      domain: row.domain,
      category: row.category,
      receivedOn: row.receivedOn,
      repeatOf: row.repeatOf,
      score: s.score,
      textSimilarity: Math.round(s.text * 1000) / 1000,
      sameMatter: isSameMatter(s),
      reasons: explain(s),
    });
  }
  out.sort((a, b) => b.score - a.score || b.receivedOn.localeCompare(a.receivedOn));
  return out.slice(0, opts.limit ?? 10);
}
