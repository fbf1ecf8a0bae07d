// Issue 6 in the resident portal: a petition the office merged into a collective one shows, in plain words, how
// that collective petition stands; never its number, its petitioners' names or its reply text.
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { call, command, register } from '../../apps/server/test/support/http';
import { axeViolations, buildPortal, chromiumAvailable, launch, phone, screenshots, startServer, type Server } from './support';

describe.skipIf(!chromiumAvailable)('resident portal: a petition merged into a collective one', () => {
  let server: Server;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  const pageErrors: string[] = [];
  let mine = { id: '', trackingCode: '', trackingSecret: '' };
  let collective = { id: '', trackingCode: '' };

  const shot = (name: string) => page.screenshot({ path: join(screenshots, `portal-${name}.png`), fullPage: true });
  const expectAccessible = async (where: string) => expect(await axeViolations(page), `axe on ${where}`).toEqual([]);

  beforeAll(async () => {
    buildPortal();
    server = await startServer();
    browser = await launch();
    context = await phone(browser, server.url);
    page = await context.newPage();
    page.on('pageerror', (e) => pageErrors.push(e.stack ?? e.message));
    page.on('console', (m) => {
      if (m.type() === 'error') pageErrors.push(m.text());
    });

    // Two households of one estate petition separately about one compensation dispute; the office merges the
    // second (this resident's) into the first as a collective petition and routes it.
    const matter = {
      domain: 'land',
      title: '反映棚户区改造征收补偿不合理',
      respondent: { name: '石桥街道办事处' },
      address: '石桥街道棚户区改造片区',
    };
    const first = await register(server.staff, {
      ...matter,
      content: '我家在石桥街道棚户区改造征收范围内，补偿标准比隔壁片区低了一大截，街道说是评估公司定的，请求公开评估报告。',
      petitioners: [{ name: '赵铁柱', phone: '13700001111' }],
    });
    collective = { id: first.id, trackingCode: first.trackingCode };
    const second = await register(server.staff, {
      ...matter,
      content: '我家的房子也在石桥街道棚户区改造范围内，按每平方米两千多元补偿，比隔壁低很多，请求按同一标准补偿。',
      petitioners: [{ name: '钱桂芳', phone: '13700002222' }],
    });
    mine = { id: second.id, trackingCode: second.trackingCode, trackingSecret: second.trackingSecret };
    const merged = await call(server.staff, 'clerk', 'POST', `/api/analysis/petitions/${first.id}/merge`, {
      petitionIds: [second.id],
      representatives: 1,
      expectedVersion: first.version,
    });
    expect(merged.statusCode, merged.body).toBe(200);
    await command(server.staff, 'clerk', first.id, 'assign', { unitId: 'city-housing' });
  });

  afterEach(() => {
    expect(pageErrors.splice(0)).toEqual([]);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  const secretsOfTheCollective = async () => {
    const text = (await page.locator('main').textContent()) ?? '';
    expect(text).not.toContain(collective.trackingCode);
    expect(text).not.toContain('赵铁柱');
    expect(text).not.toContain('赵');
    expect(text).not.toContain('评估报告'); // the other household's own words
    return text;
  };

  it('shows how the collective petition stands, without its number or names; accessible', async () => {
    await page.goto('/portal/track');
    await page.getByLabel('信访件编号').fill(mine.trackingCode);
    await page.getByLabel('查询码', { exact: true }).fill(mine.trackingSecret);
    await page.getByRole('button', { name: '查询', exact: true }).click();
    await page.getByTestId('status').filter({ hasText: '已并入集体信访事项合并办理' }).waitFor();
    const card = page.getByRole('region', { name: '与同一事项合并办理' });
    await card.getByText('您的编号和查询码继续有效').waitFor();
    await card.getByText('青川市住房和城乡建设局').waitFor();
    await card.getByText('合并后事项的办理时限').waitFor();
    await secretsOfTheCollective();
    await shot('merged-zh');
    await expectAccessible('a merged petition');
  });

  it('shows the collective petition’s outcome in plain words once it is answered, not the reply text', async () => {
    await command(server.staff, 'housing-handler', collective.id, 'accept');
    await command(server.staff, 'housing-handler', collective.id, 'reply', {
      outcome: 'support',
      text: '经核实，赵铁柱等住户反映的补偿标准问题属实，已责令街道按同一标准补足差额。',
    });
    await page.getByRole('button', { name: '查询', exact: true }).click();
    const card = page.getByRole('region', { name: '与同一事项合并办理' });
    await card.getByText(/已于 .* 出具书面处理意见/).waitFor();
    const text = await secretsOfTheCollective();
    expect(text).not.toContain('补足差额');
    // This resident's own petition has no reply of its own: no rating or review forms for it.
    expect(await page.getByRole('button', { name: '提交评价' }).count()).toBe(0);
    await shot('merged-replied-zh');
    await expectAccessible('a merged petition whose collective one was answered');
  });

  it('reads the same in English', async () => {
    await page.getByRole('button', { name: 'Switch to English' }).click();
    const card = page.getByRole('region', { name: 'Handled together with the same matter' });
    await card.getByText('Your tracking code and secret still work').waitFor();
    await card.getByText(/A written decision was issued on/).waitFor();
    await secretsOfTheCollective();
    await shot('merged-en');
    await expectAccessible('a merged petition in English');
  });
});
