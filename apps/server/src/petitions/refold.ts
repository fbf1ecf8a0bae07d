import { eq } from 'drizzle-orm';
import { replay } from '@qiao/core';
import type { Deps } from '../context';
import { petitionRefolds, petitions } from '../db/schema';
import { loadEvents, loadPetition, saveClocks, stateColumns } from './repo';

const BATCH = 200;

/**
 * Fold again from their history the petitions a migration queued in `petition_refolds` (their stored state or
 * columns were written by an older fold: notices that did not name their unit, migration 0011; a next deadline that
 * counted another unit's notice, 0013), and write the state's columns and clocks as a
 * command would. Run at start-up before serving; each batch is one transaction, so an interrupted run goes on
 * where it stopped. The history is the record: nothing but the fold changes.
 */
export async function refoldQueued(deps: Pick<Deps, 'db' | 'now' | 'clockSettings'>): Promise<number> {
  const ctx = deps.clockSettings.context(deps.now());
  let total = 0;
  for (;;) {
    const queued = await deps.db.select({ petitionId: petitionRefolds.petitionId }).from(petitionRefolds).limit(BATCH);
    if (queued.length === 0) return total;
    await deps.db.transaction(async (tx) => {
      for (const { petitionId } of queued) {
        const row = await loadPetition(tx, petitionId, { forUpdate: true });
        const state = row ? replay((await loadEvents(tx, petitionId)).map((e) => e.event)) : null;
        if (row && state) {
          await tx.update(petitions).set(stateColumns(state, ctx)).where(eq(petitions.id, petitionId));
          await saveClocks(tx, row, state, ctx);
        }
        await tx.delete(petitionRefolds).where(eq(petitionRefolds.petitionId, petitionId));
      }
    });
    total += queued.length;
  }
}
