import { asc, eq, gt } from 'drizzle-orm';
import type { Deps } from '../context';
import { petitions } from '../db/schema';
import { saveClocks, stateColumns } from '../petitions/repo';

const BATCH = 500;

/**
 * Recompute every stored deadline after the calendar or the day-counting setting changed, so "overdue" and
 * "due before" queries keep agreeing with what the core computes. Batched by id; each batch is one transaction.
 */
export async function refreshDeadlines(deps: Deps): Promise<number> {
  const ctx = deps.clockSettings.context(deps.now());
  let after = '00000000-0000-0000-0000-000000000000';
  let total = 0;
  for (;;) {
    const rows = await deps.db
      .select({ id: petitions.id, jurisdictionCode: petitions.jurisdictionCode, state: petitions.state })
      .from(petitions)
      .where(gt(petitions.id, after))
      .orderBy(asc(petitions.id))
      .limit(BATCH);
    if (rows.length === 0) return total;
    await deps.db.transaction(async (tx) => {
      for (const row of rows) {
        const { nextDueOn } = stateColumns(row.state, ctx);
        await tx.update(petitions).set({ nextDueOn }).where(eq(petitions.id, row.id));
        await saveClocks(tx, row, row.state, ctx);
      }
    });
    total += rows.length;
    after = rows[rows.length - 1]!.id;
  }
}
