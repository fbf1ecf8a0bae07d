#!/usr/bin/env node
import { parseArgs } from 'node:util';
import { readFileSync } from 'node:fs';
import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { loadConfig } from './config';
import { users, units } from './db/schema';
import { hashPassword } from './lib/crypto';
import { isEmpty, listen, openRuntime } from './server';
import { DEMO_PASSWORD, seedDemo } from './demo/seed';
import { refreshDeadlines } from './settings/refresh-deadlines';
import { startOutboxWorker } from './notifications/deliver';
import { sendersFromEnv } from './notifications/senders';
import { startSweeper, sweep } from './sweeps/sweep';
import { hasStaleFingerprints } from './analysis/indexing';

const HELP = `qiao — the Qiao (桥) petition case system

Usage: qiao <command> [options]

  serve [--demo]                 start the server (PORT, HOST, DATABASE_URL, QIAO_DATA_DIR, QIAO_SECRET_KEY)
                                 --demo: on an empty database, first load the demo city and users (password "demo")
  seed [--petitions N] [--seed S] load the demo world with N petitions (default 5000) into an empty database
  user add --username U --role R --name NAME [--unit ID] --jurisdiction CODE
                                 add a user; the password is read from QIAO_NEW_PASSWORD or standard input
  holidays import FILE           import an official holiday arrangement {years: {YYYY: {holidays, workdays}}}
  sweep [--now ISO]              send due-soon and overdue reminders once, escalate, draft supervision notices
  classify < in.jsonl            {id,text} lines in, {id,domain,category,litigationRelated,confidence} lines out
  dedup < in.jsonl               {id,text[,respondent,place,personKey]} lines in, {id,group} lines out (same group = same matter)
  eval FILE.jsonl [--folds K]    classification and duplicate scores against labels (cross-validated on training data)
  train FILE.jsonl [--out PATH] [--synthetic N] [--with-corrections]
                                 retrain the classifier (default: the shipped packages/core/src/text/model.json);
                                 --with-corrections adds the clerks' corrections stored in the database (names
                                 and numbers of petitioners taken out) and writes QIAO_DATA_DIR/model.json,
                                 which the server then uses
  train-dedup FILE.jsonl [--out PATH] [--with-fields]
                                 fit the duplicate finder's pair model on petitions labeled with dupGroup
                                 (default: the shipped packages/core/src/text/duplicate-model.json)
  index --backfill [--batch N] [--stale-before ISO] [--alerts] [--max-batches N]
                                 compute missing duplicate-lookup signatures and clusters in batches (resumable)
`;

async function main(argv: string[]) {
  const [command, ...rest] = argv;
  switch (command) {
    case 'serve':
      return serve(rest);
    case 'seed':
      return seed(rest);
    case 'user':
      return userCommand(rest);
    case 'holidays':
      return holidays(rest);
    case 'sweep':
      return sweepCommand(rest);
    case 'classify':
      return (await import('./text/classify')).classifyCommand(rest);
    case 'dedup':
      return (await import('./text/dedup')).dedupCommand(rest);
    case 'eval':
      return (await import('./text/eval')).evalCommand(rest);
    case 'train':
      return (await import('./text/train')).trainCommand(rest);
    case 'train-dedup':
      return (await import('./text/train-dedup')).trainDedupCommand(rest);
    case 'index':
      return (await import('./analysis/index-command')).indexCommand(rest);
    case undefined:
    case 'help':
    case '--help':
      process.stdout.write(HELP);
      return;
    default:
      process.stderr.write(`qiao: unknown command "${command}"\n\n${HELP}`);
      process.exitCode = 2;
  }
}

async function serve(args: string[]) {
  const { values } = parseArgs({ args, options: { demo: { type: 'boolean', default: false } } });
  const config = loadConfig();
  const started = Date.now();
  const runtime = await openRuntime(config);
  let demoUsers: { username: string; role: string; displayName: string }[] = [];
  if (values.demo && (await isEmpty(runtime.deps))) {
    process.stdout.write('首次启动：正在生成演示数据（约 5000 件信访事项）… / First start: loading the demo data…\n');
    demoUsers = (await seedDemo(runtime.deps, { petitions: 5000, log: (s) => process.stdout.write(`  ${s}\n`) })).users;
  } else if (values.demo) {
    demoUsers = (await runtime.deps.db.select().from(users)).map((u) => ({ username: u.username, role: u.role, displayName: u.displayName }));
  }
  runtime.deps.demo = values.demo;
  runtime.deps.smsGateway = Boolean(process.env.QIAO_SMS_WEBHOOK_URL);
  const app = await listen(runtime);
  runtime.deps.log = app.log;
  const stopOutbox = startOutboxWorker(runtime.deps, { ...sendersFromEnv(), webhook: (await import('./open311/webhooks')).webhookSender(runtime.deps) });
  const stopSweeper = config.sweepIntervalMinutes > 0 ? startSweeper(runtime.deps, config.sweepIntervalMinutes * 60_000) : () => undefined;
  const url = `http://${config.host === '0.0.0.0' ? 'localhost' : config.host}:${config.port}`;
  const lines = [
    '',
    `Qiao 桥 is running at ${url}  (started in ${((Date.now() - started) / 1000).toFixed(1)} s)`,
    `  API docs: ${url}/api/docs    OpenAPI: ${url}/api/openapi.json`,
    `  Database: ${config.databaseUrl ? 'PostgreSQL (DATABASE_URL)' : `embedded PGlite in ${config.dataDir}`}`,
  ];
  if (values.demo) {
    const wanted = ['admin', 'clerk', 'handler', 'leader', 'supervisor', 'agent'];
    const shown = demoUsers.filter((u) => wanted.includes(u.username));
    lines.push(`  Demo accounts (password "${DEMO_PASSWORD}"):`);
    for (const u of shown) lines.push(`    ${u.username.padEnd(12)} ${u.role.padEnd(11)} ${u.displayName}`);
  }
  if (await hasStaleFingerprints(runtime.deps.db)) {
    lines.push(
      '  注意：部分信访事项的查重索引由旧版本生成，请运行 `npm run qiao -- index --backfill` 重建。',
      '  Note: some petitions were indexed for duplicate lookup by an older version; run `npm run qiao -- index --backfill` once.',
    );
  }
  process.stdout.write(lines.join('\n') + '\n\n');
  const stop = async () => {
    stopOutbox();
    stopSweeper();
    await app.close();
    await runtime.database.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void stop());
  process.once('SIGTERM', () => void stop());
}

