// JSON lines in and out for the text commands: stdout carries nothing but JSON lines, logs go to stderr.

import { readFileSync } from 'node:fs';

/** Parse JSON lines (blank lines skipped); a bad line is an error naming its line number. */
export function parseJsonl(text: string, source = 'input'): Record<string, unknown>[] {
  const out: Record<string, unknown>[] = [];
  text.split('\n').forEach((line, i) => {
    const t = line.trim();
    if (t === '') return;
    let v: unknown;
    try {
      v = JSON.parse(t);
    } catch {
      throw new Error(`${source}:${i + 1}: not valid JSON`);
    }
    if (typeof v !== 'object' || v === null || Array.isArray(v)) throw new Error(`${source}:${i + 1}: expected a JSON object`);
    out.push(v as Record<string, unknown>);
  });
  return out;
}

export function readJsonlFile(path: string): Record<string, unknown>[] {
  return parseJsonl(readFileSync(path, 'utf8'), path);
}

export function readJsonlStdin(): Record<string, unknown>[] {
  return parseJsonl(readFileSync(0, 'utf8'), 'stdin');
}

export function writeJsonl(rows: readonly unknown[]): void {
  process.stdout.write(rows.map((r) => JSON.stringify(r)).join('\n') + (rows.length > 0 ? '\n' : ''));
}

export function log(line: string): void {
  process.stderr.write(`${line}\n`);
}

/** The id and text of an input line (`id` may be a number; it is echoed as given). */
export function idAndText(row: Record<string, unknown>, n: number): { id: unknown; text: string } {
  const text = row.text;
  if (typeof text !== 'string') throw new Error(`line ${n + 1}: "text" must be a string`);
  return { id: row.id ?? null, text };
}
