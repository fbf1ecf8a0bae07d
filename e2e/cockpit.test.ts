import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import {
  apiToken,
  browserAvailable,
  screenshots,
  seriousViolations,
  shot,
  signIn,
  startWorld,
  type Lang,
  type World,
} from './support';

/**
 * The cockpit (/cockpit) in a real browser against the demo city (300 petitions, clock fixed at 2026-06-15):
 * the tiles show what the dashboard API answers for the same filter, the selectors change it, a chart bar and a
 * table link lead to the petition list with exactly that many petitions, and both downloads read back.
 */

interface Ratio {
  value: number | null;
  numerator: number;
  denominator: number;
}
interface Summary {
  tiles: {
    measure: string;
    label: { zh: string; en: string };
    value: number | null;
    numerator: number;
    denominator: number | null;
  }[];
  byDomain: { key: string; volume: number; filter: { query: string } }[];
  units: {
    unit: { id: string; name: string } | null;
    volume: number;
    rates: Record<string, { numerator: number; denominator: number }>;
    filter: { query: string };
  }[];
  trend: { month: string; volume: number }[];
}
interface Annual {
  recordsSince: string | null;
  lastYear: { receivedFrom: string; receivedTo: string };
  received: number;
  forwarded: number;
  assigned: number;
  supervised: number;
  suggestions: { received: number; adopted: number; adoptionRate: Ratio };
  byDomain: { key: string; count: number }[];
}

const fmtRate = (v: number | null) => (v === null ? '—' : `${(v * 100).toFixed(1)}%`);
const fmtCount = (n: number, lang: Lang) => new Intl.NumberFormat(lang === 'en' ? 'en' : 'zh-CN').format(n);

