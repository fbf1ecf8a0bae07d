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

  it('names every unit an accusation’s words accuse on the petition, and offers none of them to receive it (zh, en)', async () => {
    const SECOND = '江屿区人力资源和社会保障局';
    const registered = await api<{ id: string }>('clerk', 'POST', '/api/petitions', {
      channel: 'letter',
      category: 'accusation',
      domain: 'housing',
      title: '举报江屿区住房和城乡建设局与江屿区人力资源和社会保障局互相推诿',
      content: '江屿区住房和城乡建设局和江屿区人力资源和社会保障局对工地欠薪互相推诿，我多次到青川市信访局反映。',
      jurisdictionCode: '339900',
      respondent: { name: ACCUSED },
      petitioners: [{ name: '周建国' }],
    });
    expect(registered.status, JSON.stringify(registered.body)).toBe(201);
    for (const [lang, label, accusedTitle] of [
      ['zh', '被检举控告单位（不得交其办理）', '被检举控告单位，不可交办'],
      ['en', 'Accused units (never to handle it)', 'Accused unit: cannot receive it'],
    ] as const) {
      const { context, page } = await signIn(world, 'clerk', lang);
      await page.goto(`${world.url}/petitions/${registered.body.id}`);
      const item = page.locator('.ant-descriptions-item').filter({ hasText: label });
      await expect.poll(() => item.innerText()).toContain(ACCUSED);
      expect(await item.innerText()).toContain(SECOND);
      await page.locator('[data-command="assign"]').click();
      const picker = page.locator('.command-form input[id$="unitId"]');
      for (const name of [ACCUSED, SECOND]) {
        await picker.click();
        await picker.fill(name.slice(0, 6));
        const option = page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: name });
        await option.waitFor();
        expect(await option.getAttribute('class')).toContain('ant-select-item-option-disabled');
        expect(await option.getAttribute('title')).toBe(accusedTitle);
        if (name === SECOND) await shot(page, `accusation-two-units-${lang}`);
        await page.keyboard.press('Escape');
      }
      await context.close();
    }
  });

  it('offers no unit an accusation accuses as its backlog ledger entry’s responsible unit', async () => {
    const created = await api<{ id: string }>('clerk', 'POST', '/api/ledgers', { name: '检举控告积案' });
    expect(created.status).toBe(201);
    const code = (await api<{ trackingCode: string }>('clerk', 'GET', `/api/petitions/${accusation.id}`)).body.trackingCode;
    const { context, page } = await signIn(world, 'clerk');
    await page.goto(`${world.url}/ledgers/${created.body.id}`);
    await page.getByRole('button', { name: '添加积案' }).click();
    const add = page.getByRole('dialog');
    const search = add.getByLabel('信访事项');
    await search.click();
    await search.fill(code);
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: code }).first().click();
    // The unit handling it now is the default; the accused unit is shown disabled.
    await add.locator('.ant-select-content').filter({ hasText: '青川市人力资源和社会保障局' }).waitFor();
    const picker = add.getByLabel('责任单位', { exact: true });
    await picker.click();
    await picker.fill('江屿区住房');
    // (The petition search's list, naming the unit in the petition's title, may still be closing.)
    const option = page
      .locator('.ant-select-dropdown:visible .ant-select-item-option:not([title*=" "])')
      .filter({ hasText: ACCUSED });
    await option.waitFor();
    await expect.poll(() => option.getAttribute('class')).toContain('ant-select-item-option-disabled');
    expect(await option.getAttribute('title')).toBe('被检举控告单位，不可作为责任单位');
    await shot(page, 'accusation-ledger-picker-zh');
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

  it('lands a handler on the first to-do tab that holds petitions; a tab named in the URL or clicked is kept', async () => {
    // One petition for the handler's unit to handle, and their first tab (to notify / accept) emptied by
    // accepting what waits there: the landing has to move past it.
    const { body: ctx } = await api<{ user: { unitId: string }; tabs: { key: string }[] }>(
      'handler',
      'GET',
      '/api/workbench/context',
    );
    const registered = await api<{ id: string; version: number }>('clerk', 'POST', '/api/petitions', {
      channel: 'letter',
      category: 'claim',
      domain: 'labor',
      title: '反映某公司拖欠三个月工资',
      content: '我在某公司工作，公司拖欠三个月工资，多次讨要未果。',
      jurisdictionCode: '339900',
      petitioners: [{ name: '孙丽' }],
    });
    expect(registered.status, JSON.stringify(registered.body)).toBe(201);
    const assigned = await api('clerk', 'POST', `/api/petitions/${registered.body.id}/assign`, {
      unitId: ctx.user.unitId,
      expectedVersion: registered.body.version,
    });
    expect(assigned.status, JSON.stringify(assigned.body)).toBe(200);
    const waiting = (
      await api<{ items: { id: string }[] }>(
        'handler',
        'GET',
        '/api/workbench/petitions?tab=toReceive&limit=200',
      )
    ).body.items;
    for (const { id } of waiting) {
      const version = (await api<{ version: number }>('handler', 'GET', `/api/petitions/${id}`)).body.version;
      const accepted = await api('handler', 'POST', `/api/petitions/${id}/accept`, {
        expectedVersion: version,
      });
      if (accepted.status !== 200) {
        const diverted = await api('handler', 'POST', `/api/petitions/${id}/divert`, {
          to: 'litigation',
          note: '涉法涉诉，导入诉讼程序',
          expectedVersion: version,
        });
        expect(diverted.status, JSON.stringify(diverted.body)).toBe(200);
      }
    }
    const { body: counted } = await api<{ counts: Record<string, number> }>(
      'handler',
      'GET',
      '/api/workbench/counts',
    );
    expect(ctx.tabs[0]!.key).toBe('toReceive');
    expect(counted.counts.toReceive).toBe(0);
    const expected = ctx.tabs.find((x) => x.key !== 'all' && (counted.counts[x.key] ?? 0) > 0)!.key;
    expect(expected).not.toBe('toReceive');

    const { context, page } = await signIn(world, 'handler');
    await page.waitForURL(new RegExp(`/inbox/${expected}$`));
    await expect
      .poll(() => page.locator('.inbox-tabs .ant-tabs-tab-active').innerText())
      .not.toContain('待告知/受理');
    await page.locator('.ant-table-row').first().waitFor();
    await shot(page, 'handler-landing-zh');

    // A tab the user clicks stays, even an empty one.
    await page.locator('.inbox-tabs .ant-tabs-tab').filter({ hasText: '待告知/受理' }).click();
    await page.waitForURL(/\/inbox\/toReceive$/);
    await page.getByText('这里没有待办事项').waitFor();
    await page.waitForTimeout(1000);
    expect(page.url()).toMatch(/\/inbox\/toReceive$/);

    // A tab named in the URL stays.
    await page.goto(`${world.url}/inbox/toReceive`);
    await page.getByText('这里没有待办事项').waitFor();
    await page.waitForTimeout(1000);
    expect(page.url()).toMatch(/\/inbox\/toReceive$/);

    // A click before the counts arrive, even on the tab shown, is a choice: no jump afterwards.
    await page.route('**/api/workbench/counts', async (route) => {
      await new Promise((r) => setTimeout(r, 1500));
      await route.continue();
    });
    await page.goto(`${world.url}/inbox`);
    await page.locator('.inbox-tabs .ant-tabs-tab').filter({ hasText: '待告知/受理' }).click();
    await page.waitForTimeout(2500);
    expect(new URL(page.url()).pathname).toBe('/inbox');
    expect(await page.locator('.inbox-tabs .ant-tabs-tab-active').innerText()).toContain('待告知/受理');
    await page.getByText('这里没有待办事项').waitFor();
    await page.unroute('**/api/workbench/counts');

    // Signing in (no tab) lands again, in English too.
    await context.close();
    const en = await signIn(world, 'handler', 'en');
    await en.page.waitForURL(new RegExp(`/inbox/${expected}$`));
    await en.page.locator('.ant-table-row').first().waitFor();
    await shot(en.page, 'handler-landing-en');
    await en.context.close();
  });

  it('registers a district office’s accusation against itself at the city office, and says the clerk cannot open it', async () => {
    const { context, page } = await signIn(world, 'jy-clerk');
    await page.goto(`${world.url}/intake/hotline`);
    await page.locator('input[id="intake-hotline_petitioners_0_name"]').fill('吴秀兰');
    await page.getByLabel('事由（一句话概括）').fill('举报江屿区信访局接访人员推诿不办');
    await page.getByLabel('来电内容').fill('来电反映江屿区信访局接访人员多次推诿，不予登记。');
    await page.locator('.ant-radio-button-wrapper').filter({ hasText: '检举控告类' }).click();
    await chooseOption(page, page.getByLabel('领域', { exact: true }), '其他');
    await chooseOption(page, page.getByLabel('被反映单位（属本系统单位时选择）', { exact: true }), '江屿区信访局');
    await chooseOption(page, page.getByLabel('发生地', { exact: true }), '江屿区');
    const posted = page.waitForResponse((r) => r.url().endsWith('/api/petitions') && r.request().method() === 'POST');
    await page.getByRole('button', { name: '登记', exact: true }).click();
    const created = await (await posted).json();
    await page.getByText('已由上一级信访工作机构登记办理').waitFor();
    expect(await page.getByRole('button', { name: '打开信访件' }).count()).toBe(0);
    await shot(page, 'accusation-own-office-passed-up-zh');
    await context.close();
    // Held by the city office, which sees it; the district office does not.
    expect(created.registeringUnitId).toBe('u-city-office');
    expect((await api<{ currentUnit: { id: string } }>('clerk', 'GET', `/api/petitions/${created.id}`)).body.currentUnit.id).toBe('u-city-office');
    expect((await api('jy-clerk', 'GET', `/api/petitions/${created.id}`)).status).toBe(404);
  });
});
