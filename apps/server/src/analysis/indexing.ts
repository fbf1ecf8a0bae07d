// Indexing petitions for duplicate lookup and clusters: the fingerprint of each petition's text (core/text),
// its candidate keys (LSH bands, respondent, place, petitioner hashes) one row a key, its stored fingerprint for
// verification, and its cluster memberships; then the alert check. Runs inside the registering transaction
// (registerAs, the demo seeder); `backfillIndex` indexes rows that predate it.

import { and, eq, inArray, isNull, lt, or, sql, type SQL } from 'drizzle-orm';
import {
  candidateKeys,
  extractEntities,
  fingerprint,
  storeFingerprint,
  FINGERPRINT_VERSION,
  type Fingerprint,
} from '@qiao/core/text';
import { isValidJurisdictionCode } from '@qiao/core';
import { insertJsonRows } from '../db/json-rows';
import type { Db, Tx } from '../db/open';
import { analysisClusterMembers, analysisFingerprints, petitioners, petitions } from '../db/schema';
import { checkAlerts, type AlertDeps, type Joined } from './alerts';
import { dateArray, rows, textArray, uuidArray } from './sql';

/** Petitions this process has indexed: tells the IDF cache how far its sample may have drifted. */
export const indexGeneration = { value: 0 };

export interface PetitionText {
  title: string;
  content: string;
  demands: string | null;
  respondentName: string | null;
  address: string | null;
}

/** The text a petition is compared by: title, content and demands. */
export function petitionText(p: Pick<PetitionText, 'title' | 'content' | 'demands'>): string {
  return [p.title, p.content, p.demands].filter((x): x is string => typeof x === 'string' && x !== '').join('\n');
}

/** The fingerprint of a petition (or an intake draft): the text, the registered respondent, places in the address. */
export function petitionFingerprint(id: string, p: PetitionText, personKeys: readonly string[] = []): Fingerprint {
  const fp = fingerprint({ id, text: petitionText(p), respondent: p.respondentName });
  if (p.address) for (const place of extractEntities(p.address).places) fp.places.add(place);
  fp.personKey = personKeys[0] ?? null;
  return fp;
}

/** Keys under which a petition is found: candidateKeys plus its petitioners' keyed hashes (`h:`). */
export function lookupKeys(fp: Fingerprint, personKeys: readonly string[]): string[] {
  return [...new Set([...candidateKeys(fp), ...personKeys.map((h) => `h:${h}`)])];
}

/** The clusters a petition belongs to (besides repeat chains). */
export function clusterKeys(fp: Fingerprint, domain: string, jurisdictionCode: string): { kind: string; key: string }[] {
  const out = [...fp.respondents].map((r) => ({ kind: 'respondent', key: r }));
  const places = [...fp.places];
  // Without a place in the text, the registered town or village is the place.
  if (places.length === 0 && isValidJurisdictionCode(jurisdictionCode) && jurisdictionCode.length >= 9) places.push(`j:${jurisdictionCode}`);
  for (const p of places) out.push({ kind: 'placeDomain', key: `${p}|${domain}` });
  return out;
}

/** What indexing reads of a petition. */
export interface IndexSource extends PetitionText {
  id: string;
  jurisdictionCode: string;
  receivedOn: string;
  domain: string;
  category: string;
  respondentUnitId: string | null;
  repeatOf: string | null;
}

/** The rows indexing writes, and the cluster joins the alert check reads. */
export interface IndexEntries {
  keyRows: { key: string; receivedOn: string; petitionId: string; jurisdictionCode: string }[];
  fpRows: (typeof analysisFingerprints.$inferInsert)[];
  memberRows: (typeof analysisClusterMembers.$inferInsert)[];
  joined: Joined[];
}

/** A petition's person keys: its petitioners' phone and ID-number hashes, in petitioner order, once each. */
export function personKeysOf(list: readonly { phoneHash: string | null; idCardHash: string | null }[]): string[] {
  const mine: string[] = [];
  for (const p of list) for (const h of [p.phoneHash, p.idCardHash]) if (h && !mine.includes(h)) mine.push(h);
  return mine;
}

