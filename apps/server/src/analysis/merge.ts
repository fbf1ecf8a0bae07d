// Merging single petitions about one matter into one collective petition (集体访/联名, Art. 20): the petition the
// clerk merges into becomes collective (headcount, representatives), each merged one ends as `merged`, pointing
// at it, and keeps its own tracking code (the portal shows how the collective one stands). All petitions are
// locked, decided by the core and written in one transaction, each with its event.

import { and, eq, inArray } from 'drizzle-orm';
import { accusedUnitIds, can, decide, evolve, openDeadlines, respondentUnitIdsOf, type Command, type PetitionEvent, type PetitionState } from '@qiao/core';
import type { SessionUser } from '../auth/actor';
import type { Deps } from '../context';
import { petitions } from '../db/schema';
import { AppError, badRequest, forbidden } from '../lib/errors';
import { queueForEvent } from '../notifications/outbox';
import { petitionNotFound, staleVersion } from '../petitions/command';
import { refusalError } from '../petitions/refusal-error';
import { appendEvent, saveClocks, scopeOf, labelColumns, stateColumns, type PetitionRow, type Tx } from '../petitions/repo';

export interface MergeInput {
  petitionIds: string[];
  /** How many people the collective petition speaks for; default: the headcounts added up. */
  headcount?: number;
  representatives: number;
  note?: string;
  expectedVersion: number;
}

export async function mergePetitions(deps: Deps, actor: SessionUser, collectiveId: string, input: MergeInput) {
  const now = deps.now();
  const ctx = deps.clockSettings.context(now);
  const decideCtx = { now, ...deps.clockSettings.get(), actor: { userId: actor.userId, unitId: actor.unitId } };
  return deps.db.transaction(async (tx) => {
    const ids = [...new Set([collectiveId, ...input.petitionIds])].sort();
    // Locked in one order, so two merges over the same petitions never deadlock.
    const locked = await tx.select().from(petitions).where(inArray(petitions.id, ids)).orderBy(petitions.id).for('update');
    const byId = new Map(locked.map((r) => [r.id, r]));
    const target = byId.get(collectiveId);
    if (!target || !can(actor, 'view', scopeOf(target)).allowed) throw petitionNotFound();
    const mayMerge = can(actor, 'mergeIn', scopeOf(target));
    if (!mayMerge.allowed) throw forbidden(mayMerge.message);
    if (target.version !== input.expectedVersion) throw staleVersion(target.version);

    const sources: PetitionRow[] = [];
    for (const [i, id] of input.petitionIds.entries()) {
      const row = byId.get(id);
      if (!row || !can(actor, 'view', scopeOf(row)).allowed)
        throw badRequest('unknownPetition', { zh: `petitionIds.${i}：找不到信访事项 ${id}`, en: `petitionIds.${i}: no petition ${id}` }, { field: `petitionIds.${i}` });
      const may = can(actor, 'mergeInto', scopeOf(row));
      if (!may.allowed) throw forbidden(may.message);
      if (id !== collectiveId) sources.push(row);
    }

    const headcount = input.headcount ?? target.headcount + sources.reduce((n, s) => n + s.headcount, 0);
    const into: Command = {
      type: 'mergeIn',
      sources: sources.map((s) => ({
        id: s.id,
        trackingCode: s.trackingCode,
        headcount: s.headcount,
        accusedUnitIds: accusedUnitIds(s.state),
      })),
      headcount,
      representatives: input.representatives,
      ...(input.note ? { note: input.note } : {}),
    };
    // Input that merges a petition into itself reaches the core as is: it refuses it (mergeInvalid).
    if (input.petitionIds.includes(collectiveId)) into.sources.push({ id: target.id, trackingCode: target.trackingCode, headcount: target.headcount });
    const decided = decide(target.state, into, decideCtx);
    if (!decided.ok) throw refusalError(decided.refusal);
    const collective = await write(tx, deps, target, decided.event, ctx);

    for (const source of sources) {
      const d = decide(
        source.state,
        {
          type: 'mergeInto',
          collective: {
            id: target.id,
            trackingCode: target.trackingCode,
            category: target.state.category,
            respondentUnitId: target.state.respondentUnitId,
            respondentUnitIds: respondentUnitIdsOf(target.state),
          },
          ...(input.note ? { note: input.note } : {}),
        },
        decideCtx,
      );
      if (!d.ok) {
        const { code, message, status } = d.refusal;
        throw new AppError(422, code, { zh: `${source.trackingCode}：${message.zh}`, en: `${source.trackingCode}: ${message.en}` }, status ? { status } : undefined);
      }
      await write(tx, deps, source, d.event, ctx);
    }
    return {
      id: target.id,
      status: collective.status,
      version: collective.version,
      headcount: collective.headcount,
      representatives: collective.representatives ?? input.representatives,
      merged: sources.map((s) => ({ id: s.id, trackingCode: s.trackingCode })),
      deadlines: openDeadlines(collective, ctx),
    };
  });
}

async function write(tx: Tx, deps: Deps, row: PetitionRow, event: PetitionEvent, ctx: ReturnType<Deps['clockSettings']['context']>): Promise<PetitionState> {
  const state = evolve(row.state, event);
  const updated = await tx
    .update(petitions)
    .set({ ...stateColumns(state, ctx), ...labelColumns(state), updatedAt: deps.now() })
    .where(and(eq(petitions.id, row.id), eq(petitions.version, row.version)))
    .returning({ id: petitions.id });
  if (updated.length !== 1) throw staleVersion(row.version);
  await appendEvent(tx, row, state.version, event);
  await saveClocks(tx, row, state, ctx);
  await queueForEvent(tx, deps, row, state, event);
  await (await import('../open311/webhooks')).queueWebhooks(tx, deps, row, state, event);
  return state;
}
