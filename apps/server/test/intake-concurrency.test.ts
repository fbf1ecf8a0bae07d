import { sql, type SQL } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { rows } from '../src/analysis/sql';
import { available, engineName, intake, useTestApp } from './support/app';
import { call } from './support/http';

// Concurrent registrations are group-committed (petitions/register.ts): these check that each one is written
// whole, answered only once committed, and that the alert and idempotency rules hold across a group.

describe.skipIf(!available)(`concurrent intake (${engineName})`, () => {
  const t = useTestApp();
  const count = async (query: SQL) => Number((await rows<{ n: number | string }>(t.deps.db, query))[0]!.n);

  it('registers concurrent petitions each whole, and each is readable when its answer arrives', async () => {
    const n = 24;
    const results = await Promise.all(
      Array.from({ length: n }, async (_, i) => {
        const res = await call(
          t,
          'clerk',
          'POST',
          '/api/petitions',
          intake({ title: `反映第${i}号楼屋顶漏水`, content: `幸福里小区第${i}号楼顶层屋面漏水多年，物业一直不修，请求督促维修。`, respondent: undefined, petitioners: [{ name: `住户${i}` }] }),
        );
        const detail = res.statusCode === 201 ? await call(t, 'clerk', 'GET', `/api/petitions/${res.json().id}`) : undefined;
        return { res, detail };
      }),
    );
    for (const { res, detail } of results) {
      expect(res.statusCode, res.body).toBe(201);
      expect(detail?.statusCode).toBe(200);
      expect(detail?.json().trackingCode).toBe(res.json().trackingCode);
    }
    const ids = results.map((r) => r.res.json().id as string);
    expect(new Set(ids).size).toBe(n);
    const list = sql.raw(`'{${ids.join(',')}}'::uuid[]`);
    expect(await count(sql`select count(*) as n from petitions where id = any(${list})`)).toBe(n);
    expect(await count(sql`select count(*) as n from petition_events where petition_id = any(${list}) and seq = 1`)).toBe(n);
    expect(await count(sql`select count(distinct petition_id) as n from petition_clocks where petition_id = any(${list})`)).toBe(n);
    expect(await count(sql`select count(*) as n from petitioners where petition_id = any(${list})`)).toBe(n);
    expect(await count(sql`select count(*) as n from analysis_fingerprints where petition_id = any(${list})`)).toBe(n);
    expect(await count(sql`select count(distinct petition_id) as n from analysis_keys where petition_id = any(${list})`)).toBe(n);
    // Each petition's own name went with it (no row of one petition under another's id).
    for (const [i, id] of ids.entries()) {
      const d = results[i]!.detail!.json();
      expect(d.id).toBe(id);
      expect(d.title).toBe(`反映第${i}号楼屋顶漏水`);
      expect(d.content).toContain(`第${i}号楼`);
      expect(d.petitioners).toHaveLength(1);
    }
  });

  it('raises one alert when concurrent petitions take a cluster past the threshold together', async () => {
    t.clock.set('2026-03-10');
    const results = await Promise.all(
      Array.from({ length: 9 }, (_, i) =>
        call(
          t,
          'clerk',
          'POST',
          '/api/petitions',
          intake({
            title: `反映瑞丰建材公司拖欠货款（${i}）`,
            content: `瑞丰建材有限公司拖欠我们第${i}批水泥货款两个多月，多次催要没有结果，请求帮助。`,
            respondent: { name: '青川市瑞丰建材有限公司' },
            address: undefined,
            petitioners: [{ name: `供货商${i}` }],
          }),
        ),
      ),
    );
    for (const r of results) expect(r.statusCode, r.body).toBe(201);
    const ids = results.map((r) => r.json().id as string);
    const res = await call(t, 'clerk', 'GET', '/api/analysis/alerts?days=365');
    expect(res.statusCode, res.body).toBe(200);
    const alerts = res.json<{ kind: string; size: number; petitions: { id: string }[] }[]>().filter(
      (a) => a.kind === 'respondent' && a.petitions.some((p) => ids.includes(p.id)),
    );
    expect(alerts).toHaveLength(1);
    expect(alerts[0]!.size).toBeGreaterThanOrEqual(3);
    expect(alerts[0]!.petitions.every((p) => ids.includes(p.id))).toBe(true);
  });

  it('creates one petition for an Idempotency-Key racing among other submissions; the others are all created', async () => {
    const key = { 'idempotency-key': 'group-race-1' };
    const same = Array.from({ length: 4 }, () => call(t, 'clerk', 'POST', '/api/petitions', intake({ title: '同一次来电' }), key));
    const others = Array.from({ length: 10 }, (_, i) => call(t, 'clerk', 'POST', '/api/petitions', intake({ title: `其他来信${i}` })));
    const [a, b] = [await Promise.all(same), await Promise.all(others)];
    expect(a.filter((r) => r.statusCode === 201)).toHaveLength(1);
    expect(a.every((r) => r.statusCode === 201 || r.statusCode === 200)).toBe(true);
    expect(new Set(a.map((r) => r.json().id)).size).toBe(1);
    expect(new Set(a.map((r) => r.json().trackingSecret)).size).toBe(1);
    for (const r of b) expect(r.statusCode, r.body).toBe(201);
    expect(new Set(b.map((r) => r.json().id)).size).toBe(10);
    expect(await count(sql`select count(*) as n from petitions where idempotency_key like ${'%:group-race-1'}`)).toBe(1);
  });
});
