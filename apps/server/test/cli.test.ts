import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inArray, sql } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { bundle, ensureBundle } from '../scripts/ensure-bundle';
import { buildApp } from '../src/app';
import { loadConfig } from '../src/config';
import { analysisClusterMembers, analysisFingerprints } from '../src/db/schema';
import { openRuntime } from '../src/server';
import { SHIPPED_MODEL_PATH } from '../src/text/train';

const root = join(import.meta.dirname, '../../..');
const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

function qiao(args: string[], env: Record<string, string>, input?: string) {
  return spawnSync('npx', ['tsx', 'apps/server/src/cli.ts', ...args], {
    cwd: root,
    // The CLI is tested on the embedded database even when the shell has a DATABASE_URL.
    env: { ...process.env, DATABASE_URL: '', ...env },
    input,
    encoding: 'utf8',
    timeout: 120_000,
  });
}

// The CLI runs on the embedded database (vitest.config.ts runs this file in server-pglite only).
describe('qiao CLI', () => {
  it('adds users in production mode (no demo users), and imports holidays', () => {
    const dir = mkdtempSync(join(tmpdir(), 'qiao-cli-'));
    dirs.push(dir);
    const env = { QIAO_DATA_DIR: join(dir, 'data') };
    const bad = qiao(['user', 'add', '--username', 'root', '--role', 'wizard', '--name', '管理员', '--jurisdiction', '339900'], { ...env, QIAO_NEW_PASSWORD: 'long-enough-pw' });
    expect(bad.status).toBe(1);
    expect(bad.stderr).toMatch(/role/);
    const ok = qiao(['user', 'add', '--username', 'root', '--role', 'admin', '--name', '管理员', '--jurisdiction', '339900'], env, 'long-enough-pw\n');
    expect(ok.stderr).toBe('');
    expect(ok.stdout).toContain('added user root (admin)');
    const file = join(dir, '2027.json');
    writeFileSync(file, JSON.stringify({ years: { 2027: { holidays: ['2027-01-01'], workdays: [] } } }));
    const imported = qiao(['holidays', 'import', file], env);
    expect(imported.stdout).toMatch(/imported holiday arrangements for 2027/);
    const unknown = qiao(['frobnicate'], env);
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toContain('unknown command');
  });

  // As `npm start` runs it: the bundled server (apps/server/scripts/ensure-bundle.ts) on plain node.
  it('`serve --demo` from the bundle seeds a fresh folder, prints the URL and demo accounts, and serves them', async () => {
    await ensureBundle();
    const dir = mkdtempSync(join(tmpdir(), 'qiao-serve-'));
    dirs.push(dir);
    const port = 39_000 + Math.floor(Math.random() * 2000);
    const child = spawn(process.execPath, ['--enable-source-maps', bundle, 'serve', '--demo'], {
      cwd: root,
      env: { ...process.env, DATABASE_URL: '', QIAO_DATA_DIR: join(dir, 'data'), PORT: String(port), LOG_LEVEL: 'warn' },
    });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    try {
      const started = Date.now();
      while (!out.includes('Demo accounts') && Date.now() - started < 120_000) await new Promise((r) => setTimeout(r, 250));
      expect(out).toContain(`http://127.0.0.1:${port}`);
      for (const user of ['admin', 'clerk', 'handler', 'leader', 'supervisor', 'agent']) expect(out).toMatch(new RegExp(`\\n\\s+${user}\\s`));
      // A fresh folder is indexed by this version: no advice to re-index (printed with the accounts when some are older).
      expect(out).not.toContain('index --backfill');
      const login = await fetch(`http://127.0.0.1:${port}/api/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username: 'clerk', password: 'demo' }),
      });
      expect(login.status).toBe(200);
      // Started with --demo: the sign-in page may name the demo accounts.
      expect(await (await fetch(`http://127.0.0.1:${port}/api/auth/options`)).json()).toEqual({ demo: true });
      const { token } = (await login.json()) as { token: string };
      const list = await fetch(`http://127.0.0.1:${port}/api/petitions?limit=1`, { headers: { authorization: `Bearer ${token}` } });
      expect(((await list.json()) as { items: unknown[] }).items).toHaveLength(1);
    } finally {
      child.kill('SIGTERM');
    }
  }, 150_000);

  // Issue 6: `qiao index --backfill` and `qiao train FILE --with-corrections` on a small demo folder.
  it('`index --backfill` indexes what has no signature in resumable batches; `train --with-corrections` writes the data folder’s model without petitioners’ names', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'qiao-analysis-'));
    dirs.push(dir);
    const env = { QIAO_DATA_DIR: join(dir, 'data') };
    const seeded = qiao(['seed', '--petitions', '30', '--seed', '3'], env);
    expect(seeded.status, seeded.stderr).toBe(0);

    // In this process, on the same folder: a clerk registers one person's two petitions (their name and numbers
    // in the text) and corrects both; then five petitions lose their signatures (as if imported in bulk).
    const runtime = await openRuntime(loadConfig({ ...process.env, DATABASE_URL: '', ...env }));
    try {
      const app = await buildApp(runtime.deps);
      const login = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'clerk', password: 'demo' } });
      const headers = { authorization: `Bearer ${login.json<{ token: string }>().token}` };
      for (const n of [1, 2]) {
        const res = await app.inject({
          method: 'POST',
          url: '/api/petitions',
          headers,
          payload: {
            channel: 'letter',
            category: 'claim',
            domain: 'labor',
            title: '反映鹭洲湾工地拖欠工资',
            content: `我叫翟明轩，电话13912345678，身份证号110101199003076632，工资卡号6222 0212 3456 7890 12${n}。我在鹭洲湾工地干了八个月，老板一直拖着工资不给。`,
            jurisdictionCode: '339902001',
            petitioners: [{ name: '翟明轩', phone: '13912345678', idCard: '110101199003076632' }],
          },
        });
        expect(res.statusCode, res.body).toBe(201);
        const { id, version } = res.json<{ id: string; version: number }>();
        const fix = await app.inject({
          method: 'POST',
          url: `/api/petitions/${id}/reclassify`,
          headers,
          payload: { domain: 'labor', category: 'accusation', litigationRelated: false, expectedVersion: version },
        });
        expect(fix.statusCode, fix.body).toBe(200);
      }
      await app.close();
      const five = (await runtime.deps.db.select({ id: analysisFingerprints.petitionId }).from(analysisFingerprints).orderBy(analysisFingerprints.petitionId).limit(5)).map((r) => r.id);
      await runtime.deps.db.execute(sql`delete from analysis_keys where petition_id = any(${`{${five.join(',')}}`}::uuid[])`);
      await runtime.deps.db.delete(analysisClusterMembers).where(inArray(analysisClusterMembers.petitionId, five));
      await runtime.deps.db.delete(analysisFingerprints).where(inArray(analysisFingerprints.petitionId, five));
    } finally {
      await runtime.database.close();
    }

    const interrupted = qiao(['index', '--backfill', '--batch', '2', '--max-batches', '1'], env);
    expect(interrupted.status, interrupted.stderr).toBe(0);
    expect(interrupted.stdout).toMatch(/^indexed 2\/5 \(40\.0%\) in 1 batches/m);
    expect(interrupted.stdout).toMatch(/done: 2 petitions indexed .*run again to resume/);
    const resumed = qiao(['index', '--backfill', '--batch', '2'], env);
    expect(resumed.stdout).toMatch(/^indexed 3\/3 \(100\.0%\) in 2 batches/m);
    expect(resumed.stdout).toMatch(/done: 3 petitions indexed/);
    expect(qiao(['index', '--backfill'], env).stdout).toMatch(/done: 0 petitions indexed/);
    const usage = qiao(['index'], env);
    expect(usage.status).toBe(1);
    expect(usage.stderr).toContain('usage: qiao index --backfill');

    // Retraining: a small labeled file plus the corrections; the model goes to the data folder, never over the
    // shipped one, and holds none of the petitioner's name or numbers.
    const file = join(dir, 'small.jsonl');
    const rows = [
      ['宏图建筑公司拖欠农民工工资半年，老板避而不见，请求劳动监察帮助讨薪。', 'labor'],
      ['工地包工头拖欠我们工资三个月，请求帮助追讨工资。', 'labor'],
      ['小区物业公司乱收停车费，电梯坏了也不修，请求查处物业公司。', 'propertyManagement'],
      ['物业公司不维修电梯，还上调物业费，请求住建部门督促物业公司整改。', 'propertyManagement'],
      ['化工厂夜间排放刺鼻废气，附近居民不敢开窗，请求环保部门查处。', 'environment'],
      ['造纸厂往河里排污水，河水发黑发臭，请求环保部门查处。', 'environment'],
    ];
    writeFileSync(file, rows.map(([text, domain], i) => JSON.stringify({ id: `s${i}`, text, domain, category: 'claim', litigationRelated: false })).join('\n') + '\n');
    const shipped = () => createHash('sha256').update(readFileSync(SHIPPED_MODEL_PATH)).digest('hex');
    const before = shipped();
    const trained = qiao(['train', file, '--with-corrections', '--synthetic', '0'], env);
    expect(trained.status, trained.stderr).toBe(0);
    const count = Number(/corrections from the database: (\d+)/.exec(trained.stderr)?.[1]);
    expect(count).toBeGreaterThanOrEqual(2);
    const out = join(dir, 'data', 'model.json');
    expect(trained.stderr).toContain(`-> ${out}`);
    expect(existsSync(out)).toBe(true);
    expect(shipped()).toBe(before);
    const model = JSON.parse(readFileSync(out, 'utf8')) as { vocab: string[]; trainedOn: { note?: string } };
    expect(model.trainedOn.note).toContain("clerks' corrections");
    expect(model.vocab.some((f) => f.includes('鹭洲'))).toBe(true); // the corrected petitions were learned from
    // … but not their petitioner (the hand-written lexicon's term features, `!t:12315` the consumer hotline, are in
    // every model whatever it learns from).
    expect(model.vocab.filter((f) => !f.startsWith('!t:') && /[翟轩]|明轩|\d{4}/.test(f))).toEqual([]);
    expect(model.vocab.filter((f) => /[翟轩]|明轩/.test(f))).toEqual([]);
    // --out names another file: written there.
    const elsewhere = join(dir, 'elsewhere.json');
    expect(qiao(['train', file, '--with-corrections', '--synthetic', '0', '--out', elsewhere], env).status).toBe(0);
    expect(existsSync(elsewhere)).toBe(true);
    expect(shipped()).toBe(before);
  }, 600_000);
});