describe.skipIf(!browserAvailable)('cockpit', () => {
  let world: World;
  let token: string;

  beforeAll(async () => {
    world = await startWorld();
    token = await apiToken(world, 'leader');
  });
  afterAll(async () => {
    await world?.close();
  });

  async function api<T>(url: string): Promise<T> {
    const res = await world.app.inject({ method: 'GET', url, headers: { authorization: `Bearer ${token}` } });
    expect(res.statusCode, res.body).toBe(200);
    return res.json<T>();
  }

  async function expectAccessible(page: Page, what: string) {
    const violations = await seriousViolations(page);
    expect(violations, `${what}: ${JSON.stringify(violations, null, 2)}`).toEqual([]);
  }

  /** Every tile on the page shows the API's figure (and, for rates, its numerator and denominator). */
  async function expectTiles(page: Page, s: Summary, lang: Lang) {
    await page.locator('.kpi-tile').first().waitFor();
    expect(await page.locator('.kpi-tile').count()).toBe(s.tiles.length);
    for (const tile of s.tiles) {
      const el = page.locator(`.kpi-tile[data-measure="${tile.measure}"]`);
      await expect
        .poll(() => el.locator('.kpi-value').innerText(), { message: tile.measure, timeout: 20_000 })
        .toBe(tile.denominator === null ? fmtCount(tile.value ?? 0, lang) : fmtRate(tile.value));
      expect(await el.locator('.kpi-label').innerText()).toBe(tile.label[lang]);
      if (tile.denominator)
        expect(await el.locator('.kpi-ratio').innerText()).toContain(fmtCount(tile.denominator, lang));
    }
  }

  async function rowsOfList(page: Page) {
    await page.locator('.inbox-tabs').waitFor();
    // The list's rows, not those of a leader's panel of owned cases above it.
    await page.locator('.inbox-list .ant-table-row').first().waitFor();
    await expect.poll(() => page.locator('.ant-spin-spinning').count(), { timeout: 20_000 }).toBe(0);
    return page.locator('.inbox-list .ant-table-row').count();
  }

  /** The centres on screen of a chart's bars of this period (SVG paths in the current-period colour). */
  async function barsOf(page: Page, chart: string) {
    return page.locator(`[data-chart="${chart}"] svg`).evaluate((svg) =>
      [...svg.querySelectorAll('path')]
        .filter((p) => /^(#1d4f91|rgb\(29,\s*79,\s*145\))$/i.test(p.getAttribute('fill') ?? ''))
        .map((p) => p.getBoundingClientRect())
        .filter((r) => r.width > 0 && r.height > 0)
        .map((r) => ({ x: r.left + r.width / 2, y: r.top + r.height / 2 })),
    );
  }

  async function readXlsx(path: string) {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path);
    return wb;
  }

  it('a leader reads the tiles, changes period and jurisdiction, and drills down from a chart bar and a table link', async () => {
    const { context, page } = await signIn(world, 'leader');
    await page.getByRole('menuitem', { name: '统计驾驶舱' }).click();
    await page.waitForURL(/\/cockpit/);
    await page.locator('.kpi-tile').first().waitFor();
    await page.locator('[data-chart="trend"] svg').waitFor();

    // The default view is this year so far.
    await expectTiles(page, await api<Summary>('/api/dashboards/summary?from=2026-01&to=2026-06'), 'zh');
    // 同比 compares with the same days last year: up to 15 June 2025, the clock's date a year ago.
    await page.getByText('同比对照去年同期：2025年1月1日 至 2025年6月15日').waitFor();
    const trendCard = page.locator('[data-card="trend"]');
    await trendCard.getByText('表格', { exact: true }).click();
    await trendCard.getByRole('link', { name: /^2025-06（1–15日）: \d+$/ }).waitFor();
    await trendCard.getByRole('link', { name: /^2025-05: \d+$/ }).waitFor();
    await trendCard.getByText('图表', { exact: true }).click();
    expect(await page.locator('[data-chart="trend"]').getAttribute('aria-label')).toMatch(/去年（1–15日） \d+/);
    // The tooltip of June says last year's June is counted to the 15th.
    const june = (await barsOf(page, 'trend')).sort((a, b) => b.x - a.x)[0]; // the rightmost
    expect(june).toBeDefined();
    await page.mouse.move(june!.x, june!.y);
    await page.getByText(/去年同期 2025-06（1–15日）: \d+/).waitFor();
    await page.mouse.move(0, 0);
    await shot(page, 'cockpit-zh');
    await expectAccessible(page, 'cockpit (zh)');

    // Period: 2025 as a whole.
    const range = page.locator('.cockpit-toolbar .ant-picker-range input');
    await range.nth(0).click();
    await range.nth(0).fill('2025-01');
    await range.nth(0).press('Enter');
    // A period spans at most 36 months: from 2025-01, 2027-12 can be picked as its end, 2028-01 cannot.
    const panels = page.locator('.ant-picker-dropdown:not(.ant-picker-dropdown-hidden)');
    const cell = (month: string) => panels.locator(`td[title="${month}"]`);
    for (let year = 0; year < 4 && (await cell('2028-01').count()) === 0; year++) await panels.locator('.ant-picker-header-super-next-btn:visible').last().click();
    expect(await cell('2027-12').getAttribute('class')).not.toContain('ant-picker-cell-disabled');
    expect(await cell('2028-01').getAttribute('class')).toContain('ant-picker-cell-disabled');
    await range.nth(1).fill('2025-12');
    await range.nth(1).press('Enter');
    await page.waitForURL(/from=2025-01&to=2025-12/);
    await expectTiles(page, await api<Summary>('/api/dashboards/summary?from=2025-01&to=2025-12'), 'zh');

    // Jurisdiction: one district.
    const picker = page.getByLabel('辖区', { exact: true });
    await picker.click();
    await picker.fill('江屿区');
    await page
      .locator('.ant-select-dropdown:visible .ant-select-tree-treenode')
      .filter({ hasText: '江屿区' })
      .first()
      .click();
    await page.waitForURL(/jurisdiction=339902/);
    const filtered = await api<Summary>(
      '/api/dashboards/summary?from=2025-01&to=2025-12&jurisdiction=339902',
    );
    await expectTiles(page, filtered, 'zh');
    await shot(page, 'cockpit-filtered-zh');

    // The hotspots follow the same period and jurisdiction.
    const hotFiltered = await api<{ clusters: { count: number }[] }>(
      '/api/analysis/hotspots?from=2025-01&to=2025-12&jurisdiction=339902&minSize=3&limit=10',
    );
    const hotCard = page.locator('[data-card="hotspots"]');
    await hotCard.getByText('热点（2025-01-01 至 2025-12-31）').waitFor();
    expect(await hotCard.getByText('不受辖区筛选影响', { exact: false }).count()).toBe(0);
    if (hotFiltered.clusters.length > 0) {
      await hotCard.getByText('表格', { exact: true }).click();
      await expect.poll(() => hotCard.locator('.ant-table-row').count()).toBe(hotFiltered.clusters.length);
      await shot(page, 'cockpit-hotspots-filtered-zh');
      expect(await hotCard.locator('.ant-table-row').first().getByRole('button').innerText()).toBe(
        String(hotFiltered.clusters[0]!.count),
      );
      await hotCard.getByText('图表', { exact: true }).click();
    } else {
      await hotCard.locator('.ant-empty').waitFor();
    }

    // A click on the top bar of the domain chart (SVG: the bar's position on screen) lists exactly its petitions.
    const top = filtered.byDomain[0]!;
    expect(top.volume).toBeGreaterThan(0);
    expect(top.volume).toBeLessThanOrEqual(50); // one page of the list
    await page.locator('[data-chart="domain"]').scrollIntoViewIfNeeded(); // the hotspot check scrolled down
    const bar = (await barsOf(page, 'domain')).sort((a, b) => a.y - b.y)[0]; // the top one
    expect(bar).toBeDefined();
    await page.mouse.click(bar!.x, bar!.y);
    await page.waitForURL(/\/inbox\/all\?/);
    const url = new URL(page.url());
    expect(Object.fromEntries(url.searchParams)).toEqual(
      Object.fromEntries(new URLSearchParams(top.filter.query)),
    );
    expect(url.searchParams.get('domain')).toBe(top.key);
    expect(url.searchParams.get('jurisdiction')).toBe('339902');
    expect(await rowsOfList(page)).toBe(top.volume);
    // The list says how many it holds: the figure clicked.
    expect(await page.locator('.list-total').innerText()).toBe(`共 ${top.volume} 件`);
    // The district it is narrowed to is shown (no picker holds it), and can be removed on its own.
    await page.locator('.filter-tag').filter({ hasText: '辖区：江屿区' }).waitFor();
    await shot(page, 'cockpit-drill-domain-zh');

    // Back to the cockpit as it was; the units card as a table: its links are the chart's alternative.
    await page.goBack();
    await page.waitForURL(/\/cockpit\?/);
    const units = page.locator('[data-card="units"]');
    await units.getByText('表格', { exact: true }).click();
    const unit = filtered.units.find((u) => u.unit !== null && u.volume > 0)!;
    await units.locator('.ant-table-row').first().waitFor();
    await shot(page, 'cockpit-table-zh');
    await expectAccessible(page, 'cockpit table view (zh)');
    await units.locator('.ant-table-row').first().getByRole('link').click();
    await page.waitForURL(/\/inbox\/all\?/);
    // Listed by the unit that replied (or holds it, unreplied), as the scorecard counts: handlingUnit, not unit.
    expect(new URL(page.url()).searchParams.get('handlingUnit')).toBe(unit.unit!.id);
    expect(await rowsOfList(page)).toBe(unit.volume);
    await page.locator('.filter-tag').filter({ hasText: `办理单位：${unit.unit!.name}` }).waitFor();
    await page.getByRole('button', { name: '取消此筛选' }).last().click(); // the unit's tag
    await expectAccessible(page, 'drill-down list with its filter tags (zh)');
    await expect.poll(() => new URL(page.url()).searchParams.get('handlingUnit')).toBeNull();
    expect(new URL(page.url()).searchParams.get('jurisdiction')).toBe('339902');
    await context.close();
  }, 240_000);

  it('a leader downloads the view and the annual report, and they read back with the same figures', async () => {
    const { context, page } = await signIn(world, 'leader');
    await page.goto(`${world.url}/cockpit?from=2025-01&to=2025-12&jurisdiction=339902`);
    const filtered = await api<Summary>(
      '/api/dashboards/summary?from=2025-01&to=2025-12&jurisdiction=339902',
    );
    await expectTiles(page, filtered, 'zh');
    const top = filtered.byDomain[0]!;

    // The view as .xlsx: the same figures.
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: '导出 Excel' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('dashboard-2025-01-2025-12-339902.xlsx');
    const wb = await readXlsx(await download.path());
    const kpis = wb.getWorksheet('指标 KPIs')!;
    for (const [i, tile] of filtered.tiles.entries()) {
      const row = kpis.getRow(i + 2).values as unknown[];
      expect(row[1]).toBe(`${tile.label.zh} ${tile.label.en}`);
      expect([row[3], row[4] ?? null]).toEqual([tile.numerator, tile.denominator]);
    }
    const domains = wb.getWorksheet('领域 domain')!;
    const first = domains.getRow(2).values as unknown[];
    expect([first[1], first[4]]).toEqual([top.key, top.volume]);

    // The annual report of Art. 41 for 2025 in this district, on screen and as .xlsx.
    await page.getByText('已导出 dashboard-').waitFor({ state: 'hidden' }); // the export's notice has gone
    await page.getByRole('button', { name: '年度报告（第四十一条）' }).click();
    const report = page.locator('.annual-report[data-year="2025"]');
    await report.waitFor();
    const annual = await api<Annual>('/api/dashboards/annual-report?year=2025&jurisdiction=339902');
    expect(await report.locator('.ant-descriptions-item-content').first().innerText()).toContain(
      String(annual.received),
    );
    const figures = await report.locator('.ant-descriptions-item-content').allInnerTexts();
    expect(figures.slice(1, 4)).toEqual([annual.forwarded, annual.assigned, annual.supervised].map(String));
    // The demo's records start within 2024: the comparison with it says it counts part of the year.
    expect(annual.recordsSince! > annual.lastYear.receivedFrom).toBe(true);
    expect(await report.getByTestId('annual-partial-last-year').innerText()).toMatch(/^系统自 \d{4}年\d{1,2}月\d{1,2}日 起才有信访记录/);
    await page.waitForTimeout(300); // the drawer's motion
    await page.screenshot({ path: join(screenshots, 'cockpit-annual-zh.png') }); // the drawer is fixed: the viewport shows it whole
    await expectAccessible(page, 'annual report (zh)');
    const [annualDownload] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: '下载年度报告（Excel）' }).click(),
    ]);
    expect(annualDownload.suggestedFilename()).toBe('annual-report-2025-339902.xlsx');
    const awb = await readXlsx(await annualDownload.path());
    const totals = awb.getWorksheet('2025 年度')!;
    const cell = (r: number) => (totals.getRow(r).values as unknown[])[2];
    expect([cell(2), cell(4), cell(5), cell(6), cell(7), cell(8)]).toEqual([
      annual.received,
      annual.forwarded,
      annual.assigned,
      annual.supervised,
      annual.suggestions.received,
      annual.suggestions.adopted,
    ]);
    await context.close();
  }, 240_000);

  it('reads in English, and a handler has no cockpit', async () => {
    const { context, page } = await signIn(world, 'leader', 'en');
    await page.goto(`${world.url}/cockpit?from=2025-07&to=2026-06`);
    await page.locator('.kpi-tile').first().waitFor();
    await page.locator('[data-chart="trend"] svg').waitFor();
    await expectTiles(page, await api<Summary>('/api/dashboards/summary?from=2025-07&to=2026-06'), 'en');
    expect(await page.locator('[data-chart="trend"]').getAttribute('aria-label')).toMatch(/^Monthly trend/);
    await page.getByText(/^Year on year against the same days last year: July 1, 2024 – June 15, 2025$/).waitFor();
    await shot(page, 'cockpit-en');
    await expectAccessible(page, 'cockpit (en)');

    // The scorecard says how it counts, and its first unit lists that unit's petitions, the tag in English.
    const scorecard = page.locator('[data-card="scorecard"]');
    await scorecard.getByText(/^Counted by handling unit: a replied petition counts for the unit that issued/).waitFor();
    const first = (await api<Summary>('/api/dashboards/summary?from=2025-07&to=2026-06')).units.find((u) => u.unit !== null && u.volume > 0)!;
    await scorecard.getByRole('link', { name: String(first.volume), exact: true }).first().click();
    await page.waitForURL(/handlingUnit=/);
    await page.locator('.filter-tag').filter({ hasText: `Handled by: ${first.unit!.name}` }).waitFor();
    expect(await page.locator('.list-total').innerText()).toBe(`${first.volume} in all`);
    // The unit column names the unit each row was counted for, not the reviewing body of a petition under review.
    await page.getByRole('columnheader', { name: 'Handled by' }).waitFor();
    await rowsOfList(page);
    const column = await page.locator('.inbox-list .ant-table-thead th').allInnerTexts();
    const units = await page.locator(`.inbox-list .ant-table-tbody tr.ant-table-row td:nth-child(${column.indexOf('Handled by') + 1})`).allInnerTexts();
    expect(units.length).toBeGreaterThan(0);
    expect(new Set(units)).toEqual(new Set([first.unit!.name]));
    await shot(page, 'cockpit-drill-unit-en');
    await page.goBack();
    await page.locator('.kpi-tile').first().waitFor();

    // A rate's tile lists the petitions it counts; the switch narrows them to those that miss it.
    const onTime = (await api<Summary>('/api/dashboards/summary?from=2025-07&to=2026-06')).tiles.find((x) => x.measure === 'onTimeRate')!;
    expect(onTime.denominator! - onTime.numerator).toBeGreaterThan(0);
    await page.locator('.kpi-tile[data-measure="onTimeRate"]').click();
    await page.waitForURL(/measure=onTimeRate/);
    await page.locator('.filter-tag').filter({ hasText: 'Counted in the on-time rate' }).waitFor();
    await expect.poll(() => page.locator('.list-total').innerText()).toBe(`${onTime.denominator} in all`);
    await page.locator('.measure-filter').getByText('Replied late', { exact: true }).click();
    await page.waitForURL(/part=missed/);
    await expect.poll(() => page.locator('.list-total').innerText()).toBe(`${onTime.denominator! - onTime.numerator} in all`);
    expect(await rowsOfList(page)).toBe(Math.min(50, onTime.denominator! - onTime.numerator)); // a page of 50
    await shot(page, 'cockpit-drill-rate-en');
    await expectAccessible(page, 'a rate drilled down to (en)');

    // A unit's on-time rate in the scorecard lists that unit's replied petitions.
    await page.goto(`${world.url}/cockpit?from=2025-07&to=2026-06`);
    const row = page.locator('[data-card="scorecard"] .ant-table-row').filter({ hasText: first.unit!.name }).first();
    await row.waitFor();
    const onTimeCol = await page.locator('[data-card="scorecard"] th').evaluateAll((ths) => ths.findIndex((th) => th.textContent?.trim().startsWith('On-time')));
    await row.locator('td').nth(onTimeCol).getByRole('link').click();
    await page.waitForURL(/measure=onTimeRate/);
    expect(new URL(page.url()).searchParams.get('handlingUnit')).toBe(first.unit!.id);
    await expect.poll(() => page.locator('.list-total').innerText()).toBe(`${first.rates.onTimeRate!.denominator} in all`);
    await page.goto(`${world.url}/cockpit?from=2025-07&to=2026-06`);
    await page.locator('.kpi-tile').first().waitFor();

    // A hotspot lists its petitions.
    const hot = await api<{ clusters: { count: number; petitions: unknown[] }[] }>(
      '/api/analysis/hotspots?from=2025-07&to=2026-06&minSize=3&limit=10',
    );
    expect(hot.clusters.length).toBeGreaterThan(0);
    const card = page.locator('[data-card="hotspots"]');
    await card.getByText('Table', { exact: true }).click();
    await card.locator('.ant-table-row').first().getByRole('button').click();
    const drawer = page.locator('.ant-drawer-body');
    await drawer.locator('.ant-table-row').first().waitFor();
    expect(await drawer.locator('.ant-table-row').count()).toBe(hot.clusters[0]!.count);
    await drawer.locator('.ant-table-row').first().getByRole('link').click();
    await page.waitForURL(/\/petitions\//);
    await context.close();

    const handler = await signIn(world, 'handler', 'en');
    expect(await handler.page.getByRole('menuitem', { name: 'Cockpit' }).count()).toBe(0);
    await handler.page.goto(`${world.url}/cockpit`);
    await handler.page
      .getByText('The cockpit is for leaders, supervisors and the petition office.')
      .waitFor();
    await handler.context.close();
  }, 240_000);
});
