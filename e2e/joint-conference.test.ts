import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import {
  apiToken,
  browserAvailable,
  chooseOption,
  seriousViolations,
  shot,
  signIn,
  startWorld,
  type World,
} from './support';

/**
 * The joint conference (联席会议) in a real browser: the clerk puts a multi-unit petition to a joint conference and
 * records its decision; the lead unit's handler finds it in the inbox to receive; a co-unit's handler finds it
 * under co-handling, adds an opinion and cannot reply. Then a unit's supervision record, reached from the
 * supervisor's late-units tab.
 */
describe.skipIf(!browserAvailable)('joint conference and supervision record', () => {
  let world: World;
  const petition = { id: '', title: '联席会议：安置小区工程欠薪涉及多部门' };

  beforeAll(async () => {
    world = await startWorld({ petitions: 120 });
    const token = await apiToken(world, 'clerk');
    const res = await world.app.inject({
      method: 'POST',
      url: '/api/petitions',
      headers: { authorization: `Bearer ${token}` },
      payload: {
        channel: 'letter',
        category: 'claim',
        domain: 'labor',
        title: petition.title,
        content:
          '我们二十名工人在安置小区工地做工，总包单位拖欠工资四个月。住建部门称工程款已拨付，人社部门称需核实用工关系，至今无人牵头处理。',
        demands: '请求明确牵头部门，尽快支付拖欠工资。',
        jurisdictionCode: '339900',
        collective: true,
        headcount: 20,
        petitioners: [{ name: '周建国' }, { name: '吴海' }],
      },
    });
    expect(res.statusCode, res.body).toBe(201);
    petition.id = res.json<{ id: string }>().id;
  });
  afterAll(async () => {
    await world?.close();
  });

  async function expectAccessible(page: Page, what: string) {
    const violations = await seriousViolations(page);
    expect(violations, `${what}: ${JSON.stringify(violations, null, 2)}`).toEqual([]);
  }

  /** The serious violations on elements inside `within` (other features' cards on the same page are theirs to test). */
  async function expectAccessibleWithin(page: Page, within: string, what: string) {
    const all = await seriousViolations(page);
    const mine = [];
    for (const v of all) {
      const nodes = [];
      for (const n of v.nodes) {
        const inside = await page.evaluate(
          ([target, sel]) => {
            const el = typeof target === 'string' ? document.querySelector(target) : null;
            return !!el?.closest(sel);
          },
          [n.target[0] as string, within] as const,
        );
        if (inside) nodes.push(n);
      }
      if (nodes.length) mine.push({ ...v, nodes });
    }
    expect(mine, `${what}: ${JSON.stringify(mine, null, 2)}`).toEqual([]);
  }

  /** Pick an option in an antd Select by typing into it. */
  async function choose(page: Page, label: string, text: string) {
    await chooseOption(page, page.getByLabel(label, { exact: true }), text);
  }

  it('the clerk refers the petition and records the decision: lead unit, co-units, reply deadline', async () => {
    const { context, page } = await signIn(world, 'clerk');
    await page.goto(`${world.url}/petitions/${petition.id}`);
    const panel = page.getByTestId('joint-conference');
    await panel.locator('[data-command="referToJointConference"]').click();
    await panel.getByLabel('提请理由').fill('涉及人社、住建两个部门，责任不清，需联席会议明确牵头单位');
    await panel.locator('button[type="submit"]').click();
    await panel.getByText('等待会议决定').waitFor();

    await panel.locator('[data-command="recordJointConferenceDecision"]').click();
    await choose(page, '牵头单位', '青川市人力资源和社会保障局');
    await choose(page, '协办单位', '青川市住房和城乡建设局');
    await page.keyboard.press('Escape');
    await panel.getByLabel('牵头单位答复期限').click();
    await panel.getByLabel('牵头单位答复期限').fill('2026-07-15');
    await page.locator('.ant-picker-dropdown:visible td[title="2026-07-15"]').click();
    await panel
      .getByLabel('会议决定要点')
      .fill('由市人社局牵头核查用工关系并督促支付，市住建局核查工程款拨付情况，7 月 15 日前答复信访人');
    await shot(page, 'jc-clerk-decision-form-zh');
    await panel.locator('button[type="submit"]').click();
    await page
      .getByText(
        '联席会议决定：由青川市人力资源和社会保障局牵头办理，青川市住房和城乡建设局协办，2026-07-15 前答复',
      )
      .waitFor();
    await page.locator('.petition-heading').getByText('待受理').waitFor();
    await expect
      .poll(() => panel.locator('.ant-descriptions').innerText())
      .toContain('青川市住房和城乡建设局');
    await page.locator('.clock-list').getByText('联席会议答复期限').waitFor();
    await shot(page, 'jc-clerk-decided-zh');
    await expectAccessibleWithin(
      page,
      '[data-testid="joint-conference"], .clock-list, .command-panel',
      'petition with a joint conference (zh)',
    );
    await context.close();
  });

  it('the lead unit’s handler finds it in the inbox to receive, with the handling actions', async () => {
    const { context, page } = await signIn(world, 'handler');
    await page.getByRole('tab', { name: /待告知\/受理/ }).click();
    await page.getByText(petition.title).waitFor();
    await page.mouse.move(700, 800);
    await shot(page, 'jc-lead-inbox-zh');
    await page.getByText(petition.title).click();
    await page.waitForURL(/\/petitions\//);
    await page.locator('[data-command="accept"]').waitFor();
    expect(await page.getByTestId('co-unit-notice').count()).toBe(0);
    await context.close();
  });

  it('a co-unit’s handler sees it as co-handling, adds an opinion and cannot reply (zh and en)', async () => {
    for (const lang of ['zh', 'en'] as const) {
      const { context, page } = await signIn(world, 'city-housing-handler', lang);
      await page.getByRole('tab', { name: lang === 'zh' ? /协办/ : /Co-handling/ }).click();
      await page.getByText(petition.title).waitFor();
      await page.mouse.move(700, 800); // the tab's help tooltip would cover the filters
      await shot(page, `jc-co-unit-inbox-${lang}`);
      await page.getByText(petition.title).click();
      await page.waitForURL(/\/petitions\//);
      const panel = page.getByTestId('joint-conference');
      await page.getByTestId('co-unit-notice').waitFor();
      // The process actions belong to the lead unit: none of them is offered to a co-unit.
      for (const c of ['accept', 'notifyReceipt', 'reply', 'conclude', 'object'])
        expect(await page.locator(`.command-panel [data-command="${c}"]`).count(), c).toBe(0);
      await panel.locator('[data-command="addCoUnitOpinion"]').click();
      const text =
        lang === 'zh'
          ? '经核查，该项目工程款已拨付 80%，建议从剩余款项中优先支付工资'
          : 'Checked: 80% of the works payment was made; wages should be paid first from the rest';
      await panel.getByLabel(lang === 'zh' ? '协办意见' : 'Co-handling opinion', { exact: true }).fill(text);
      await panel.locator('button[type="submit"]').click();
      await panel.getByText(text).waitFor();
      await page
        .getByText(lang === 'zh' ? '协办单位提出协办意见' : 'A co-handling unit gave its opinion')
        .first()
        .waitFor();
      await shot(page, `jc-co-unit-petition-${lang}`);
      await expectAccessibleWithin(
        page,
        '[data-testid="joint-conference"], .clock-list, .command-panel',
        `co-unit petition (${lang})`,
      );
      // Trying to reply anyway is refused by the server, in the user's language.
      const token = await apiToken(world, 'city-housing-handler');
      const auth = { authorization: `Bearer ${token}`, 'accept-language': lang };
      const { version } = (
        await world.app.inject({ method: 'GET', url: `/api/petitions/${petition.id}`, headers: auth })
      ).json<{ version: number }>();
      const reply = await world.app.inject({
        method: 'POST',
        url: `/api/petitions/${petition.id}/reply`,
        headers: auth,
        payload: { outcome: 'support', text: '协办单位答复', expectedVersion: version },
      });
      expect(reply.statusCode).toBe(403);
      expect(reply.json<{ message: string }>().message).toMatch(
        lang === 'zh' ? /不由您所在单位承办/ : /not the one currently handling/,
      );
      await context.close();
    }
  });

  it('the supervisor reaches a unit’s supervision record from the late-units tab and from the petition (zh and en)', async () => {
    // A notice to the lead unit on the conference's petition, so the record has something to show.
    const token = await apiToken(world, 'supervisor');
    const auth = { authorization: `Bearer ${token}` };
    const { version } = (
      await world.app.inject({ method: 'GET', url: `/api/petitions/${petition.id}`, headers: auth })
    ).json<{ version: number }>();
    const supervised = await world.app.inject({
      method: 'POST',
      url: `/api/petitions/${petition.id}/supervise`,
      headers: auth,
      payload: {
        reason: 'late',
        note: '请于 5 日内书面报告牵头核查进展',
        answerDays: 5,
        expectedVersion: version,
      },
    });
    expect(supervised.statusCode, supervised.body).toBe(200);

    for (const lang of ['zh', 'en'] as const) {
      const { context, page } = await signIn(world, 'supervisor', lang);
      await page.getByRole('tab', { name: lang === 'zh' ? /逾期单位/ : /Late units/ }).click();
      await page.locator('.late-units .ant-table-row').first().waitFor();
      const link = lang === 'zh' ? '督办记录' : 'Supervision record';
      await page.locator('.late-units .ant-table-row').first().getByRole('button', { name: link }).click();
      await page.waitForURL(/\/units\/.+\/supervision/);
      await page.locator('#unit-supervision-title').waitFor();
      await expectAccessible(page, `a late unit's supervision record (${lang})`);

      await page.goto(`${world.url}/petitions/${petition.id}`);
      await page.getByTestId('petition-supervisions').getByRole('button', { name: link }).click();
      await page.waitForURL(/\/units\/u-city-hrss\/supervision/);
      await page.getByText(petition.title).waitFor();
      await page.locator('.ant-table-row-expand-icon').first().click();
      await page.getByText('请于 5 日内书面报告牵头核查进展').waitFor();
      await shot(page, `unit-supervision-record-${lang}`);
      await expectAccessible(page, `supervision record (${lang})`);
      await context.close();
    }
  });
});
