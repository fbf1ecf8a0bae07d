// qiao train-dedup FILE.jsonl [--out PATH]: fit the duplicate finder's pair model on labeled petitions (the dev
// set's format: petitions with the same dupGroup are one matter) and write it as JSON, by default the shipped
// packages/core/src/text/duplicate-model.json. Fitted on two views of every petition, the text alone and the text
// with the registered respondent and place, since `qiao dedup` and many intakes have only the text and others
// have a clerk's fields: one model judges both well.

import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { fingerprint, fitPairModel, PAIR_FEATURES, textHash } from '@qiao/core/text';
import type { LabeledFingerprint } from '@qiao/core/text';
import { labeledPetitions } from './dataset';
import type { LabeledPetition } from './dataset';
import { log, readJsonlFile } from './jsonl';

export const SHIPPED_DUPLICATE_MODEL_PATH = fileURLToPath(new URL('../../../../packages/core/src/text/duplicate-model.json', import.meta.url));

/** The two views the pair model is fitted and cross-validated on: [text alone, text with the registered fields]. */
export function duplicateViews(items: readonly LabeledPetition[]): [LabeledFingerprint[], LabeledFingerprint[]] {
  const view = (fields: boolean) =>
    items.map((p) => ({
      fp: fingerprint({ id: p.id, text: p.text, respondent: fields ? p.respondent : null, place: fields ? p.place : null }),
      group: p.dupGroup,
    }));
  return [view(false), view(true)];
}

export async function trainDedupCommand(args: string[]): Promise<void> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { out: { type: 'string' } },
  });
  const file = positionals[0];
  if (file === undefined) throw new Error('usage: qiao train-dedup FILE.jsonl [--out PATH]');
  const t0 = performance.now();
  const items = labeledPetitions(readJsonlFile(file));
  const model = fitPairModel(duplicateViews(items));
  const name = file.split('/').pop() ?? file;
  const out = values.out ?? SHIPPED_DUPLICATE_MODEL_PATH;
  const data = {
    features: PAIR_FEATURES,
    ...model,
    fittedOn: `${items.length} labeled petitions from ${name}, text alone and text with the registered respondent and place`,
    // Which texts the model has seen, so that `qiao eval` cross-validates on them instead of flattering itself.
    textHashes: items.map((p) => textHash(p.text)),
  };
  writeFileSync(out, JSON.stringify(data, null, 1) + '\n');
  log(`fitted the duplicate model on ${items.length} petitions (threshold ${model.threshold}, link ${model.linkThreshold}) in ${((performance.now() - t0) / 1000).toFixed(1)} s -> ${out}`);
}
