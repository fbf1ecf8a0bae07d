/**
 * Group commit: writes submitted while an earlier write is running are gathered and written together, in one
 * transaction, by the next write. A lone submission is written at once (no timer, no added wait); under load,
 * one transaction and one commit (one WAL flush) serve many submissions.
 *
 * - Each submission's promise settles only when the transaction that wrote it has committed (or failed): an
 *   acknowledged submission is never lost.
 * - One bad submission does not fail the others: when a group's transaction fails, each of its submissions is
 *   written again alone (the failed transaction wrote nothing), and only those that fail alone fail.
 * - At most `lanes` groups are written at once (a second lane works while the first waits for its commit).
 */
interface Waiting<T> {
  item: T;
  resolve: () => void;
  reject: (err: unknown) => void;
}

export class GroupCommit<T> {
  private readonly waiting: Waiting<T>[] = [];
  private running = 0;
  private readonly maxGroup: number;
  private readonly lanes: number;

  constructor(
    /** Writes the items in one transaction: all of them, or (throwing) none. */
    private readonly write: (items: readonly T[]) => Promise<void>,
    opts: { maxGroup?: number; lanes?: number } = {},
  ) {
    this.maxGroup = Math.max(1, opts.maxGroup ?? 32);
    this.lanes = Math.max(1, opts.lanes ?? 2);
  }

  /** Resolves once the item is committed; rejects with the error it failed with when written alone. */
  submit(item: T): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      this.waiting.push({ item, resolve, reject });
      this.pump();
    });
  }

  private pump() {
    while (this.running < this.lanes && this.waiting.length > 0) {
      const group = this.waiting.splice(0, this.maxGroup);
      this.running++;
      void this.flush(group).finally(() => {
        this.running--;
        this.pump();
      });
    }
  }

  private async flush(group: Waiting<T>[]) {
    try {
      await this.write(group.map((g) => g.item));
    } catch (err) {
      if (group.length === 1) {
        group[0]!.reject(err);
        return;
      }
      // Nothing of the group was written: each again alone, so only a submission at fault fails.
      await Promise.all(
        group.map(async (g) => {
          try {
            await this.write([g.item]);
            g.resolve();
          } catch (e) {
            g.reject(e);
          }
        }),
      );
      return;
    }
    for (const g of group) g.resolve();
  }
}
