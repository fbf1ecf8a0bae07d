import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { loadConfig } from '../src/config';
import { DataDirInUseError, LOCK_FILE } from '../src/db/data-dir-lock';
import { openDatabase } from '../src/db/open';

const dirs: string[] = [];
const tmp = () => {
  const d = mkdtempSync(join(tmpdir(), 'qiao-config-'));
  dirs.push(d);
  return d;
};
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

describe('configuration', () => {
  it('generates the embedded secret into the data folder, owner-only, and reuses it', () => {
    const dir = tmp();
    const first = loadConfig({ QIAO_DATA_DIR: dir });
    const file = join(dir, 'secret.key');
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(readFileSync(file, 'utf8').trim()).toMatch(/^[0-9a-f]{64}$/);
    expect(loadConfig({ QIAO_DATA_DIR: dir }).secret.equals(first.secret)).toBe(true);
    expect(first.databaseUrl).toBeUndefined();
  });

  it('requires QIAO_SECRET_KEY with a PostgreSQL DATABASE_URL', () => {
    expect(() => loadConfig({ DATABASE_URL: 'postgres://x@h/db', QIAO_DATA_DIR: tmp() })).toThrow(/QIAO_SECRET_KEY is required/);
    const key = 'ab'.repeat(32);
    expect(loadConfig({ DATABASE_URL: 'postgres://x@h/db', QIAO_SECRET_KEY: key }).secret.toString('hex')).toBe(key);
    expect(() => loadConfig({ QIAO_SECRET_KEY: 'short' })).toThrow(/32 random bytes/);
  });

  it('rejects an unknown day-counting setting', () => {
    expect(() => loadConfig({ QIAO_DATA_DIR: tmp(), QIAO_DAY_COUNTING: 'lunar' })).toThrow(/calendar.*working/);
  });

  it('takes the sweep interval in minutes, 0 for off, and refuses one a timer cannot hold', () => {
    const dir = tmp();
    expect(loadConfig({ QIAO_DATA_DIR: dir }).sweepIntervalMinutes).toBe(60);
    expect(loadConfig({ QIAO_DATA_DIR: dir, QIAO_SWEEP_INTERVAL_MINUTES: '0' }).sweepIntervalMinutes).toBe(0);
    expect(loadConfig({ QIAO_DATA_DIR: dir, QIAO_SWEEP_INTERVAL_MINUTES: '35791' }).sweepIntervalMinutes).toBe(35_791);
    // 100,000 minutes overflows Node's 32-bit timer, which would then fire every millisecond.
    expect(() => loadConfig({ QIAO_DATA_DIR: dir, QIAO_SWEEP_INTERVAL_MINUTES: '100000' })).toThrow(/QIAO_SWEEP_INTERVAL_MINUTES must be a whole number from 0 to 35791/);
    expect(() => loadConfig({ QIAO_DATA_DIR: dir, QIAO_SWEEP_INTERVAL_MINUTES: 'hourly' })).toThrow(/QIAO_SWEEP_INTERVAL_MINUTES/);
    expect(() => loadConfig({ QIAO_DATA_DIR: dir, PORT: '99999' })).toThrow(/PORT must be a whole number/);
  });
});

describe('embedded database folder', () => {
  it('keeps its data across restarts and migrates only once', async () => {
    const dir = tmp();
    const a = await openDatabase({ dataDir: join(dir, 'db') });
    await a.db.execute(sql`insert into settings (key, value) values ('probe', '"kept"'::jsonb)`);
    await a.close();
    const b = await openDatabase({ dataDir: join(dir, 'db') });
    const rows = await b.db.execute(sql`select value from settings where key = 'probe'`);
    expect((rows as { rows: { value: string }[] }).rows[0]?.value).toBe('kept');
    await b.close();
  });

  it('is opened by one process at a time, and taken over from one that is gone', async () => {
    const dir = join(tmp(), 'db');
    const a = await openDatabase({ dataDir: dir });
    await expect(openDatabase({ dataDir: dir })).rejects.toThrow(/in use by another Qiao process/);
    await a.close();
    expect(existsSync(join(dir, LOCK_FILE))).toBe(false);
    // Another running process's folder: refused, saying which process and what to do.
    const other = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 60000)']);
    try {
      writeFileSync(join(dir, LOCK_FILE), `${other.pid}\n`);
      const refused = await openDatabase({ dataDir: dir }).then(
        () => null,
        (e: Error) => e,
      );
      expect(refused).toBeInstanceOf(DataDirInUseError);
      expect(refused?.message).toContain(`pid ${other.pid}`);
      expect(refused?.message).toContain(join(dir, LOCK_FILE));
    } finally {
      other.kill();
      await once(other, 'exit');
    }
    // ... and once that process is gone (a crash leaves its file), the folder is taken over.
    const b = await openDatabase({ dataDir: dir });
    expect(readFileSync(join(dir, LOCK_FILE), 'utf8').trim()).toBe(String(process.pid));
    await b.close();
  });
});