async function seed(args: string[]) {
  const { values } = parseArgs({
    args,
    options: { petitions: { type: 'string', default: '5000' }, seed: { type: 'string', default: '2026' } },
  });
  const n = Number(values.petitions);
  if (!Number.isInteger(n) || n < 0) throw new Error('--petitions takes a whole number');
  const runtime = await openRuntime(loadConfig());
  try {
    if (!(await isEmpty(runtime.deps))) throw new Error('the database already has data: seed an empty one');
    const t0 = Date.now();
    await seedDemo(runtime.deps, { petitions: n, seed: Number(values.seed), log: (s) => process.stdout.write(`${s}\n`) });
    process.stdout.write(`seeded ${n} petitions in ${((Date.now() - t0) / 1000).toFixed(1)} s\n`);
  } finally {
    await runtime.database.close();
  }
}

async function userCommand(args: string[]) {
  const [sub, ...rest] = args;
  if (sub !== 'add') throw new Error('usage: qiao user add --username U --role R --name NAME [--unit ID] --jurisdiction CODE');
  const { values } = parseArgs({
    args: rest,
    options: {
      username: { type: 'string' },
      role: { type: 'string' },
      name: { type: 'string' },
      unit: { type: 'string' },
      jurisdiction: { type: 'string' },
    },
  });
  const { UserBody } = await import('@qiao/contracts');
  const password = process.env.QIAO_NEW_PASSWORD ?? readFileSync(0, 'utf8').trim();
  const parsed = UserBody.safeParse({
    username: values.username,
    displayName: values.name,
    password,
    role: values.role,
    unitId: values.unit ?? null,
    jurisdictionCode: values.jurisdiction,
  });
  if (!parsed.success) throw new Error(parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; '));
  const runtime = await openRuntime(loadConfig());
  try {
    const u = parsed.data;
    if (u.unitId) {
      const [unit] = await runtime.deps.db.select().from(units).where(eq(units.id, u.unitId));
      if (!unit) throw new Error(`no unit "${u.unitId}"`);
    }
    await runtime.deps.db.insert(users).values({
      id: randomUUID(),
      username: u.username,
      displayName: u.displayName,
      role: u.role,
      unitId: u.unitId ?? null,
      jurisdictionCode: u.jurisdictionCode,
      passwordHash: await hashPassword(u.password),
    });
    process.stdout.write(`added user ${u.username} (${u.role})\n`);
  } finally {
    await runtime.database.close();
  }
}

async function holidays(args: string[]) {
  const [sub, file] = args;
  if (sub !== 'import' || !file) throw new Error('usage: qiao holidays import FILE.json');
  const runtime = await openRuntime(loadConfig());
  try {
    const years = await runtime.deps.clockSettings.importHolidays(JSON.parse(readFileSync(file, 'utf8')));
    const refreshed = await refreshDeadlines(runtime.deps);
    process.stdout.write(`imported holiday arrangements for ${years.join(', ')}; recomputed the deadlines of ${refreshed} petitions\n`);
  } finally {
    await runtime.database.close();
  }
}

async function sweepCommand(args: string[]) {
  const { values } = parseArgs({
    args,
    options: { now: { type: 'string' }, 'due-soon': { type: 'string' }, 'escalate-after': { type: 'string' } },
  });
  const runtime = await openRuntime(loadConfig());
  try {
    // --now runs the sweep as of another moment (tests, catching up after downtime).
    if (values.now) {
      const at = new Date(values.now);
      if (Number.isNaN(at.getTime())) throw new Error('--now takes an ISO date-time');
      runtime.deps.now = () => at;
    }
    const result = await sweep(runtime.deps, {
      dueSoonDays: values['due-soon'] ? Number(values['due-soon']) : undefined,
      escalateAfterDays: values['escalate-after'] ? Number(values['escalate-after']) : undefined,
    });
    process.stdout.write(JSON.stringify(result) + '\n');
  } finally {
    await runtime.database.close();
  }
}

main(process.argv.slice(2)).catch((err: unknown) => {
  process.stderr.write(`qiao: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exitCode = 1;
});
