// Clerks' corrections as training data for the classifier (`qiao train FILE --with-corrections`):
// - every petition whose classification a clerk corrected after registration (a `reclassified` event), with
//   the labels it has now;
// - every petition a clerk registered with labels other than the model's suggestion for its text (the clerk
//   corrected the suggestion at intake), unless corrected later (then the first kind).
// Residents' and proxy agents' own choices are not corrections: only registrations by a clerk count.
// The texts come out scrubbed (scrub.ts): no petitioner's name, phone, ID number or email, long digit runs masked.

import { and, eq, inArray, sql } from 'drizzle-orm';
import { classify, type TextModel, type TrainingExample } from '@qiao/core/text';
import type { Category, Domain } from '@qiao/core';
import type { Db } from '../db/open';
import { petitionEvents, petitions, users } from '../db/schema';
import type { Keys } from '../lib/crypto';
import { petitionText } from './indexing';
import { petitionersOf, scrubText } from './scrub';

export interface Correction extends TrainingExample {
  petitionId: string;
  source: 'later' | 'intake';
}

const PAGE = 1000;

export async function loadCorrections(deps: { db: Db; keys: Keys }, model: TextModel, opts: { limit?: number } = {}): Promise<Correction[]> {
  const { db } = deps;
  const limit = opts.limit ?? 100_000;
  const out: Correction[] = [];
  const later = new Set(
    (
      await db
        .selectDistinct({ id: petitionEvents.petitionId })
        .from(petitionEvents)
        .where(eq(petitionEvents.type, 'reclassified'))
    ).map((r) => r.id),
  );
  const example = (p: { id: string; title: string; content: string; demands: string | null; domain: string; category: string; litigationRelated: boolean }, source: Correction['source']): Correction => ({
    petitionId: p.id,
    source,
    text: petitionText(p),
    domain: p.domain as Domain,
    category: p.category as Category,
    litigationRelated: p.litigationRelated,
    group: p.id,
  });
  const columns = {
    id: petitions.id,
    title: petitions.title,
    content: petitions.content,
    demands: petitions.demands,
    domain: petitions.domain,
    category: petitions.category,
    litigationRelated: petitions.litigationRelated,
  };
  const laterIds = [...later];
  for (let i = 0; i < laterIds.length && out.length < limit; i += PAGE) {
    const page = await db.select(columns).from(petitions).where(inArray(petitions.id, laterIds.slice(i, i + PAGE)));
    for (const p of page) out.push(example(p, 'later'));
  }
  // Registered by a clerk (the registering event's actor), paged by id.
  let after = '00000000-0000-0000-0000-000000000000';
  while (out.length < limit) {
    const page = await db
      .select(columns)
      .from(petitions)
      .innerJoin(petitionEvents, and(eq(petitionEvents.petitionId, petitions.id), eq(petitionEvents.seq, 1)))
      .innerJoin(users, eq(users.id, petitionEvents.actorUserId))
      .where(and(eq(users.role, 'clerk'), sql`${petitions.id} > ${after}`))
      .orderBy(petitions.id)
      .limit(PAGE);
    if (page.length === 0) break;
    after = page[page.length - 1]!.id;
    for (const p of page) {
      if (later.has(p.id)) continue;
      const c = classify(model, petitionText(p));
      if (c.domain !== p.domain || c.category !== p.category || c.litigationRelated !== p.litigationRelated) out.push(example(p, 'intake'));
    }
  }
  const found = out.slice(0, limit);
  for (let i = 0; i < found.length; i += PAGE) {
    const page = found.slice(i, i + PAGE);
    const people = await petitionersOf(db, deps.keys, page.map((c) => c.petitionId));
    for (const c of page) c.text = scrubText(c.text, people.get(c.petitionId) ?? []);
  }
  return found;
}
