// qiao train FILE.jsonl [--out path] [--synthetic N] [--with-corrections]: retrain the classifier from labeled
// petitions (the dev set's format) plus N generated ones (default 3000, counting 0.3 each), and write the model
// JSON: by default the shipped packages/core/src/text/model.json. With --with-corrections the clerks'
// corrections from the database are added (their texts scrubbed of the petitioners' names and numbers, see
// analysis/scrub.ts) and the model goes to the data folder (QIAO_DATA_DIR/model.json), where the server picks
// it up; it overwrites the shipped model only when --out names that file.

import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { train, type TrainingExample } from '@qiao/core/text';
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
  const fromDatabase = values['with-corrections'] ? await correctionsFromDatabase() : null;
  const corrections = fromDatabase?.corrections ?? [];
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
  const out = values.out ?? fromDatabase?.modelPath ?? SHIPPED_MODEL_PATH;
  if (fromDatabase) mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, JSON.stringify(data));
  log(`trained on ${examples.length} + ${n} generated petitions (${data.vocab.length} features) in ${((performance.now() - t0) / 1000).toFixed(1)} s -> ${out}`);
}

async function correctionsFromDatabase() {
  const { loadConfig } = await import('../config');
  const { openRuntime } = await import('../server');
  const { loadCorrections } = await import('../analysis/corrections');
  const { retrainedModelPath, textModel } = await import('../analysis/model');
  const runtime = await openRuntime(loadConfig());
  try {
    // Judged against the model the server uses now (a retrained one in the data folder, or the shipped one).
    const corrections = await loadCorrections(runtime.deps, textModel(runtime.deps));
    return { corrections, modelPath: retrainedModelPath(runtime.config.dataDir) };
  } finally {
    await runtime.database.close();
  }
}
