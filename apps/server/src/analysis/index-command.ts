// qiao index --backfill [--batch N] [--stale-before ISO] [--alerts] [--max-batches N]: index petitions that have
// no duplicate-lookup signature yet (registered before indexing existed, or imported in bulk) or whose stored
// fingerprint predates the facts column (NULL facts), oldest first, in batches, each committed on its own, with
// progress on standard output. Run it again to resume.

import { parseArgs } from 'node:util';
import { loadConfig } from '../config';
import { openRuntime } from '../server';
import { backfillIndex } from './indexing';

export const INDEX_USAGE = 'usage: qiao index --backfill [--batch N] [--stale-before ISO] [--alerts] [--max-batches N]';

export async function indexCommand(args: string[]) {
  const { values } = parseArgs({
    args,
    options: {
      backfill: { type: 'boolean', default: false },
      batch: { type: 'string', default: '500' },
      'stale-before': { type: 'string' },
      alerts: { type: 'boolean', default: false },
      'max-batches': { type: 'string' },
    },
  });
  if (!values.backfill) throw new Error(INDEX_USAGE);
  const batch = Number(values.batch);
  if (!Number.isInteger(batch) || batch < 1 || batch > 10_000) throw new Error('--batch takes a whole number from 1 to 10000');
  const maxBatches = values['max-batches'] === undefined ? undefined : Number(values['max-batches']);
  if (maxBatches !== undefined && (!Number.isInteger(maxBatches) || maxBatches < 1)) throw new Error('--max-batches takes a whole number');
  const staleBefore = values['stale-before'] === undefined ? undefined : new Date(values['stale-before']);
  if (staleBefore && Number.isNaN(staleBefore.getTime())) throw new Error('--stale-before takes an ISO date-time');
  if (staleBefore && staleBefore.getTime() > Date.now()) throw new Error('--stale-before cannot be in the future');

  const runtime = await openRuntime(loadConfig());
  const t0 = Date.now();
  try {
    const done = await backfillIndex(runtime.deps.db, runtime.deps, {
      batch,
      alerts: values.alerts,
      staleBefore,
      maxBatches,
      onProgress: (p) => {
        const pct = p.total ? ((100 * p.indexed) / p.total).toFixed(1) : '100.0';
        const rate = (p.indexed / Math.max(0.001, (Date.now() - t0) / 1000)).toFixed(0);
        process.stdout.write(`indexed ${p.indexed}/${p.total} (${pct}%) in ${p.batches} batches, ${rate}/s; up to ${p.last?.receivedOn ?? '-'} ${p.last?.id ?? ''}\n`);
      },
    });
    process.stdout.write(`done: ${done} petitions indexed in ${((Date.now() - t0) / 1000).toFixed(1)} s${maxBatches !== undefined ? ' (stopped at --max-batches; run again to resume)' : ''}\n`);
  } finally {
    await runtime.database.close();
  }
}
