// Issue 6, the clerk's side: linking a registered petition as a repeat (and undoing it), correcting its
// classification, merging single petitions into a collective one, and cluster alerts delivered as in-app notices.
import { and, eq, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { analysisClusterMembers, analysisFingerprints, outbox, petitionEvents } from '../src/db/schema';
import { available, engineName, useTestApp } from './support/app';
import { call, command, register } from './support/http';

interface Detail {
  version: number;
  status: string;
  repeatOf: string | null;
  domain: string;
  category: string;
  availableCommands: string[];
  timeline: { type: string; summary: { zh: string; en: string }; actor: { userId: string | null } }[];
  state: Record<string, unknown>;
}

const wages = (n: number, extra: Record<string, unknown> = {}) => ({
  title: `反映瑞丰劳务公司拖欠工资（${n}）`,
  content: `我是瑞丰劳务有限公司在石桥街道锦绣园工地的第${n}班组工人，公司拖欠我们三个月工资一直不发，多次讨要没有结果，请求劳动部门帮忙追讨。`,
  respondent: { name: '青川市瑞丰劳务有限公司' },
  address: undefined,
  petitioners: [{ name: `工人${n}`, phone: `1391234${String(5600 + n)}` }],
  ...extra,
});

describe.skipIf(!available)(`petition office bookkeeping (${engineName})`, () => {
  const t = useTestApp();
  const detail = async (id: string, user = 'clerk') => {
    const res = await call(t, user, 'GET', `/api/petitions/${id}`);
    expect(res.statusCode, res.body).toBe(200);
    return res.json<Detail>();
  };
  const repeatChain = async (id: string) =>
    (
      await t.deps.db
        .select({ key: analysisClusterMembers.key })
        .from(analysisClusterMembers)
        .where(and(eq(analysisClusterMembers.kind, 'repeat'), eq(analysisClusterMembers.petitionId, id)))
    ).map((r) => r.key);

  describe('link later as a repeat', () => {
    const ids: string[] = [];
    it('links a registered petition to an earlier one: an event on the timeline, the column, the repeat chain', async () => {
      t.clock.set('2026-03-02');
      ids.push((await register(t, wages(1))).id);
      t.clock.set('2026-03-20');
      ids.push((await register(t, wages(2))).id);
      const [first, second] = ids as [string, string];
      expect((await detail(second)).availableCommands).toContain('linkRepeat');
      expect((await detail(second)).availableCommands).not.toContain('unlinkRepeat');
      const done = await command(t, 'clerk', second, 'linkRepeat', { repeatOf: first, note: '同一班组再次反映' });
      expect(done.status).toBe('registered');
      const d = await detail(second);
      expect(d.repeatOf).toBe(first);
      expect(d.availableCommands).toContain('unlinkRepeat');
      const last = d.timeline.at(-1)!;
      expect(last.type).toBe('repeatLinked');
      expect(last.summary.zh).toContain('关联为重复信访');
      expect(last.actor.userId).not.toBeNull(); // who did it is recorded
      expect(await repeatChain(first)).toEqual([first]);
      expect(await repeatChain(second)).toEqual([first]);
      // The similar list names the link.
      const similar = await call(t, 'clerk', 'GET', `/api/analysis/petitions/${first}/similar`);
      expect(similar.json().similar.find((s: { id: string }) => s.id === second)?.repeatOf).toBe(first);
    });

    it('refuses a link to itself, to a later petition, a cycle, and a second link', async () => {
      const [first, second] = ids as [string, string];
      const version = (await detail(first)).version;
      const self = await call(t, 'clerk', 'POST', `/api/petitions/${first}/linkRepeat`, { repeatOf: first, expectedVersion: version });
      expect(self.statusCode).toBe(422);
      expect(self.json().error).toBe('repeatLinkInvalid');
      const cycle = await call(t, 'clerk', 'POST', `/api/petitions/${first}/linkRepeat`, { repeatOf: second, expectedVersion: version });
      expect(cycle.statusCode).toBe(422);
      const again = await call(t, 'clerk', 'POST', `/api/petitions/${second}/linkRepeat`, {
        repeatOf: first,
        expectedVersion: (await detail(second)).version,
      });
      expect(again.json().error).toBe('alreadyRepeat');
      expect(again.statusCode).toBe(422);
      const unknown = await call(t, 'clerk', 'POST', `/api/petitions/${first}/linkRepeat`, {
        repeatOf: '00000000-0000-4000-8000-000000000000',
        expectedVersion: version,
      }, { 'accept-language': 'en' });
      expect(unknown.statusCode).toBe(400);
      expect(unknown.json().message).toContain('repeatOf');
    });

    it('only the petition office links; a handler may not', async () => {
      const [first, second] = ids as [string, string];
      const res = await call(t, 'handler', 'POST', `/api/petitions/${first}/linkRepeat`, { repeatOf: second, expectedVersion: 1 });
      expect([403, 404]).toContain(res.statusCode);
    });

    it('a chain of three is one cluster; unlinking the middle one splits it, with the reason in the history', async () => {
      const [first, second] = ids as [string, string];
      t.clock.set('2026-03-25');
      const third = (await register(t, wages(3))).id;
      ids.push(third);
      await command(t, 'clerk', third, 'linkRepeat', { repeatOf: second });
      expect(await repeatChain(third)).toEqual([first]);
      const hot = await call(t, 'clerk', 'GET', '/api/analysis/hotspots?days=365&minSize=2&kind=repeat');
      expect(hot.json().clusters.find((c: { key: string }) => c.key === first)?.count).toBe(3);

      await command(t, 'clerk', second, 'unlinkRepeat', { reason: '核实后不是同一班组' });
      expect((await detail(second)).repeatOf).toBeNull();
      expect(await repeatChain(first)).toEqual([]); // nothing links to it any more
      expect(await repeatChain(second)).toEqual([second]);
      expect(await repeatChain(third)).toEqual([second]);
      const [event] = await t.deps.db
        .select({ event: petitionEvents.event })
        .from(petitionEvents)
        .where(and(eq(petitionEvents.petitionId, second), eq(petitionEvents.type, 'repeatUnlinked')));
      expect(event?.event.data).toEqual({ reason: '核实后不是同一班组' });
    });

    it('a repeat chain growing to the alert size raises its alert', async () => {
      const [, second, third] = ids as [string, string, string];
      t.clock.set('2026-03-28');
      const fourth = (await register(t, wages(4, { respondent: undefined, title: '再次反映欠薪' }))).id;
      await command(t, 'clerk', fourth, 'linkRepeat', { repeatOf: third });
      const alerts = await call(t, 'clerk', 'GET', '/api/analysis/alerts?days=365');
      const chain = alerts.json().filter((a: { kind: string; key: string }) => a.kind === 'repeat' && a.key === second);
      expect(chain).toHaveLength(1);
      expect(chain[0].size).toBe(3);
    });
  });

  describe('classification corrections', () => {
    it('corrects the domain: stored as an event, the columns follow, the petition is re-indexed', async () => {
      t.clock.set('2026-04-01');
      const p = await register(t, wages(10, { domain: 'housing', jurisdictionCode: '339902001' }));
      const before = await t.deps.db.select().from(analysisFingerprints).where(eq(analysisFingerprints.petitionId, p.id));
      expect(before[0]?.domain).toBe('housing');
      await command(t, 'clerk', p.id, 'reclassify', { domain: 'labor', category: 'claim', litigationRelated: false, note: '实为欠薪' });
      const d = await detail(p.id);
      expect(d.domain).toBe('labor');
      expect(d.timeline.at(-1)?.type).toBe('reclassified');
      const after = await t.deps.db.select().from(analysisFingerprints).where(eq(analysisFingerprints.petitionId, p.id));
      expect(after[0]?.domain).toBe('labor');
      const placeDomain = await t.deps.db
        .select({ key: analysisClusterMembers.key })
        .from(analysisClusterMembers)
        .where(and(eq(analysisClusterMembers.petitionId, p.id), eq(analysisClusterMembers.kind, 'placeDomain')));
      expect(placeDomain.map((r) => r.key.split('|')[1])).toEqual(placeDomain.map(() => 'labor'));
      // The list filter follows the correction.
      const list = await call(t, 'clerk', 'GET', '/api/petitions?domain=labor&limit=100');
      expect(list.json().items.map((i: { id: string }) => i.id)).toContain(p.id);
    });

    it('refuses a correction that changes nothing, and bad input in the user’s language', async () => {
      t.clock.set('2026-04-02');
      const p = await register(t, wages(11));
      const same = await call(t, 'clerk', 'POST', `/api/petitions/${p.id}/reclassify`, {
        domain: 'labor',
        category: 'claim',
        litigationRelated: false,
        expectedVersion: p.version,
      });
      expect(same.statusCode).toBe(422);
      expect(same.json().error).toBe('classificationUnchanged');
      const bad = await call(t, 'clerk', 'POST', `/api/petitions/${p.id}/reclassify`, { domain: 'weather', category: 'claim', litigationRelated: false, expectedVersion: p.version }, { 'accept-language': 'zh' });
      expect(bad.statusCode).toBe(400);
      expect(bad.json().field).toBe('domain');
    });
  });

  describe('merging into a collective petition', () => {
    it('merges two single petitions into a third: headcount, representatives, merged ones closed and pointing at it', async () => {
      t.clock.set('2026-05-04');
      const lead = await register(t, wages(20));
      const a = await register(t, wages(21));
      const b = await register(t, wages(22, { petitioners: [{ name: '甲' }, { name: '乙' }], collective: true, headcount: 2 }));
      const res = await call(t, 'clerk', 'POST', `/api/analysis/petitions/${lead.id}/merge`, {
        petitionIds: [a.id, b.id],
        representatives: 2,
        note: '同一工地欠薪，合并办理',
        expectedVersion: lead.version,
      });
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json()).toMatchObject({ id: lead.id, headcount: 4, representatives: 2, version: lead.version + 1 });
      const collective = await detail(lead.id);
      expect(collective.state).toMatchObject({ collective: true, headcount: 4, representatives: 2, mergedFrom: [a.id, b.id] });
      expect(collective.timeline.at(-1)?.type).toBe('mergedIn');
      for (const id of [a.id, b.id]) {
        const m = await detail(id);
        expect(m.status).toBe('merged');
        expect(m.state.mergedInto).toBe(lead.id);
        expect(m.availableCommands).toEqual([]);
      }
      // The resident still follows their own code, and sees how the collective one stands (no number, no names).
      const portal = await call(t, null, 'GET', `/api/portal/petitions/${a.trackingCode}`, undefined, { 'x-tracking-secret': a.trackingSecret });
      expect(portal.statusCode, portal.body).toBe(200);
      const view = portal.json();
      expect(view.status).toBe('merged');
      expect(view.statusText.zh).toContain('合并办理');
      expect(view.mergedInto).toMatchObject({ statusText: { zh: expect.any(String) } });
      expect(JSON.stringify(view)).not.toContain(lead.trackingCode);
    });

    it('refuses more than 5 representatives, a stale version, and a petition already merged', async () => {
      t.clock.set('2026-05-05');
      const lead = await register(t, wages(30));
      const a = await register(t, wages(31));
      const six = await call(t, 'clerk', 'POST', `/api/analysis/petitions/${lead.id}/merge`, { petitionIds: [a.id], representatives: 6, expectedVersion: lead.version });
      expect(six.statusCode).toBe(400);
      const many = await call(t, 'clerk', 'POST', `/api/analysis/petitions/${lead.id}/merge`, { petitionIds: [a.id], headcount: 2, representatives: 3, expectedVersion: lead.version });
      expect(many.statusCode).toBe(422);
      expect(many.json().error).toBe('representativesInvalid');
      const stale = await call(t, 'clerk', 'POST', `/api/analysis/petitions/${lead.id}/merge`, { petitionIds: [a.id], representatives: 1, expectedVersion: lead.version + 5 });
      expect(stale.statusCode).toBe(409);
      const ok = await call(t, 'clerk', 'POST', `/api/analysis/petitions/${lead.id}/merge`, { petitionIds: [a.id], representatives: 1, expectedVersion: lead.version });
      expect(ok.statusCode, ok.body).toBe(200);
      const other = await register(t, wages(32));
      const twice = await call(t, 'clerk', 'POST', `/api/analysis/petitions/${other.id}/merge`, { petitionIds: [a.id], representatives: 1, expectedVersion: other.version });
      expect(twice.statusCode).toBe(422);
      expect(twice.json().error).toBe('invalidState');
      // Nothing of the refused merge was written.
      expect((await detail(other.id)).version).toBe(other.version);
      const handler = await call(t, 'handler', 'POST', `/api/analysis/petitions/${other.id}/merge`, { petitionIds: [lead.id], representatives: 1, expectedVersion: other.version });
      expect([403, 404]).toContain(handler.statusCode);
    });

    it('merges an accusation only into a collective accusation against the same unit (Art. 30)', async () => {
      t.clock.set('2026-05-06');
      const accuses = (n: number) =>
        wages(40 + n, { category: 'accusation', title: `检举劳动保障局工作人员（${n}）`, respondent: { name: '青川市人力资源和社会保障局', unitId: 'city-labor' } });
      const accusation = await register(t, accuses(1));
      // Into a wage claim (which the accused bureau may well hold): refused, nothing written.
      const claim = await register(t, wages(45));
      const refused = await call(t, 'clerk', 'POST', `/api/analysis/petitions/${claim.id}/merge`, { petitionIds: [accusation.id], representatives: 1, expectedVersion: claim.version });
      expect(refused.statusCode, refused.body).toBe(422);
      expect(refused.json().error).toBe('accusationMergeInvalid');
      expect(refused.json().message).toMatch(/第三十条|Art\. 30/);
      expect((await detail(accusation.id)).status).toBe('registered');
      expect((await detail(claim.id)).version).toBe(claim.version);
      // Into an accusation against the same bureau: merged.
      const lead = await register(t, accuses(2));
      const ok = await call(t, 'clerk', 'POST', `/api/analysis/petitions/${lead.id}/merge`, { petitionIds: [accusation.id], representatives: 1, expectedVersion: lead.version });
      expect(ok.statusCode, ok.body).toBe(200);
      expect((await detail(accusation.id)).status).toBe('merged');
      // The collective stays an accusation against the bureau: not reclassified, so never assigned to it.
      const version = (await detail(lead.id)).version;
      const reclassified = await call(t, 'clerk', 'POST', `/api/petitions/${lead.id}/reclassify`, {
        domain: 'labor',
        category: 'claim',
        litigationRelated: false,
        expectedVersion: version,
      });
      expect(reclassified.statusCode, reclassified.body).toBe(422);
      expect(reclassified.json().error).toBe('mergedAccusation');
      const assigned = await call(t, 'clerk', 'POST', `/api/petitions/${lead.id}/assign`, { unitId: 'city-labor', expectedVersion: version });
      expect(assigned.statusCode, assigned.body).toBe(422);
      expect(assigned.json().error).toBe('accusedUnit');
    });
  });

  describe('cluster alerts in the outbox', () => {
    const notices = async () =>
      t.deps.db
        .select({ recipient: outbox.recipient, jurisdictionCode: outbox.jurisdictionCode })
        .from(outbox)
        .where(and(eq(outbox.template, 'clusterAlert'), eq(outbox.channel, 'inApp')));
    const jinxing = (n: number) => ({
      title: `反映金星建材公司拖欠工资（${n}）`,
      content: `金星建材有限公司在石桥街道仓库拖欠我们搬运工${n}组的工资两个月，请求劳动部门帮忙。`,
      respondent: { name: '青川市金星建材有限公司' },
      address: undefined,
      petitioners: [{ name: `搬运工${n}` }],
    });

    it('queues one in-app notice per staff member of the subject unit when a cluster crosses the threshold, once', async () => {
      const before = (await notices()).length;
      t.clock.set('2026-06-01');
      await register(t, jinxing(1));
      await register(t, jinxing(2));
      expect((await notices()).length).toBe(before);
      await register(t, jinxing(3));
      const after = await notices();
      const fresh = after.slice(before);
      // district-labor has a handler and a head.
      expect(fresh.length).toBe(2);
      expect(new Set(fresh.map((n) => n.recipient)).size).toBe(2);
      await register(t, jinxing(4));
      // Re-indexing everything again raises nothing new.
      const all = await t.deps.db.execute(sql`select petition_id from analysis_fingerprints`);
      const ids = (all as { rows: { petition_id: string }[] }).rows.map((r) => r.petition_id);
      await t.deps.db.transaction(async (tx) => (await import('../src/analysis/indexing')).indexPetitions(tx, t.deps, ids));
      expect((await notices()).length).toBe(after.length);
      // The unit's head sees it among their notifications.
      const mine = await call(t, 'district-head', 'GET', '/api/notifications');
      const texts = mine.json().items.filter((i: { template: string }) => i.template === 'clusterAlert').map((i: { text: string }) => i.text);
      expect(texts.some((x: string) => x.includes('金星'))).toBe(true);
      expect(texts.join()).not.toContain('搬运工1');
      // … and in English when that is the reader's language.
      const en = (await call(t, 'district-head', 'GET', '/api/notifications', undefined, { 'accept-language': 'en' })).json();
      const enTexts = en.items.filter((i: { template: string }) => i.template === 'clusterAlert').map((i: { text: string }) => i.text);
      expect(enTexts.length).toBe(texts.length);
      expect(enTexts.every((x: string) => x.startsWith('[Alert] ') && x.includes('petitions about'))).toBe(true);
    });
  });
});
