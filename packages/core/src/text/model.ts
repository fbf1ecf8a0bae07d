// The shipped classifier model: trained by `qiao train` (apps/server/src/text/train.ts) and stored as
// model.json next to this file. Parsed and indexed once, on first use.

import data from './model.json' with { type: 'json' };
import { loadModel } from './classifier';
import type { TextModel, TextModelData } from './classifier';

let model: TextModel | undefined;

/** The model that ships with Qiao. */
export function defaultModel(): TextModel {
  model ??= loadModel(data as unknown as TextModelData);
  return model;
}
