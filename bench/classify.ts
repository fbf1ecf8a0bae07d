// Classification throughput on one thread (issue 6, point 7: goal ≥ 5,000 petitions/s on one core).
//
//   npx tsx bench/classify.ts [FILE.jsonl] [--min N]
//
// Classifies the texts of FILE (default ../shared/data/petitions-dev.jsonl, else 2,000 generated demo petitions)
// with the shipped model, as `qiao classify` does (no reasons) and with reasons (as at intake), and prints the
// rate by the clock and per second of this process's CPU time, with the load average: on a shared machine the
// clock rate is what the load left over, the CPU-time rate what the thread does while it runs.

import { existsSync } from 'node:fs';
import { availableParallelism, cpus, loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import { defaultModel } from '@qiao/core/text';
import { throughput } from '../apps/server/src/text/eval';
import { readJsonlFile } from '../apps/server/src/text/jsonl';
import { syntheticExamples } from '../apps/server/src/text/dataset';

const { values, positionals } = parseArgs({ allowPositionals: true, options: { min: { type: 'string', default: '30000' } } });
const file = positionals[0] ?? new URL('../../shared/data/petitions-dev.jsonl', import.meta.url).pathname;
const texts = existsSync(file)
  ? readJsonlFile(file).map((r) => (typeof r.text === 'string' ? r.text : ''))
  : syntheticExamples(2000).map((e) => e.text);
const min = Number(values.min);
const model = defaultModel();
const before = loadavg()[0] ?? 0;
const bulk = throughput(model, texts, min, false);
const full = throughput(model, texts, min, true);
const after = loadavg()[0] ?? 0;
const line = (label: string, r: { wall: number; cpu: number }) =>
  `${label.padEnd(34)} ${Math.round(r.wall).toString().padStart(6)} /s by the clock   ${Math.round(r.cpu).toString().padStart(6)} /s per CPU-second`;
process.stdout.write(
  [
    `classify throughput: ${texts.length} texts from ${existsSync(file) ? file : 'the demo generator'}, ${cpus()[0]?.model ?? 'cpu'} × ${availableParallelism()}, Node ${process.version}`,
    `load average (1 min) before / after: ${before.toFixed(2)} / ${after.toFixed(2)}`,
    line('as `qiao classify` (no reasons)', bulk),
    line('with reasons (as at intake)', full),
    '',
  ].join('\n'),
);
