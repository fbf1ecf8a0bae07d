// Issue 7, point 4: the public figures page (/portal/stats, no login) shows the figures of GET /api/portal/stats in
// words and locale numbers, says where a cell is withheld because fewer than 5 petitions are behind it, and holds
// no personal data.
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import {
  axeViolations,
  buildPortal,
  chromiumAvailable,
  launch,
  phone,
  screenshots,
  startServer,
  type Server,
} from './support';

interface Cell {
  value: number | null;
  suppressed: boolean;
}
interface RateCell extends Cell {
  denominator: number | null;
}
/** The answer of GET /api/portal/stats (PublicStats in packages/contracts/src/dashboards.ts). */
interface PublicStats {
  period: { from: string; to: string };
  asOf: string;
  received: Cell;
  monthly: { month: string; received: Cell }[];
  domains: { domain: string; received: Cell }[];
  counties: {
    code: string;
    name: string;
    received: Cell;
    onTimeRate: RateCell;
    satisfactionRate: RateCell;
  }[];
}

describe.skipIf(!chromiumAvailable)('resident portal: public figures', () => {
  let server: Server;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  const pageErrors: string[] = [];

  const shot = (name: string) =>
    page.screenshot({ path: join(screenshots, `portal-${name}.png`), fullPage: true });
  const expectAccessible = async (where: string) =>
    expect(await axeViolations(page), `axe on ${where}`).toEqual([]);
  const stats = async (query = '') => {
    const res = await fetch(`${server.url}/api/portal/stats${query}`);
    expect(res.status).toBe(200);
    return (await res.json()) as PublicStats;
  };
  const zhNumber = (n: number) => new Intl.NumberFormat('zh-CN').format(n);
  const percent = (lang: string) => (r: number) =>
    new Intl.NumberFormat(lang, {
      style: 'percent',
      minimumFractionDigits: 1,
      maximumFractionDigits: 1,
    }).format(r);
  const text = async (selector: string) => ((await page.locator(selector).textContent()) ?? '').trim();

  beforeAll(async () => {
    buildPortal();
    // The demo city: 3 counties, about 600 petitions over the last 13 months, each driven through the process.
    server = await startServer({ demo: { petitions: 600, days: 400 } });
    browser = await launch();
    context = await phone(browser, server.url);
    page = await context.newPage();
    page.on('pageerror', (e) => pageErrors.push(e.stack ?? e.message));
    page.on('console', (m) => {
      if (m.type() === 'error') pageErrors.push(m.text());
    });
  });

  afterEach(() => {
    expect(pageErrors.splice(0)).toEqual([]);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('opens without login and shows the same figures as /api/portal/stats, in words, never codes; accessible', async () => {
    await page.goto('/portal/stats');
    await expect.poll(() => page.locator('h1').textContent()).toBe('信访公开数据');
    await page.getByTestId('figures').waitFor();
    const api = await stats();
    expect(api.received.suppressed).toBe(false);
    expect(await text('[data-testid=total]')).toBe(`${zhNumber(api.received.value!)} 件`);

    // A month, a domain and a county of the JSON, as the page shows them.
    const month = api.monthly.find((m) => !m.received.suppressed)!;
    expect(await text(`[data-testid=monthly] tr[data-month="${month.month}"] td`)).toBe(
      zhNumber(month.received.value!),
    );
    const labor = api.domains.find((d) => d.domain === 'labor')!;
    expect(labor.received.suppressed).toBe(false);
    expect(await text('[data-testid=domains] tr[data-domain=labor] th')).toBe('劳动保障（欠薪）');
    expect(await text('[data-testid=domains] tr[data-domain=labor] .n')).toBe(
      zhNumber(labor.received.value!),
    );
    expect(api.counties.length).toBeGreaterThan(0);
    for (const c of api.counties) {
      const row = `[data-testid=counties] tr[data-county="${c.code}"]`;
      expect(await text(`${row} th`)).toBe(c.name);
      const cells = await page.locator(`${row} td`).allTextContents();
      expect(cells[0]).toBe(c.received.suppressed ? '少于 5 件' : zhNumber(c.received.value!));
      expect(cells[1]).toBe(
        c.onTimeRate.suppressed
          ? '不公布'
          : `${percent('zh-CN')(c.onTimeRate.value!)}已办结 ${zhNumber(c.onTimeRate.denominator!)} 件`,
      );
    }
    const main = (await page.locator('main').textContent()) ?? '';
    expect(main).not.toMatch(/\b3399\d+/); // no jurisdiction codes
    expect(main).not.toMatch(/propertyManagement|socialSecurity|urbanConstruction/); // no domain codes
    await page.getByText('不含任何个人信息').waitFor();
    await page.getByText('少于 5 件信访的数字不公布').waitFor();
    await shot('stats-zh');
    await expectAccessible('the public figures');
  });

  it('shows a one-month period from the pickers; a cell with fewer than 5 petitions reads as withheld', async () => {
    const asOf = (await stats()).asOf.slice(0, 7);
    // The most recent month with a domain withheld (with 600 petitions a year, one month has several).
    let month = asOf;
    let api = await stats(`?from=${month}&to=${month}`);
    for (let back = 1; back < 12 && !api.domains.some((d) => d.received.suppressed); back++) {
      const d = new Date(`${asOf}-01T00:00:00Z`);
      d.setUTCMonth(d.getUTCMonth() - back);
      month = d.toISOString().slice(0, 7);
      api = await stats(`?from=${month}&to=${month}`);
    }
    const withheld = api.domains.filter((d) => d.received.suppressed);
    expect(withheld.length).toBeGreaterThan(0);

    await page.getByLabel('从', { exact: true }).selectOption(month);
    await page.getByLabel('到', { exact: true }).selectOption(month);
    await page.getByRole('button', { name: '查看', exact: true }).click();
    const [y, m] = month.split('-').map(Number);
    await expect.poll(() => text('[data-testid=period-shown]')).toBe(`${y}年${m}月至${y}年${m}月`);
    expect(new URL(page.url()).search).toBe(`?from=${month}&to=${month}`);

    for (const d of api.domains) {
      const cell = page.locator(`[data-testid=domains] tr[data-domain=${d.domain}] .n`);
      if (d.received.suppressed) {
        expect((await cell.textContent())?.trim()).toBe('少于 5 件');
        expect(await cell.locator('[data-suppressed]').count()).toBe(1);
      } else expect((await cell.textContent())?.trim()).toBe(zhNumber(d.received.value!));
    }
    // In one month a county's rates rest on a handful of petitions: withheld too.
    const county = api.counties.find((c) => c.onTimeRate.suppressed)!;
    expect(county).toBeDefined();
    expect(await text(`[data-testid=counties] tr[data-county="${county.code}"] td:nth-of-type(2)`)).toBe(
      '不公布',
    );
    await shot('stats-suppressed-zh');
    await expectAccessible('a month with withheld cells');
  });

  it('reads in English with English numbers and area names; county names stay in Chinese', async () => {
    await page.getByRole('button', { name: 'Switch to English' }).click();
    await expect.poll(() => page.locator('h1').textContent()).toBe('Public figures');
    await page.getByText('fewer than 5', { exact: true }).first().waitFor();
    await page.getByRole('button', { name: 'Last 12 months' }).click();
    await page.getByTestId('figures').waitFor();
    const api = await stats();
    await expect
      .poll(() => text('[data-testid=total]'))
      .toBe(new Intl.NumberFormat('en-GB').format(api.received.value!));
    expect(await text('[data-testid=domains] tr[data-domain=labor] th')).toBe('Labour (unpaid wages)');
    const c = api.counties.find((x) => !x.satisfactionRate.suppressed)!;
    expect(await text(`[data-testid=counties] tr[data-county="${c.code}"] td:nth-of-type(3) .rate`)).toBe(
      percent('en-GB')(c.satisfactionRate.value!),
    );
    expect(
      await page.locator(`[data-testid=counties] tr[data-county="${c.code}"] th`).getAttribute('lang'),
    ).toBe('zh-CN');
    await page.getByText('no personal data').waitFor();
    await shot('stats-en');
    await expectAccessible('the public figures in English');
  });

  it('tells at the pickers when a period is reversed or too long, without asking the server', async () => {
    // (in English, as the test before left the page)
    await page.goto('/portal/stats');
    await page.getByTestId('figures').waitFor();
    const asked: string[] = [];
    page.on('request', (r) => r.url().includes('/api/portal/stats') && asked.push(r.url()));
    const options = await page.getByLabel('From', { exact: true }).locator('option').evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value));
    const newest = options[0]!;
    const oldest = options[options.length - 1]!;
    await page.getByLabel('From', { exact: true }).selectOption(newest);
    await page.getByLabel('To', { exact: true }).selectOption(oldest);
    await page.getByRole('button', { name: 'Show', exact: true }).click();
    expect(await text('[data-testid=period-problem]')).toBe('The end month is before the start month: choose again.');
    await page.getByLabel('From', { exact: true }).selectOption(oldest);
    await page.getByLabel('To', { exact: true }).selectOption(newest);
    await page.getByRole('button', { name: 'Show', exact: true }).click();
    expect(await text('[data-testid=period-problem]')).toBe('At most 36 months can be shown at once: choose a shorter period.');
    expect(asked).toEqual([]);
    // A period it can give clears the message.
    await page.getByLabel('From', { exact: true }).selectOption(newest);
    await page.getByRole('button', { name: 'Show', exact: true }).click();
    await expect.poll(() => page.getByTestId('period-problem').count()).toBe(0);
    await expect.poll(() => asked.length).toBeGreaterThan(0);
  });

  it('is linked from the portal navigation', async () => {
    await page.goto('/portal/');
    await page.getByRole('navigation').getByRole('link', { name: 'Figures' }).click();
    await expect.poll(() => page.locator('h1').textContent()).toBe('Public figures');
    expect(new URL(page.url()).pathname).toBe('/portal/stats');
    await page.getByTestId('figures').waitFor();
  });

  it('says plainly when the figures cannot be loaded, and loads them on retry', async () => {
    await page.route('**/api/portal/stats*', (route) => route.abort('connectionrefused'));
    await page.reload();
    await page.getByRole('alert').getByText('Could not reach the server').waitFor();
    expect(await page.getByTestId('figures').count()).toBe(0);
    await shot('stats-error-en');
    await page.unroute('**/api/portal/stats*');
    await page.getByRole('button', { name: 'Try again' }).click();
    await page.getByTestId('figures').waitFor();
    // The browser logs the refused request itself; nothing else may have gone wrong.
    const rest = pageErrors.splice(0).filter((e) => !/Failed to load resource/.test(e));
    expect(rest).toEqual([]);
  });
});
