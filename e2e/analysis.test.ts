import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { petitions, users } from '../apps/server/src/db/schema';
import { apiToken, browserAvailable, chooseOption, seriousViolations, shot, signIn, startWorld, type World } from './support';

/**
 * Issue 6 on the petition page, in a real browser: the similar petitions of a registered one, linking it as a
 * repeat of the earlier one (and undoing it, in English), and correcting its classification.
 */
describe.skipIf(!browserAvailable)('petition page: similar petitions, repeat links, classification', () => {
  let world: World;
  const ids: { first?: string; second?: string; firstCode?: string } = {};

  beforeAll(async () => {
    world = await startWorld({ petitions: 120 });
    const [clerk] = await world.deps.db.select().from(users).where(eq(users.username, 'clerk'));
    const [own] = await world.deps.db
      .select({ code: petitions.jurisdictionCode })
      .from(petitions)
      .where(eq(petitions.registeringUnitId, clerk!.unitId!))
      .limit(1);
    const token = await apiToken(world, 'clerk');
    const register = async (title: string, content: string, receivedOn: string) => {
      const res = await world.app.inject({
        method: 'POST',
        url: '/api/petitions',
        headers: { authorization: `Bearer ${token}` },
        payload: {
          channel: 'letter',
          category: 'claim',
          domain: 'labor',
          title,
          content,
          respondent: { name: '青川市锦程装饰工程有限公司' },
          jurisdictionCode: own!.code,
          receivedOn,
          petitioners: [{ name: '赵刚', phone: '13700001111' }],
        },
      });
      if (res.statusCode !== 201) throw new Error(res.body);
      return res.json<{ id: string; trackingCode: string }>();
    };
    const first = await register(
      '反映锦程装饰公司拖欠装修工人工资',
      '我们是锦程装饰工程有限公司在翠湖苑小区的装修工人，公司拖欠我们三个月工资共计八万六千元，多次讨要无果，请求劳动部门督促支付。',
      '2026-05-20',
    );
    const second = await register(
      '再次反映锦程装饰拖欠工资',
      '锦程装饰工程有限公司拖欠翠湖苑小区装修工人三个月工资八万多元，上次反映后仍未支付，请求劳动部门尽快督促公司支付工资。',
      '2026-06-10',
    );
    Object.assign(ids, { first: first.id, second: second.id, firstCode: first.trackingCode });
  });
  afterAll(async () => {
    await world?.close();
  });

  it('the clerk sees the earlier petition among the similar ones, links this one as its repeat and corrects the classification (zh)', async () => {
    const { context, page } = await signIn(world, 'clerk');
    await page.goto(`${world.url}/petitions/${ids.second}`);
    const row = page.getByTestId(`similar-${ids.firstCode}`);
    await row.waitFor();
    await expect.poll(() => row.innerText()).toContain('疑似同一事项');
    await shot(page, 'analysis-similar-zh');
    await row.getByRole('button', { name: '关联为重复信访' }).click();
    await page.locator('.ant-modal').getByLabel('说明（可选）').fill('同一班组再次反映');
    await page.locator('.ant-modal').getByRole('button', { name: '关联为重复信访' }).click();
    await page.getByText(`本件已关联为 ${ids.firstCode} 的重复信访`).waitFor();
    await page.locator('.tl-what').getByText(`关联为重复信访：与 ${ids.firstCode} 为同一事项`).waitFor();
    await shot(page, 'analysis-linked-zh');
    expect(await seriousViolations(page)).toEqual([]);

    await page.getByRole('button', { name: '更正分类' }).click();
    const modal = page.locator('.ant-modal:visible');
    await chooseOption(page, modal.getByLabel('领域'), '城建', { typed: false });
    await shot(page, 'analysis-correct-zh');
    await modal.getByRole('button', { name: '更正分类' }).click();
    await page.locator('.tl-what').getByText('更正分类：城建、申诉求决类').waitFor();
    await page.getByTestId('classification-panel').getByText('城建').waitFor();
    await shot(page, 'analysis-corrected-zh');
    await context.close();
  });

  it('the link can be undone with a reason, and the timeline says so (en)', async () => {
    const { context, page } = await signIn(world, 'clerk', 'en');
    await page.goto(`${world.url}/petitions/${ids.second}`);
    await page.getByText(`This petition is linked as a repeat of ${ids.firstCode}`).waitFor();
    await shot(page, 'analysis-linked-en');
    await page.getByRole('button', { name: 'Unlink' }).click();
    const modal = page.locator('.ant-modal:visible');
    await modal.getByRole('button', { name: 'Unlink' }).click();
    await modal.getByText('Give the reason for undoing the link').waitFor();
    await modal.getByLabel('Reason').fill('Checked: a different crew, not the same matter');
    await modal.getByRole('button', { name: 'Unlink' }).click();
    await page.locator('.tl-what').getByText('Repeat link undone').waitFor();
    await expect.poll(() => page.getByText(/linked as a repeat of/).count()).toBe(0);
    await shot(page, 'analysis-unlinked-en');
    expect(await seriousViolations(page)).toEqual([]);
    await context.close();
  });
});
