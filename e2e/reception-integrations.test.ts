import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { deliverOutbox } from '../apps/server/src/notifications/deliver';
import { webhookSender } from '../apps/server/src/open311/webhooks';
import { apiToken, browserAvailable, chooseOption, openFromMenu, seriousViolations, shot, signIn, startWorld, type World } from './support';

/**
 * The staff screens of issues 4 and 8 in a real browser: the petition office publishes a leader's reception day
 * and reads its bookings (made through the portal API), the leader opens that list from the inbox, a proxy
 * agent reads the reminder to pass an answer on, and an admin issues an Open311 API key (shown once), follows a
 * webhook's deliveries (a real receiver on loopback, one failed attempt and one delivered) and revokes the key.
 */
describe.skipIf(!browserAvailable)('reception days, agents’ reminders, API keys and webhooks', () => {
  let world: World;
  let receiver: Server;
  const hits: { status: number; signature: string | undefined }[] = [];
  let hookUrl = '';
  const day: { id?: string; bookingCode?: string } = {};
  const PLACE = '江屿区人民来访接待中心 201 室';
  /** Each journey has many browser steps, two languages and axe runs; CI shares two cores with other suites. */
  const STEP_TIMEOUT = 300_000;

  beforeAll(async () => {
    world = await startWorld();
    // A webhook receiver on loopback: the first delivery fails with 500, later ones are taken.
    receiver = createServer((req, res) => {
      req.resume();
      req.on('end', () => {
        const status = hits.length === 0 ? 500 : 200;
        hits.push({ status, signature: req.headers['x-qiao-signature'] as string | undefined });
        res.writeHead(status).end();
      });
    });
    await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
    hookUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/qiao-hook`;
  });
  afterAll(async () => {
    if (receiver) await new Promise((resolve) => receiver.close(resolve));
    await world?.close();
  });

  async function expectAccessible(page: Page, what: string) {
    const violations = await seriousViolations(page);
    expect(violations, `${what}: ${JSON.stringify(violations, null, 2)}`).toEqual([]);
  }

  /** Call the API as a demo user (setting up what the journey is not about). */
  async function api<T>(user: string, method: 'GET' | 'POST' | 'PUT', url: string, payload?: unknown): Promise<T> {
    const res = await world.app.inject({ method, url, payload: payload as never, headers: { authorization: `Bearer ${await apiToken(world, user)}` } });
    expect(res.statusCode, `${method} ${url}: ${res.body}`).toBeLessThan(300);
    return res.json<T>();
  }
  async function run(user: string, id: string, name: string, body: Record<string, unknown> = {}) {
    const { version } = await api<{ version: number }>(user, 'GET', `/api/petitions/${id}`);
    return api<{ status: string }>(user, 'POST', `/api/petitions/${id}/${name}`, { ...body, expectedVersion: version });
  }

  it('the petition office publishes a leader’s reception day and reads its bookings; the leader opens the list', async () => {
    const leader = await api<{ user: { id: string; displayName: string } }>('leader', 'GET', '/api/workbench/context');
    const { context, page } = await signIn(world, 'clerk');
    await page.getByRole('menuitem', { name: '领导接访日' }).click();
    await page.waitForURL(/\/reception$/);
    await page.getByRole('heading', { name: '领导接访日' }).waitFor();

    await page.getByRole('button', { name: '发布接访日' }).click();
    const dialog = page.getByRole('dialog');
    await chooseOption(page, dialog.getByLabel('接访领导'), leader.user.displayName);
    await dialog.getByLabel('领导职务').fill('副市长');
    await dialog.getByLabel('接访日期').click();
    await dialog.getByLabel('接访日期').fill('2026-06-24');
    await dialog.getByLabel('接访日期').press('Enter');
    await dialog.getByLabel('预约名额').fill('5');
    await dialog.getByLabel('接访地点').fill(PLACE);
    const topics = dialog.getByLabel('接访事项');
    await topics.fill('拖欠工资');
    await topics.press('Enter');
    await topics.fill('征地拆迁');
    await topics.press('Enter');
    await shot(page, 'reception-publish-zh');
    await expectAccessible(page, 'publish a reception day (zh)');
    await dialog.locator('.ant-modal-footer .ant-btn-primary').click();
    await page.getByText('接访日已发布').waitFor();
    const row = page.locator('.reception-days .ant-table-row').filter({ hasText: PLACE });
    await row.waitFor();
    await expect.poll(() => row.innerText()).toContain('副市长');

    // Two residents book through the portal: one about a petition they submitted, one with a new matter.
    const days = await api<{ id: string; place: string }[]>('clerk', 'GET', '/api/reception-days');
    day.id = days.find((d) => d.place === PLACE)!.id;
    const submitted = await world.app.inject({
      method: 'POST',
      url: '/api/portal/petitions',
      remoteAddress: '10.20.0.1',
      payload: {
        category: 'claim',
        domain: 'labor',
        title: '工地拖欠农民工工资三个月',
        content: '我在江屿区临江街道某工地做工，老板拖欠三个月工资，多次讨要未果。',
        jurisdictionCode: '339902001',
        contact: { name: '王小明', phone: '13812341234' },
        consent: true,
      },
    });
    expect(submitted.statusCode, submitted.body).toBe(201);
    const { trackingCode, secret } = submitted.json<{ trackingCode: string; secret: string }>();
    for (const [i, body] of [
      { trackingCode, secret, name: '王小明', phone: '13812341234' },
      { name: '李秀英', phone: '13987654321', summary: '小区旁工地夜间施工噪声扰民' },
    ].entries()) {
      const booked = await world.app.inject({ method: 'POST', url: `/api/portal/reception-days/${day.id}/bookings`, payload: body, remoteAddress: `10.20.1.${i + 1}` });
      expect(booked.statusCode, booked.body).toBe(201);
      if (i === 0) day.bookingCode = booked.json<{ bookingCode: string }>().bookingCode;
    }

    await page.reload();
    await expect.poll(() => row.innerText()).toContain('2/5');
    await shot(page, 'reception-days-zh');
    await expectAccessible(page, 'reception days (zh)');
    await row.getByRole('link', { name: '查看预约' }).click();
    await page.waitForURL(new RegExp(`/reception/${day.id}$`));
    await page.getByRole('heading', { name: /2026-06-24 副市长/ }).waitFor();
    const list = page.locator('.reception-bookings .ant-table-tbody');
    await list.getByText('工地拖欠农民工工资三个月').waitFor();
    await list.getByText('小区旁工地夜间施工噪声扰民').waitFor();
    // Masked, as the API gives them: no full name, no full phone number anywhere on the page.
    await list.getByText('王**').waitFor();
    await list.getByText('139****4321').waitFor();
    const body = await page.locator('body').innerText();
    expect(body).not.toContain('王小明');
    expect(body).not.toContain('13987654321');
    expect(body).toContain(day.bookingCode!);
    await page.locator('.reception-bookings .ant-table-row-expand-icon').first().click();
    await page.locator('.reception-bookings .ant-table-expanded-row').getByText('登记信访事项').waitFor();
    await shot(page, 'reception-bookings-zh');
    await expectAccessible(page, 'reception bookings (zh)');
    await context.close();

    // The leader opens the same list from the reception days beside the inbox.
    const lead = await signIn(world, 'leader');
    await lead.page.locator('.leader-panel').getByRole('link', { name: /2026-06-24/ }).first().click();
    await lead.page.waitForURL(new RegExp(`/reception/${day.id}$`));
    await lead.page.locator('.reception-bookings').getByText('小区旁工地夜间施工噪声扰民').waitFor();
    await lead.context.close();

    // English.
    const en = await signIn(world, 'clerk', 'en');
    await en.page.goto(`${world.url}/reception`);
    await en.page.getByRole('heading', { name: 'Leaders’ reception days' }).waitFor();
    await en.page.locator('.reception-days .ant-table-row').filter({ hasText: PLACE }).waitFor();
    await shot(en.page, 'reception-days-en');
    await expectAccessible(en.page, 'reception days (en)');
    await en.page.goto(`${world.url}/reception/${day.id}`);
    await en.page.getByRole('heading', { name: /Bookings for 2026-06-24/ }).waitFor();
    await en.page.getByText('New matter').waitFor();
    await shot(en.page, 'reception-bookings-en');
    await expectAccessible(en.page, 'reception bookings (en)');
    await en.context.close();
  }, STEP_TIMEOUT);

  it('a proxy agent is reminded to pass the answer on, with the review window', async () => {
    const p = await api<{ id: string; trackingCode: string }>('agent', 'POST', '/api/petitions', {
      channel: 'proxy',
      residentConsent: true,
      category: 'claim',
      domain: 'socialSecurity',
      title: '代理：赵大爷高龄津贴停发',
      content: '社区赵大爷今年八十二岁，高龄津贴从三月起停发，街道说系统里查不到他的信息。',
      jurisdictionCode: '339902001001',
      petitioners: [{ name: '赵大爷' }],
    });
    await run('jy-clerk', p.id, 'assign', { unitId: 'u-jy-hrss' });
    await run('jy-hrss-handler', p.id, 'accept');
    await run('jy-hrss-handler', p.id, 'reply', { outcome: 'support', text: '经核实，已恢复发放并补发停发期间津贴。' });

    const { context, page } = await signIn(world, 'agent');
    await page.getByRole('menuitem', { name: '我的提醒' }).click();
    await page.waitForURL(/\/reminders$/);
    const item = page.locator('.reminders .reminder').filter({ hasText: p.trackingCode });
    await item.waitFor();
    await expect.poll(() => item.innerText()).toContain('答复已出具，请转告信访人');
    expect(await item.innerText()).toContain('可于 2026-07-15 前请求复查'); // replied 2026-06-15 + 30 days
    await shot(page, 'agent-reminders-zh');
    await expectAccessible(page, 'agent reminders (zh)');
    await item.getByRole('button', { name: '标为已读' }).click();
    await item.getByText('已读', { exact: true }).waitFor();
    await item.getByRole('link', { name: '打开信访件' }).click();
    await page.waitForURL(new RegExp(`/petitions/${p.id}`));
    await context.close();

    const en = await signIn(world, 'agent', 'en');
    await en.page.goto(`${world.url}/reminders`);
    await en.page.locator('.reminders .reminder').filter({ hasText: 'An answer was issued: pass it on to the resident' }).first().waitFor();
    await shot(en.page, 'agent-reminders-en');
    await expectAccessible(en.page, 'agent reminders (en)');
    await en.context.close();
  }, STEP_TIMEOUT);

  it('an admin issues an API key shown once, follows a webhook’s deliveries, and revokes the key', async () => {
    const { context, page } = await signIn(world, 'admin');
    await openFromMenu(page, '系统管理', 'API 密钥与推送', /\/admin\/integrations$/);
    await page.getByRole('button', { name: '签发密钥' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('名称').fill('青川 12345 热线平台');
    await dialog.getByLabel('接收状态推送').check();
    const place = dialog.getByLabel('受理范围');
    await place.click();
    await place.fill('青川市');
    await page.locator('.ant-select-dropdown:visible .ant-select-tree-treenode').filter({ hasText: '青川市' }).first().click();
    await shot(page, 'integrations-new-key-zh');
    await dialog.locator('.ant-modal-footer .ant-btn-primary').click();

    const secretBox = page.getByTestId('secret-once');
    await secretBox.waitFor();
    const apiKey = (await secretBox.innerText()).trim();
    expect(apiKey).toMatch(/^qiao_[A-Za-z0-9_-]{40,}$/);
    await page.getByText('这是该密钥唯一一次显示').waitFor();
    await shot(page, 'integrations-key-secret-zh');
    await expectAccessible(page, 'the key shown once (zh)');
    await page.getByRole('button', { name: '我已复制并妥善保存' }).click();
    await secretBox.waitFor({ state: 'detached' });
    const keyRow = page.locator('.api-keys .ant-table-row').filter({ hasText: '青川 12345 热线平台' });
    await keyRow.waitFor();
    expect(await keyRow.innerText()).toContain(apiKey.slice(0, 12));
    // Shown once: nowhere on the page any more, nor after a reload.
    expect(await page.content()).not.toContain(apiKey);
    await page.reload();
    await keyRow.waitFor();
    expect(await page.content()).not.toContain(apiKey);

    // The integrator's webhook (through the API), a request submitted with the key, and two status changes.
    const keys = await api<{ id: string; name: string }[]>('admin', 'GET', '/api/admin/api-keys');
    const keyId = keys.find((k) => k.name === '青川 12345 热线平台')!.id;
    await api('admin', 'POST', '/api/admin/webhooks', { apiKeyId: keyId, url: hookUrl, locale: 'zh-CN' });
    const form = new URLSearchParams({ api_key: apiKey, service_code: 'environment', address_id: '339902001', description: '临江街道某厂夜间排放刺鼻气体。', 'attribute[pollution_type]': 'air' });
    const submitted = await world.app.inject({ method: 'POST', url: '/open311/v2/requests.json', payload: form.toString(), headers: { 'content-type': 'application/x-www-form-urlencoded' } });
    expect(submitted.statusCode, submitted.body).toBe(201);
    const token = submitted.json<{ token: string }[]>()[0]!.token;
    const requestId = (await world.app.inject({ url: `/open311/v2/tokens/${token}.json` })).json<{ service_request_id: string }[]>()[0]!.service_request_id;
    await run('jy-clerk', requestId, 'assign', { unitId: 'u-jy-hrss' });
    await run('jy-hrss-handler', requestId, 'accept');
    const round = await deliverOutbox(world.deps, { webhook: webhookSender(world.deps) });
    expect(round).toEqual({ sent: 1, failed: 1 });
    expect(hits.map((h) => h.status)).toEqual([500, 200]);
    expect(hits.every((h) => h.signature?.startsWith('sha256='))).toBe(true);

    await page.getByRole('tab', { name: '推送订阅（Webhook）' }).click();
    const hookRow = page.locator('.webhooks .ant-table-row').filter({ hasText: hookUrl });
    await hookRow.waitFor();
    expect(await hookRow.innerText()).toContain('青川 12345 热线平台');
    await hookRow.getByRole('button', { name: '投递记录' }).click();
    const deliveries = page.locator('.deliveries .ant-table-tbody');
    await deliveries.getByText('已送达').waitFor();
    await deliveries.getByText('等待重试').waitFor();
    await deliveries.getByText('endpoint answered 500').first().waitFor();
    await page.locator('.deliveries .ant-table-row-expand-icon').first().click();
    await page.locator('.deliveries .ant-table-expanded-row').first().waitFor();
    await shot(page, 'integrations-deliveries-zh');
    await expectAccessible(page, 'webhook deliveries (zh)');
    await page.keyboard.press('Escape');

    // Revoke the key: it is refused from then on.
    await page.getByRole('tab', { name: 'API 密钥' }).click();
    await keyRow.getByRole('button', { name: '吊销' }).click();
    await page.locator('.ant-popconfirm:visible').getByRole('button', { name: '吊销' }).click();
    await keyRow.getByText(/已吊销/).waitFor();
    await shot(page, 'integrations-keys-zh');
    await expectAccessible(page, 'API keys (zh)');
    const refused = await world.app.inject({ url: `/open311/v2/requests/${requestId}.json?api_key=${encodeURIComponent(apiKey)}` });
    expect(refused.statusCode).toBe(403);
    await context.close();

    const en = await signIn(world, 'admin', 'en');
    await en.page.goto(`${world.url}/admin/integrations`);
    await en.page.getByRole('heading', { name: 'API keys and webhooks' }).waitFor();
    await en.page.locator('.api-keys .ant-table-row').filter({ hasText: '青川 12345 热线平台' }).getByText(/Revoked/).waitFor();
    await shot(en.page, 'integrations-keys-en');
    await expectAccessible(en.page, 'API keys (en)');
    await en.page.getByRole('tab', { name: 'Webhooks' }).click();
    await en.page.locator('.webhooks .ant-table-row').first().getByRole('button', { name: 'Deliveries' }).click();
    await en.page.locator('.deliveries .ant-table-tbody').getByText('Delivered').waitFor();
    await shot(en.page, 'integrations-deliveries-en');
    await expectAccessible(en.page, 'webhook deliveries (en)');
    await en.context.close();
  }, STEP_TIMEOUT);
});
