// Labeled examples for training and evaluation: the dev set's format
// (id, text, category, litigationRelated, domain, respondent, place, dupGroup ...) and generated text from
// the demo world (fictional petitions with their labels) to widen the vocabulary.

import { isCategory, isDomain } from '@qiao/core/text';
import type { TrainingExample } from '@qiao/core/text';
import { buildWorld, createRng, generatePetitionFacts } from '../demo/index';

export interface LabeledPetition extends TrainingExample {
  id: string;
  respondent: string | null;
  place: string | null;
  dupGroup: string | null;
}

/** Rows in the dev set's format; rows without valid labels are an error naming the line. */
export function labeledPetitions(rows: readonly Record<string, unknown>[]): LabeledPetition[] {
  return rows.map((r, i) => {
    const { text, domain, category, litigationRelated } = r;
    if (typeof text !== 'string') throw new Error(`line ${i + 1}: "text" must be a string`);
    if (!isDomain(domain)) throw new Error(`line ${i + 1}: unknown domain ${JSON.stringify(domain)}`);
    if (!isCategory(category)) throw new Error(`line ${i + 1}: unknown category ${JSON.stringify(category)}`);
    const str = (x: unknown) => (typeof x === 'string' && x !== '' ? x : null);
    const id = typeof r.id === 'string' || typeof r.id === 'number' ? String(r.id) : `#${i + 1}`;
    const dupGroup = str(r.dupGroup);
    return {
      id,
      text,
      domain,
      category,
      litigationRelated: litigationRelated === true,
      respondent: str(r.respondent),
      place: str(r.place),
      dupGroup,
      group: dupGroup ?? id,
    };
  });
}

/** How many generated petitions the shipped model is trained with, and how much each counts. */
export const SYNTHETIC_COUNT = 3000;
export const SYNTHETIC_WEIGHT = 0.3;
export const SYNTHETIC_SEED = 'qiao-text-train';

/** Generated, labeled petitions of the demo city (deterministic for a seed). */
export function syntheticExamples(n: number, seed = SYNTHETIC_SEED): TrainingExample[] {
  const world = buildWorld();
  const rng = createRng(seed);
  const out: TrainingExample[] = [];
  for (let i = 0; i < n; i++) {
    const day = `2025-${String(1 + (i % 12)).padStart(2, '0')}-${String(1 + (i % 28)).padStart(2, '0')}`;
    const f = generatePetitionFacts(rng, world, day);
    out.push({ text: f.text, domain: f.domain, category: f.category, litigationRelated: f.litigationRelated, group: `syn-${i}` });
  }
  return out;
}
