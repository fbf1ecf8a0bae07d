import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { apiToken, browserAvailable, seriousViolations, shot, signIn, startWorld, type World, chooseOption, openFromMenu } from './support';

/**
 * The staff workbench in a real browser: the journeys of issue 3 against the real server (fresh PGlite, the demo
 * city with 300 petitions, a fixed clock) and a fresh production build of apps/web.
 */
describe.skipIf(!browserAvailable)('staff workbench journeys', () => {
  let world: World;
  const visit: { id?: string; code?: string } = {};

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

  /** Pick an option in an antd Select/TreeSelect by typing into it. */
  async function choose(page: Page, label: string, text: string) {
    await chooseOption(page, page.getByLabel(label, { exact: true }), text);
  }

  it('clerk registers a collective visit and assigns it to the labour bureau', async () => {
    const { context, page } = await signIn(world, 'clerk');
    await expect.poll(() => page.locator('.inbox-tabs .ant-tabs-tab').count()).toBeGreaterThan(2);
    await shot(page, 'clerk-inbox-zh');
    await expectAccessible(page, 'inbox (zh)');

    await openFromMenu(page, '登记信访', '来访', /\/intake\/visit/);
    await page.getByLabel('集体访').click();
    await page.getByLabel('来访人数').fill('12');
    await page.locator('input[id="intake-visit_petitioners_0_name"]').fill('张伟');
    await page.locator('input[id="intake-visit_petitioners_0_phone"]').fill('13812345678');
    await page.getByRole('button', { name: '添加代表' }).click();
    await page.locator('input[id="intake-visit_petitioners_1_name"]').fill('李娜');
    await page.getByLabel('事由（一句话概括）').fill('反映青川市宏达建筑劳务有限公司拖欠农民工工资');
    await page.getByLabel('信访内容').fill('我们十二名工人在石桥街道工地做工，公司拖欠三个月工资共计十六万元，多次讨要未果。');
    await page.getByLabel('诉求', { exact: true }).fill('请求督促公司尽快支付拖欠工资。');
    await choose(page, '领域', '劳动保障');
    await choose(page, '发生地', '枫岭市');
    await page.getByLabel('被反映对象', { exact: true }).fill('青川市宏达建筑劳务有限公司');
    await shot(page, 'clerk-intake-visit-zh');
    await expectAccessible(page, 'intake (zh)');
    await page.getByRole('button', { name: '登记', exact: true }).click();

    await page.getByText('查询码只显示这一次').waitFor();
    visit.code = (await page.locator('.intake-done .mono').first().innerText()).trim();
    expect(visit.code).toMatch(/^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/);
    await shot(page, 'clerk-intake-done-zh');
    await page.getByRole('button', { name: '打开信访件' }).click();
    await page.waitForURL(/\/petitions\//);
    visit.id = page.url().split('/petitions/')[1];
    await page.getByText('集体 12 人').waitFor();
    await expectAccessible(page, 'petition (zh)');

    await page.locator('[data-command="assign"]').click();
    await choose(page, '承办单位', '青川市人力资源和社会保障局');
    await page.locator('.command-form').getByLabel('说明').fill('请依法处理并报送结果。');
    await shot(page, 'clerk-assign-zh');
    await page.locator('.command-form button[type="submit"]').click();
    await page.locator('.petition-heading').getByText('待受理').waitFor();
    await page.getByText('交办至青川市人力资源和社会保障局').waitFor();
    await shot(page, 'clerk-assigned-zh');
    await context.close();
  });

  it('handler sends the receipt notice and accepts; the unit head extends; a stale reply keeps its text; the reply goes out', async () => {
    const { context, page } = await signIn(world, 'handler');
    await page.getByRole('tab', { name: /待告知\/受理/ }).click();
    await page.getByLabel('标题、内容、被反映对象或编号').fill(visit.code!);
    await page.keyboard.press('Enter');
    await page.getByRole('link', { name: /宏达建筑劳务有限公司拖欠农民工工资/ }).click();
    await page.waitForURL(new RegExp(`/petitions/${visit.id}`));
    // The clerk's instructions reach the handler: under the assignment in the history, labelled.
    const assigned = page.locator('.ant-timeline-item').filter({ hasText: '交办至青川市人力资源和社会保障局' });
    await expect.poll(() => assigned.locator('.tl-text').allInnerTexts()).toEqual(['交办意见\n请依法处理并报送结果。']);

    await page.locator('[data-command="notifyReceipt"]').click();
    await page.locator('.command-form').getByLabel('说明').fill('已书面告知信访人，将依法办理。');
    await page.locator('.command-form button[type="submit"]').click();
    await page.getByText('书面告知信访人接收情况', { exact: false }).first().waitFor();

    await page.locator('[data-command="accept"]').click();
    await page.locator('.command-form button[type="submit"]').click();
    await page.locator('.petition-heading').getByText('办理中').waitFor();
    // The objection window closed with the acceptance: closed, not "done on time"; the receipt notice was done.
    await expect.poll(() => page.locator('li.clock-ended').filter({ hasText: '异议' }).locator('.due').textContent()).toBe('已结束');
    expect(await page.locator('li.clock-ended').filter({ hasText: '告知' }).locator('.due').textContent()).toBe('按期完成');
    await shot(page, 'handler-accepted-zh');

    // The unit head approves an extension (Art. 33).
    const head = await signIn(world, 'city-hrss-head');
    await head.page.goto(`${world.url}/petitions/${visit.id}`);
    await head.page.locator('[data-command="extend"]').click();
    await head.page.getByLabel('延长天数').fill('15');
    await head.page.locator('.command-form').getByLabel('理由').fill('涉及人数较多，需调取工资台账核实。');
    await head.page.locator('.command-form button[type="submit"]').click();
    await head.page.getByText('延长办理期限 15 日', { exact: false }).first().waitFor();
    await shot(head.page, 'unithead-extended-zh');
    await head.context.close();

    // The handler's page is now stale: the reply is refused with 409, reloaded, and the typed text survives.
    await page.locator('[data-command="reply"]').click();
    await page.locator('.command-form label').filter({ hasText: '予以支持' }).click();
    const text = '经调查核实，该公司确有拖欠工资行为，已责令其于十日内足额支付。';
    await page.locator('.command-form').getByLabel('意见书正文').fill(text);
    await page.locator('.command-form button[type="submit"]').click();
    await page.getByTestId('command-problem').getByText('已被他人修改').waitFor();
    await expect.poll(() => page.locator('.command-form').getByLabel('意见书正文').inputValue()).toBe(text);
    await page.getByText('延长办理期限 15 日', { exact: false }).first().waitFor();
    await shot(page, 'handler-conflict-zh');
    await page.locator('.command-form button[type="submit"]').click();
    await page.locator('.petition-heading').getByText('已答复').waitFor();
    // Every text written along the way shows under its step: the receipt note, the extension's reason, the reply.
    const texts = () => page.locator('.tl-text').allInnerTexts();
    await expect.poll(texts).toEqual([
      '交办意见\n请依法处理并报送结果。',
      '说明\n已书面告知信访人，将依法办理。',
      '延期理由\n涉及人数较多，需调取工资台账核实。',
      `处理意见书正文\n${text}`,
    ]);
    await shot(page, 'handler-replied-zh');
    await context.close();
  });

  it('a search that finds nothing in the tab shown says how many it finds under All, and goes there', async () => {
    // The clerk lands on 待登记转交; the visit has been assigned since, so it is only under 全部.
    const { context, page } = await signIn(world, 'clerk');
    await page.goto(`${world.url}/inbox/toRoute`);
    await page.getByLabel('标题、内容、被反映对象或编号').fill(visit.code!);
    await page.keyboard.press('Enter');
    await page.getByText('没有符合筛选条件的信访事项').waitFor();
    await page.getByText('本列表中没有，“全部”中找到 1 件').waitFor();
    await shot(page, 'clerk-search-elsewhere-zh');
    await page.getByRole('button', { name: '在“全部”中查看' }).click();
    await page.waitForURL(/\/inbox\/all\?/);
    expect(new URL(page.url()).searchParams.get('text')).toBe(visit.code);
    await page.getByRole('link', { name: /宏达建筑劳务有限公司拖欠农民工工资/ }).waitFor();
    // A search that finds nothing anywhere offers nothing more.
    await page.goto(`${world.url}/inbox/toRoute?text=${encodeURIComponent('没有这样的事项')}`);
    await page.getByText('没有符合筛选条件的信访事项').waitFor();
    await page.waitForTimeout(500);
    expect(await page.locator('.search-elsewhere').count()).toBe(0);
    await context.close();

    const en = await signIn(world, 'clerk', 'en');
    await en.page.goto(`${world.url}/inbox/toRoute?text=${encodeURIComponent('宏达建筑劳务')}`);
    await en.page.locator('.search-elsewhere').getByText(/^None in this list; \d+ found under All$/).waitFor();
    await shot(en.page, 'clerk-search-elsewhere-en');
    await en.page.getByRole('button', { name: 'Show them under All' }).click();
    await en.page.waitForURL(/\/inbox\/all\?/);
    await en.page.locator('.ant-table-row').first().waitFor();
    await en.context.close();
  });

  it('supervisor sees overdue petitions and the late units', async () => {
    const { context, page } = await signIn(world, 'supervisor');
    await page.getByRole('tab', { name: /已逾期/ }).click();
    await page.locator('.ant-table-row .due-overdue').first().waitFor();
    expect(await page.locator('.ant-table-row .due-overdue').count()).toBeGreaterThan(0);
    await shot(page, 'supervisor-overdue-zh');
    await page.getByRole('tab', { name: /逾期单位/ }).click();
    await page.locator('.late-units .ant-table-row').first().waitFor();
    await page.locator('.chart svg').first().waitFor();
    // The chart draws 12 units at most and says so when there are more; the table lists them all.
    const late = await world.app.inject({ method: 'GET', url: '/api/workbench/late-units', headers: { authorization: `Bearer ${await apiToken(world, 'supervisor')}` } });
    const units = late.json<unknown[]>().length;
    const caption = page.locator('.chart figcaption');
    if (units > 12) expect(await caption.textContent()).toBe(`图中为逾期件数最多的 12 个单位（共 ${units} 个，均见下表）`);
    else expect(await caption.count()).toBe(0);
    await shot(page, 'supervisor-late-units-zh');
    await page.locator('.late-units .ant-table-row').first().getByRole('button', { name: '查看逾期件', exact: true }).click();
    await page.waitForURL(/\/inbox\/overdue\?unit=/);
    await page.locator('.ant-table-row .due-overdue').first().waitFor();
    // A petition still with the supervisor's own office, which registered it: they are told why they cannot supervise it.
    const res = await world.app.inject({
      method: 'POST',
      url: '/api/petitions',
      headers: { authorization: `Bearer ${await apiToken(world, 'clerk')}` },
      payload: { channel: 'letter', category: 'claim', domain: 'labor', title: '反映工地拖欠工资', content: '工地老板拖欠工资三个月。', jurisdictionCode: '339900', petitioners: [{ name: '周强' }] },
    });
    expect(res.statusCode, res.body).toBe(201);
    await page.goto(`${world.url}/petitions/${res.json<{ id: string }>().id}`);
    await page.getByText('该件由本机关登记，尚在转送交办环节，不能对本机关发出督办通知。', { exact: false }).waitFor();
    await context.close();
  });

  it('an accused unit’s handler cannot find the accusation about it', async () => {
    const token = await apiToken(world, 'clerk');
    const res = await world.app.inject({
      method: 'POST',
      url: '/api/petitions',
      headers: { authorization: `Bearer ${token}` },
      payload: {
        channel: 'letter',
        category: 'accusation',
        domain: 'labor',
        title: '检举市人社局工作人员违规收取好处费',
        content: '市人社局劳动监察科某工作人员在处理欠薪投诉时收取好处费。',
        respondent: { name: '青川市人力资源和社会保障局', unitId: 'u-city-hrss' },
        jurisdictionCode: '339900',
        petitioners: [{ name: '赵敏' }],
      },
    });
    expect(res.statusCode, res.body).toBe(201);
    const accusation = res.json<{ id: string; trackingCode: string }>();

    const { context, page } = await signIn(world, 'handler');
    await page.goto(`${world.url}/inbox/all?text=${accusation.trackingCode}`);
    await page.getByText('没有符合筛选条件的信访事项').waitFor();
    await page.goto(`${world.url}/inbox/all?text=${encodeURIComponent('好处费')}`);
    await page.getByText('没有符合筛选条件的信访事项').waitFor();
    await shot(page, 'accused-handler-search-zh');
    // Searched from a to-do tab, it is not counted under All either: the hint never tells that it exists.
    await page.goto(`${world.url}/inbox/toReceive?text=${accusation.trackingCode}`);
    await page.getByText('没有符合筛选条件的信访事项').waitFor();
    await page.waitForTimeout(500);
    expect(await page.locator('.search-elsewhere').count()).toBe(0);
    await page.goto(`${world.url}/petitions/${accusation.id}`);
    await page.getByText('找不到该信访事项，或您无权查看。').waitFor();
    await shot(page, 'accused-handler-direct-zh');
    await context.close();

    // The petition office does see it.
    const clerk = await signIn(world, 'clerk');
    await clerk.page.goto(`${world.url}/inbox/all?text=${accusation.trackingCode}`);
    await clerk.page.getByRole('link', { name: /违规收取好处费/ }).waitFor();
    await clerk.context.close();
  });

  it('works in English, remembers the choice, and stays accessible', async () => {
    const { context, page } = await signIn(world, 'clerk', 'zh');
    await page.getByText('EN', { exact: true }).click();
    await page.getByRole('heading', { name: 'Inbox' }).waitFor();
    await page.reload();
    await page.getByRole('heading', { name: 'Inbox' }).waitFor();
    await page.getByRole('tab', { name: /All/ }).click();
    await page.locator('.ant-table-row').first().waitFor();
    await shot(page, 'clerk-inbox-en');
    await expectAccessible(page, 'inbox (en)');

    await page.goto(`${world.url}/petitions/${visit.id}`);
    await page.getByRole('heading', { name: 'History' }).waitFor();
    // The labels are translated, the texts stay as written.
    await expect
      .poll(() => page.locator('.tl-text dt').allInnerTexts())
      .toEqual(['Instructions', 'Note', 'Reason', 'Text of the written opinion']);
    await page.locator('.tl-text dd').getByText('请依法处理并报送结果。').waitFor();
    await shot(page, 'petition-en');
    await expectAccessible(page, 'petition (en)');

    await page.goto(`${world.url}/intake/hotline`);
    await page.getByText('Quick hotline form').waitFor();
    await shot(page, 'intake-hotline-en');
    await expectAccessible(page, 'intake (en)');
    await context.close();
  });

  it('registers a hotline call from the keyboard alone', async () => {
    const { context, page } = await signIn(world, 'clerk');
    await page.keyboard.press('n');
    await page.waitForURL(/\/intake\/visit/);
    await page.getByRole('tab', { name: '电话' }).click();
    await page.waitForURL(/\/intake\/hotline/);
    // The caller's name has the focus; everything else is Tab, typing and Enter.
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('intake-hotline_petitioners_0_name');
    await page.keyboard.type('王芳');
    await expect.poll(() => page.inputValue('#intake-hotline_petitioners_0_name')).toBe('王芳');
    await page.keyboard.press('Tab');
    await page.keyboard.type('13900001111');
    await expect.poll(() => page.inputValue('#intake-hotline_petitioners_0_phone')).toBe('13900001111');
    await expect.poll(() => page.inputValue('#intake-hotline_petitioners_0_name')).toBe('王芳');
    await page.locator('input[id="intake-hotline_title"]').focus();
    await page.keyboard.type('小区物业擅自提高物业费');
    await page.keyboard.press('Tab');
    await page.keyboard.type('来电反映小区物业公司未经业主大会同意将物业费由每平方米1.2元提高到1.8元。');
    await page.locator('input[id="intake-hotline_domain"]').focus();
    await page.keyboard.type('物业');
    await page.locator('.ant-select-dropdown:visible').getByText('物业', { exact: true }).first().waitFor();
    await page.keyboard.press('Enter');
    await page.locator('input[id="intake-hotline_jurisdictionCode"]').focus();
    await page.keyboard.type('枫岭市');
    await page.locator('.ant-select-dropdown:visible').getByText('枫岭市').first().waitFor();
    await page.keyboard.press('Enter');
    const place = page.locator('.ant-select').filter({ has: page.locator('#intake-hotline_jurisdictionCode') });
    await expect.poll(() => place.innerText()).toContain('枫岭市');
    await shot(page, 'clerk-intake-hotline-zh');
    await page.keyboard.press('Control+Enter');
    await page.getByText('查询码只显示这一次').waitFor();
    await context.close();
  });

  it('Enter in the date received (or any one-line field) never registers; the button does', async () => {
    const { context, page } = await signIn(world, 'clerk');
    const posts: string[] = [];
    page.on('request', (r) => {
      if (r.method() === 'POST' && new URL(r.url()).pathname === '/api/petitions') posts.push(r.url());
    });
    await page.goto(`${world.url}/intake/visit`);
    // A form complete enough to register, so a stray submission would go through.
    await page.locator('input[id="intake-visit_petitioners_0_name"]').fill('孙丽');
    await page.getByLabel('事由（一句话概括）').fill('小区路灯长期不亮');
    await page.getByLabel('信访内容').fill('石桥街道某小区路灯三个月不亮，居民夜间出行不便。');
    await choose(page, '领域', '城建');
    await choose(page, '发生地', '枫岭市');
    const date = page.locator('input[id="intake-visit_receivedOn"]');
    await date.click();
    await date.fill('2026-06-10');
    await date.press('Enter');
    await page.getByLabel('事由（一句话概括）').press('Enter');
    await page.locator('input[id="intake-visit_petitioners_0_name"]').press('Enter');
    await page.waitForTimeout(1000);
    expect(posts).toEqual([]);
    expect(page.url()).toMatch(/\/intake\/visit$/);
    await expect.poll(() => date.inputValue()).toBe('2026-06-10'); // the date typed is taken
    expect(await page.getByText('查询码只显示这一次').count()).toBe(0);
    await shot(page, 'clerk-intake-date-enter-zh');
    await page.getByRole('button', { name: '登记', exact: true }).click();
    await page.getByText('查询码只显示这一次').waitFor();
    expect(posts).toHaveLength(1);
    await context.close();
  });

  it('a proxy agent registers for a resident only after confirming their consent', async () => {
    const { context, page } = await signIn(world, 'agent');
    await page.keyboard.press('n');
    await page.waitForURL(/\/intake\/proxy/);
    await page.locator('input[id="intake-proxy_petitioners_0_name"]').fill('赵大爷');
    await page.locator('input[id="intake-proxy_title"]').fill('老人高龄津贴停发三个月');
    await page.locator('textarea[id="intake-proxy_content"], input[id="intake-proxy_content"]').first().fill('社区赵大爷今年八十二岁，高龄津贴从八月起停发，街道说系统里查不到他的信息。');
    // Without a domain: the form says what to choose, not just "required".
    await page.getByRole('button', { name: '登记', exact: true }).click();
    await page.getByText('请选择信访事项涉及的领域').waitFor();
    await chooseOption(page, page.locator('input[id="intake-proxy_domain"]'), '社保');
    await chooseOption(page, page.locator('input[id="intake-proxy_jurisdictionCode"]'), '枫岭市');
    await page.getByRole('button', { name: '登记', exact: true }).click();
    await page.getByText('代理提交须先取得信访人同意').waitFor();
    // The consent comes first on the form: the submission scrolls to it, its error shows in view, above the 登记
    // bar, nothing covers it (it sat below the sticky bar, its error under the button).
    const consent = page.getByLabel('信访人已同意由我代为提交，并同意处理其个人信息');
    const where = () =>
      page.getByText('代理提交须先取得信访人同意').evaluate((error) => {
        const box = error.getBoundingClientRect();
        const bar = document.querySelector('.form-actions')!.getBoundingClientRect();
        const top = document.elementFromPoint(box.left + 2, box.top + box.height / 2);
        return { inView: box.top >= 0 && box.bottom <= window.innerHeight, aboveBar: box.bottom <= bar.top, uncovered: error.contains(top) };
      });
    await expect.poll(where).toEqual({ inView: true, aboveBar: true, uncovered: true });
    expect(await consent.evaluate((c) => c.compareDocumentPosition(document.querySelector('#intake-proxy_title')!) & Node.DOCUMENT_POSITION_FOLLOWING)).toBeTruthy();
    await shot(page, 'agent-intake-noconsent-zh');
    await consent.check();
    await shot(page, 'agent-intake-consent-zh');
    await page.getByRole('button', { name: '登记', exact: true }).click();
    await page.getByText('查询码只显示这一次').waitFor();
    await context.close();
  });

  it('a leader sees the cases they own and the coming reception days beside the inbox', async () => {
    const clerk = await apiToken(world, 'clerk');
    const leader = await apiToken(world, 'leader');
    const headers = (token: string) => ({ authorization: `Bearer ${token}`, 'content-type': 'application/json' });
    const me = (await (await fetch(`${world.url}/api/workbench/context`, { headers: headers(leader) })).json()) as { user: { id: string } };
    const list = (await (await fetch(`${world.url}/api/petitions?limit=1`, { headers: headers(clerk) })).json()) as { items: { id: string; title: string }[] };
    const target = list.items[0]!;
    const owned = await fetch(`${world.url}/api/petitions/${target.id}/owner`, {
      method: 'PUT',
      headers: headers(clerk),
      body: JSON.stringify({ leaderUserId: me.user.id, steps: [{ text: '约谈责任单位' }] }),
    });
    expect(owned.status).toBe(200);
    const { context, page } = await signIn(world, 'leader');
    await page.getByText('我包案的事项').waitFor();
    await page.locator('.leader-panel').getByText(target.title).waitFor();
    await page.getByText('接访日安排').waitFor();
    await shot(page, 'leader-inbox-zh');
    await expectAccessible(page, 'leader inbox (zh)');
    await context.close();
  });
});
