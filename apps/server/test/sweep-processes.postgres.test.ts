import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { and, eq, inArray } from 'drizzle-orm';
import pg from 'pg';
import { outbox, reminders } from '../src/db/schema';
import { sweep } from '../src/sweeps/sweep';
import { createTestContext, TEST_SECRET } from './support/app';
import { engineAvailable } from './support/env';
import { command, register } from './support/http';

const root = join(import.meta.dirname, '../../..');

function sweepProcess(url: string, now: string): Promise<{ code: number | null; out: string }> {
  return new Promise((resolve) => {
    const child = spawn('npx', ['tsx', 'apps/server/src/cli.ts', 'sweep', '--now', now], {
      cwd: root,
      env: { ...process.env, DATABASE_URL: url, QIAO_SECRET_KEY: TEST_SECRET.toString('hex') },
    });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (out += d.toString()));
    child.on('close', (code) => resolve({ code, out }));
  });
}

// Runs in the server-postgres project only (vitest.config.ts): it needs real concurrent sessions.
describe.skipIf(!(await engineAvailable()))('sweeps from two processes on one PostgreSQL', () => {
  it('never sends a reminder twice, and skips while another sweep holds the lock', async () => {
    const { ctx: t, url, cleanup } = await createTestContext('postgres');
    try {
      t.clock.set('2026-03-02');
      const ids: string[] = [];
      for (let i = 0; i < 12; i++) {
        const p = await register(t, { title: `并发扫描 ${i}` });
        await command(t, 'clerk', p.id, 'assign', { unitId: 'city-labor' }); // receipt notice due 2026-03-17
        ids.push(p.id);
      }
      const [a, b] = await Promise.all([sweepProcess(url!, '2026-03-24T02:00:00Z'), sweepProcess(url!, '2026-03-24T02:00:00Z')]);
      expect(a.code, a.out).toBe(0);
      expect(b.code, b.out).toBe(0);
      const results = [a, b].map((r) => JSON.parse(r.out.trim().split('\n').pop()!) as { ran: boolean; sent: Record<string, number> });
      expect(results.some((r) => r.ran)).toBe(true);
      const rows = await t.deps.db.select().from(reminders).where(inArray(reminders.petitionId, ids));
      // Seven days late: overdue (to the unit head) and escalated, once each per petition.
      expect(rows).toHaveLength(ids.length * 2);
      const notices = await t.deps.db
        .select()
        .from(outbox)
        .where(and(inArray(outbox.petitionId, ids), eq(outbox.channel, 'inApp')));
      const keys = notices.map((n) => `${n.petitionId}|${n.template}|${n.recipient}`);
      expect(new Set(keys).size).toBe(keys.length);
      expect(notices.filter((n) => n.template === 'overdue')).toHaveLength(ids.length);

      // While another session holds the sweep lock, a sweep does nothing and says so.
      const holder = new pg.Client({ connectionString: url });
      await holder.connect();
      await holder.query('select pg_advisory_lock(4242001)');
      t.clock.set('2026-04-30');
      expect((await sweep(t.deps)).ran).toBe(false);
      await holder.query('select pg_advisory_unlock(4242001)');
      await holder.end();
      expect((await sweep(t.deps)).ran).toBe(true);
    } finally {
      await cleanup();
    }
  }, 120_000);
});
