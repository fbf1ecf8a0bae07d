import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type BrowserContext, type Locator, type Page } from 'playwright-core';
import { buildApp, type App } from '../apps/server/src/app';
import type { Deps } from '../apps/server/src/context';
import { openDatabase, type Database } from '../apps/server/src/db/open';
import { seedDemo } from '../apps/server/src/demo/seed';
import { deriveKeys } from '../apps/server/src/lib/crypto';
import { ClockSettingsStore } from '../apps/server/src/settings/clock-settings';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
export const CHROMIUM = process.env.QIAO_CHROMIUM ?? '/usr/bin/chromium';
export const screenshots = join(root, 'e2e', 'screenshots');

/** Whether the browser journeys can run here. In CI a missing Chromium is a failure, never a skip. */
export const browserAvailable = (() => {
  if (existsSync(CHROMIUM)) return true;
  if (process.env.CI) throw new Error(`Chromium is required in CI for the e2e suite: nothing at ${CHROMIUM} (apt-get install chromium)`);
  console.warn(
    `\n⚠️⚠️⚠️  SKIPPING the browser journeys (e2e): no Chromium at ${CHROMIUM}.\n` +
      `        Install it with: apt-get install -y chromium fonts-noto-cjk   (never download a browser build)\n`,
  );
  return false;
})();

/** The server's fixed "now": every deadline and badge in the journeys is computed against it. */
export const NOW = new Date('2026-06-15T02:00:00Z');

export interface World {
  url: string;
  app: App;
  deps: Deps;
  database: Database;
  browser: Browser;
  webRoot: string;
  close(): Promise<void>;
}

/** Hash of every file under these paths (contents), so a build can be reused exactly while nothing changed. */
function sourceHash(paths: string[]): string {
  const h = createHash('sha256');
  const visit = (p: string) => {
    if (!existsSync(p)) return;
    if (statSync(p).isDirectory()) for (const e of readdirSync(p).sort()) visit(join(p, e));
    else h.update(p).update(readFileSync(p));
  };
  paths.forEach(visit);
  return h.digest('hex').slice(0, 16);
}

/**
 * A vite build of apps/web in the temporary folder, shared by every journey file while the sources are the
 * same (each file runs in its own process, and a build costs most of a minute on two cores). Built aside and
 * renamed into place, so two runs at once never see half a build; builds older than a day are removed.
 */
function buildWeb(): string {
  const web = join(root, 'apps', 'web');
  const key = sourceHash([
    ...['src', 'index.html', 'vite.config.ts', 'package.json'].map((p) => join(web, p)),
    join(root, 'packages', 'contracts', 'src'),
    join(root, 'packages', 'core', 'src'),
  ]);
  const cached = join(tmpdir(), `qiao-e2e-web-${key}`);
  if (existsSync(join(cached, 'index.html'))) return cached;
  for (const e of readdirSync(tmpdir()))
    if (e.startsWith('qiao-e2e-web-') && Date.now() - statSync(join(tmpdir(), e)).mtimeMs > 86_400_000)
      rmSync(join(tmpdir(), e), { recursive: true, force: true });
  const out = mkdtempSync(join(tmpdir(), 'qiao-web-'));
  const vite = [join(web, 'node_modules/vite/bin/vite.js'), join(root, 'node_modules/vite/bin/vite.js')].find((p) => existsSync(p));
  if (!vite) throw new Error('vite is not installed');
  const res = spawnSync(process.execPath, [vite, 'build', '--outDir', out, '--emptyOutDir', '--logLevel', 'error'], { cwd: web, encoding: 'utf8', env: { ...process.env, NODE_ENV: 'production' } });
  if (res.status !== 0) throw new Error(`vite build failed:\n${res.stdout}\n${res.stderr}`);
  try {
    renameSync(out, cached);
  } catch {
    // Another run put the same build there first.
    rmSync(out, { recursive: true, force: true });
  }
  return cached;
}

/** The real app on a fresh in-memory PGlite with the demo city (a few hundred petitions), on a free port. */
export async function startWorld(opts: { petitions?: number } = {}): Promise<World> {
  const webRoot = buildWeb();
  const database = await openDatabase({});
  const clockSettings = new ClockSettingsStore(database.db, 'calendar');
  await clockSettings.load();
  const deps: Deps = {
    db: database.db,
    keys: deriveKeys(Buffer.alloc(32, 9)),
    now: () => NOW,
    clockSettings,
    tokenTtlSeconds: 86_400,
  };
  await seedDemo(deps, { petitions: opts.petitions ?? 300, seed: 7 });
  const app = await buildApp(deps, { webRoot });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-quic', '--no-first-run', '--disable-component-update', '--disable-sync'],
  });
  mkdirSync(screenshots, { recursive: true });
  return {
    url: `http://127.0.0.1:${port}`,
    app,
    deps,
    database,
    browser,
    webRoot,
    async close() {
      await browser.close();
      await app.close();
      await database.close(); // the web build stays for the next journey file (buildWeb)
    },
  };
}

export type Lang = 'zh' | 'en';

/** A signed-in page for a demo user (password "demo"), in the given language, through the real login form. */
export async function signIn(world: World, username: string, lang: Lang = 'zh'): Promise<{ context: BrowserContext; page: Page }> {
  const context = await world.browser.newContext({ viewport: { width: 1440, height: 900 }, locale: lang === 'en' ? 'en-US' : 'zh-CN' });
  await context.addInitScript((l) => {
    if (!localStorage.getItem('qiao.lang')) localStorage.setItem('qiao.lang', l);
  }, lang);
  const page = await context.newPage();
  page.setDefaultTimeout(30_000); // CI runs the server suites beside the browser on two cores
  await page.goto(`${world.url}/login`);
  await page.getByLabel(lang === 'en' ? 'Username' : '用户名').fill(username);
  await page.getByLabel(lang === 'en' ? 'Password' : '密码').fill('demo');
  await page.getByRole('button', { name: lang === 'en' ? 'Sign in' : '登录' }).click();
  await page.waitForURL(/\/inbox/);
  await page.locator('.inbox-tabs').waitFor();
  return { context, page };
}

