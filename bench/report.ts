import { readFileSync, writeFileSync } from 'node:fs';

const START = '<!-- bench:cockpit:start (written by npm run bench; edit bench/report.ts instead) -->';
const END = '<!-- bench:cockpit:end -->';

interface Report {
  mode: string;
  petitions: number;
  base: number;
  pglitePetitions: number;
  seconds: number;
  concurrency: number;
  machine: { cpu: string; ramGb: string; node: string; date: string; load: string };
  figures: Record<string, string | number>;
}

const f = (r: Report, k: string) => String(r.figures[k] ?? '—');

/** Replace (or append) the suite's own sections of BENCHMARKS.md, leaving every other section as it is. */
export function writeSection(path: string, r: Report) {
  const n = r.petitions.toLocaleString('en');
  const body = `${START}
## Dashboards, intake, overdue query, start-up (\`npm run bench\`, issue 7)

Machine: ${r.machine.cpu}, ${r.machine.ramGb} GB RAM, Node ${r.machine.node}, ${r.machine.date}; load average at the
end ${r.machine.load}. Mode \`${r.mode}\`: ${n} petitions on PostgreSQL (scratch database, server in a child process
on a port, client in the bench process on the same 2 cores), ${r.pglitePetitions.toLocaleString('en')} on PGlite
(in memory, in-process); ${r.concurrency} concurrent clients for ${r.seconds} s in the load tests. Whole run ${f(r, 'totalSeconds')} s.
Reproduce: \`npm run bench -- --quick\` (or \`--full\`, or \`--petitions N\`). The overdue counts are an index-only scan of a partial
covering index on open petitions.

| PostgreSQL, ${n} petitions | figure |
|---|---|
| bulk load (${r.base.toLocaleString('en')} through the core, the rest as copies in INSERT … SELECT) | ${f(r, 'pgLoadSeconds')} s |
| rollup rebuild from scratch | ${f(r, 'pgRollupRebuildSeconds')} s |
| server start (\`qiao serve\`, migrations, listening) | ${f(r, 'pgServerStartSeconds')} s |
| dashboard summary, city leader, this year (rollups): p50 / p95 | ${f(r, 'dashLeaderYearP50')} / ${f(r, 'dashLeaderYearP95')} ms |
| … city leader, 24 months | ${f(r, 'dashLeader24mP50')} / ${f(r, 'dashLeader24mP95')} ms |
| … city clerk (rollups + the office's own petitions elsewhere, from its scope rollup) | ${f(r, 'dashClerkYearP50')} / ${f(r, 'dashClerkYearP95')} ms |
| … county leader | ${f(r, 'dashCountyLeaderYearP50')} / ${f(r, 'dashCountyLeaderYearP95')} ms |
| … a unit's handler (the unit's scope rollup) | ${f(r, 'dashHandlerLiveP50')} / ${f(r, 'dashHandlerLiveP95')} ms |
| public figures \`/api/portal/stats\` p95 | ${f(r, 'publicStatsP95')} ms |
| overdue query over all open petitions (${f(r, 'overduePetitions')} overdue of ${f(r, 'openPetitions')} open; total, by unit, by county): p50 / p95 | ${f(r, 'overdueQueryP50')} / ${f(r, 'overdueQueryP95')} ms |
| overdue list page \`GET /api/petitions?overdue=true\` p50 | ${f(r, 'overdueListP50')} ms |
| duplicate lookup as at intake (\`findSimilar\`, ${f(r, 'dedupLookups')} retellings, one at a time): p50 / p99 | ${f(r, 'dedupP50')} / ${f(r, 'dedupP99')} ms |
| HTTP intake as a clerk's reaches the server: suggestions for the final draft (classification, duplicate lookup, routing), then registration (validation, fingerprint and keys, clocks, commit); an office's petitions (the demo generator's, 80–400 characters, varied petitioners and places) | **${f(r, 'intakePerSecond')} intakes/s** (p50 ${f(r, 'intakeP50')} ms, p95 ${f(r, 'intakeP95')} ms, ${f(r, 'intakeErrors')} errors) |
| … registration alone (\`POST /api/petitions\`) | ${f(r, 'registerPerSecond')} requests/s (p50 ${f(r, 'registerP50')} ms, p95 ${f(r, 'registerP95')} ms, ${f(r, 'registerErrors')} errors) |
| … the same intake of near-copies (six short texts in turn, one phone for all: every key's postings full) | ${f(r, 'copiesIntakePerSecond')} intakes/s (${f(r, 'copiesIntakeErrors')} errors; ratio ${f(r, 'copiesIntakeRatio')}) |
| raw single-row INSERT of a petition-shaped row through \`pg\`, same concurrency | ${f(r, 'rawInsertPerSecond')} rows/s |
| **intake ÷ raw INSERT** (goal ≥ 0.30) | **${f(r, 'intakeRatio')}** (registration alone ${f(r, 'registerRatio')}) |
| first dashboard after the intake burst (folds the new petitions into the rollups) | ${f(r, 'dashAfterBurstMs')} ms |
| dashboard p95 after the burst | ${f(r, 'dashLeaderAfterP95')} ms |
| overdue sweep over all open petitions, once (${f(r, 'sweepExamined')} running obligations due within 3 days or overdue: reminders, escalations, supervision drafts) | ${f(r, 'sweepSeconds')} s |
| server memory after the load (RSS / peak) | ${f(r, 'serverRssMb')} / ${f(r, 'serverPeakRssMb')} MB |

| PGlite (embedded default), ${r.pglitePetitions.toLocaleString('en')} petitions | figure |
|---|---|
| bulk load | ${f(r, 'pgliteLoadSeconds')} s |
| rollup rebuild | ${f(r, 'pgliteRollupRebuildSeconds')} s |
| dashboard summary, city leader: p50 / p95 (in-process) | ${f(r, 'pgliteDashP50')} / ${f(r, 'pgliteDashP95')} ms |
| overdue query p50 | ${f(r, 'pgliteOverdueP50')} ms |
| registration (\`POST /api/petitions\`) of an office's petitions, in-process, 4 concurrent (one connection) | ${f(r, 'pgliteIntakePerSecond')} requests/s |

| \`npm start\` (embedded PGlite, demo) | figure |
|---|---|
| first start: new data folder, demo of 5,000 petitions, until \`/healthz\` answers (full mode) | ${f(r, 'startFirstSeconds')} s |
| start on an existing data folder (${r.mode === 'quick' ? '200 petitions' : 'the demo of 5,000'}) | **${f(r, 'startExistingSeconds')} s** (RSS ${f(r, 'startExistingRssMb')} MB) |

How the dashboards stay exact and fast: see \`apps/server/src/dashboards/sync.ts\`. Per-petition facts and three
rollup tables (received month × county × domain × channel × category; month × county × handling unit; and each
unit's scope: the petitions naming it, for its own staff and a petition office's petitions elsewhere) are brought up to every committed change at the start of each dashboard request, from the event history (one
indexed range read when nothing changed); \`apps/server/test/dashboards.test.ts\` checks every figure against a
full recount with \`core/metrics\` after random changes, and the incrementally kept rollups against a rebuild.
${END}`;
  let text = readFileSync(path, 'utf8');
  const a = text.indexOf(START);
  const b = text.indexOf(END);
  if (a >= 0 && b > a) text = text.slice(0, a) + body + text.slice(b + END.length);
  else text = text.trimEnd() + '\n\n' + body + '\n';
  writeFileSync(path, text);
}
