// A whole demo timeline: petitions received over a period, with ~15% repeats of earlier matters and clusters
// of several petitions against one respondent within days. Plain data; the seeding code inserts it in order.

import { createRng, type Rng } from './random';
import { assertDate, generateCluster, generateMergeGroup, generatePetitionFacts, generateRepeat } from './text';
import type { DemoPetition, PetitionFacts, World } from './types';

export interface TimelineOptions {
  /** First day, YYYY-MM-DD. */
  from: string;
  /** Last day (included), YYYY-MM-DD. */
  to: string;
  count: number;
  /** Share of repeats of an earlier matter (default 0.15). */
  repeatShare?: number;
  /** Share of petitions that belong to a cluster (default 0.08). */
  clusterShare?: number;
}

const DAY = 86_400_000;

function toDay(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

function dayMs(s: string): number {
  return Date.parse(`${s}T00:00:00Z`);
}

interface Slot {
  day: string;
  facts: PetitionFacts | null;
  repeatOf: number | null;
  clusterKey: string | null;
  /** Index of the petition this one is merged into (itself for that one), and the day of merging. */
  merge: { into: number; on: string } | null;
}

/**
 * `count` petitions between `from` and `to`, sorted by day of receipt (fewer on weekends). A repeat's
 * `repeatOf` names the first petition of its matter.
 */
export function generateDemoPetitions(rng: Rng, world: World, options: TimelineOptions): DemoPetition[] {
  assertDate(options.from);
  assertDate(options.to);
  const start = dayMs(options.from);
  const end = dayMs(options.to);
  if (end < start) throw new RangeError('`to` is before `from`');
  const count = Math.max(0, Math.floor(options.count));
  const repeatShare = options.repeatShare ?? 0.15;
  const clusterShare = options.clusterShare ?? 0.08;

  // Days of receipt, weekdays three times as busy as weekends.
  const days: (readonly [string, number])[] = [];
  for (let t = start; t <= end; t += DAY) {
    const weekday = new Date(t).getUTCDay();
    days.push([toDay(t), weekday === 0 || weekday === 6 ? 1 : 3]);
  }
  const slots: Slot[] = Array.from({ length: count }, () => ({
    day: rng.weighted(days),
    facts: null,
    repeatOf: null,
    clusterKey: null,
    merge: null,
  }));
  slots.sort((a, b) => (a.day < b.day ? -1 : a.day > b.day ? 1 : 0));

  // Clusters: a run of 3-7 petitions within about two weeks, generated together.
  let clusterBudget = Math.round(count * clusterShare);
  let clusterNo = 0;
  let guard = 0;
  while (clusterBudget >= 3 && guard++ < count * 4) {
    const size = Math.min(clusterBudget, rng.int(3, 7));
    const first = rng.int(0, Math.max(0, count - 1));
    const firstSlot = slots[first];
    if (firstSlot === undefined || firstSlot.facts !== null) continue;
    const horizon = dayMs(firstSlot.day) + 14 * DAY;
    const members = [first];
    for (let i = first + 1; i < count && members.length < size; i++) {
      const s = slots[i] as Slot;
      if (dayMs(s.day) > horizon) break;
      if (s.facts === null && rng.chance(0.5)) members.push(i);
    }
    if (members.length < 3) continue;
    const key = `cluster-${String(++clusterNo).padStart(3, '0')}`;
    const facts = generateCluster(
      rng,
      world,
      members.map((i) => (slots[i] as Slot).day),
    );
    members.forEach((i, k) => {
      const s = slots[i] as Slot;
      s.facts = facts[k] as PetitionFacts;
      s.clusterKey = key;
    });
    clusterBudget -= members.length;
  }

  // The rest: new matters, or repeats of a matter first raised 7-240 days earlier.
  const freeShare = Math.max(0.01, 1 - clusterShare);
  const ms = slots.map((s) => dayMs(s.day));
  // Earlier matters eligible for a repeat on slot i lie in [lo, hi): received 7 to 240 days before.
  const raised = new Map<number, number>();
  let lo = 0;
  let hi = 0;
  slots.forEach((slot, i) => {
    const today = ms[i] as number;
    while (lo < i && today - (ms[lo] as number) > 240 * DAY) lo++;
    while (hi < i && today - (ms[hi] as number) >= 7 * DAY) hi++;
    if (slot.facts !== null) return;
    if (hi > lo && rng.chance(repeatShare / freeShare)) {
      for (let attempt = 0; attempt < 8; attempt++) {
        const j = rng.int(lo, hi - 1);
        const earlier = slots[j] as Slot;
        if (earlier.facts === null || earlier.facts.category === 'suggestion') continue;
        const root = earlier.repeatOf ?? j;
        const rootSlot = slots[root] as Slot;
        const nth = (raised.get(root) ?? 1) + 1;
        raised.set(root, nth);
        slot.facts = generateRepeat(rng, rootSlot.facts as PetitionFacts, slot.day, {
          world,
          earlierReceivedOn: rootSlot.day,
          nth,
        });
        slot.repeatOf = root;
        slot.clusterKey = rootSlot.clusterKey;
        return;
      }
    }
    slot.facts = generatePetitionFacts(rng, world, slot.day);
  });

  addMergeGroups(slots, world, options.to);

  const keyOf = (i: number): string => `demo-${String(i + 1).padStart(5, '0')}`;
  return slots.map((s, i) => ({
    key: keyOf(i),
    receivedOn: s.day,
    facts: s.facts as PetitionFacts,
    repeatOf: s.repeatOf === null ? null : keyOf(s.repeatOf),
    clusterKey: s.clusterKey,
    ...(s.merge ? { merge: { into: s.merge.into === i ? null : keyOf(s.merge.into), on: s.merge.on } } : {}),
  }));
}

/**
 * Merges (合并, Art. 20): about one group per 400 petitions, 3-4 households of one village or estate who
 * petitioned separately, within ten days, about the same compensation dispute; the petition office merges them
 * into the first one as a collective petition one to four days after the last arrived. They take the place of
 * new single matters that nothing refers to (no repeats of them, no clusters), and are drawn with a generator of
 * their own so the rest of the timeline stays as it was.
 */
function addMergeGroups(slots: Slot[], world: World, to: string): void {
  const wanted = slots.length >= 100 ? Math.max(1, Math.round(slots.length / 400)) : 0;
  if (wanted === 0) return;
  const rng = createRng(`merge-groups:${slots.length}:${slots[0]?.day ?? ''}:${to}`);
  const roots = new Set(slots.flatMap((s) => (s.repeatOf === null ? [] : [s.repeatOf])));
  const free = (i: number) => {
    const s = slots[i] as Slot;
    return s.repeatOf === null && s.clusterKey === null && s.merge === null && !roots.has(i);
  };
  let made = 0;
  for (let attempt = 0; attempt < wanted * 50 && made < wanted; attempt++) {
    const first = rng.int(0, slots.length - 1);
    if (!free(first)) continue;
    const horizon = dayMs((slots[first] as Slot).day) + 10 * DAY;
    const size = rng.int(3, 4);
    const members = [first];
    for (let i = first + 1; i < slots.length && members.length < size; i++) {
      if (dayMs((slots[i] as Slot).day) > horizon) break;
      if (free(i) && rng.chance(0.6)) members.push(i);
    }
    if (members.length < 3) continue;
    const last = (slots[members[members.length - 1] as number] as Slot).day;
    const on = toDay(dayMs(last) + rng.int(1, 4) * DAY);
    if (on > to) continue;
    const key = `merge-${String(++made).padStart(3, '0')}`;
    const facts = generateMergeGroup(
      rng,
      world,
      members.map((i) => (slots[i] as Slot).day),
    );
    members.forEach((i, k) => {
      const s = slots[i] as Slot;
      s.facts = facts[k] as PetitionFacts;
      s.clusterKey = key;
      s.merge = { into: first, on };
    });
  }
}
