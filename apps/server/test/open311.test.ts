import { createHmac } from 'node:crypto';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { auditReads, outbox } from '../src/db/schema';
import { backoffMs, deliverOutbox } from '../src/notifications/deliver';
import { webhookSender } from '../src/open311/webhooks';
import { asStrings, GeoReportClient, text, type Format } from './open311-client';
import { available, engineName, useTestApp } from './support/app';
import { call, command } from './support/http';

const SPEC = 'http://wiki.open311.org/GeoReport_v2';
const PHONE = '13912345678';
const EMAIL = 'wang.xiaoming@example.cn';

describe.skipIf(!available)(`Open311 GeoReport v2 (${engineName})`, () => {
  const t = useTestApp();
  let endpoint = '';
  let anon: GeoReportClient;
  const keys: Record<string, { id: string; apiKey: string }> = {};
  const client = (name: string) => new GeoReportClient(endpoint, keys[name]!.apiKey);

  async function issueKey(name: string, body: Record<string, unknown>) {
    const res = await call(t, 'admin', 'POST', '/api/admin/api-keys', { name, ...body });
    expect(res.statusCode, res.body).toBe(201);
    keys[name] = res.json();
  }

  beforeAll(async () => {
    if (!available) return;
    await t.app.listen({ host: '127.0.0.1', port: 0 });
    endpoint = `http://127.0.0.1:${(t.app.server.address() as AddressInfo).port}/open311/v2`;
    anon = new GeoReportClient(endpoint);
    await issueKey('app', { scopes: ['submit', 'readOwn', 'webhooks'], jurisdictionCode: '339900', rateLimitPerMinute: 1000 });
    await issueKey('hotline', { scopes: ['submit', 'readOwn'], channel: 'hotline', jurisdictionCode: '339902', rateLimitPerMinute: 1000 });
    await issueKey('reader', { scopes: ['readOwn'], jurisdictionCode: '339900' });
    await issueKey('limited', { scopes: ['submit', 'readOwn'], jurisdictionCode: '339900', rateLimitPerMinute: 3 });
  });

  /** A labour-arrears report from the app, the way a civic app would send it. */
  async function submitLabor(c: GeoReportClient, format: Format = 'json', extra: Record<string, string> = {}) {
    const res = await c.submit(
      {
        service_code: 'labor',
        lat: '30.2741',
        long: '120.1551',
        address_string: '临江区石桥街道滨河路工地',
        first_name: '小明',
        last_name: '王',
        phone: PHONE,
        email: EMAIL,
        description: '我们十二人在滨河路工地做工，包工头拖欠三个月工资共四万余元，多次讨要未果。\n请求帮助追讨。',
        ...extra,
      },
      { workers_owed: '12', amount_owed: '43000', employer: '青川市宏达建筑劳务有限公司' },
      format,
    );
    expect(res.status, res.raw).toBe(201);
    const [first] = res.body;
    const token = text(first!.token);
    const resolved = await c.token(token, 'json');
    expect(resolved.status).toBe(200);
    return { token, id: text(resolved.body[0]!.service_request_id), answer: first! };
  }

  describe('discovery and services', () => {
    it('describes the endpoint in both formats', async () => {
      for (const format of ['json', 'xml'] as const) {
        const res = await anon.discovery(format);
        expect(res.status).toBe(200);
        expect(res.contentType).toBe(format === 'json' ? 'application/json; charset=utf-8' : 'text/xml; charset=utf-8');
        const ep = res.body.endpoints[0]!;
        expect(ep).toMatchObject({ specification: SPEC, url: endpoint, type: 'production', formats: ['text/xml', 'application/json'] });
        expect(res.body.changeset).toMatch(/^\d{4}-\d{2}-\d{2}/);
        if (format === 'xml') expect(res.raw.startsWith('<?xml version="1.0" encoding="utf-8"?>\n<discovery>')).toBe(true);
      }
    });

    it('offers one service per domain, the same in JSON and XML, in Chinese or English', async () => {
      const json = await anon.services('json');
      const xml = await anon.services('xml');
      expect(json.body).toHaveLength(12);
      expect(asStrings(xml.body)).toEqual(asStrings(json.body));
      const labor = json.body.find((s) => s.service_code === 'labor')!;
      expect(labor).toMatchObject({ service_name: '劳动保障（欠薪）', metadata: true, type: 'batch', group: '劳动和社会保障' });
      expect(text(labor.keywords)).toContain('欠薪');
      const en = await anon.services('json', { locale: 'en' });
      expect(en.body.find((s) => s.service_code === 'labor')!.service_name).toBe('Labour and unpaid wages');
    });

    it('defines the facts a domain needs as attributes', async () => {
      const json = await anon.serviceDefinition('labor', 'json');
      expect(json.status).toBe(200);
      expect(json.body.service_code).toBe('labor');
      const workers = json.body.attributes.find((a) => a.code === 'workers_owed')!;
      expect(workers).toMatchObject({ variable: true, datatype: 'number', required: true, order: 1 });
      const category = json.body.attributes.find((a) => a.code === 'category')!;
      expect(category.values).toEqual([
        { key: 'claim', name: '申诉求决' },
        { key: 'suggestion', name: '建议意见' },
      ]);
      const xml = await anon.serviceDefinition('labor', 'xml');
      expect(asStrings(xml.body)).toEqual(asStrings(json.body));
      const land = await anon.serviceDefinition('land', 'json');
      expect(land.body.attributes.find((a) => a.code === 'village')).toMatchObject({ required: true, datatype: 'string' });
    });

    it('answers an unknown service or resource with 404 in the spec’s error format', async () => {
      const json = await anon.serviceDefinition('potholes', 'json');
      expect(json.status).toBe(404);
      expect(json.body).toEqual([{ code: 404, description: expect.stringContaining('potholes') }]);
      const xml = await anon.serviceDefinition('potholes', 'xml');
      expect(xml.status).toBe(404);
      expect(xml.body).toEqual([{ code: '404', description: expect.any(String) }]);
      const other = await anon.raw('requests/abc.txt', 'xml');
      expect(other.status).toBe(404);
      expect(other.raw).toContain('<errors>');
    });
  });

  describe('submitting, tokens and requests', () => {
    it('registers a form-encoded request: token → request id → request, with the legal state and deadline', async () => {
      const c = client('app');
      const { id, answer } = await submitLabor(c, 'json');
      expect(answer.service_request_id).toBeUndefined(); // a token is returned instead (type "batch")
      expect(text(answer.service_notice)).toContain('60 日');

      const res = await c.request(id, 'json');
      expect(res.status, res.raw).toBe(200);
      const [r] = res.body;
      expect(r).toMatchObject({
        service_request_id: id,
        status: 'open',
        status_notes: '已登记，信访部门正在确定办理单位',
        service_code: 'labor',
        service_name: '劳动保障（欠薪）',
        agency_responsible: '临江区信访局',
        // Received 2026-03-02: the petition office routes it within 15 days (Art. 22).
        expected_datetime: '2026-03-17T23:59:59+08:00',
        requested_datetime: '2026-03-02T10:00:00+08:00',
        address_id: '339902001',
        lat: 30.2741,
        long: 120.1551,
      });
      expect(text(r!.description)).toContain('包工头拖欠三个月工资');
      expect(text(r!.description)).toContain('被拖欠工资的人数：12');
      // Personal data is never returned.
      expect(res.raw).not.toContain(PHONE);
      expect(res.raw).not.toContain(EMAIL);
      expect(res.raw).not.toContain('王小明');

      const en = await c.request(id, 'json', { locale: 'en' });
      expect(en.body[0]!.status_notes).toBe('Registered; the petition office is deciding which unit will handle it');

      // Inside Qiao: an online petition with the contact in the protected (masked, encrypted) petitioner record.
      const detail = (await call(t, 'district-clerk', 'GET', `/api/petitions/${id}`)).json();
      expect(detail).toMatchObject({ channel: 'online', domain: 'labor', category: 'claim', jurisdictionCode: '339902001' });
      expect(detail.address).toContain('WGS84 30.2741,120.1551');
      expect(detail.petitioners[0].name).toMatch(/^王\*+$/);
      expect(JSON.stringify(detail)).not.toContain(PHONE);
      // The email is on the petitioner record too: masked in the detail, whole only in an audited reveal.
      expect(detail.petitioners[0].email).toBe('w***@example.cn');
      expect(JSON.stringify(detail)).not.toContain(EMAIL);
      const revealed = await call(t, 'district-clerk', 'POST', `/api/petitions/${id}/petitioners/reveal`, { reason: '电子邮件回复信访人' });
      expect(revealed.statusCode, revealed.body).toBe(200);
      expect(revealed.json().petitioners[0]).toMatchObject({ name: '王小明', phone: PHONE, email: EMAIL });
      const [audit] = await t.deps.db.select().from(auditReads).where(eq(auditReads.petitionId, id));
      expect(audit).toMatchObject({ action: 'revealPersonalData', reason: '电子邮件回复信访人' });
      expect(audit!.fields).toContain('email');
      // Never in an Open311 answer, to the submitting key or anyone, in either format.
      for (const format of ['json', 'xml'] as const) {
        const again = await c.request(id, format);
        expect(again.status).toBe(200);
        expect(again.raw).not.toContain(EMAIL);
        expect(again.raw).not.toContain('w***@example.cn');
        const listed = await c.requests(format, { service_request_id: id });
        expect(listed.raw).toContain(id);
        expect(listed.raw).not.toContain(EMAIL);
      }
      // The resident gets the tracking code and secret by SMS; the integrator never sees them.
      const sms = await t.deps.db.select().from(outbox).where(eq(outbox.petitionId, id));
      expect(sms.map((s) => s.template)).toEqual(['open311Submitted']);
    });

    it('takes XML, address_id and anonymous submissions; a 12345 key registers hotline petitions', async () => {
      const res = await client('app').submit(
        { service_code: 'environment', address_id: '339921001', description: '松溪镇某厂夜间排放刺鼻气体。' },
        { pollution_type: 'air' },
        'xml',
      );
      expect(res.status, res.raw).toBe(201);
      expect(res.contentType).toBe('text/xml; charset=utf-8');
      const token = text(res.body[0]!.token);
      const tok = await anon.token(token, 'xml');
      expect(tok.body).toEqual([{ service_request_id: expect.any(String), token }]);
      const id = text(tok.body[0]!.service_request_id);
      const detail = (await call(t, 'county-clerk', 'GET', `/api/petitions/${id}`)).json();
      expect(detail.petitioners[0].name).toBe('匿*');
      expect(detail.jurisdictionCode).toBe('339921001');

      const hot = await submitLabor(client('hotline'));
      const hotDetail = (await call(t, 'district-clerk', 'GET', `/api/petitions/${hot.id}`)).json();
      expect(hotDetail.channel).toBe('hotline');
    });

    it.each<[string, Record<string, string>, Record<string, string>, number, RegExp]>([
      ['no service_code', { description: 'x', address_id: '339902001' }, {}, 400, /service_code/],
      ['an unknown service', { service_code: 'graffiti', description: 'x', address_id: '339902001' }, {}, 404, /graffiti/],
      ['no description', { service_code: 'other', address_id: '339902001' }, {}, 400, /description/],
      ['a description over 4,000 characters', { service_code: 'other', address_id: '339902001', description: '长'.repeat(4001) }, {}, 400, /4000/],
      ['lat/long alone', { service_code: 'other', lat: '30.1', long: '120.2', description: 'x' }, {}, 400, /address_string/],
      ['an address naming no known place', { service_code: 'other', address_string: '火星基地', description: 'x' }, {}, 400, /address_string/],
      ['an unknown address_id', { service_code: 'other', address_id: '339999', description: 'x' }, {}, 400, /address_id/],
      ['a missing required attribute', { service_code: 'labor', address_id: '339902001', description: 'x' }, {}, 400, /workers_owed/],
      ['a bad number', { service_code: 'labor', address_id: '339902001', description: 'x' }, { workers_owed: 'many' }, 400, /workers_owed/],
      ['an accusation', { service_code: 'other', address_id: '339902001', description: 'x' }, { category: 'accusation' }, 400, /12388/],
      ['a bad phone', { service_code: 'other', address_id: '339902001', description: 'x', phone: '12345' }, {}, 400, /phone/],
    ])('refuses %s', async (_why, fields, attributes, status, pattern) => {
      for (const format of ['json', 'xml'] as const) {
        const res = await client('app').submit(fields, attributes, format);
        expect(res.status, res.raw).toBe(status);
        const errors = res.body as { code: unknown; description: string }[];
        expect(errors).toHaveLength(1);
        expect(String(errors[0]!.code)).toBe(String(status));
        expect(errors[0]!.description).toMatch(pattern);
      }
    });

    it('refuses a missing, wrong or under-scoped api_key, and a place outside the key’s area, with 403', async () => {
      const fields = { service_code: 'other', address_id: '339902001', description: '路灯不亮。' };
      for (const format of ['json', 'xml'] as const) {
        const none = await anon.submit(fields, {}, format);
        expect(none.status).toBe(403);
        expect(String((none.body as { description: string }[])[0]!.description)).toContain('api_key');
      }
      expect((await anon.submit(fields, {}, 'json', 'qiao_not-a-key')).status).toBe(403);
      expect((await client('reader').submit(fields, {}, 'json')).status).toBe(403);
      const outside = await client('hotline').submit({ ...fields, address_id: '339921001' }, {}, 'json');
      expect(outside.status).toBe(403);
    });

    it('lists with filters and paging, the same in JSON and XML; other keys and the public see nothing unpublished', async () => {
      const c = client('app');
      const ids: string[] = [];
      for (let i = 0; i < 4; i++) {
        t.clock.advanceDays(0.01);
        ids.push((await submitLabor(c, 'json', { description: `第 ${i} 次反映欠薪问题 <b>&amp; "引号" 'x' \u0007。` })).id);
      }
      const mine = await c.requests('json', { service_code: 'labor', page_size: '2', page: '1' });
      expect(mine.status, mine.raw).toBe(200);
      expect(mine.body.map((r) => r.service_request_id)).toEqual([ids[3], ids[2]]);
      const page2 = await c.requests('json', { service_code: 'labor', page_size: '2', page: '2' });
      expect(page2.body.map((r) => r.service_request_id)).toEqual([ids[1], ids[0]]);
      const xml = await c.requests('xml', { service_code: 'labor', page_size: '2', page: '2' });
      // Markup characters survive the XML escaping; a control character XML cannot carry is dropped.
      expect(asStrings(xml.body)).toEqual(page2.body.map((r) => asStrings({ ...r, description: text(r.description).replace('\u0007', '') })));
      expect(xml.raw).toContain('&lt;b&gt;&amp;amp; &quot;引号&quot; &apos;x&apos;');

      const byId = await c.requests('json', { service_request_id: `${ids[0]},${ids[2]}`, service_code: 'health' });
      expect(byId.body.map((r) => r.service_request_id).sort()).toEqual([ids[0], ids[2]].sort());
      expect((await c.requests('json', { status: 'closed', service_code: 'labor' })).body).toEqual([]);
      const past = await c.requests('json', { start_date: '2025-01-01T00:00:00Z', end_date: '2025-02-01T00:00:00+08:00' });
      expect(past.body).toEqual([]);

      // Another key sees none of them, nor does anyone without a key.
      expect((await client('hotline').request(ids[0]!, 'json')).status).toBe(404);
      expect((await client('hotline').requests('json', { service_request_id: ids[0] })).body).toEqual([]);
      expect((await anon.requests('json')).body).toEqual([]);
    });

    it('answers bad list arguments with 400', async () => {
      const c = client('app');
      for (const params of [{ status: 'pending' }, { page_size: '0' }, { start_date: 'yesterday' }, { start_date: '2025-01-01T00:00:00Z', end_date: '2025-06-01T00:00:00Z' }]) {
        const res = await c.requests('json', params);
        expect(res.status, JSON.stringify(params)).toBe(400);
        expect((res.body as unknown as { code: number }[])[0]!.code).toBe(400);
      }
    });

    it('closes a declined request; a published jurisdiction shows requests without descriptions, never accusations', async () => {
      const c = client('app');
      const { id } = await submitLabor(c);
      await command(t, 'district-clerk', id, 'decline', { reason: 'notPetitionMatter', note: '不属于信访事项' });
      const [r] = (await c.request(id, 'json')).body;
      expect(r).toMatchObject({ status: 'closed', status_notes: '不予受理，理由已书面告知', expected_datetime: null });
      expect((await c.requests('json', { status: 'closed' })).body.map((x) => x.service_request_id)).toEqual([id]);

      // A staff-registered accusation and a claim in the same district.
      const accusation = await call(t, 'district-clerk', 'POST', '/api/petitions', {
        channel: 'letter', category: 'accusation', domain: 'other', title: '检举某干部', content: '检举内容', jurisdictionCode: '339902001', petitioners: [{ name: '李四' }],
      });
      expect(accusation.statusCode, accusation.body).toBe(201);
      const claim = await call(t, 'district-clerk', 'POST', '/api/petitions', {
        channel: 'letter', category: 'claim', domain: 'housing', title: '小区漏水', content: '楼顶漏水无人维修', jurisdictionCode: '339902001', petitioners: [{ name: '赵五' }],
      });
      expect(claim.statusCode).toBe(201);

      const pub = await call(t, 'admin', 'PUT', '/api/admin/api-keys/publishing', { jurisdictionCodes: ['339902'] });
      expect(pub.statusCode, pub.body).toBe(200);
      const listed = await anon.requests('json', { page_size: '200' });
      const seen = listed.body.map((x) => x.service_request_id);
      expect(seen).toContain(claim.json().id);
      expect(seen).toContain(id);
      expect(seen).not.toContain(accusation.json().id);
      expect((await anon.request(accusation.json().id, 'json')).status).toBe(404);
      const other = listed.body.find((x) => x.service_request_id === id)!;
      expect(other).toMatchObject({ description: null, lat: null, long: null, address: '石桥街道', media_url: null });
      expect(listed.raw).not.toContain('赵五');
      // The county is not published.
      expect(listed.body.every((x) => text(x.address_id).startsWith('339902'))).toBe(true);
      await call(t, 'admin', 'PUT', '/api/admin/api-keys/publishing', { jurisdictionCodes: [] });
    });
  });

  describe('API keys', () => {
    it('answers 429 in the spec format when a key is over its rate, and audits every use', async () => {
      const c = client('limited');
      const statuses: number[] = [];
      const answers = [];
      for (let i = 0; i < 4; i++) answers.push(await c.requests('json'));
      statuses.push(...answers.map((a) => a.status));
      const last = answers[3]!;
      expect(statuses).toEqual([200, 200, 200, 429]);
      expect(last.body).toEqual([{ code: 429, description: expect.stringContaining('每分钟最多 3 次') }]);
      expect(Number(last.headers.get('retry-after'))).toBeGreaterThan(0);

      const uses = await call(t, 'admin', 'GET', `/api/admin/api-keys/${keys.limited!.id}/uses`);
      expect(uses.statusCode).toBe(200);
      expect(uses.json().map((u: { outcome: string }) => u.outcome)).toEqual(['rateLimited', 'ok', 'ok', 'ok']);
      const appUses = (await call(t, 'admin', 'GET', `/api/admin/api-keys/${keys.app!.id}/uses?limit=1000`)).json();
      expect(appUses.some((u: { method: string; statusCode: number; petitionId: string | null }) => u.method === 'POST' && u.statusCode === 201 && u.petitionId)).toBe(true);
      const readerUses = (await call(t, 'admin', 'GET', `/api/admin/api-keys/${keys.reader!.id}/uses`)).json();
      expect(readerUses[0]).toMatchObject({ statusCode: 403, outcome: 'scope' });
    });

    it('is managed by admins only, never shows a key again, and refuses a revoked key', async () => {
      expect((await call(t, 'clerk', 'GET', '/api/admin/api-keys')).statusCode).toBe(403);
      const list = await call(t, 'admin', 'GET', '/api/admin/api-keys');
      expect(list.statusCode).toBe(200);
      expect(list.body).not.toContain(keys.app!.apiKey);
      expect(list.json()[0]).not.toHaveProperty('apiKey');
      expect(list.json().find((k: { id: string }) => k.id === keys.app!.id).keyPrefix).toBe(keys.app!.apiKey.slice(0, 12));

      await issueKey('doomed', { scopes: ['submit'], jurisdictionCode: '339900' });
      const revoked = await call(t, 'admin', 'POST', `/api/admin/api-keys/${keys.doomed!.id}/revoke`);
      expect(revoked.json().revokedAt).not.toBeNull();
      const res = await client('doomed').submit({ service_code: 'other', address_id: '339902001', description: 'x' }, {}, 'xml');
      expect(res.status).toBe(403);
      expect(res.raw).toContain('已被吊销');
    });
  });

  describe('webhooks', () => {
    let server: Server;
    let url = '';
    const received: { headers: IncomingHttpHeaders; body: string }[] = [];
    let failFirst = true;

    beforeAll(async () => {
      if (!available) return;
      server = createServer((req, res) => {
        const chunks: Buffer[] = [];
        req.on('data', (c: Buffer) => chunks.push(c));
        req.on('end', () => {
          received.push({ headers: req.headers, body: Buffer.concat(chunks).toString('utf8') });
          res.statusCode = failFirst ? 500 : 204;
          failFirst = false;
          res.end();
        });
      });
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/qiao-hook`;
    });
    afterAll(async () => {
      await new Promise((resolve) => server?.close(resolve));
    });

    it('delivers signed status changes through the outbox, retries after a 500, and keeps the history', async () => {
      const sub = await call(t, 'admin', 'POST', '/api/admin/webhooks', { apiKeyId: keys.app!.id, url });
      expect(sub.statusCode, sub.body).toBe(201);
      const { id: webhookId, secret } = sub.json<{ id: string; secret: string }>();
      expect((await call(t, 'admin', 'POST', '/api/admin/webhooks', { apiKeyId: keys.hotline!.id, url })).statusCode).toBe(400);
      expect((await call(t, 'admin', 'POST', '/api/admin/webhooks', { apiKeyId: keys.app!.id, url: 'http://example.com/x' })).statusCode).toBe(400);

      const { id } = await submitLabor(client('app'));
      await command(t, 'district-clerk', id, 'assign', { unitId: 'district-labor' });
      // The step is done without contacting the endpoint: the delivery waits in the outbox.
      expect(received).toHaveLength(0);

      const sender = { webhook: webhookSender(t.deps, { timeoutMs: 5000 }) };
      expect(await deliverOutbox(t.deps, sender)).toEqual({ sent: 0, failed: 1 });
      expect(received).toHaveLength(1);
      expect(await deliverOutbox(t.deps, sender)).toEqual({ sent: 0, failed: 0 }); // not due yet
      t.clock.current = new Date(t.clock.current.getTime() + backoffMs(1) + 1000);
      expect(await deliverOutbox(t.deps, sender)).toEqual({ sent: 1, failed: 0 });
      expect(received).toHaveLength(2);

      for (const r of received) {
        const ts = String(r.headers['x-qiao-timestamp']);
        const expected = `sha256=${createHmac('sha256', secret).update(`${ts}.${r.body}`).digest('hex')}`;
        expect(r.headers['x-qiao-signature']).toBe(expected);
        expect(r.headers['content-type']).toBe('application/json; charset=utf-8');
      }
      expect(received[0]!.headers['x-qiao-delivery']).toBe(received[1]!.headers['x-qiao-delivery']);
      expect(Number(received[1]!.headers['x-qiao-timestamp'])).toBe(Math.floor(t.clock.now().getTime() / 1000));
      const payload = JSON.parse(received[1]!.body);
      expect(payload).toMatchObject({
        event: 'service_request.updated',
        service_request: { service_request_id: id, status: 'open', status_notes: '已转交办理单位，等待受理', agency_responsible: '临江区人力资源和社会保障局' },
      });
      expect(payload.service_request).not.toHaveProperty('description');
      expect(received[1]!.body).not.toContain(PHONE);

      const history = await call(t, 'admin', 'GET', `/api/admin/webhooks/${webhookId}/deliveries`);
      expect(history.statusCode, history.body).toBe(200);
      expect(history.json()).toHaveLength(1);
      expect(history.json()[0]).toMatchObject({ serviceRequestId: id, event: 'assigned', status: 'sent', attempts: 2 });
      expect(history.json()[0].history.map((h: { httpStatus: number }) => h.httpStatus)).toEqual([500, 204]);

      // Revoked: the next change is not queued for it, and a waiting delivery is dead-lettered.
      await command(t, 'district-handler', id, 'accept', {});
      expect((await call(t, 'admin', 'POST', `/api/admin/webhooks/${webhookId}/revoke`)).statusCode).toBe(200);
      const after = (await call(t, 'admin', 'GET', `/api/admin/webhooks/${webhookId}/deliveries`)).json();
      expect(after[0]).toMatchObject({ event: 'accepted', status: 'dead', lastError: 'subscription revoked' });
      await deliverOutbox(t.deps, sender);
      expect(received).toHaveLength(2);
    });
  });
});
