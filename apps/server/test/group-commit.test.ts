import { describe, expect, it } from 'vitest';
import { GroupCommit } from '../src/lib/group-commit';

/** A write the test completes by hand, recording what each call was given and what was committed. */
function manualWriter(fail: (items: readonly number[]) => boolean = () => false) {
  const calls: { items: number[]; done: () => void }[] = [];
  const committed: number[] = [];
  let running = 0;
  let maxRunning = 0;
  const write = (items: readonly number[]) =>
    new Promise<void>((resolve, reject) => {
      running++;
      maxRunning = Math.max(maxRunning, running);
      calls.push({
        items: [...items],
        done: () => {
          running--;
          if (fail(items)) reject(new Error(`bad ${items.join(',')}`));
          else {
            committed.push(...items);
            resolve();
          }
        },
      });
    });
  return { write, calls, committed, maxRunning: () => maxRunning };
}

const tick = () => new Promise((r) => setImmediate(r));

describe('GroupCommit', () => {
  it('writes a lone submission at once, by itself', async () => {
    const w = manualWriter();
    const g = new GroupCommit(w.write);
    const p = g.submit(1);
    expect(w.calls.map((c) => c.items)).toEqual([[1]]);
    w.calls[0]!.done();
    await p;
    expect(w.committed).toEqual([1]);
  });

  it('gathers what arrives while the lanes are busy into the next write, at most maxGroup each', async () => {
    const w = manualWriter();
    const g = new GroupCommit(w.write, { lanes: 2, maxGroup: 3 });
    const all = [1, 2, 3, 4, 5, 6, 7].map((n) => g.submit(n));
    // Two lanes start with one each; the rest wait.
    expect(w.calls.map((c) => c.items)).toEqual([[1], [2]]);
    w.calls[0]!.done();
    await tick();
    expect(w.calls.map((c) => c.items)).toEqual([[1], [2], [3, 4, 5]]);
    w.calls[1]!.done();
    await tick();
    expect(w.calls.map((c) => c.items)).toEqual([[1], [2], [3, 4, 5], [6, 7]]);
    w.calls[2]!.done();
    w.calls[3]!.done();
    await Promise.all(all);
    expect(w.committed.sort()).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(w.maxRunning()).toBe(2);
  });

  it('answers a submission only after the write holding it has committed', async () => {
    const w = manualWriter();
    const g = new GroupCommit(w.write, { lanes: 1 });
    const answered: number[] = [];
    void g.submit(1).then(() => answered.push(1));
    void g.submit(2).then(() => answered.push(2));
    void g.submit(3).then(() => answered.push(3));
    await tick();
    expect(answered).toEqual([]);
    w.calls[0]!.done();
    await tick();
    expect(answered).toEqual([1]);
    expect(w.calls[1]!.items).toEqual([2, 3]);
    await tick();
    expect(answered).toEqual([1]);
    w.calls[1]!.done();
    await tick();
    expect(answered).toEqual([1, 2, 3]);
  });

  it('fails only the bad submission of a failed group: the others are written again alone and committed', async () => {
    const w = manualWriter((items) => items.includes(13));
    const g = new GroupCommit(w.write, { lanes: 1 });
    const first = g.submit(1);
    const rest = [12, 13, 14].map((n) => g.submit(n).then(() => 'ok', (e: Error) => e.message));
    w.calls[0]!.done();
    await first;
    await tick();
    expect(w.calls[1]!.items).toEqual([12, 13, 14]);
    w.calls[1]!.done(); // the group fails: 13 is in it
    await tick();
    expect(w.calls.slice(2).map((c) => c.items)).toEqual([[12], [13], [14]]);
    for (const c of w.calls.slice(2)) c.done();
    expect(await Promise.all(rest)).toEqual(['ok', 'bad 13', 'ok']);
    expect(w.committed.sort((a, b) => a - b)).toEqual([1, 12, 14]);
  });

  it('keeps taking submissions after a failure', async () => {
    const g = new GroupCommit(async (items: readonly number[]) => {
      if (items.includes(0)) throw new Error('zero');
    });
    await expect(g.submit(0)).rejects.toThrow('zero');
    await expect(Promise.all([g.submit(1), g.submit(2), g.submit(3)])).resolves.toHaveLength(3);
  });
});
