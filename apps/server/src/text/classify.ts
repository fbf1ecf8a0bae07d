// qiao classify < in.jsonl > out.jsonl: {id, text} lines in, {id, domain, category, litigationRelated,
// confidence} lines out, in input order.

import { classify, defaultModel } from '@qiao/core/text';
import { idAndText, log, readJsonlStdin, writeJsonl } from './jsonl';

export async function classifyCommand(_args: string[]): Promise<void> {
  const rows = readJsonlStdin();
  const model = defaultModel();
  const t0 = performance.now();
  const out = rows.map((row, i) => {
    const { id, text } = idAndText(row, i);
    const c = classify(model, text, { reasons: false });
    return { id, domain: c.domain, category: c.category, litigationRelated: c.litigationRelated, confidence: c.confidence };
  });
  writeJsonl(out);
  log(`classified ${out.length} petitions in ${((performance.now() - t0) / 1000).toFixed(2)} s`);
}