/**
 * Fingerprints, candidate keys and cluster memberships of petitions, repeat chains aside (`joinRepeatChains`):
 * CPU only, so registration computes them before its transaction.
 */
export function indexEntries(list: readonly IndexSource[], persons: ReadonlyMap<string, readonly string[]>, now: Date): IndexEntries {
  const e: IndexEntries = { keyRows: [], fpRows: [], memberRows: [], joined: [] };
  for (const p of list) {
    const mine = persons.get(p.id) ?? [];
    const fp = petitionFingerprint(p.id, p, mine);
    const keys = lookupKeys(fp, mine);
    for (const key of keys) e.keyRows.push({ key, receivedOn: p.receivedOn, petitionId: p.id, jurisdictionCode: p.jurisdictionCode });
    e.fpRows.push({
      petitionId: p.id,
      jurisdictionCode: p.jurisdictionCode,
      receivedOn: p.receivedOn,
      domain: p.domain,
      ...storeFingerprint(fp),
      persons: [...mine],
      keys,
      indexedAt: now,
    });
    for (const c of clusterKeys(fp, p.domain, p.jurisdictionCode)) join(e, { ...memberBase(p), ...c }, p);
  }
  return e;
}

const memberBase = (p: IndexSource) => ({ receivedOn: p.receivedOn, petitionId: p.id, jurisdictionCode: p.jurisdictionCode, domain: p.domain });

function join(e: IndexEntries, m: typeof analysisClusterMembers.$inferInsert, p: IndexSource) {
  e.memberRows.push(m);
  e.joined.push({ ...m, category: p.category, respondentUnitId: p.respondentUnitId });
}

/** Adds each repeat to its chain (oldest first; reads the chain, and names an unindexed root's chain). */
export async function joinRepeatChains(tx: Tx, list: readonly IndexSource[], e: IndexEntries) {
  const repeatRoot = new Map<string, string>();
  for (const p of list) {
    if (!p.repeatOf) continue;
    const root = repeatRoot.get(p.repeatOf) ?? (await chainRoot(tx, p.repeatOf));
    repeatRoot.set(p.id, root);
    join(e, { ...memberBase(p), kind: 'repeat', key: root }, p);
  }
}

/** The statements that write the entries (run one by one, or composed into one statement by registration). */
export function indexWrites(e: IndexEntries): SQL[] {
  const out: SQL[] = [];
  const k = e.keyRows;
  if (k.length)
    out.push(sql`insert into analysis_keys (key, received_on, petition_id, jurisdiction_code)
      select * from unnest(${textArray(k.map((r) => r.key))}, ${dateArray(k.map((r) => r.receivedOn))},
                           ${uuidArray(k.map((r) => r.petitionId))}, ${textArray(k.map((r) => r.jurisdictionCode))})
      on conflict do nothing`);
  if (e.fpRows.length) out.push(insertJsonRows(analysisFingerprints, e.fpRows));
  if (e.memberRows.length) out.push(insertJsonRows(analysisClusterMembers, e.memberRows, { onConflictDoNothing: true }));
  return out;
}

/**
 * Index petitions already inserted in this transaction (or re-index them). With `alerts` (default true) the
 * clusters they join are checked and due alerts raised in the same transaction.
 */
