// Fitting the duplicate finder's pair model on labeled petitions (the dev set's `dupGroup`): a logistic
// regression over PAIR_FEATURES, fitted by Newton's method (IRLS) with an L2 penalty, then the two grouping
// thresholds chosen by the pairwise F1 of average-link groups on the same data. Pure: the caller reads files.

import { documentFrequencies, groupFingerprints, idfFrom, pairFeatures, PAIR_FEATURES } from './dedup';
import type { Fingerprint, PairModel } from './dedup';
import { groupKFold, pairScoreOf, pairwiseScores } from './evaluate';
import type { PairScore } from './evaluate';

export interface LabeledFingerprint {
  fp: Fingerprint;
  /** Items with the same group are the same matter; null is a matter of its own. */
  group: string | null;
}

export interface FitOptions {
  /** L2 penalty on the weights (not the bias). */
  l2?: number;
  /** How much more a same-matter pair counts than a different-matter one (they are rare: ~1 in 400 pairs). */
  positiveWeight?: number;
  thresholds?: readonly number[];
  linkThresholds?: readonly number[];
  /** Added to the logit for the same petitioner (not fitted: the labeled data has no petitioner keys). */
  personLogit?: number;
}

const FIT_DEFAULTS = {
  l2: 1,
  positiveWeight: 10,
  thresholds: [0.3, 0.4, 0.5, 0.6, 0.7, 0.8],
  linkThresholds: [0.1, 0.2, 0.3, 0.4, 0.5],
  personLogit: 2,
};

/** Every pair's features (IDF over the items themselves, as groupDuplicates computes it) and label. */
function pairData(items: readonly LabeledFingerprint[]): { x: number[][]; y: number[] } {
  const fps = items.map((i) => i.fp);
  const idf = idfFrom(documentFrequencies(fps), fps.length);
  const x: number[][] = [];
  const y: number[] = [];
  for (let i = 0; i < items.length; i++) {
    for (let j = i + 1; j < items.length; j++) {
      const a = items[i] as LabeledFingerprint;
      const b = items[j] as LabeledFingerprint;
      x.push(pairFeatures(a.fp, b.fp, idf).features);
      y.push(a.group !== null && a.group === b.group ? 1 : 0);
    }
  }
  return { x, y };
}

/** Solve A·v = b by Gaussian elimination with partial pivoting (A small and positive definite). */
function solve(a: number[][], b: number[]): number[] {
  const n = b.length;
  const m = a.map((row, i) => [...row, b[i] as number]);
  for (let c = 0; c < n; c++) {
    let p = c;
    for (let r = c + 1; r < n; r++) if (Math.abs((m[r] as number[])[c] as number) > Math.abs((m[p] as number[])[c] as number)) p = r;
    [m[c], m[p]] = [m[p] as number[], m[c] as number[]];
    const pivot = m[c] as number[];
    for (let r = 0; r < n; r++) {
      if (r === c) continue;
      const row = m[r] as number[];
      const f = (row[c] as number) / (pivot[c] as number);
      if (f === 0) continue;
      for (let q = c; q <= n; q++) row[q] = (row[q] as number) - f * (pivot[q] as number);
    }
  }
  return m.map((row, i) => (row[n] as number) / (row[i] as number));
}

/** Weighted, L2-penalised logistic regression by Newton's method; returns weights with the bias last. */
export function fitLogistic(x: readonly (readonly number[])[], y: readonly number[], l2: number, positiveWeight: number): number[] {
  const d = (x[0]?.length ?? 0) + 1;
  const w = new Array<number>(d).fill(0);
  for (let iter = 0; iter < 50; iter++) {
    const g = new Array<number>(d).fill(0);
    const h = Array.from({ length: d }, () => new Array<number>(d).fill(0));
    for (let k = 0; k < x.length; k++) {
      const row = x[k] as readonly number[];
      let z = w[d - 1] as number;
      for (let m = 0; m < d - 1; m++) z += (w[m] as number) * (row[m] as number);
      const p = 1 / (1 + Math.exp(-z));
      const c = y[k] === 1 ? positiveWeight : 1;
      const e = c * (p - (y[k] as number));
      const v = c * p * (1 - p);
      for (let m = 0; m < d; m++) {
        const xm = m === d - 1 ? 1 : (row[m] as number);
        g[m] = (g[m] as number) + e * xm;
        const hm = h[m] as number[];
        for (let q = m; q < d; q++) hm[q] = (hm[q] as number) + v * xm * (q === d - 1 ? 1 : (row[q] as number));
      }
    }
    for (let m = 0; m < d; m++) for (let q = 0; q < m; q++) (h[m] as number[])[q] = (h[q] as number[])[m] as number;
    for (let m = 0; m < d - 1; m++) {
      g[m] = (g[m] as number) + l2 * (w[m] as number);
      (h[m] as number[])[m] = ((h[m] as number[])[m] as number) + l2;
    }
    const step = solve(h, g);
    let change = 0;
    for (let m = 0; m < d; m++) {
      w[m] = (w[m] as number) - (step[m] as number);
      change += Math.abs(step[m] as number);
    }
    if (change < 1e-7) break;
  }
  return w;
}

