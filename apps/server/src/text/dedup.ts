// qiao dedup < in.jsonl > out.jsonl: {id, text [, respondent, place, personKey]} lines in, {id, group} lines
// out: petitions judged to be about the same matter share a group; a petition alone gets its own.

import { groupDuplicates } from '@qiao/core/text';
import type { DuplicateInput } from '@qiao/core/text';
import { idAndText, log, readJsonlStdin, writeJsonl } from './jsonl';

export function duplicateInputs(rows: readonly Record<string, unknown>[]): DuplicateInput[] {
  const str = (x: unknown) => (typeof x === 'string' && x !== '' ? x : null);
  return rows.map((row, i) => {
    const { id, text } = idAndText(row, i);
    return {
      id: typeof id === 'string' || typeof id === 'number' ? String(id) : `#${i + 1}`,
      text,
      respondent: str(row.respondent),
      place: str(row.place),
      personKey: str(row.personKey),
    };
  });
}

export async function dedupCommand(_args: string[]): Promise<void> {
  const rows = readJsonlStdin();
  const t0 = performance.now();
  const groups = groupDuplicates(duplicateInputs(rows));
  // Groups are named g1, g2 ... in order of first appearance.
  const names = new Map<string, string>();
  const out = rows.map((row, i) => {
    const g = groups[i] as string;
    let name = names.get(g);
    if (name === undefined) names.set(g, (name = `g${names.size + 1}`));
    return { id: row.id ?? null, group: name };
  });
  writeJsonl(out);
  log(`grouped ${rows.length} petitions into ${names.size} matters in ${((performance.now() - t0) / 1000).toFixed(2)} s`);
}
