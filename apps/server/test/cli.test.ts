import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { bundle, ensureBundle } from '../scripts/ensure-bundle';

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
      const login = await fetch(`http://127.0.0.1:${port}/api/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username: 'clerk', password: 'demo' }),
      });
      expect(login.status).toBe(200);
      const { token } = (await login.json()) as { token: string };
      const list = await fetch(`http://127.0.0.1:${port}/api/petitions?limit=1`, { headers: { authorization: `Bearer ${token}` } });
      expect(((await list.json()) as { items: unknown[] }).items).toHaveLength(1);
    } finally {
      child.kill('SIGTERM');
    }
  }, 150_000);
});