/**
 * Opens a page from the side menu's submenu (e.g. 系统管理 › API 密钥与推送) and waits for its URL. The inline
 * submenu slides open; on a loaded machine a click can land while it moves and go nowhere, so a try that leaves
 * the URL unchanged is made again (the submenu opened again if it closed) before failing.
 */
export async function openFromMenu(page: Page, submenu: string, item: string, url: RegExp) {
  const entry = page.getByRole('menuitem', { name: item });
  for (let attempt = 1; ; attempt++) {
    if (!(await entry.isVisible())) await page.getByRole('menuitem', { name: submenu }).click();
    await entry.click();
    try {
      await page.waitForURL(url, { timeout: 5_000 });
      return;
    } catch (error) {
      if (attempt === 3) throw error;
    }
  }
}

/** A full-page screenshot under e2e/screenshots/. */
export async function shot(page: Page, name: string) {
  await page.waitForTimeout(150); // let antd's motion settle
  await page.screenshot({ path: join(screenshots, `${name}.png`), fullPage: true });
}

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: unknown[]; failureSummary?: string }[];
}

/** axe-core on the page as it is now: the serious and critical violations (WCAG 2.1 A/AA rules). */
export async function seriousViolations(page: Page): Promise<AxeViolation[]> {
  await page.addScriptTag({ content: axeSource });
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (ctx: unknown, opts: unknown) => Promise<{ violations: AxeViolation[] }> } }).axe;
    // A toast mid-way through fading in or out is half transparent: its contrast is the animation's, not the page's
    // (a loaded machine caught one fading). Steady toasts are checked.
    const moving = ['.ant-message-fade-enter', '.ant-message-fade-appear', '.ant-message-fade-leave'];
    const r = await axe.run({ exclude: moving }, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] } });
    return r.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.slice(0, 5).map((n) => ({ target: n.target, failureSummary: n.failureSummary })) }));
  });
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}

/** Log in through the API (for setting up data the journey is not about). */
export async function apiToken(world: World, username: string): Promise<string> {
  const res = await world.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password: 'demo' } });
  if (res.statusCode !== 200) throw new Error(`login ${username}: ${res.body}`);
  return res.json<{ token: string }>().token;
}

/**
 * Choose an option of an antd Select (or TreeSelect) by typing into its search input, or, for a Select without
 * search (`typed: false`, `input` the `.ant-select`), by opening it. A previous Select's dropdown may still be
 * shown (it closes on blur): it is closed first, so the option never comes from the wrong list. Under load the
 * dropdown can re-render and close as the option is taken: what counts is the selection.
 */
export async function chooseOption(page: Page, input: Locator, text: string, { typed = true }: { typed?: boolean } = {}) {
  // What the Select shows, whatever antd's markup: its text without the search input and the mirror that sizes it
  // (which repeats what was typed), and the texts of its chosen items.
  const shows = () =>
    input.evaluate((el) => {
      const root = el.closest('.ant-select')?.cloneNode(true) as HTMLElement | undefined;
      root?.querySelectorAll('input, [class*="mirror"], [class*="placeholder"]').forEach((n) => n.remove());
      // antd 6: a single Select's chosen label is its content's title; a multiple one's are its items'.
      const items = [...(root?.querySelectorAll('.ant-select-content-has-value, .ant-select-selection-item') ?? [])].map(
        (n) => n.getAttribute('title') ?? n.textContent?.trim() ?? '',
      );
      return { text: root?.textContent ?? '', items };
    });
  const before = (await shows()).text;
  // Chosen: an item shows the option's own label, or (a label rendered otherwise) what the Select shows changed and
  // now holds the text. Not merely "holds the text": a default or another option may already show it.
  const chosen = async (label: string | null) => {
    const now = await shows();
    if (label && now.items.includes(label)) return true;
    return now.text !== before && now.text.includes(text);
  };
  // A click can land while the options re-render (a search answered meanwhile) and select nothing, silently:
  // check that the choice shows, and try again before failing here rather than at some later step.
  let clickError: unknown;
  for (let attempt = 1; ; attempt++) {
    const shown = page.locator('.ant-select-dropdown:visible');
    if ((await shown.count()) > 0) {
      // Escape, not Tab: Tab takes the highlighted option, which in a multiple Select un-chooses a chosen one.
      await page.keyboard.press('Escape');
      await shown.first().waitFor({ state: 'hidden' });
    }
    await input.click();
    if (typed) await input.fill(text);
    const option = page
      .locator('.ant-select-dropdown:visible .ant-select-item-option, .ant-select-dropdown:visible .ant-select-tree-treenode')
      .filter({ hasText: text })
      .first();
    const label = await option.textContent({ timeout: 10_000 }).then((t) => t?.trim() ?? null, () => null);
    await option.click({ timeout: 10_000 }).catch((e: unknown) => (clickError = e));
    for (let i = 0; i < 20; i++) {
      if (await chosen(label)) return;
      await page.waitForTimeout(100);
    }
    if (attempt >= 3) throw new Error(`chooseOption: "${text}" is still not chosen after ${attempt} tries (last click: ${clickError instanceof Error ? clickError.message.split('\n')[0] : 'no error'})`);
  }
}
