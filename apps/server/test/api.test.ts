import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildApp } from '../src/app';
import { available, engineName, PASSWORD, useTestApp } from './support/app';
import { call } from './support/http';

describe.skipIf(!available)(`auth, admin and docs (${engineName})`, () => {
  const t = useTestApp();

  it('serves /healthz, the OpenAPI document and the docs page', async () => {
    expect((await t.app.inject({ url: '/healthz' })).json()).toEqual({ ok: true });
    const doc = (await t.app.inject({ url: '/api/openapi.json' })).json();
    expect(doc.openapi).toMatch(/^3\./);
    for (const path of ['/api/auth/login', '/api/petitions', '/api/petitions/{id}', '/api/petitions/{id}/assign', '/api/petitions/{id}/decideReReview', '/api/admin/users'])
      expect(Object.keys(doc.paths)).toContain(path);
    const intake = doc.paths['/api/petitions'].post;
    expect(JSON.stringify(intake.requestBody)).toContain('petitioners');
    const docs = await t.app.inject({ url: '/api/docs' });
    expect([200, 302]).toContain(docs.statusCode);
  });

  it('names the demo accounts on the sign-in page only when started with the demo data', async () => {
    expect((await call(t, null, 'GET', '/api/auth/options')).json()).toEqual({ demo: false });
    t.deps.demo = true;
    try {
      expect((await call(t, null, 'GET', '/api/auth/options')).json()).toEqual({ demo: true });
    } finally {
      t.deps.demo = undefined;
    }
  });

  it('says what format a field wants, in Chinese too, not the regular expression that checks it', async () => {
    const zh = await call(t, 'leader', 'GET', '/api/dashboards/summary?from=2026-13', undefined, { 'accept-language': 'zh-CN' });
    expect(zh.statusCode).toBe(400);
    expect(zh.json().message).toContain('YYYY-MM');
    expect(zh.json().message).toContain('格式不正确');
    expect(zh.json().message).not.toContain('正则');
    const en = await call(t, 'leader', 'GET', '/api/dashboards/summary?from=2026-13', undefined, { 'accept-language': 'en' });
    expect(en.json().message).toContain('YYYY-MM');
  });

  it('logs in with a password, refuses a wrong one, and expires tokens', async () => {
    const bad = await call(t, null, 'POST', '/api/auth/login', { username: 'clerk', password: 'nope' });
    expect(bad.statusCode).toBe(401);
    const nobody = await call(t, null, 'POST', '/api/auth/login', { username: 'ghost', password: 'nope' });
    expect(nobody.statusCode).toBe(401);
    expect(nobody.json().error).toBe(bad.json().error);
    const ok = await call(t, null, 'POST', '/api/auth/login', { username: 'clerk', password: PASSWORD });
    expect(ok.statusCode).toBe(200);
    const { token, expiresAt } = ok.json();
    const auth = { authorization: `Bearer ${token}` };
    expect((await t.app.inject({ url: '/api/petitions', headers: auth })).statusCode).toBe(200);
    const saved = t.clock.current;
    t.clock.current = new Date(new Date(expiresAt).getTime() + 1000);
    expect((await t.app.inject({ url: '/api/petitions', headers: auth })).statusCode).toBe(401);
    t.clock.current = saved;
    const tampered = token.slice(0, -2) + (token.endsWith('AA') ? 'BB' : 'AA');
    expect((await t.app.inject({ url: '/api/petitions', headers: { authorization: `Bearer ${tampered}` } })).statusCode).toBe(401);
  });

  it('lets admins manage jurisdictions, units and users, and nobody else', async () => {
    const j = await call(t, 'admin', 'POST', '/api/admin/jurisdictions', { code: '339921002', name: '梅林镇' });
    expect(j.statusCode, j.body).toBe(201);
    expect(j.json()).toMatchObject({ parentCode: '339921', level: 'town' });
    expect((await call(t, 'admin', 'POST', '/api/admin/jurisdictions', { code: '339921002', name: '重复' })).statusCode).toBe(409);
    expect((await call(t, 'admin', 'POST', '/api/admin/jurisdictions', { code: '339921000', name: 'x' })).statusCode).toBe(400);
    expect((await call(t, 'clerk', 'POST', '/api/admin/jurisdictions', { code: '339921003', name: 'x' })).statusCode).toBe(403);

    const u = await call(t, 'admin', 'POST', '/api/admin/units', {
      id: 'county-education',
      name: '云岭县教育局',
      jurisdictionCode: '339921',
      kind: 'department',
      domains: ['education'],
    });
    expect(u.statusCode, u.body).toBe(201);
    // A patch changes only what it names: renaming or deactivating a unit keeps its domains.
    const renamed = await call(t, 'admin', 'PATCH', '/api/admin/units/county-education', { name: '云岭县教育体育局' });
    expect(renamed.json()).toMatchObject({ name: '云岭县教育体育局', domains: ['education'], active: true });
    const paused = await call(t, 'admin', 'PATCH', '/api/admin/units/county-education', { active: false });
    expect(paused.json()).toMatchObject({ domains: ['education'], active: false });
    expect((await call(t, 'admin', 'PATCH', '/api/admin/units/county-education', { active: true })).json()).toMatchObject({ domains: ['education'], active: true });
    const badUnit = await call(t, 'admin', 'POST', '/api/admin/units', { id: 'x-1', name: 'x', jurisdictionCode: '111111', kind: 'department' });
    expect(badUnit.statusCode).toBe(400);
    expect(badUnit.json().field).toBe('jurisdictionCode');

    const created = await call(t, 'admin', 'POST', '/api/admin/users', {
      username: 'edu-handler',
      displayName: '教育局办理人',
      password: 'a-long-password',
      role: 'handler',
      unitId: 'county-education',
      jurisdictionCode: '339921',
    });
    expect(created.statusCode, created.body).toBe(201);
    expect(JSON.stringify(created.json())).not.toContain('password');
    const login = await call(t, null, 'POST', '/api/auth/login', { username: 'edu-handler', password: 'a-long-password' });
    expect(login.statusCode).toBe(200);
    const auth = { authorization: `Bearer ${login.json().token}` };
    // Deactivating a user ends the sessions they hold.
    const off = await call(t, 'admin', 'PATCH', `/api/admin/users/${created.json().id}`, { active: false });
    expect(off.json().active).toBe(false);
    expect((await t.app.inject({ url: '/api/petitions', headers: auth })).statusCode).toBe(401);
    expect((await call(t, null, 'POST', '/api/auth/login', { username: 'edu-handler', password: 'a-long-password' })).statusCode).toBe(401);
    const short = await call(t, 'admin', 'POST', '/api/admin/users', { username: 'x1', displayName: 'x', password: 'short', role: 'clerk', jurisdictionCode: '339900' });
    expect(short.statusCode).toBe(400);
    expect(short.json().field).toBe('password');
    expect((await call(t, 'clerk', 'GET', '/api/admin/users')).statusCode).toBe(403);
    expect((await call(t, 'clerk', 'GET', '/api/admin/units')).statusCode).toBe(200);
  });

  it('imports a holiday arrangement and switches day counting, changing new deadlines', async () => {
    const bad = await call(t, 'admin', 'POST', '/api/admin/settings/holidays', { years: { 2027: { holidays: ['2027-02-30'], workdays: [] } } });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().message).toContain('2027-02-30');
    const ok = await call(t, 'admin', 'POST', '/api/admin/settings/holidays', {
      years: { 2027: { holidays: ['2027-01-01', '2027-01-02', '2027-01-03'], workdays: [] } },
    });
    expect(ok.json()).toEqual({ imported: [2027] });
    const settings = (await call(t, 'clerk', 'GET', '/api/admin/settings/clocks')).json();
    expect(settings.years).toContain(2027);
    expect(settings.provisionalYears).not.toContain(2027);

    t.clock.set('2026-03-02');
    const { intake } = await import('./support/app');
    const before = (await call(t, 'clerk', 'POST', '/api/petitions', intake({ title: '切换前登记' }))).json();
    const dueBy20 = async () =>
      ((await call(t, 'clerk', 'GET', '/api/petitions?dueBefore=2026-03-20&limit=200')).json().items as { id: string }[]).map((i) => i.id);
    expect(await dueBy20()).toContain(before.id); // route due 2026-03-17 in calendar days
    const counting = await call(t, 'admin', 'PUT', '/api/admin/settings/clocks', { dayCounting: 'working' });
    // Stored deadlines of existing petitions are recomputed with the new setting: route now due 2026-03-23.
    expect(await dueBy20()).not.toContain(before.id);
    expect((await call(t, 'clerk', 'GET', `/api/petitions/${before.id}`)).json().deadlines).toEqual({ route: '2026-03-23' });
    expect(counting.json().dayCounting).toBe('working');
    const res = await call(t, 'clerk', 'POST', '/api/petitions', intake());
    // 15 working days after Mon 2026-03-02: Mar 3-6 (4), 9-13 (9), 16-20 (14), 23 (15).
    expect(res.json().deadlines).toEqual({ route: '2026-03-23' });
    await call(t, 'admin', 'PUT', '/api/admin/settings/clocks', { dayCounting: 'calendar' });
  });

  it('serves the staff app at / and the portal at /portal/, each with client-side routing', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'qiao-static-'));
    for (const [name, html] of [
      ['web', '<title>staff</title>'],
      ['portal', '<title>portal</title>'],
    ] as const) {
      mkdirSync(join(dir, name, 'assets'), { recursive: true });
      writeFileSync(join(dir, name, 'index.html'), html);
      writeFileSync(join(dir, name, 'assets', 'app.js'), `console.log('${name}')`);
    }
    const app = await buildApp(t.deps, { webRoot: join(dir, 'web'), portalRoot: join(dir, 'portal') });
    const get = (url: string) => app.inject({ url });
    expect((await get('/')).body).toContain('staff');
    expect((await get('/petitions/abc')).body).toContain('staff');
    expect((await get('/assets/app.js')).body).toContain("'web'");
    expect((await get('/portal/')).body).toContain('portal');
    expect((await get('/portal/track')).body).toContain('portal');
    expect((await get('/portal/assets/app.js')).body).toContain("'portal'");
    expect((await get('/portal')).statusCode).toBe(302);
    const api = await get('/api/nothing-here');
    expect(api.statusCode).toBe(404);
    expect(api.json().error).toBe('notFound');
    expect((await get('/missing.js')).statusCode).toBe(404);
    expect((await get('/healthz')).json()).toEqual({ ok: true });
    await app.close();
  });
});
