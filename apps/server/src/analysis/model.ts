// The classifier model the server uses: one retrained with the clerks' corrections (`qiao train FILE
// --with-corrections`, written to the data folder as model.json) when there is one and it loads, else the
// model shipped in packages/core/src/text/model.json. The file is checked at each use, so a retrained model
// takes effect without a restart.

import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { defaultModel, loadModel, type TextModel, type TextModelData } from '@qiao/core/text';

/** Where `qiao train --with-corrections` writes the retrained model unless told otherwise. */
export function retrainedModelPath(dataDir: string): string {
  return join(dataDir, 'model.json');
}

let cache: { path: string; mtimeMs: number; size: number; model: TextModel | null } | undefined;

/** The model in use: the retrained one at `modelPath` if it exists and loads, else the shipped one. */
export function textModel(deps: { modelPath?: string; log?: { warn: (msg: string) => void } }): TextModel {
  const path = deps.modelPath;
  if (!path) return defaultModel();
  let stat;
  try {
    stat = statSync(path);
  } catch {
    return defaultModel();
  }
  if (!cache || cache.path !== path || cache.mtimeMs !== stat.mtimeMs || cache.size !== stat.size) {
    let model: TextModel | null = null;
    try {
      model = loadModel(JSON.parse(readFileSync(path, 'utf8')) as TextModelData);
    } catch (e) {
      deps.log?.warn(`${path} is not a usable model (${(e as Error).message}); using the shipped one`);
    }
    cache = { path, mtimeMs: stat.mtimeMs, size: stat.size, model };
  }
  return cache.model ?? defaultModel();
}
