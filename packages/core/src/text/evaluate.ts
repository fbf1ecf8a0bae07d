// Measures for the classifier and the duplicate finder, and group K-fold splits, as pure functions.

import { fnv1a32 } from './hash';

/**
 * Split items into k folds, keeping each group (e.g. one matter's retellings) in one fold, so the fold being
 * evaluated never shares a matter with training. Deterministic: groups are ordered by a hash of their key
 * with the seed, then dealt round-robin (largest first, to balance fold sizes).
 */
export function groupKFold<T>(items: readonly T[], k: number, groupOf: (item: T, i: number) => string, seed = 0): number[] {
  const groups = new Map<string, number[]>();
  items.forEach((it, i) => {
    const g = groupOf(it, i);
    const list = groups.get(g) ?? [];
    list.push(i);
    groups.set(g, list);
  });
  const ordered = [...groups.entries()].sort(
    (a, b) => b[1].length - a[1].length || fnv1a32(a[0], seed + 1) - fnv1a32(b[0], seed + 1),
  );
  const fold = new Array<number>(items.length).fill(0);
  const sizes = new Array<number>(k).fill(0);
  for (const [, idx] of ordered) {
    let f = 0;
    for (let j = 1; j < k; j++) if ((sizes[j] as number) < (sizes[f] as number)) f = j;
    for (const i of idx) fold[i] = f;
    sizes[f] = (sizes[f] as number) + idx.length;
  }
  return fold;
}

export function accuracy<T>(gold: readonly T[], pred: readonly T[]): number {
  if (gold.length === 0) return 0;
  let ok = 0;
  gold.forEach((g, i) => {
    if (pred[i] === g) ok++;
  });
  return ok / gold.length;
}

export interface LabelScore {
  label: string;
  precision: number;
  recall: number;
  f1: number;
  support: number;
}

/** Per-label precision, recall and F1, and their macro average over labels present in gold or prediction. */
export function macroF1(gold: readonly string[], pred: readonly string[]): { macroF1: number; perLabel: LabelScore[] } {
  const labels = [...new Set([...gold, ...pred])].sort();
  const perLabel = labels.map((label) => {
    let tp = 0;
    let fp = 0;
    let fn = 0;
    gold.forEach((g, i) => {
      const p = pred[i];
      if (p === label && g === label) tp++;
      else if (p === label) fp++;
      else if (g === label) fn++;
    });
    const precision = tp + fp === 0 ? 0 : tp / (tp + fp);
    const recall = tp + fn === 0 ? 0 : tp / (tp + fn);
    const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
    return { label, precision, recall, f1, support: tp + fn };
  });
  const m = perLabel.length === 0 ? 0 : perLabel.reduce((a, s) => a + s.f1, 0) / perLabel.length;
  return { macroF1: m, perLabel };
}

export interface PairScore {
  precision: number;
  recall: number;
  f1: number;
  truePairs: number;
  predictedPairs: number;
  correctPairs: number;
}

/**
 * Pairwise duplicate scores: a pair of items is "the same matter" when both carry the same gold group
 * (null = unique), and "predicted the same" when both got the same predicted group.
 */
export function pairwiseScores(gold: readonly (string | null)[], pred: readonly string[]): PairScore {
  let truePairs = 0;
  let predictedPairs = 0;
  let correctPairs = 0;
  for (let i = 0; i < gold.length; i++) {
    for (let j = i + 1; j < gold.length; j++) {
      const same = gold[i] !== null && gold[i] === gold[j];
      const said = pred[i] === pred[j];
      if (same) truePairs++;
      if (said) predictedPairs++;
      if (same && said) correctPairs++;
    }
  }
  return pairScoreOf(truePairs, predictedPairs, correctPairs);
}

/** Precision, recall and F1 from pair counts (no pair to find and none found is perfect). */
export function pairScoreOf(truePairs: number, predictedPairs: number, correctPairs: number): PairScore {
  const precision = predictedPairs === 0 ? (truePairs === 0 ? 1 : 0) : correctPairs / predictedPairs;
  const recall = truePairs === 0 ? 1 : correctPairs / truePairs;
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { precision, recall, f1, truePairs, predictedPairs, correctPairs };
}
