// Classification throughput on one thread (issue 6, point 7: goal ≥ 5,000 petitions/s on one core).
//
//   npx tsx bench/classify.ts [FILE.jsonl] [--min N]
//
// Classifies the texts of FILE (default ../shared/data/petitions-dev.jsonl, else 2,000 generated demo petitions)
// with the shipped model, as `qiao classify` does (no reasons) and with reasons (as at intake), and prints the
// rate by the clock and per second of this process's CPU time, with the load average: on a shared machine the
// clock rate is what the load left over, the CPU-time rate what the thread does while it runs. Measured in
// --rounds rounds of --min classifications; the median and the best round are printed (the best CPU-time round
// is the closest a shared machine comes to a quiet core).

import { existsSync } from 'node:fs';
import { availableParallelism, cpus, loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import { defaultModel } from '@qiao/core/text';
import { throughput } from '../apps/server/src/text/eval';
import { readJsonlFile } from '../apps/server/src/text/jsonl';
import { syntheticExamples } from '../apps/server/src/text/dataset';

const { values, positionals } = parseArgs({ allowPositionals: true, options: { min: { type: 'string', default: '2400' }, rounds: { type: 'string', default: '15' } } });
const file = positionals[0] ?? new URL('../../shared/data/petitions-dev.jsonl', import.meta.url).pathname;
const texts = existsSync(file)
  ? readJsonlFile(file).map((r) => (typeof r.text === 'string' ? r.text : ''))
  : syntheticExamples(2000).map((e) => e.text);
const min = Number(values.min);
const rounds = Number(values.rounds);
const model = defaultModel();
const before = loadavg()[0] ?? 0;
const measure = (reasons: boolean) => {
  const runs = Array.from({ length: rounds }, () => throughput(model, texts, min, reasons));
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number;
  return {
    wall: median(runs.map((r) => r.wall)),
    cpu: median(runs.map((r) => r.cpu)),
    bestWall: Math.max(...runs.map((r) => r.wall)),
    bestCpu: Math.max(...runs.map((r) => r.cpu)),
  };
};
const bulk = measure(false);
const full = measure(true);
const after = loadavg()[0] ?? 0;
const n = (x: number) => Math.round(x).toString().padStart(6);
const line = (label: string, r: ReturnType<typeof measure>) =>
  `${label.padEnd(34)} median ${n(r.wall)} /s by the clock, ${n(r.cpu)} /s per CPU-second;  best ${n(r.bestWall)} / ${n(r.bestCpu)}`;
process.stdout.write(
  [
    `classify throughput: ${texts.length} texts from ${existsSync(file) ? file : 'the demo generator'}, ${cpus()[0]?.model ?? 'cpu'} × ${availableParallelism()}, Node ${process.version}`,
    `${rounds} rounds of ${min} classifications each; load average (1 min) before / after: ${before.toFixed(2)} / ${after.toFixed(2)}`,
    line('as `qiao classify` (no reasons)', bulk),
    line('with reasons (as at intake)', full),
    '',
  ].join('\n'),
);