/**
 * Fit a pair model on labeled petitions: weights by logistic regression, thresholds by grouping F1. `items` may
 * be several views of the same petitions (e.g. the text alone, and the text with the registered respondent and
 * place): the model is fitted on the pairs of every view and its thresholds on their mean F1, so that it judges
 * well whichever fields an input has.
 */
export function fitPairModel(items: readonly LabeledFingerprint[] | readonly (readonly LabeledFingerprint[])[], options: FitOptions = {}): PairModel {
  const o = { ...FIT_DEFAULTS, ...options };
  const views = isViews(items) ? items : [items];
  const x: number[][] = [];
  const y: number[] = [];
  for (const view of views) {
    const d = pairData(view);
    x.push(...d.x);
    y.push(...d.y);
  }
  if (!y.includes(1)) throw new Error('fitting the duplicate model needs at least one pair of petitions about the same matter');
  const w = fitLogistic(x, y, o.l2, o.positiveWeight);
  const round = (v: number) => Math.round(v * 10000) / 10000;
  const model: PairModel = {
    weights: w.slice(0, PAIR_FEATURES.length).map(round),
    bias: round(w[PAIR_FEATURES.length] as number),
    threshold: 0.5,
    linkThreshold: 0.3,
    personLogit: o.personLogit,
  };
  let best = -1;
  for (const threshold of o.thresholds) {
    for (const linkThreshold of o.linkThresholds) {
      let f1 = 0;
      for (const view of views) {
        f1 += pairwiseScores(
          view.map((i) => i.group),
          groupFingerprints(
            view.map((i) => i.fp),
            { model, threshold, linkThreshold },
          ),
        ).f1 / views.length;
      }
      if (f1 > best) {
        best = f1;
        model.threshold = threshold;
        model.linkThreshold = linkThreshold;
      }
    }
  }
  return model;
}

function isViews(x: readonly LabeledFingerprint[] | readonly (readonly LabeledFingerprint[])[]): x is readonly (readonly LabeledFingerprint[])[] {
  return Array.isArray(x[0]);
}

/** Pair counts summed over folds, scored once. */
function pooled(scores: readonly PairScore[]): PairScore {
  const sum = (k: 'truePairs' | 'predictedPairs' | 'correctPairs') => scores.reduce((n, s) => n + s[k], 0);
  return pairScoreOf(sum('truePairs'), sum('predictedPairs'), sum('correctPairs'));
}

/**
 * Group K-fold cross-validation of the duplicate finder: each fold's petitions are grouped (among themselves)
 * by a model fitted on the other folds, so no matter is judged by a model that saw it. Pairwise counts are
 * pooled over folds (pairs across folds are never judged: each fold is one batch). With several views of the
 * same petitions (same order), the model is fitted on all of them and scored on each: one PairScore per view.
 */
export function crossValidateDuplicates(items: readonly LabeledFingerprint[], k: number, options?: FitOptions, seed?: number): PairScore;
export function crossValidateDuplicates(views: readonly (readonly LabeledFingerprint[])[], k: number, options?: FitOptions, seed?: number): PairScore[];
export function crossValidateDuplicates(
  items: readonly LabeledFingerprint[] | readonly (readonly LabeledFingerprint[])[],
  k: number,
  options: FitOptions = {},
  seed = 0,
): PairScore | PairScore[] {
  const views = isViews(items) ? items : [items];
  const first = views[0] ?? [];
  const folds = groupKFold(first, k, (it, i) => it.group ?? `#${i}`, seed);
  const perView: PairScore[][] = views.map(() => []);
  for (let f = 0; f < k; f++) {
    if (!folds.includes(f)) continue;
    const model = fitPairModel(
      views.map((v) => v.filter((_, i) => folds[i] !== f)),
      options,
    );
    views.forEach((v, n) => {
      const test = v.filter((_, i) => folds[i] === f);
      (perView[n] as PairScore[]).push(
        pairwiseScores(
          test.map((t) => t.group),
          groupFingerprints(
            test.map((t) => t.fp),
            { model },
          ),
        ),
      );
    });
  }
  const scores = perView.map(pooled);
  return isViews(items) ? scores : (scores[0] as PairScore);
}