export async function indexPetitions(
  tx: Tx,
  deps: AlertDeps,
  ids: readonly string[],
  /** `fresh`: inserted in this transaction, so there is no earlier index to drop. */
  opts: { alerts?: boolean; fresh?: boolean } = {},
) {
  if (ids.length === 0) return;
  const list = await tx
    .select({
      id: petitions.id,
      jurisdictionCode: petitions.jurisdictionCode,
      receivedOn: petitions.receivedOn,
      domain: petitions.domain,
      category: petitions.category,
      respondentUnitId: petitions.respondentUnitId,
      title: petitions.title,
      content: petitions.content,
      demands: petitions.demands,
      respondentName: petitions.respondentName,
      address: petitions.address,
      repeatOf: petitions.repeatOf,
    })
    .from(petitions)
    .where(inArray(petitions.id, [...ids]));
  list.sort((a, b) => a.receivedOn.localeCompare(b.receivedOn) || a.id.localeCompare(b.id));
  const people = await tx
    .select({ petitionId: petitioners.petitionId, phoneHash: petitioners.phoneHash, idCardHash: petitioners.idCardHash })
    .from(petitioners)
    .where(inArray(petitioners.petitionId, [...ids]));
  const byPetition = new Map<string, typeof people>();
  for (const p of people) byPetition.set(p.petitionId, [...(byPetition.get(p.petitionId) ?? []), p]);
  const persons = new Map([...byPetition].map(([id, rows]) => [id, personKeysOf(rows)]));

  if (!opts.fresh) await unindex(tx, ids);

  const entries = indexEntries(list, persons, deps.now());
  await joinRepeatChains(tx, list, entries);
  for (const write of indexWrites(entries)) await tx.execute(write);
  indexGeneration.value += list.length;
  if (opts.alerts !== false) await checkAlerts(tx, deps, entries.joined);
}

/** Drop a petition's keys, fingerprint and non-repeat cluster rows (repeat chains are kept: others link to them). */
async function unindex(tx: Tx, ids: readonly string[]) {
  const old = await tx
    .select({ petitionId: analysisFingerprints.petitionId, keys: analysisFingerprints.keys, receivedOn: analysisFingerprints.receivedOn })
    .from(analysisFingerprints)
    .where(inArray(analysisFingerprints.petitionId, [...ids]));
  if (old.length === 0) return;
  const k = old.flatMap((o) => o.keys.map((key) => ({ key, receivedOn: o.receivedOn, petitionId: o.petitionId })));
  if (k.length)
    await tx.execute(sql`delete from analysis_keys a using unnest(${textArray(k.map((r) => r.key))}, ${dateArray(k.map((r) => r.receivedOn))},
                           ${uuidArray(k.map((r) => r.petitionId))}) as o(key, received_on, petition_id)
      where a.key = o.key and a.received_on = o.received_on and a.petition_id = o.petition_id`);
  const oldIds = old.map((o) => o.petitionId);
  await tx.delete(analysisFingerprints).where(inArray(analysisFingerprints.petitionId, oldIds));
  await tx.execute(sql`delete from analysis_cluster_members where petition_id = any(${uuidArray(oldIds)}) and kind <> 'repeat'`);
}

/**
 * The first petition of the repeat chain `id` belongs to. The chain is named after it, and it joins its own
 * chain when the first repeat links to it.
 */
async function chainRoot(tx: Tx, id: string): Promise<string> {
  const [known] = await rows<{ key: string }>(tx, sql`select key from analysis_cluster_members where kind = 'repeat' and petition_id = ${id} limit 1`);
  if (known) return known.key;
  // Walk up repeat_of links (bounded) for rows that were never indexed.
  let root = id;
  for (let i = 0; i < 50; i++) {
    const [row] = await tx.select({ repeatOf: petitions.repeatOf }).from(petitions).where(eq(petitions.id, root));
    if (!row?.repeatOf) break;
    root = row.repeatOf;
  }
  const [first] = await tx
    .select({ receivedOn: petitions.receivedOn, jurisdictionCode: petitions.jurisdictionCode, domain: petitions.domain })
    .from(petitions)
    .where(eq(petitions.id, root));
  if (first)
    await tx
      .insert(analysisClusterMembers)
      .values({ kind: 'repeat', key: root, petitionId: root, ...first })
      .onConflictDoNothing();
  return root;
}

