import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiToken, browserAvailable, chooseOption, shot, signIn, startWorld, type World } from './support';

/**
 * A reviewer's walk through the workbench: an accusation registered with only the accused unit picked keeps that
 * unit (shown on the petition, never offered to receive it); a supervision notice's deadline reads as its kind,
 * not as its internal name; a handler lands on a tab that holds work.
 */
describe.skipIf(!browserAvailable)('the accused unit, deadline names and the landing tab', () => {
  let world: World;
  const accusation: { id?: string } = {};
  const ACCUSED = '江屿区住房和城乡建设局';
  /** The core's clock names (packages/core/src/petition/clocks.ts), as they would show without a label. */
  const RAW_CLOCK_NAMES = [
    'route',
    'receiptNotice',
    'objection',
    'handling',
    'jointConference',
    'reviewRequest',
    'review',
    'reReviewRequest',
    'reReview',
    'supervision',
  ];

  beforeAll(async () => {
    world = await startWorld();
  });
  afterAll(async () => {
    await world?.close();
  });

  async function api<T>(
    user: string,
    method: 'GET' | 'POST',
    url: string,
    payload?: unknown,
  ): Promise<{ status: number; body: T }> {
    const res = await world.app.inject({
      method,
      url,
      payload: payload as never,
      headers: { authorization: `Bearer ${await apiToken(world, user)}` },
    });
    return { status: res.statusCode, body: res.json<T>() };
  }

  it('registers an accusation naming only the accused unit; the petition shows it and never offers it to receive the case (zh)', async () => {
    const { context, page } = await signIn(world, 'clerk');
    await page.goto(`${world.url}/intake/hotline`);
    await page.locator('input[id="intake-hotline_petitioners_0_name"]').fill('周建国');
    await page.getByLabel('事由（一句话概括）').fill('举报江屿区住房和城乡建设局工作人员收受开发商好处');
    await page
      .getByLabel('来电内容')
      .fill('来电反映江屿区住房和城乡建设局某工作人员在办理预售许可时收受开发商好处。');
    await page.locator('.ant-radio-button-wrapper').filter({ hasText: '检举控告类' }).click();
    await chooseOption(page, page.getByLabel('领域', { exact: true }), '房地产');
    await chooseOption(page, page.getByLabel('被反映单位（属本系统单位时选择）', { exact: true }), ACCUSED);
    await page.getByText('被检举控告单位，不可交办').waitFor();
    await chooseOption(page, page.getByLabel('发生地', { exact: true }), '江屿区');
    expect(await page.getByLabel('被反映对象', { exact: true }).inputValue()).toBe('');
    await shot(page, 'accusation-unit-only-intake-zh');
    await page.getByRole('button', { name: '登记', exact: true }).click();
    await page.getByText('查询码只显示这一次').waitFor();
    await page.getByRole('button', { name: '打开信访件' }).click();
    await page.waitForURL(/\/petitions\//);
    accusation.id = page.url().split('/petitions/')[1];

    // The unit was saved: the page names it, and the API has it as the respondent unit.
    const facts = page.locator('.ant-descriptions-item').filter({ hasText: '被反映对象' });
    await expect.poll(() => facts.innerText()).toContain(ACCUSED);
    const detail = await api<{
      category: string;
      respondent: { name: string; unitId: string | null } | null;
    }>('clerk', 'GET', `/api/petitions/${accusation.id}`);
    expect(detail.body.category).toBe('accusation');
    expect(detail.body.respondent).toMatchObject({ name: ACCUSED, unitId: expect.any(String) });
    const accusedId = detail.body.respondent!.unitId!;

    // The assign picker shows the accused unit disabled; choosing it selects nothing.
    await page.locator('[data-command="assign"]').click();
    const picker = page.locator('.command-form').getByLabel('承办单位', { exact: true });
    await picker.click();
    await picker.fill('江屿区住房');
    const option = page
      .locator('.ant-select-dropdown:visible .ant-select-item-option')
      .filter({ hasText: ACCUSED });
    await option.waitFor();
    expect(await option.getAttribute('class')).toContain('ant-select-item-option-disabled');
    expect(await option.getAttribute('title')).toBe('被检举控告单位，不可交办');
    await shot(page, 'accusation-assign-picker-zh');
    await option.click({ force: true });
    await page.keyboard.press('Escape');
    const chosen = await picker.evaluate(
      (el) => el.closest('.ant-select')?.querySelector('.ant-select-selection-item')?.textContent ?? '',
    );
    expect(chosen).not.toContain(ACCUSED);

    // The server refuses it too.
    const refused = await api<{ error: string }>('clerk', 'POST', `/api/petitions/${accusation.id}/assign`, {
      unitId: accusedId,
      expectedVersion: 1,
    });
    expect(refused.status).toBe(422);
    expect(refused.body.error).toBe('accusedUnit');

    // Another unit takes it.
    await chooseOption(page, picker, '青川市人力资源和社会保障局');
    await page.locator('.command-form button[type="submit"]').click();
    await page.getByText('交办至青川市人力资源和社会保障局').waitFor();
    await context.close();
  });

  it('names a supervision notice’s deadline as the supervision answer deadline, in Chinese and in English', async () => {
    const version = (await api<{ version: number }>('supervisor', 'GET', `/api/petitions/${accusation.id}`))
      .body.version;
    const supervised = await api('supervisor', 'POST', `/api/petitions/${accusation.id}/supervise`, {
      reason: 'improper',
      note: '请按期书面答复督办事项。',
      answerDays: 10,
      expectedVersion: version,
    });
    expect(supervised.status, JSON.stringify(supervised.body)).toBe(200);

    for (const [lang, label, other] of [
      ['zh', '督办答复期限', '转送交办期限'],
      ['en', 'Supervision answer', 'Routing'],
    ] as const) {
      const { context, page } = await signIn(world, 'clerk', lang);
      await page.goto(`${world.url}/petitions/${accusation.id}`);
      const names = page.locator('.deadlines .clock-list li strong');
      await names.first().waitFor();
      await expect.poll(() => names.allInnerTexts()).toContain(label);
      const all = await names.allInnerTexts();
      expect(all).toContain(other);
      // Every clock reads as words: no internal name (supervision:<id>, or a bare key) is shown.
      for (const n of all) {
        expect(n).not.toContain(':');
        expect(RAW_CLOCK_NAMES).not.toContain(n);
      }
      await shot(page, `petition-supervision-deadline-${lang}`);
      await context.close();
    }
  });
});
