import { deflateSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContextOptions, Page } from 'playwright-core';
import { apiToken, browserAvailable, seriousViolations, shot, signIn, startWorld, type Lang, type World, chooseOption, openFromMenu } from './support';

/**
 * The rest of the staff workbench in a real browser (issue 3): the admin pages, letter intake with scans and their
 * preview, the print view of a petition, times in China time from a browser in another zone, the hotline form
 * from the keyboard alone, and the proxy agent's single intake form. Same world as e2e/journeys.test.ts: the
 * real server on a fresh PGlite with the demo city, a fixed clock (NOW = 2026-06-15 10:00 in China), and a fresh
 * production build of apps/web.
 */

/** A real PNG (w×h, RGB), built byte by byte: signature, IHDR, one IDAT, IEND, each with its CRC. */
function png(w: number, h: number): Buffer {
  const crcTable = Array.from({ length: 256 }, (_, n) => {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    return c >>> 0;
  });
  const crc = (buf: Buffer) => {
    let c = 0xffffffff;
    for (const b of buf) c = crcTable[(c ^ b) & 0xff]! ^ (c >>> 8);
    return (c ^ 0xffffffff) >>> 0;
  };
  const chunk = (type: string, data: Buffer) => {
    const len = Buffer.alloc(4);
    len.writeUInt32BE(data.length);
    const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
    const sum = Buffer.alloc(4);
    sum.writeUInt32BE(crc(body));
    return Buffer.concat([len, body, sum]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(w, 0);
  ihdr.writeUInt32BE(h, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 2; // RGB
  const rows = Buffer.alloc((w * 3 + 1) * h);
  for (let y = 0; y < h; y++)
    for (let x = 0; x < w; x++) {
      const o = y * (w * 3 + 1) + 1 + x * 3;
      const ink = (y > 20 && y < 28) || (y > 40 && y < 48 && x < w * 0.7) || (y > 60 && y < 68 && x < w * 0.5);
      rows[o] = ink ? 40 : 250;
      rows[o + 1] = ink ? 40 : 248;
      rows[o + 2] = ink ? 60 : 240;
    }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(rows)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** A one-page PDF with a line of text, with a correct cross-reference table. */
function pdf(text: string): Buffer {
  const stream = `BT /F1 18 Tf 72 760 Td (${text}) Tj ET`;
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
    `<< /Length ${stream.length} >>\nstream\n${stream}\nendstream`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
  ];
  let out = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((o, i) => {
    offsets.push(out.length);
    out += `${i + 1} 0 obj\n${o}\nendobj\n`;
  });
  const xref = out.length;
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const o of offsets) out += `${String(o).padStart(10, '0')} 00000 n \n`;
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(out, 'latin1');
}

describe.skipIf(!browserAvailable)('staff workbench: admin, scans, print, time zone, keyboard, proxy agents', { timeout: 300_000 }, () => {
  let world: World;
  const letter: { id?: string } = {};

  beforeAll(async () => {
    world = await startWorld();
  });
  afterAll(async () => {
    await world?.close();
  });

  async function expectAccessible(page: Page, what: string) {
    const violations = await seriousViolations(page);
    expect(violations, `${what}: ${JSON.stringify(violations, null, 2)}`).toEqual([]);
  }

  /** Type into a searchable Select/TreeSelect (by its label) and click the matching option. */
  async function choose(page: Page, label: string, text: string) {
    await chooseOption(page, page.getByLabel(label, { exact: true }), text);
  }

  /** Open a plain Select (no search) by its label and choose an option (checked, as `choose` is). */
  async function pick(page: Page, label: string, text: string) {
    const select = page.locator('.ant-form-item').filter({ has: page.getByText(label, { exact: true }) }).locator('.ant-select');
    await chooseOption(page, select, text, { typed: false });
  }

  async function api<T>(user: string, method: string, url: string, payload?: unknown): Promise<T> {
    const token = await apiToken(world, user);
    const res = await world.app.inject({ method: method as 'GET', url, headers: { authorization: `Bearer ${token}` }, ...(payload ? { payload } : {}) });
    expect(res.statusCode, res.body).toBeLessThan(300);
    return res.json<T>();
  }

  /** Like support's signIn, with extra browser context options (e.g. a time zone). */
  async function signInWith(username: string, lang: Lang, options: BrowserContextOptions) {
    const context = await world.browser.newContext({ viewport: { width: 1440, height: 900 }, locale: lang === 'en' ? 'en-US' : 'zh-CN', ...options });
    await context.addInitScript((l) => localStorage.setItem('qiao.lang', l), lang);
    const page = await context.newPage();
    page.setDefaultTimeout(30_000);
    await page.goto(`${world.url}/login`);
    await page.getByLabel(lang === 'en' ? 'Username' : '用户名').fill(username);
    await page.getByLabel(lang === 'en' ? 'Password' : '密码').fill('demo');
    await page.getByRole('button', { name: lang === 'en' ? 'Sign in' : '登录' }).click();
    await page.locator('.inbox-tabs').waitFor();
    return { context, page };
  }

  /** A China date as the petition page writes it (dayjs 'LL'). */
  const longDate = (day: string, lang: Lang) => {
    const [y, m, d] = day.split('-').map(Number) as [number, number, number];
    if (lang === 'zh') return `${y}年${m}月${d}日`;
    return new Date(Date.UTC(y, m - 1, d)).toLocaleDateString('en-US', { year: 'numeric', month: 'long', day: 'numeric', timeZone: 'UTC' });
  };

  it('admin adds a place, a unit and a user who can then sign in', async () => {
    const { context, page } = await signIn(world, 'admin');
    await openFromMenu(page, '系统管理', '行政区划', /\/admin\/jurisdictions/);
    await page.locator('.ant-table-row').filter({ hasText: '江屿区' }).first().waitFor();
    await shot(page, 'admin-jurisdictions-zh');
    await expectAccessible(page, 'jurisdictions (zh)');
    await page.getByRole('button', { name: '新增区划' }).click();
    await page.getByLabel('代码', { exact: true }).fill('339902009');
    await choose(page, '上级', '江屿区');
    await page.locator('.ant-modal').getByLabel('名称', { exact: true }).fill('滨江街道');
    await page.locator('.ant-modal').getByRole('button', { name: /确\s*定|OK/ }).click();
    await page.getByText('已保存').first().waitFor();
    await page.locator('.ant-input-search input').fill('滨江');
    await page.locator('.ant-table-row').filter({ hasText: '339902009' }).filter({ hasText: '乡镇街道' }).waitFor();

    await page.goto(`${world.url}/admin/units`);
    await page.locator('.ant-table-row').first().waitFor();
    await page.getByRole('button', { name: '新增单位' }).click();
    await page.getByLabel('单位代码').fill('u-binjiang-office');
    await page.locator('.ant-modal').getByLabel('名称', { exact: true }).fill('滨江街道办事处');
    await choose(page, '辖区', '滨江街道');
    await pick(page, '类型', '乡镇街道');
    await shot(page, 'admin-unit-add-zh');
    await page.locator('.ant-modal').getByRole('button', { name: /确\s*定|OK/ }).click();
    await page.getByText('已保存').first().waitFor();
    await page.locator('.ant-input-search input').fill('滨江');
    await page.locator('.ant-table-row').filter({ hasText: 'u-binjiang-office' }).waitFor();
    await shot(page, 'admin-units-zh');
    await expectAccessible(page, 'units (zh)');

    await page.goto(`${world.url}/admin/users`);
    await page.locator('.ant-table-row').first().waitFor();
    await page.getByRole('button', { name: '新增用户' }).click();
    // Sent empty: each field says it is needed, in words; the password's length is said once (the hint below it).
    const modal = page.locator('.ant-modal');
    await modal.getByRole('button', { name: /确\s*定|OK/ }).click();
    await modal.getByText('请输入用户名', { exact: true }).waitFor();
    await modal.getByText('请设置密码', { exact: true }).waitFor();
    expect(await modal.getByText('a-z 0-9 . _ -').count()).toBe(0);
    await page.getByLabel('用户名').fill('周 敏');
    await page.getByLabel('密码').fill('short');
    await modal.getByText('用户名为 2–64 位英文字母、数字或 . _ -', { exact: true }).waitFor();
    await modal.getByText('密码太短', { exact: true }).waitFor();
    expect(await modal.getByText('至少 8 位').count()).toBe(1);
    await shot(page, 'admin-user-errors-zh');
    await page.getByLabel('用户名').fill('binjiang-clerk');
    await page.getByLabel('姓名').fill('周敏');
    await pick(page, '角色', '信访登记人员');
    await choose(page, '单位', '滨江街道办事处');
    await choose(page, '辖区', '滨江街道');
    await page.getByLabel('密码').fill('binjiang-2026');
    await page.locator('.ant-modal').getByRole('button', { name: /确\s*定|OK/ }).click();
    await page.getByText('已保存').first().waitFor();
    await page.locator('.ant-input-search input').fill('binjiang');
    const row = page.locator('.ant-table-row').filter({ hasText: 'binjiang-clerk' });
    await row.filter({ hasText: '周敏' }).filter({ hasText: '信访登记人员' }).filter({ hasText: '滨江街道办事处' }).waitFor();
    await shot(page, 'admin-users-zh');
    await expectAccessible(page, 'users (zh)');
    await context.close();

    // The new clerk signs in with the password the admin set, at the new unit.
    const login = await world.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'binjiang-clerk', password: 'binjiang-2026' } });
    expect(login.statusCode, login.body).toBe(200);
    const me = await world.app.inject({ method: 'GET', url: '/api/workbench/context', headers: { authorization: `Bearer ${login.json<{ token: string }>().token}` } });
    expect(me.json()).toMatchObject({ user: { role: 'clerk' }, unit: { id: 'u-binjiang-office', name: '滨江街道办事处' }, jurisdiction: { code: '339902009' } });
  });

  it('admin switches day counting to working days and the petition page shows the later deadline', async () => {
    const list = await api<{ items: { id: string }[] }>('clerk', 'GET', '/api/petitions?status=registered&limit=1');
    const id = list.items[0]!.id;
    const routeDue = async () =>
      (await api<{ clocks: { name: string; due: string }[] }>('clerk', 'GET', `/api/petitions/${id}`)).clocks.find((c) => c.name === 'route')!.due;
    const before = await routeDue();

    const clerk = await signIn(world, 'clerk');
    await clerk.page.goto(`${world.url}/petitions/${id}`);
    await clerk.page.locator('.clock-list').getByText(longDate(before, 'zh'), { exact: false }).waitFor();

    const { context, page } = await signIn(world, 'admin');
    await page.goto(`${world.url}/admin/settings`);
    await page.locator('.ant-radio-wrapper-checked').filter({ hasText: '自然日' }).waitFor();
    await shot(page, 'admin-settings-zh');
    await expectAccessible(page, 'settings (zh)');
    await page.getByText('工作日', { exact: true }).click();
    await page.getByText('已保存').first().waitFor();
    await page.locator('.ant-radio-wrapper-checked').filter({ hasText: '工作日' }).waitFor();
    await page.reload();
    await page.locator('.ant-radio-wrapper-checked').filter({ hasText: '工作日' }).waitFor();
    await shot(page, 'admin-settings-working-zh');

    // Fifteen working days end later than fifteen calendar days; the clerk sees the new date.
    const after = await routeDue();
    expect(after > before, `${before} → ${after}`).toBe(true);
    await clerk.page.reload();
    await clerk.page.locator('.clock-list').getByText(longDate(after, 'zh'), { exact: false }).waitFor();
    expect(await clerk.page.locator('.clock-list').innerText()).not.toContain(longDate(before, 'zh'));
    await shot(clerk.page, 'clerk-deadline-working-days-zh');
    await clerk.context.close();

    // Back to calendar days for the rest of the file.
    await page.getByText('自然日', { exact: true }).click();
    await page.getByText('已保存').first().waitFor();
    expect(await routeDue()).toBe(before);
    await context.close();
  });

  it('the admin pages work in English and stay accessible', async () => {
    const { context, page } = await signIn(world, 'admin', 'en');
    for (const [path, heading, name] of [
      ['jurisdictions', 'Jurisdictions', 'admin-jurisdictions-en'],
      ['units', 'Units', 'admin-units-en'],
      ['users', 'Users', 'admin-users-en'],
      ['settings', 'Clocks & holidays', 'admin-settings-en'],
    ] as const) {
      await page.goto(`${world.url}/admin/${path}`);
      await page.getByRole('heading', { name: heading, level: 1 }).waitFor();
      if (path !== 'settings') await page.locator('.ant-table-row').first().waitFor();
      else await page.getByRole('radio', { name: 'Calendar days' }).waitFor();
      await shot(page, name);
      await expectAccessible(page, `${path} (en)`);
    }
    // Every menu label shows whole (Clocks & holi…, API keys and … were cut off under the submenu's indent).
    const cut = await page.locator('.app-sider .ant-menu-title-content').evaluateAll((els) =>
      els.filter((e) => e.scrollWidth > e.clientWidth + 1 || e.getBoundingClientRect().right > e.closest('.app-sider')!.getBoundingClientRect().right).map((e) => e.textContent),
    );
    expect(await page.locator('.app-sider .ant-menu-title-content').allInnerTexts()).toEqual(
      expect.arrayContaining(['Clocks & holidays', 'API keys and webhooks']),
    );
    expect(cut).toEqual([]);
    // The apostrophe (U+2019) is a Latin one, not a CJK font's full-width glyph: narrower than half an em.
    const widths = await page.locator('.app-content').evaluate((root) => {
      const span = document.createElement('span');
      root.appendChild(span);
      const width = (text: string) => ((span.textContent = text), span.getBoundingClientRect().width);
      const r = { apostrophe: width('’'), em: parseFloat(getComputedStyle(span).fontSize) };
      span.remove();
      return r;
    });
    expect(widths.apostrophe).toBeLessThan(widths.em / 2);
    await context.close();
  });

  it('clerk registers a letter with a scanned page (PNG) and a PDF, and previews both on the petition page', async () => {
    const { context, page } = await signIn(world, 'clerk');
    await openFromMenu(page, '登记信访', '来信', /\/intake\/letter/);
    await page.locator('#intake-letter_title').fill('反映临江街道老旧小区加装电梯补贴未兑现');
    await page.locator('#intake-letter_content').fill('我们小区去年完成加装电梯，按政策应发放补贴，至今未到位，附上申请表和街道回执。');
    await choose(page, '领域', '城建');
    await choose(page, '发生地', '临江街道');
    await page
      .locator('.intake-letter input[type=file]')
      .setInputFiles([
        { name: '来信扫描-第1页.png', mimeType: 'image/png', buffer: png(240, 90) },
        { name: '补贴申请表.pdf', mimeType: 'application/pdf', buffer: pdf('Subsidy application form') },
      ]);
    await page.locator('.ant-upload-list-item').filter({ hasText: '补贴申请表.pdf' }).waitFor();
    await page.locator('#intake-letter_petitioners_0_name').fill('孙立华');
    await shot(page, 'clerk-intake-letter-scans-zh');
    await expectAccessible(page, 'letter intake (zh)');
    await page.getByRole('button', { name: '登记', exact: true }).click();
    await page.getByText('查询码只显示这一次').waitFor();
    await page.getByRole('button', { name: '打开信访件' }).click();
    await page.waitForURL(/\/petitions\//);
    letter.id = page.url().split('/petitions/')[1];

    const detail = await api<{ channel: string; attachments: { filename: string; mime: string }[] }>('clerk', 'GET', `/api/petitions/${letter.id}`);
    expect(detail.channel).toBe('letter');
    expect(new Map(detail.attachments.map((a) => [a.filename, a.mime]))).toEqual(
      new Map([
        ['来信扫描-第1页.png', 'image/png'],
        ['补贴申请表.pdf', 'application/pdf'],
      ]),
    );

    const item = (name: string) => page.locator('.ant-list-item').filter({ hasText: name });
    await item('来信扫描-第1页.png').getByRole('button', { name: '预览' }).click();
    const img = page.locator('.ant-modal img.image-preview');
    await img.waitFor();
    await expect.poll(() => img.evaluate((el) => (el as HTMLImageElement).naturalWidth), { timeout: 30_000 }).toBe(240);
    await shot(page, 'petition-preview-image-zh');
    await page.keyboard.press('Escape');
    await img.waitFor({ state: 'detached' });

    await item('补贴申请表.pdf').getByRole('button', { name: '预览' }).click();
    const frame = page.locator('.ant-modal iframe.pdf-frame');
    await frame.waitFor();
    const src = (await frame.getAttribute('src')) ?? '';
    expect(src).toMatch(/^blob:/);
    const blob = await page.evaluate(async (u) => {
      const b = await (await fetch(u)).blob();
      return { type: b.type, head: await b.slice(0, 5).text() };
    }, src);
    expect(blob).toEqual({ type: 'application/pdf', head: '%PDF-' });
    expect(await frame.getAttribute('title')).toBe('补贴申请表.pdf');
    await page.waitForTimeout(500); // the PDF viewer draws the page
    await shot(page, 'petition-preview-pdf-zh');
    await page.keyboard.press('Escape');
    await context.close();
  });

  it('prints the petition as a clean record: facts and history, no navigation or actions', async () => {
    const { context, page } = await signIn(world, 'clerk');
    await page.goto(`${world.url}/petitions/${letter.id}`);
    await page.locator('[data-command="assign"]').waitFor();
    await page.emulateMedia({ media: 'print' });
    for (const hidden of ['.app-header', '.app-sider', '.command-panel', '[data-command="assign"]', '.skip-link'])
      expect(await page.locator(hidden).first().isHidden(), `${hidden} hidden in print`).toBe(true);
    expect(await page.getByRole('button', { name: '打印' }).isHidden()).toBe(true);
    expect(await page.getByRole('button', { name: '返回' }).isHidden()).toBe(true);
    expect(await page.getByRole('button', { name: '查看完整信息' }).isHidden()).toBe(true);
    // A print header (time of printing, issuing office) shows on paper only.
    expect(await page.evaluate(() => [...document.querySelectorAll('.print-only')].some((el) => getComputedStyle(el).display !== 'none'))).toBe(true);
    await page.getByRole('heading', { name: '反映临江街道老旧小区加装电梯补贴未兑现' }).waitFor();
    expect(await page.getByText('我们小区去年完成加装电梯').isVisible()).toBe(true);
    expect(await page.locator('.ant-timeline').isVisible()).toBe(true);
    expect(await page.locator('.ant-timeline-item').count()).toBeGreaterThan(0);
    expect(await page.locator('.clock-list').isVisible()).toBe(true);
    await shot(page, 'petition-print-zh');
    await page.emulateMedia({ media: 'screen' });
    expect(await page.locator('.command-panel').isVisible()).toBe(true);
    await context.close();
  });

  it('shows event times in China time on a computer set to New York', async () => {
    const { context, page } = await signInWith('clerk', 'zh', { timezoneId: 'America/New_York' });
    expect(await page.evaluate(() => Intl.DateTimeFormat().resolvedOptions().timeZone)).toBe('America/New_York');
    const detail = await api<{ timeline: { at: string }[] }>('clerk', 'GET', `/api/petitions/${letter.id}`);
    const at = detail.timeline[0]!.at;
    expect(at).toBe('2026-06-15T02:00:00.000Z'); // 10:00 in Beijing, 22:00 the evening before in New York
    expect(await page.evaluate((x) => new Date(x).getHours(), at)).toBe(22);
    await page.goto(`${world.url}/petitions/${letter.id}`);
    const when = page.locator('.tl-when').first();
    await when.waitFor();
    expect(await when.innerText()).toContain('2026/06/15 10:00');
    expect(await page.locator('.petition').innerText()).not.toContain('22:00');
    await shot(page, 'petition-timeline-new-york-zh');
    await context.close();
  });

  it('registers a hotline call from the keyboard alone', async () => {
    const { context, page } = await signIn(world, 'clerk');
    await page.goto(`${world.url}/intake/hotline`);
    const focused = () => page.evaluate(() => document.activeElement?.id ?? '');
    /** Press Tab until the field with this id has the focus (a few presses at most). */
    const tabTo = async (id: string, most = 12) => {
      for (let i = 0; i < most && (await focused()) !== id; i++) await page.keyboard.press('Tab');
      expect(await focused()).toBe(id);
    };
    await expect.poll(focused, { timeout: 30_000 }).toBe('intake-hotline_petitioners_0_name');
    await page.keyboard.type('钱桂英');
    await page.keyboard.press('Tab');
    expect(await focused()).toBe('intake-hotline_petitioners_0_phone');
    await page.keyboard.type('13600002222');
    await tabTo('intake-hotline_title');
    await page.keyboard.type('小区门口夜间施工噪音扰民');
    await page.keyboard.press('Tab');
    expect(await focused()).toBe('intake-hotline_content');
    await page.keyboard.type('来电反映锦屏街道某工地连续一周夜间十一点后仍在施工，噪音很大，影响老人孩子休息。');
    await tabTo('intake-hotline_domain');
    await page.keyboard.type('生态');
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: '生态环境' }).waitFor();
    await page.keyboard.press('Enter');
    // As a user sees the list close before moving on: Tab while it is still closing stays in the select.
    await expect.poll(() => page.locator('.ant-select-dropdown:visible').count(), { timeout: 10_000 }).toBe(0);
    await tabTo('intake-hotline_jurisdictionCode');
    await page.keyboard.type('锦屏街道');
    await page.locator('.ant-select-dropdown:visible').getByText('锦屏街道').first().waitFor();
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('.ant-select').filter({ has: page.locator('#intake-hotline_jurisdictionCode') }).innerText(), { timeout: 30_000 }).toContain('锦屏街道');
    await shot(page, 'clerk-hotline-keyboard-zh');
    await page.keyboard.press('Control+Enter');
    await page.getByText('查询码只显示这一次').waitFor();
    const code = (await page.locator('.intake-done .mono').first().innerText()).trim();
    const found = await api<{ items: { id: string }[] }>('clerk', 'GET', `/api/petitions?text=${code}`);
    const id = found.items[0]!.id;
    const detail = await api<{ trackingCode: string; channel: string; domain: string; jurisdictionCode: string; title: string }>('clerk', 'GET', `/api/petitions/${id}`);
    expect(detail).toMatchObject({ trackingCode: code, channel: 'hotline', domain: 'environment', jurisdictionCode: '339902004', title: '小区门口夜间施工噪音扰民' });
    const people = await api<{ petitioners: { name: string; phone: string }[] }>('clerk', 'POST', `/api/petitions/${id}/petitioners/reveal`, { reason: '核对电话登记内容' });
    expect(people.petitioners[0]).toMatchObject({ name: '钱桂英', phone: '13600002222' });
    await context.close();
  });

  it('checks an ID card number as the server does, and says what is wrong in words, not a field path', async () => {
    const { context, page } = await signIn(world, 'clerk');
    await page.goto(`${world.url}/intake/hotline`);
    const id = page.locator('#intake-hotline_petitioners_0_idCard');
    await id.waitFor();
    // 18 characters, a real birth date, the wrong check character (the server's GB 11643 checksum refuses it).
    await id.fill('33990219800101123X');
    await id.blur();
    const error = page.locator('.ant-form-item').filter({ has: id }).locator('.ant-form-item-explain-error');
    await expect.poll(() => error.innerText(), { timeout: 10_000 }).toContain('校验位');
    expect(await error.innerText()).not.toContain('petitioners');
    await id.fill('110101199003076632');
    await id.blur();
    await expect.poll(() => error.count(), { timeout: 10_000 }).toBe(0);
    await context.close();
  });

  it('a proxy agent has one intake form (filed as proxy), without channel tabs', async () => {
    const { context, page } = await signIn(world, 'agent');
    const intake = page.getByRole('menuitem', { name: '登记信访' });
    await intake.waitFor();
    expect(await page.locator('.app-sider .ant-menu-submenu').count()).toBe(0);
    expect(await page.getByRole('menuitem', { name: '来访' }).count()).toBe(0);
    await page.keyboard.press('n');
    await page.waitForURL(/\/intake\/proxy$/);
    await page.getByRole('heading', { name: '代理登记信访事项' }).waitFor();
    expect(await page.locator('.intake .ant-tabs').count()).toBe(0);
    // A channel the server would override anyway leads back to the one form.
    await page.goto(`${world.url}/intake/visit`);
    await page.waitForURL(/\/intake\/proxy$/);
    await expect.poll(() => page.evaluate(() => document.activeElement?.id), { timeout: 30_000 }).toBe('intake-proxy_petitioners_0_name');
    await page.keyboard.type('吴大伯');
    await page.locator('#intake-proxy_title').fill('村道破损多年未修');
    await page.locator('#intake-proxy_content').fill('临江街道某社区通往菜场的道路坑洼，雨天积水，老人多次摔倒，请求修缮。');
    await choose(page, '领域', '城建');
    await choose(page, '发生地', '临江街道');
    await page.getByLabel('信访人已同意由我代为提交，并同意处理其个人信息').check();
    await shot(page, 'agent-intake-proxy-zh');
    await expectAccessible(page, 'proxy intake (zh)');
    await page.getByRole('button', { name: '登记', exact: true }).click();
    await page.getByText('查询码只显示这一次').waitFor();
    const code = (await page.locator('.intake-done .mono').first().innerText()).trim();
    const found = await api<{ items: { channel: string; trackingCode: string }[] }>('clerk', 'GET', `/api/petitions?text=${code}`);
    expect(found.items).toEqual([expect.objectContaining({ trackingCode: code, channel: 'proxy' })]);
    await context.close();
  });

  it('masks the petitioner in the petition’s words until the clerk reveals them, with a reason', async () => {
    const content = '本人周建国，电话13912345678，在工地干活被拖欠工资八千元，请帮忙讨要。';
    const p = await api<{ id: string }>('clerk', 'POST', '/api/petitions', {
      channel: 'letter', category: 'claim', domain: 'labor', title: '周建国反映拖欠工资', content, jurisdictionCode: '339900',
      petitioners: [{ name: '周建国', phone: '13912345678' }],
    });
    const { context, page } = await signIn(world, 'clerk');
    await page.goto(`${world.url}/petitions/${p.id}`);
    await page.getByRole('heading', { name: '周**反映拖欠工资' }).waitFor();
    await page.getByText('本人周**，电话139****5678，在工地干活被拖欠工资八千元，请帮忙讨要。', { exact: true }).waitFor();
    await page.getByText('信访内容中信访人的姓名、电话、证件号等已遮蔽', { exact: false }).waitFor();
    expect(await page.content()).not.toContain('周建国');
    await page.getByRole('button', { name: '查看完整信息' }).click();
    await page.getByLabel('查看原因（将记入审计）').fill('电话联系信访人核实欠薪金额');
    await page.getByRole('dialog').getByRole('button', { name: /查\s*看|确\s*定|OK/ }).last().click();
    await page.getByText(content, { exact: true }).waitFor();
    await page.getByRole('heading', { name: '周建国反映拖欠工资' }).waitFor();
    expect(await page.getByText('信访内容中信访人的姓名、电话、证件号等已遮蔽', { exact: false }).count()).toBe(0);
    await shot(page, 'petition-words-revealed-zh');
    await context.close();
  });

  it('as a clerk sees them: the inbox and a routed petition', async () => {
    const { context, page } = await signIn(world, 'clerk');
    await page.locator('.ant-table-row').first().waitFor();
    await shot(page, 'clerk-inbox-overview-zh');
    const list = await api<{ items: { id: string }[] }>('clerk', 'GET', '/api/petitions?status=accepted&limit=1');
    await page.goto(`${world.url}/petitions/${list.items[0]!.id}`);
    await page.getByRole('heading', { name: '办理经过' }).waitFor();
    await shot(page, 'clerk-petition-accepted-zh');
    await context.close();
  });
});