export interface BackfillOptions {
  /** Petitions per transaction (default 500). */
  batch?: number;
  /** Raise the alerts history would have raised (default false: history is not news). */
  alerts?: boolean;
  /** Also re-index petitions indexed before this moment (after the signature or the entity rules changed). */
  staleBefore?: Date;
  /** Stop after this many batches (the rest is left for the next run). */
  maxBatches?: number;
  /** Called after each committed batch. */
  onProgress?: (p: BackfillProgress) => void;
}

export interface BackfillProgress {
  indexed: number;
  /** Petitions still to index when the run started. */
  total: number;
  batches: number;
  /** The last petition indexed (oldest first): where the work stands. */
  last: { receivedOn: string; id: string } | null;
}

/**
 * Whether some petitions were indexed by an older FINGERPRINT_VERSION (they compare poorly with new ones until
 * `qiao index --backfill` re-indexes them): one probe of analysis_fingerprints_version_idx, for the start-up check.
 */
export async function hasStaleFingerprints(db: Db): Promise<boolean> {
  const found = await db
    .select({ id: analysisFingerprints.petitionId })
    .from(analysisFingerprints)
    .where(lt(analysisFingerprints.version, FINGERPRINT_VERSION))
    .limit(1);
  return found.length > 0;
}

/**
 * Index petitions registered before indexing existed, imported in bulk, indexed before facts were stored (their
 * `facts` is NULL: the lookup would miss the fact bonuses and conflicts) or by an older FINGERPRINT_VERSION
 * (words not told from trigrams, no issue tags: they compare poorly with new ones), or (with `staleBefore`) indexed by an
 * older version, in batches, oldest first, each batch in its own transaction. Resumable: what is indexed is no
 * longer missing (nor stale), so a run that stops, fails or is interrupted is simply started again.
 */
export async function backfillIndex(db: Db, deps: AlertDeps, opts: BackfillOptions = {}): Promise<number> {
  const pending = () =>
    or(
      isNull(analysisFingerprints.petitionId),
      isNull(analysisFingerprints.facts),
      lt(analysisFingerprints.version, FINGERPRINT_VERSION),
      opts.staleBefore ? lt(analysisFingerprints.indexedAt, opts.staleBefore) : undefined,
    );
  const [{ total } = { total: 0 }] = await db
    .select({ total: sql<number>`count(*)`.mapWith(Number) })
    .from(petitions)
    .leftJoin(analysisFingerprints, eq(analysisFingerprints.petitionId, petitions.id))
    .where(pending());
  const progress: BackfillProgress = { indexed: 0, total, batches: 0, last: null };
  while (opts.maxBatches === undefined || progress.batches < opts.maxBatches) {
    // From where the last batch ended (petitions_received_idx): what lies before it was indexed by this run or at
    // registration, so a batch reads on from there instead of checking the whole table again (at 1,000,000
    // petitions, each batch did). Rows inserted unindexed meanwhile with an earlier date (a bulk import, raw SQL)
    // are left for the next run, which starts from the beginning.
    const from = progress.last;
    const after = from ? sql`(${petitions.receivedOn}, ${petitions.id}) > (${from.receivedOn}::date, ${from.id}::uuid)` : undefined;
    const batch = await db
      .select({ id: petitions.id, receivedOn: petitions.receivedOn })
      .from(petitions)
      .leftJoin(analysisFingerprints, eq(analysisFingerprints.petitionId, petitions.id))
      .where(and(pending(), after))
      .orderBy(petitions.receivedOn, petitions.id)
      .limit(opts.batch ?? 500);
    if (batch.length === 0) break;
    await db.transaction(async (tx) => indexPetitions(tx, deps, batch.map((b) => b.id), { alerts: opts.alerts ?? false }));
    progress.indexed += batch.length;
    progress.batches++;
    const last = batch[batch.length - 1]!;
    progress.last = { receivedOn: last.receivedOn, id: last.id };
    opts.onProgress?.({ ...progress });
  }
  return progress.indexed;
}
