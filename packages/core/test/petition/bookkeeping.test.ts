// The petition office's bookkeeping of issue 6: repeat links made after registration, classification corrections,
// and merging single petitions into a collective one. What each does to the state, and that replay agrees.
import { describe, expect, it } from 'vitest';
import { availableCommands, petitionClocks, replay } from '../../src/petition/index';
import { clockCtx, cmd, historyOf, registered, run, toAccepted, toAwaiting } from './helpers';

describe('repeat links after registration', () => {
  it('links, unlinks and links again; the history replays to the same state', () => {
    const linked = run(registered(), [['2026-03-03', cmd.linkRepeat('P-0')]]);
    expect(linked.repeatOf).toBe('P-0');
    expect(linked.status).toBe('registered');
    const unlinked = run(linked, [['2026-03-04', cmd.unlinkRepeat()]]);
    expect(unlinked.repeatOf).toBeNull();
    const relinked = run(unlinked, [['2026-03-04', cmd.linkRepeat('P-7', '2026-03-01')]]);
    expect(relinked.repeatOf).toBe('P-7');
    expect(relinked.version).toBe(4);
    expect(replay(historyOf(relinked))).toEqual(relinked);
  });

  it('a link changes no clock', () => {
    const accepted = run(registered(), toAccepted);
    const linked = run(accepted, [['2026-03-11', cmd.linkRepeat()]]);
    expect(petitionClocks(linked, clockCtx('2026-03-11'))).toEqual(petitionClocks(accepted, clockCtx('2026-03-11')));
  });
});

describe('classification corrections', () => {
  it('changes domain, category and litigation-relatedness, nothing else', () => {
    const before = run(registered(), toAwaiting);
    const after = run(before, [['2026-03-06', cmd.reclassify('housing', 'suggestion', false)]]);
    expect({ domain: after.domain, category: after.category, litigationRelated: after.litigationRelated }).toEqual({
      domain: 'housing',
      category: 'suggestion',
      litigationRelated: false,
    });
    expect({ ...after, domain: before.domain, category: before.category, version: before.version }).toEqual(before);
  });

  it('a petition corrected to litigation-related can no longer be accepted, only diverted', () => {
    const corrected = run(registered(), [...toAwaiting, ['2026-03-06', cmd.reclassify('labor', 'claim', true)]]);
    const offered = availableCommands(corrected, clockCtx('2026-03-06'));
    expect(offered).not.toContain('accept');
    expect(offered).toContain('divert');
  });
});

describe('merging into a collective petition', () => {
  it('the merged petition ends as merged, pointing at the collective one, with its clocks stopped', () => {
    const merged = run(registered(), [...toAwaiting, ['2026-03-09', cmd.mergeInto('P-9')]]);
    expect(merged.status).toBe('merged');
    expect(merged.mergedInto).toBe('P-9');
    expect(merged.endedOn).toBe('2026-03-09');
    const running = petitionClocks(merged, clockCtx('2026-04-30')).filter((c) => c.status !== 'ended' && c.kind === 'obligation');
    expect(running.filter((c) => !c.name.startsWith('supervision'))).toEqual([]);
    expect(availableCommands(merged, clockCtx('2026-03-10'))).toEqual([]);
  });

  it('the collective petition counts the people and its representatives, and remembers what was merged in', () => {
    const lead = run(registered(), toAccepted);
    const collective = run(lead, [
      ['2026-03-11', cmd.mergeIn([{ id: 'P-2', headcount: 1 }, { id: 'P-3', headcount: 2 }], 4, 2)],
      ['2026-03-12', cmd.mergeIn([{ id: 'P-4', headcount: 1 }], 5, 3)],
    ]);
    expect(collective.collective).toBe(true);
    expect(collective.headcount).toBe(5);
    expect(collective.representatives).toBe(3);
    expect(collective.mergedFrom).toEqual(['P-2', 'P-3', 'P-4']);
    expect(collective.status).toBe('accepted');
    expect(replay(historyOf(collective))).toEqual(collective);
  });
});
