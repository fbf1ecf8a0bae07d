import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { available, engineName, intake, useTestApp } from './support/app';
import { call, command, register } from './support/http';

describe.skipIf(!available)(`petitions API (${engineName})`, () => {
  const t = useTestApp();

  describe('intake', () => {
    it.each(['letter', 'visit', 'online', 'hotline', 'proxy', 'transfer'])('registers a %s petition', async (channel) => {
      const res = await call(t, 'clerk', 'POST', '/api/petitions', intake({ channel }));
      expect(res.statusCode, res.body).toBe(201);
      const body = res.json();
      expect(body).toMatchObject({ status: 'registered', version: 1 });
      expect(body.trackingCode).toMatch(/^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/);
      expect(body.trackingSecret).toMatch(/^[0-9A-Z]{16}$/);
      // Received 2026-03-02: the petition office routes within 15 days (Art. 22).
      expect(body.deadlines).toEqual({ route: '2026-03-17' });
      const detail = (await call(t, 'clerk', 'GET', `/api/petitions/${body.id}`)).json();
      expect(detail.channel).toBe(channel);
    });

    it('registers a collective visit with its headcount and representatives', async () => {
      const reps = ['张伟', '李娜', '刘洋'].map((name) => ({ name }));
      const p = await register(t, { channel: 'visit', collective: true, headcount: 12, petitioners: reps });
      const d = (await call(t, 'clerk', 'GET', `/api/petitions/${p.id}`)).json();
      expect(d).toMatchObject({ collective: true, headcount: 12 });
      expect(d.petitioners.map((x: { name: string }) => x.name)).toEqual(['张*', '李*', '刘*']);
    });

    it('refuses more than five representatives for a collective visit (Art. 20)', async () => {
      const reps = Array.from({ length: 6 }, (_, i) => ({ name: `代表${i}` }));
      const res = await call(t, 'clerk', 'POST', '/api/petitions', intake({ channel: 'visit', collective: true, headcount: 30, petitioners: reps }));
      expect(res.statusCode).toBe(400);
      expect(res.json()).toMatchObject({ error: 'tooManyRepresentatives', field: 'petitioners' });
    });

    it('refuses a collective petition with a headcount of one, with a typed refusal', async () => {
      const res = await call(t, 'clerk', 'POST', '/api/petitions', intake({ collective: true, headcount: 1 }));
      expect(res.statusCode).toBe(422);
      expect(res.json().error).toBe('headcountInvalid');
    });

    it.each([
      [{ domain: 'weather' }, 'domain'],
      [{ title: '' }, 'title'],
      [{ jurisdictionCode: '12' }, 'jurisdictionCode'],
      [{ petitioners: [] }, 'petitioners'],
      [{ receivedOn: '2026-13-01' }, 'receivedOn'],
      [{ headcount: 0 }, 'headcount'],
    ])('answers bad input %j with 400 naming the field', async (patch, field) => {
      const res = await call(t, 'clerk', 'POST', '/api/petitions', intake(patch));
      expect(res.statusCode).toBe(400);
      const body = res.json();
      expect(body.error).toBe('invalidInput');
      expect(body.field).toBe(field);
      expect(body.message).toContain(field);
      expect(body.messages.zh).toMatch(/[\u4e00-\u9fff]/);
    });

    it('speaks English when asked', async () => {
      const res = await call(t, 'clerk', 'POST', '/api/petitions', intake({ petitioners: [{ name: '王五', phone: '12345' }] }), {
        'accept-language': 'en-US,en;q=0.9',
      });
      expect(res.statusCode).toBe(400);
      expect(res.json()).toMatchObject({ error: 'invalidPhone', field: 'petitioners.0.phone' });
      expect(res.json().message).toMatch(/not a valid phone number/);
    });

    it.each([
      ['110101199003076633', 'check character does not match'],
      ['110101199002306632', 'birth date'],
      ['11010119900307', '18 characters'],
    ])('checks ID card %s (GB 11643)', async (idCard, why) => {
      const res = await call(t, 'clerk', 'POST', '/api/petitions', intake({ petitioners: [{ name: '赵六', idCard }] }), {
        'accept-language': 'en',
      });
      expect(res.statusCode).toBe(400);
      expect(res.json().field).toBe('petitioners.0.idCard');
      expect(res.json().message).toContain(why);
    });

    it('refuses unknown places and respondents with 400', async () => {
      const a = await call(t, 'clerk', 'POST', '/api/petitions', intake({ jurisdictionCode: '339999' }));
      expect(a.statusCode).toBe(400);
      expect(a.json().field).toBe('jurisdictionCode');
      const b = await call(t, 'clerk', 'POST', '/api/petitions', intake({ respondent: { name: 'x', unitId: 'nope' } }));
      expect(b.json().field).toBe('respondent.unitId');
    });

    it('answers malformed JSON with 400, not 500', async () => {
      const res = await t.app.inject({
        method: 'POST',
        url: '/api/petitions',
        headers: { authorization: `Bearer ${await t.token('clerk')}`, 'content-type': 'application/json' },
        payload: '{"channel": ',
      });
      expect(res.statusCode).toBe(400);
    });

    it('requires a signed-in user', async () => {
      const res = await call(t, null, 'POST', '/api/petitions', intake());
      expect(res.statusCode).toBe(401);
      expect(res.json().messages.en).toMatch(/sign in/i);
    });

    it('returns the same petition for the same Idempotency-Key (200, not a second 201)', async () => {
      const key = { 'idempotency-key': 'hotline-call-20260302-0001' };
      const first = await call(t, 'clerk', 'POST', '/api/petitions', intake({ channel: 'hotline' }), key);
      const second = await call(t, 'clerk', 'POST', '/api/petitions', intake({ channel: 'hotline' }), key);
      expect(first.statusCode).toBe(201);
      expect(second.statusCode).toBe(200);
      expect(second.json()).toEqual(first.json());
      const list = (await call(t, 'clerk', 'GET', '/api/petitions?channel=hotline&limit=200')).json();
      expect(list.items.filter((i: { id: string }) => i.id === first.json().id)).toHaveLength(1);
    });

    it('refuses an Idempotency-Key reused for different content', async () => {
      const key = { 'idempotency-key': 'web-form-7f3a9c1e' };
      expect((await call(t, 'clerk', 'POST', '/api/petitions', intake({ title: '第一份' }), key)).statusCode).toBe(201);
      const other = await call(t, 'clerk', 'POST', '/api/petitions', intake({ title: '另一份' }), key);
      expect(other.statusCode).toBe(409);
      expect(other.json().error).toBe('idempotencyKeyReused');
      // Keys are scoped to the user: another clerk's same key is a new submission.
      expect((await call(t, 'district-clerk', 'POST', '/api/petitions', intake({ title: '另一份' }), key)).statusCode).toBe(201);
    });

    it('creates exactly one petition when the same key races', async () => {
      const key = { 'idempotency-key': 'race-1' };
      const results = await Promise.all(
        Array.from({ length: 5 }, () => call(t, 'clerk', 'POST', '/api/petitions', intake({ title: '并发提交' }), key)),
      );
      const ids = new Set(results.map((r) => r.json().id));
      expect(ids.size).toBe(1);
      expect(results.filter((r) => r.statusCode === 201)).toHaveLength(1);
      expect(results.every((r) => r.statusCode === 201 || r.statusCode === 200)).toBe(true);
    });
  });

  describe('process', () => {
    it('runs a petition through assignment, acceptance, extension, reply, conclusion and review', async () => {
      t.clock.set('2026-03-02');
      const p = await register(t);
      let r = await command(t, 'clerk', p.id, 'assign', { unitId: 'city-labor' });
      expect(r.status).toBe('awaitingAcceptance');
      // Receipt notice 15 days after routing; objection window 5 working days (Mar 3-6, 9).
      expect(r.deadlines).toMatchObject({ receiptNotice: '2026-03-17', objection: '2026-03-09' });
      t.clock.set('2026-03-03');
      r = await command(t, 'handler', p.id, 'notifyReceipt', { note: '已邮寄告知书' });
      expect(r.deadlines).toEqual({ objection: '2026-03-09' });
      t.clock.set('2026-03-04');
      r = await command(t, 'handler', p.id, 'accept', { note: '已书面告知' });
      expect(r.deadlines).toEqual({ handling: '2026-05-06' }); // Mar 4 + 60 = May 3 (Sun, holiday) -> May 6
      r = await command(t, 'head', p.id, 'extend', { days: 30, reason: '需要多部门调查' });
      expect(r.deadlines.handling).toBe('2026-06-02'); // Mar 4 + 90 = Jun 2
      t.clock.set('2026-04-10');
      r = await command(t, 'handler', p.id, 'reply', { outcome: 'support', text: '责令公司于一个月内支付全部工资。' });
      expect(r.status).toBe('replied');
      expect(r.deadlines).toEqual({ reviewRequest: '2026-05-11' }); // Apr 10 + 30 = May 10 (Sun) -> May 11
      r = await command(t, 'handler', p.id, 'conclude', { resolved: true, report: '已支付。' });
      expect(r.status).toBe('concluded');
      t.clock.set('2026-04-20');
      r = await command(t, 'clerk', p.id, 'requestReview', { reason: '对处理意见不服' });
      expect(r.status).toBe('underReview');
      const d = (await call(t, 'clerk', 'GET', `/api/petitions/${p.id}`)).json();
      expect(d.currentUnit).toBeTruthy();
      expect(d.currentUnit.id).not.toBe('city-labor');
      expect(d.timeline.map((e: { type: string }) => e.type)).toEqual([
        'registered',
        'assigned',
        'receiptNotified',
        'accepted',
        'extended',
        'replied',
        'concluded',
        'reviewRequested',
      ]);
      expect(d.timeline[1].summary.zh).toContain('交办至青川市人力资源和社会保障局');
      expect(d.timeline[1].summary.en).toBe('Assigned to 青川市人力资源和社会保障局, which is to report the result back');
      expect(d.clocks.find((c: { name: string }) => c.name === 'handling')).toMatchObject({ status: 'ended', late: false });
    });

    it('answers a stale expectedVersion with 409 and changes nothing', async () => {
      const p = await register(t);
      const ok = await call(t, 'clerk', 'POST', `/api/petitions/${p.id}/assign`, { unitId: 'city-labor', expectedVersion: 1 });
      expect(ok.statusCode).toBe(200);
      const stale = await call(t, 'clerk', 'POST', `/api/petitions/${p.id}/supervise`, {
        reason: 'late',
        note: '请加快办理',
        expectedVersion: 1,
      });
      expect(stale.statusCode).toBe(409);
      expect(stale.json()).toMatchObject({ error: 'versionConflict', currentVersion: 2 });
      const d = (await call(t, 'clerk', 'GET', `/api/petitions/${p.id}`)).json();
      expect(d.version).toBe(2);
      expect(d.timeline).toHaveLength(2);
    });

    it('lets only one of two racing commands win', async () => {
      const p = await register(t);
      const [a, b] = await Promise.all([
        call(t, 'clerk', 'POST', `/api/petitions/${p.id}/assign`, { unitId: 'city-labor', expectedVersion: 1 }),
        call(t, 'clerk', 'POST', `/api/petitions/${p.id}/forward`, { unitId: 'city-housing', expectedVersion: 1 }),
      ]);
      expect([a.statusCode, b.statusCode].sort()).toEqual([200, 409]);
      const d = (await call(t, 'clerk', 'GET', `/api/petitions/${p.id}`)).json();
      expect(d.timeline).toHaveLength(2);
    });

    it('refuses by the rules with 422 and a typed reason', async () => {
      const p = await register(t, { litigationRelated: true });
      await command(t, 'clerk', p.id, 'assign', { unitId: 'city-labor' });
      const res = await call(t, 'handler', 'POST', `/api/petitions/${p.id}/accept`, { expectedVersion: 2 });
      expect(res.statusCode).toBe(422);
      expect(res.json().error).toBe('litigationMustDivert');
      const diverted = await command(t, 'handler', p.id, 'divert', { to: 'litigation', note: '已告知向法院起诉' });
      expect(diverted.status).toBe('diverted');
    });

    it('lets only the unit head extend (Art. 33) and only the current unit accept', async () => {
      const p = await register(t);
      await command(t, 'clerk', p.id, 'assign', { unitId: 'city-labor' });
      const other = await call(t, 'housing-handler', 'POST', `/api/petitions/${p.id}/accept`, { expectedVersion: 2 });
      expect(other.statusCode).toBe(404); // not even visible to an uninvolved unit
      await command(t, 'handler', p.id, 'accept');
      const byHandler = await call(t, 'handler', 'POST', `/api/petitions/${p.id}/extend`, { days: 10, reason: 'x', expectedVersion: 3 });
      expect(byHandler.statusCode).toBe(403);
      const detail = (await call(t, 'handler', 'GET', `/api/petitions/${p.id}`)).json();
      expect(detail.availableCommands).toEqual(expect.arrayContaining(['reply', 'pause', 'divert']));
      expect(detail.availableCommands).not.toContain('extend');
      const headView = (await call(t, 'head', 'GET', `/api/petitions/${p.id}`)).json();
      expect(headView.availableCommands).toContain('extend');
    });

    it('answers unknown units in commands with 400', async () => {
      const p = await register(t);
      const res = await call(t, 'clerk', 'POST', `/api/petitions/${p.id}/assign`, { unitId: 'no-such-unit', expectedVersion: 1 });
      expect(res.statusCode).toBe(400);
      expect(res.json().field).toBe('unitId');
    });

    it('records supervision notices and their answers', async () => {
      const p = await register(t);
      await command(t, 'clerk', p.id, 'assign', { unitId: 'city-labor' });
      const s = await command(t, 'supervisor', p.id, 'supervise', { reason: 'late', note: '请于十日内书面答复', answerDays: 10 });
      const name = Object.keys(s.deadlines).find((k) => k.startsWith('supervision:'))!;
      expect(s.deadlines[name]).toBeDefined();
      const supervisionId = name.slice('supervision:'.length);
      const answered = await command(t, 'handler', p.id, 'answerSupervision', { supervisionId, text: '已加快办理' });
      expect(Object.keys(answered.deadlines).some((k) => k.startsWith('supervision:'))).toBe(false);
    });
  });

  describe('lists', () => {
    it('filters by status, unit, domain, text, overdue and due date, and pages with a cursor', async () => {
      t.clock.set('2026-01-05');
      const old = await register(t, { title: '物业公司停水停电', domain: 'propertyManagement', receivedOn: '2026-01-05' });
      t.clock.set('2026-03-02');
      const fresh = await register(t, { title: '学校划片入学问题', domain: 'education' });
      const overdue = (await call(t, 'clerk', 'GET', '/api/petitions?overdue=true&limit=200')).json();
      expect(overdue.items.map((i: { id: string }) => i.id)).toContain(old.id);
      expect(overdue.items.map((i: { id: string }) => i.id)).not.toContain(fresh.id);
      expect(overdue.items.find((i: { id: string }) => i.id === old.id).overdue).toBe(true);
      const byText = (await call(t, 'clerk', 'GET', `/api/petitions?text=${encodeURIComponent('划片')}`)).json();
      expect(byText.items.map((i: { id: string }) => i.id)).toEqual([fresh.id]);
      const byDomain = (await call(t, 'clerk', 'GET', '/api/petitions?domain=propertyManagement,education&limit=200')).json();
      expect(byDomain.items.map((i: { id: string }) => i.id).sort()).toEqual([old.id, fresh.id].sort());
      const due = (await call(t, 'clerk', 'GET', '/api/petitions?dueBefore=2026-01-31&limit=200')).json();
      const kebab = (await call(t, 'clerk', 'GET', '/api/petitions?due-before=2026-01-31&limit=200')).json();
      expect(kebab.items).toEqual(due.items);
      expect(due.items.map((i: { id: string }) => i.id)).toContain(old.id);
      expect(due.items.map((i: { id: string }) => i.id)).not.toContain(fresh.id);

      const all: string[] = [];
      let cursor: string | null = null;
      do {
        const page: { items: { id: string }[]; nextCursor: string | null } = (await call(t, 'clerk', 'GET', `/api/petitions?limit=3${cursor ? `&cursor=${cursor}` : ''}`)).json();
        all.push(...page.items.map((i: { id: string }) => i.id));
        cursor = page.nextCursor;
      } while (cursor);
      const everything = (await call(t, 'clerk', 'GET', '/api/petitions?limit=200')).json();
      expect(all).toEqual(everything.items.map((i: { id: string }) => i.id));
      expect(new Set(all).size).toBe(all.length);
    });

    it('answers a tampered cursor (an impossible day, a malformed id) with 400, not a failed query', async () => {
      const p = await register(t, { title: '游标校验' });
      const cursor = (text: string) => Buffer.from(text).toString('base64url');
      for (const text of [`2026-13-45|${p.id}`, `0000-01-01|${p.id}`, `2026-02-30|${p.id}`, `2026-03-02|${'-'.repeat(36)}`, `2026-03-02|${p.id.replace(/[0-9a-f]/g, 'z')}`]) {
        const res = await call(t, 'clerk', 'GET', `/api/petitions?cursor=${cursor(text)}`);
        expect(res.statusCode, `${text}: ${res.body}`).toBe(400);
        expect(res.json()).toMatchObject({ error: 'invalidCursor', field: 'cursor', message: 'cursor：分页游标无效' });
      }
      expect((await call(t, 'clerk', 'GET', `/api/petitions?cursor=${cursor(`2026-03-03|${p.id}`)}`)).statusCode).toBe(200);
      // A year 0 filter day is refused as a bad date, not failed as a query.
      expect((await call(t, 'clerk', 'GET', '/api/petitions?receivedFrom=0000-01-01')).statusCode).toBe(400);
    });

    it('searches titles, contents and respondents for a substring through the bigram index, exactly as LIKE would', async () => {
      const a = await register(t, { title: '反映琥珀鸥欠薪', content: '琥珀鸥在柳塘镇的工地欠薪四万元，鸥在追讨。', respondent: { name: '琥珀鸥建设工程有限公司' } });
      const b = await register(t, { title: '翠鸟巷噪音扰民', content: '翠鸟巷夜间施工 噪音很大，影响休息。' });
      const ids = async (text: string) =>
        ((await call(t, 'clerk', 'GET', `/api/petitions?limit=200&text=${encodeURIComponent(text)}`)).json().items as { id: string }[]).map((i) => i.id).sort();
      expect(await ids('琥珀鸥')).toEqual([a.id]); // title, content and respondent
      expect(await ids('鸥欠薪')).toEqual([a.id]); // the title only
      expect(await ids('鸥建设')).toEqual([a.id]); // the respondent's name only
      expect(await ids('巷夜间施工 噪音')).toEqual([b.id]); // two words, both in the content
      expect(await ids('翠')).toEqual([b.id]); // one character: no bigram, LIKE alone
      // Every bigram of the query is in the petition (珀鸥, 鸥在, 在追), but not in this order: not a match.
      expect(await ids('珀鸥在追')).toEqual([]);
      expect(await ids('琥珀%')).toEqual([]); // LIKE's wildcards are searched for as characters
      expect(await ids(a.trackingCode.toLowerCase())).toEqual([a.id]);
      // A code as read out on the phone: without dashes, in groups with spaces (O and L for 0 and 1 when the code has
      // them; tracking-code.test.ts reads every look-alike).
      const spoken = a.trackingCode.replace(/-/g, '').replace(/0/g, 'o').replace(/1/g, 'l');
      expect(await ids(spoken)).toEqual([a.id]);
      expect(await ids(a.trackingCode.replace(/-/g, ' '))).toEqual([a.id]);
      // The generated column holds the text's bigrams, none with white space.
      const res: unknown = await t.deps.db.execute(sql`select search_grams from petitions where id = ${b.id}`);
      const [row] = (res as { rows: { search_grams: string[] }[] }).rows;
      expect(row!.search_grams).toEqual(expect.arrayContaining(['施工', '噪音', '扰民']));
      expect(row!.search_grams.some((g) => /\s/.test(g))).toBe(false);
    });

    it('searches every word of a query (split on white space, at most five), each in any field; a spaced tracking code still finds its petition', async () => {
      const a = await register(t, {
        title: '鹭洲塑料厂拖欠工资',
        content: '工人反映鹭洲塑料厂拖欠三个月工资。',
        respondent: { name: '鹭洲塑料制品有限公司' },
      });
      const b = await register(t, { title: '鹭洲物流夜间装卸噪音', content: '鹭洲物流仓库夜间装卸货物，噪音扰民。' });
      const c = await register(t, { title: '砚溪工地拖欠工资', content: '砚溪工地拖欠工资两个月。', respondent: { name: '鹭洲建设有限公司' } });
      const ids = async (text: string) =>
        ((await call(t, 'clerk', 'GET', `/api/petitions?limit=200&text=${encodeURIComponent(text)}`)).json().items as { id: string }[]).map((i) => i.id).sort();
      const sorted = (...xs: string[]) => xs.sort();
      expect(await ids('鹭洲')).toEqual(sorted(a.id, b.id, c.id));
      expect(await ids('鹭洲塑料 拖欠')).toEqual([a.id]); // was: the whole query as one substring, nothing
      expect(await ids('鹭洲 工资')).toEqual(sorted(a.id, c.id)); // c: 鹭洲 only in its respondent, 工资 in its title
      expect(await ids('拖欠　鹭洲塑料')).toEqual([a.id]); // any order; a full-width space splits too
      expect(await ids('  鹭洲   噪音 ')).toEqual([b.id]);
      expect(await ids('鹭洲 噪音 工资')).toEqual([]); // every word, not any
      expect(await ids('鹭洲% 拖欠')).toEqual([]); // each word's wildcards are characters
      expect(await ids('砚 欠')).toEqual([c.id]); // one-character words: no bigram, LIKE alone
      expect(await ids('鹭洲 鹭洲 鹭洲 鹭洲 拖欠 工资')).toEqual(sorted(a.id, c.id)); // a word counts once
      // Words after the fifth are left out (a pasted sentence still narrows, the query stays bounded).
      expect(await ids('鹭洲 塑料 拖欠 工资 工人 没有这个词')).toEqual([a.id]);
      // The tracking code alternative is on the whole text: in groups with spaces, read out, lower case.
      expect(await ids(b.trackingCode.replace(/-/g, ' '))).toEqual([b.id]);
      expect(await ids(b.trackingCode.replace(/-/g, '  ').toLowerCase())).toEqual([b.id]);
    });

    it('finds petitions by the start of their tracking code, as typed off a slip, among those the user may see', async () => {
      const a = await register(t, { title: '码头仓库扬尘' });
      const b = await register(t, { title: '码头夜市占道' });
      const c = await register(t, { title: '码头渡口停航' });
      // Codes set here (random ones share a start only by chance): a and b share their first group, c its middle.
      const codes = { [a.id]: 'Q1W0-9XA2-BCD7', [b.id]: 'Q1W0-8KMN-PRS3', [c.id]: 'Z1W0-9XA2-BCD7' };
      for (const [id, code] of Object.entries(codes)) await t.deps.db.execute(sql`update petitions set tracking_code = ${code} where id = ${id}`);
      await command(t, 'clerk', a.id, 'assign', { unitId: 'city-labor' });
      // Among these three (a random code elsewhere in the database may start the same way).
      const ids = async (text: string, user = 'clerk', list = '/api/petitions?limit=200') =>
        ((await call(t, user, 'GET', `${list}&text=${encodeURIComponent(text)}`)).json().items as { id: string }[])
          .map((i) => i.id)
          .filter((id) => id in codes)
          .sort();
      expect(await ids('Q1W0')).toEqual([a.id, b.id].sort()); // one group: four characters
      expect(await ids('Q1W0-9X')).toEqual([a.id]); // with the group's dash
      expect(await ids('Q1W 09X')).toEqual([a.id]); // a dash or a space anywhere, or none
      expect(await ids('qlwo9xa')).toEqual([a.id]); // lower case, l and o read as 1 and 0
      expect(await ids('Q1W0-9XA2-BCD7')).toEqual([a.id]); // a whole code is its own start
      expect(await ids('Q1W')).toEqual([]); // under a group: not searched as a code
      expect(await ids('1W0-9XA2')).toEqual([]); // the middle of a code is not its start
      expect(await ids('Q1W0-9XA2-BCD7-8')).toEqual([]); // longer than a code
      expect(await ids('Q1W0 码头')).toEqual([]); // not code characters only: words, and Q1W0 is in no text
      // The handler of city-labor sees a (assigned to it), not b: the code's start does not find what the user may not see.
      expect(await ids('Q1W0', 'handler')).toEqual([a.id]);
      expect(await ids('q1w0', 'handler', '/api/workbench/petitions?tab=all&limit=200')).toEqual([a.id]);
      expect(await ids('q1w0', 'clerk', '/api/workbench/petitions?tab=all&limit=200')).toEqual([a.id, b.id].sort());
    });

    it('filters by unit and received date range, and rejects a bad cursor', async () => {
      const p = await register(t, { receivedOn: '2026-02-20' });
      await command(t, 'clerk', p.id, 'assign', { unitId: 'district-labor' });
      const byUnit = (await call(t, 'clerk', 'GET', '/api/petitions?unit=district-labor&status=awaitingAcceptance')).json();
      expect(byUnit.items.map((i: { id: string }) => i.id)).toContain(p.id);
      const range = (await call(t, 'clerk', 'GET', '/api/petitions?receivedFrom=2026-02-20&receivedTo=2026-02-20')).json();
      expect(range.items.every((i: { receivedOn: string }) => i.receivedOn === '2026-02-20')).toBe(true);
      expect(range.items.map((i: { id: string }) => i.id)).toContain(p.id);
      const bad = await call(t, 'clerk', 'GET', '/api/petitions?cursor=bm9wZQ');
      expect(bad.statusCode).toBe(400);
      const badStatus = await call(t, 'clerk', 'GET', '/api/petitions?status=lost');
      expect(badStatus.statusCode).toBe(400);
    });
  });
});
