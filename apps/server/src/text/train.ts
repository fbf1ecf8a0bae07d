// qiao train FILE.jsonl [--out path] [--synthetic N]: retrain the classifier from labeled petitions (the dev
// set's format) plus N generated ones (default 3000, counting 0.3 each), and write the model JSON (by default
// the shipped packages/core/src/text/model.json).

import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { defaultModel, train, type TrainingExample } from '@qiao/core/text';
import { labeledPetitions, SYNTHETIC_COUNT, SYNTHETIC_WEIGHT, syntheticExamples } from './dataset';
import { log, readJsonlFile } from './jsonl';

export const SHIPPED_MODEL_PATH = fileURLToPath(new URL('../../../../packages/core/src/text/model.json', import.meta.url));

export async function trainCommand(args: string[]): Promise<void> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { out: { type: 'string' }, synthetic: { type: 'string' }, 'with-corrections': { type: 'boolean', default: false } },
  });
  const file = positionals[0];
  if (file === undefined) throw new Error('usage: qiao train FILE.jsonl [--out path] [--synthetic N] [--with-corrections]');
  const n = values.synthetic === undefined ? SYNTHETIC_COUNT : Number(values.synthetic);
  if (!Number.isInteger(n) || n < 0) throw new Error('--synthetic takes a whole number');
  const t0 = performance.now();
  const labeled = labeledPetitions(readJsonlFile(file));
  // Clerks' corrections from the database (DATABASE_URL or QIAO_DATA_DIR), judged against the model in use.
  const corrections = values['with-corrections'] ? await correctionsFromDatabase() : [];
  const examples: TrainingExample[] = [...labeled, ...corrections];
  const fromDb = corrections.length
    ? ` + ${corrections.length} clerks' corrections (${corrections.filter((c) => c.source === 'later').length} after registration, ${corrections.filter((c) => c.source === 'intake').length} at intake)`
    : '';
  if (values['with-corrections']) log(`corrections from the database: ${corrections.length}`);
  const data = train(examples, {}, {
    synthetic: syntheticExamples(n),
    syntheticWeight: SYNTHETIC_WEIGHT,
    note: `${labeled.length} labeled petitions from ${file.split('/').pop() ?? file}${fromDb} + ${n} generated (demo world)`,
  });
  const out = values.out ?? SHIPPED_MODEL_PATH;
  writeFileSync(out, JSON.stringify(data));
  log(`trained on ${examples.length} + ${n} generated petitions (${data.vocab.length} features) in ${((performance.now() - t0) / 1000).toFixed(1)} s -> ${out}`);
}

async function correctionsFromDatabase() {
  const { loadConfig } = await import('../config');
  const { openRuntime } = await import('../server');
  const { loadCorrections } = await import('../analysis/corrections');
  const runtime = await openRuntime(loadConfig());
  try {
    return await loadCorrections(runtime.deps.db, defaultModel());
  } finally {
    await runtime.database.close();
  }
}
