import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { join } from 'node:path';
import { apiToken, browserAvailable, screenshots, seriousViolations, shot, signIn, startWorld, type World, chooseOption } from './support';

/**
 * Issue 6 at intake, in a real browser: as the clerk types a wage-arrears letter, the workbench suggests labour
 * (with the words behind it), the units it would go to, and the earlier petition about the same matter; the clerk
 * takes the suggestion with one click, names the earlier petition as the one this repeats, and registers it.
 */
describe.skipIf(!browserAvailable)('intake suggestions', () => {
  let world: World;
  let token = '';
  const earlier = { id: '', code: '' };
  const title = '反映锦程装饰公司拖欠装修工人工资';
  const content =
    '我们是锦程装饰工程有限公司在翠湖苑小区的装修工人，公司拖欠我们三个月工资共计八万多元，上次反映后仍未支付，请求劳动部门督促公司尽快支付工资。';

  beforeAll(async () => {
    world = await startWorld({ petitions: 120 });
    token = await apiToken(world, 'clerk');
    const res = await world.app.inject({
      method: 'POST',
      url: '/api/petitions',
      headers: { authorization: `Bearer ${token}` },
      payload: {
        channel: 'letter',
        category: 'claim',
        domain: 'labor',
        title: '反映锦程装饰公司拖欠工资',
        content: '我们是锦程装饰工程有限公司在翠湖苑小区的装修工人，公司拖欠我们三个月工资共计八万六千元，多次讨要无果，请求劳动部门督促支付。',
        respondent: { name: '青川市锦程装饰工程有限公司' },
        jurisdictionCode: '339902',
        receivedOn: '2026-05-20',
        petitioners: [{ name: '赵刚', phone: '13700001111' }],
      },
    });
    if (res.statusCode !== 201) throw new Error(res.body);
    const r = res.json<{ id: string; trackingCode: string }>();
    Object.assign(earlier, { id: r.id, code: r.trackingCode });
  });
  afterAll(async () => {
    await world?.close();
  });

  async function expectAccessible(page: Page, what: string) {
    const violations = await seriousViolations(page);
    expect(violations, `${what}: ${JSON.stringify(violations, null, 2)}`).toEqual([]);
  }

  async function choose(page: Page, id: string, text: string) {
    await chooseOption(page, page.locator(`#${id}`), text);
  }

  const api = async <T,>(url: string) =>
    (await world.app.inject({ url, headers: { authorization: `Bearer ${token}` } })).json<T>();

  it('suggests labour and the earlier petition as the clerk types; one click fills each; the petition is registered as a repeat (zh)', async () => {
    const { context, page } = await signIn(world, 'clerk');
    await page.goto(`${world.url}/intake/letter`);
    const panel = page.getByTestId('intake-suggestions');
    await panel.getByText('填写事由和信访内容后').waitFor(); // nothing asked before there is text

    await page.locator('#intake-letter_title').fill(title);
    await page.locator('#intake-letter_content').fill(content);
    await panel.getByTestId('suggested-domain').filter({ hasText: '劳动保障' }).waitFor();
    await panel.getByText('依据的词语').waitFor();
    // A kind of words in plain words, with the petition's words it found; no internal label (劳动用语).
    const words = await panel.locator('.intake-suggest-word').allInnerTexts();
    expect(words.some((w) => w.startsWith('含劳动用工用语：')), words.join(' | ')).toBe(true);
    expect(words.filter((w) => /^[^：]*用语$/.test(w))).toEqual([]);
    // Each word once, and the labour words that count most first: 工资 in a letter about unpaid wages.
    expect(words[0], words.join(' | ')).toMatch(/^含劳动用工用语：工资/);
    const named = words.flatMap((w) => (w.includes('：') ? w.slice(w.indexOf('：') + 1).split('、') : [w]));
    expect(new Set(named).size, words.join(' | ')).toBe(named.length);
    await panel.getByText('属事：', { exact: true }).waitFor(); // the label (the reason says 属事负责 too)
    // The subject unit's reason is a sentence like the territorial one's, without an internal bracket (单位职能，…).
    const subject = await panel.locator('.intake-suggest-unit').filter({ hasText: '属事：' }).innerText();
    expect(subject).toMatch(/领域为“劳动保障（欠薪）”，由主管部门.+属事负责$/);
    expect(subject.replace('（欠薪）', ''), subject).not.toMatch(/[（）]/);
    // Suggested, not applied: the domain is still the clerk's to choose.
    expect(await page.locator('#intake-letter_domain').inputValue()).toBe('');
    const domainField = page.locator('.ant-form-item-control').filter({ has: page.locator('#intake-letter_domain') }).last();
    expect(await domainField.innerText()).not.toContain('劳动保障');

    const item = panel.getByTestId(`intake-similar-${earlier.code}`);
    await item.waitFor();
    const score = Number(/\d+/.exec((await item.getByText(/^同一事项可能性 \d+%$/).textContent()) ?? '')?.[0]);
    expect(score).toBeGreaterThan(0);
    expect(score).toBeLessThanOrEqual(100);
    expect(await item.textContent()).not.toContain('赵刚'); // nothing of that petition's petitioner
    expect(await item.textContent()).not.toContain('13700001111');
    await shot(page, 'intake-suggestions-zh');
    await panel.screenshot({ path: join(screenshots, 'intake-suggestions-panel-zh.png') }); // the panel alone, without the sticky action bar
    await expectAccessible(page, 'intake with suggestions (zh)');

    await choose(page, 'intake-letter_jurisdictionCode', '江屿区');
    await page.locator('#intake-letter_petitioners_0_name').fill('孙强');
    await panel.getByRole('button', { name: '采用此分类' }).click();
    await panel.getByText('已采用').waitFor();
    await expect.poll(() => domainField.innerText()).toContain('劳动保障');

    await item.getByRole('button', { name: '这是该件的重复信访' }).click();
    await item.getByText('已标记：本件重复该件').waitFor();
    expect(await page.locator('#intake-letter_repeatOf').inputValue()).toBe(earlier.code);

    await shot(page, 'intake-suggestions-accepted-zh');
    // The focus is on the suggestions' button just clicked, outside the form: Ctrl+Enter still sends it.
    await page.keyboard.press('Control+Enter');
    await page.getByText('查询码只显示这一次').waitFor();
    const code = (await page.locator('.intake-done .mono').first().innerText()).trim();
    await context.close();

    // Through the API: registered as a repeat of the earlier petition, with the suggestion's labels.
    const found = await api<{ items: { id: string; trackingCode: string }[] }>(`/api/petitions?text=${code}`);
    const id = found.items.find((p) => p.trackingCode === code)!.id;
    const detail = await api<{ repeatOf: string | null; domain: string; category: string; litigationRelated: boolean }>(`/api/petitions/${id}`);
    expect(detail.repeatOf).toBe(earlier.id);
    const suggested = (
      await world.app.inject({ method: 'POST', url: '/api/analysis/suggest', headers: { authorization: `Bearer ${token}` }, payload: { title, text: content } })
    ).json<{ classification: { domain: string; category: string; litigationRelated: boolean } }>().classification;
    expect(suggested.domain).toBe('labor');
    expect({ domain: detail.domain, category: detail.category, litigationRelated: detail.litigationRelated }).toEqual({
      domain: suggested.domain,
      category: suggested.category,
      litigationRelated: suggested.litigationRelated,
    });
  });

  it('works from the keyboard and reads in English; undoing the repeat mark clears the field', async () => {
    const { context, page } = await signIn(world, 'clerk', 'en');
    await page.goto(`${world.url}/intake/letter`);
    const panel = page.getByTestId('intake-suggestions');
    await page.locator('#intake-letter_title').fill(title);
    await page.locator('#intake-letter_content').fill(content);
    await panel.getByTestId('suggested-domain').filter({ hasText: /Labou?r/ }).waitFor();
    // The kind of words in English; the petition's own words quoted as written.
    const words = await panel.locator('.intake-suggest-word').allInnerTexts();
    expect(words.some((w) => w.startsWith('Labour words: ')), words.join(' | ')).toBe(true);
    for (const w of words) expect(w.split(': ')[0], w).not.toMatch(/用语|[，、：]/);
    expect(words[0], words.join(' | ')).toMatch(/^Labour words: 工资/);
    const named = words.flatMap((w) => (w.includes(': ') ? w.slice(w.indexOf(': ') + 2).split(', ') : [w]));
    expect(new Set(named).size, words.join(' | ')).toBe(named.length);
    const subject = await panel.locator('.intake-suggest-unit').filter({ hasText: 'By remit: ' }).innerText();
    expect(subject).toMatch(/The domain is "Labou?r & wages"; .+ is the department responsible for that field$/);
    expect(subject, subject).not.toMatch(/[()（）]/);
    const use = panel.getByRole('button', { name: 'Use this classification' });
    await use.focus();
    await page.keyboard.press('Enter');
    await panel.getByText('In use').waitFor();

    const mark = panel.getByTestId(`intake-similar-${earlier.code}`).getByRole('button', { name: 'This is a repeat of it' });
    await mark.focus();
    await page.keyboard.press('Enter');
    expect(await page.locator('#intake-letter_repeatOf').inputValue()).toBe(earlier.code);
    await shot(page, 'intake-suggestions-en');
    await panel.screenshot({ path: join(screenshots, 'intake-suggestions-panel-en.png') });
    await expectAccessible(page, 'intake with suggestions (en)');
    const undo = panel.getByTestId(`intake-similar-${earlier.code}`).getByRole('button', { name: 'Undo' });
    await undo.focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('#intake-letter_repeatOf').inputValue()).toBe('');
    await context.close();
  });
});
