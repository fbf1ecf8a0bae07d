// What the analysis index does when the petition office keeps its books on a registered petition (issue 6):
// a repeat link made or undone rebuilds the repeat chains it touches (clusters of kind `repeat`, and their
// alerts); a classification correction re-indexes the petition (its domain is part of its place + domain
// cluster). Runs in the command's transaction, after the event is written.

import { eq, sql } from 'drizzle-orm';
import type { PetitionEvent, PetitionState, LinkedMatter } from '@qiao/core';
import { analysisClusterMembers, petitions } from '../db/schema';
import { badRequest } from '../lib/errors';
import type { PetitionRow, Tx } from '../petitions/repo';
import { checkAlerts, type AlertDeps, type Joined } from './alerts';
import { indexPetitions } from './indexing';
import { rows, textArray, uuidArray } from './sql';

/** How far up a repeat chain is followed, and how many petitions one chain may hold when rebuilt. */
const MAX_DEPTH = 50;
const MAX_CHAIN = 5000;

/** The earlier petition a link points to, as the core needs it: found, visible to the clerk, with its own chain. */
export async function linkedMatter(tx: Tx, id: string, maySee: (row: PetitionRow) => boolean): Promise<LinkedMatter> {
  const [row] = await tx.select().from(petitions).where(eq(petitions.id, id));
  if (!row || !maySee(row))
    throw badRequest('unknownPetition', { zh: `repeatOf：找不到信访事项 ${id}`, en: `repeatOf: no petition ${id}` }, { field: 'repeatOf' });
  const chain: string[] = [];
  let up = row.repeatOf;
  while (up && chain.length < MAX_DEPTH && !chain.includes(up)) {
    chain.push(up);
    const [next] = await tx.select({ repeatOf: petitions.repeatOf }).from(petitions).where(eq(petitions.id, up));
    up = next?.repeatOf ?? null;
  }
  return { id: row.id, trackingCode: row.trackingCode, receivedOn: row.receivedOn, chain };
}

export async function afterBookkeeping(tx: Tx, deps: AlertDeps, row: PetitionRow, _state: PetitionState, event: PetitionEvent) {
  switch (event.type) {
    case 'repeatLinked':
    case 'repeatUnlinked':
      await rebuildRepeatChains(tx, deps, [row.id]);
      return;
    case 'reclassified':
      await indexPetitions(tx, deps, [row.id]);
      return;
    default:
      return;
  }
}

/**
 * Rebuild the repeat chains (clusters of kind `repeat`, named after their first petition) that the given
 * petitions belong to, before and after a link changed: every petition of those chains is placed again under
 * the first petition of its chain; a petition nothing links to and that links to nothing is in no chain.
 * Alerts due for the rebuilt chains are raised (once per chain and window, as for new petitions).
 */
export async function rebuildRepeatChains(tx: Tx, deps: AlertDeps, ids: readonly string[]) {
  // The tops of the trees: the chain each petition was filed under, and the first petition above it now.
  const before = await rows<{ key: string }>(
    tx,
    sql`select distinct key from analysis_cluster_members where kind = 'repeat' and petition_id = any(${uuidArray(ids)})`,
  );
  const tops = new Set(before.map((b) => b.key));
  for (const id of ids) tops.add(await topOf(tx, id));
  // Everything below those tops, and whatever was filed under them.
  const members = await rows<{ id: string }>(
    tx,
    sql`with recursive tree(id, depth) as (
          select unnest(${uuidArray([...tops])}), 0
          union
          select p.id, tree.depth + 1 from petitions p join tree on p.repeat_of = tree.id where tree.depth < ${MAX_DEPTH}::int
        )
        select id::text as id from tree
        union
        select petition_id::text from analysis_cluster_members where kind = 'repeat' and key = any(${textArray([...tops])})
        limit ${MAX_CHAIN}::int`,
  );
  const all = [...new Set([...members.map((m) => m.id), ...ids])];
  const list = await tx
    .select({
      id: petitions.id,
      repeatOf: petitions.repeatOf,
      receivedOn: petitions.receivedOn,
      jurisdictionCode: petitions.jurisdictionCode,
      domain: petitions.domain,
      category: petitions.category,
      respondentUnitId: petitions.respondentUnitId,
    })
    .from(petitions)
    .where(sql`${petitions.id} = any(${uuidArray(all)})`);
  const byId = new Map(list.map((p) => [p.id, p]));
  const hasChild = new Set(list.map((p) => p.repeatOf).filter((x): x is string => x !== null && byId.has(x)));
  const rootOf = (id: string) => {
    let cur = id;
    for (let i = 0; i < MAX_DEPTH; i++) {
      const up = byId.get(cur)?.repeatOf;
      if (!up || !byId.has(up)) break;
      cur = up;
    }
    return cur;
  };

  await tx.execute(sql`delete from analysis_cluster_members where kind = 'repeat' and petition_id = any(${uuidArray(all)})`);
  const joined: Joined[] = [];
  const values: (typeof analysisClusterMembers.$inferInsert)[] = [];
  for (const p of list) {
    if (p.repeatOf === null && !hasChild.has(p.id)) continue;
    const m = { kind: 'repeat', key: rootOf(p.id), receivedOn: p.receivedOn, petitionId: p.id, jurisdictionCode: p.jurisdictionCode, domain: p.domain };
    values.push(m);
    joined.push({ ...m, category: p.category, respondentUnitId: p.respondentUnitId });
  }
  if (values.length) await tx.insert(analysisClusterMembers).values(values).onConflictDoNothing();
  await checkAlerts(tx, deps, joined);
}

async function topOf(tx: Tx, id: string): Promise<string> {
  let cur = id;
  const seen = new Set<string>();
  for (let i = 0; i < MAX_DEPTH; i++) {
    seen.add(cur);
    const [row] = await tx.select({ repeatOf: petitions.repeatOf }).from(petitions).where(eq(petitions.id, cur));
    if (!row?.repeatOf || seen.has(row.repeatOf)) break;
    cur = row.repeatOf;
  }
  return cur;
}
