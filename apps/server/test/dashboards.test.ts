import { describe, expect, it } from 'vitest';
import { matchesVisibility, visibilityFilter } from '@qiao/core';
import { allRates, handlingUnitId, rateParts, lastDayOfMonth, monthsBetween, sameDayLastYear, sameMonthLastYear, tally, type MeasureCounts, type MetricRecord } from '@qiao/core';
import { authenticate } from '../src/auth/actor';
import { petitionClocks as clocksTable, petitions } from '../src/db/schema';
import { scopeOf } from '../src/petitions/repo';
import { drillDownTotal, type ListFilters } from '../src/dashboards/list-total';
import { filterPrefix } from '../src/dashboards/query';
import { rows } from '../src/dashboards/sync';
import { sql } from 'drizzle-orm';
import { available, engineName, useTestApp, type TestContext } from './support/app';
import { call, command, register } from './support/http';

/** A small deterministic random source, so a failure can be replayed. */
function rng(seed: number) {
  let s = seed >>> 0;
  const next = () => {
    s = (s * 1_664_525 + 1_013_904_223) >>> 0;
    return s / 2 ** 32;
  };
  return { next, pick: <T,>(xs: readonly T[]): T => xs[Math.floor(next() * xs.length)]!, int: (a: number, b: number) => a + Math.floor(next() * (b - a + 1)) };
}

interface Summary {
  source: string;
  tiles: { measure: string; value: number | null; numerator: number; denominator: number | null; lastYear: { numerator: number; denominator: number | null } | null; filter: { query: string } }[];
  lastYear: { receivedFrom: string; receivedTo: string };
  trend: { month: string; volume: number; lastYearMonth: string; lastYearVolume: number; lastYearFilter: { query: string } }[];
  byDomain: { key: string; volume: number; lastYear: number; filter: { query: string } }[];
  byChannel: { key: string; volume: number }[];
  byCategory: { key: string; volume: number }[];
  jurisdictions: { code: string; cityLevel: boolean; volume: number; lastYear: number; filter: { query: string } }[];
  units: {
    unit: { id: string } | null;
    volume: number;
    lastYear: number;
    replied: number;
    rates: Record<string, { numerator: number; denominator: number }>;
    overdue: number;
    filter: { query: string };
  }[];
}

/** Every figure recounted from the petitions themselves with core/metrics, as the given user may see them. */
async function recount(t: TestContext, username: string, from: string, to: string, jurisdiction: string | null) {
  const actor = await authenticate(t.deps, `Bearer ${await t.token(username)}`);
  const filter = visibilityFilter(actor);
  const all = await t.deps.db.select().from(petitions);
  const clocks = await t.deps.db.select().from(clocksTable);
  const repeated = new Set(all.map((p) => p.repeatOf).filter((x): x is string => x !== null));
  const clock = (id: string, name: string) => clocks.find((c) => c.petitionId === id && c.name === name);
  const prefix = jurisdiction === null ? null : filterPrefix(jurisdiction);
  const visible = all.filter(
    (p) => matchesVisibility(filter, scopeOf(p)) && (prefix === null || p.jurisdictionCode.startsWith(prefix)),
  );
  const record = (p: (typeof all)[number]): MetricRecord => {
    const h = clock(p.id, 'handling');
    const rn = clock(p.id, 'receiptNotice');
    const s = p.state;
    return {
      receivedOn: p.receivedOn,
      channel: s.channel,
      category: s.category,
      repeatOf: s.repeatOf,
      repeatedLater: repeated.has(p.id),
      concludedOn: s.concludedOn,
      resolved: s.resolved,
      reviewRequested: s.review !== null,
      reply: s.reply ? { issuedOn: s.reply.issuedOn, outcome: s.reply.outcome } : null,
      handlingLate: h ? h.late : null,
      acceptance: rn ? { decided: rn.status === 'ended', late: rn.late } : null,
      rating: s.rating,
      routingMode: s.routingMode,
      supervisions: s.supervisions.length,
    };
  };
  const months = new Set(monthsBetween(from, to));
  const lastMonths = new Set([...months].map(sameMonthLastYear));
  // Last year's side stops at the same day last year as this year's (today, when the period reaches it).
  const today = t.deps.clockSettings.context(t.deps.now()).today;
  const through = lastDayOfMonth(to) < today ? lastDayOfMonth(to) : today;
  const lastThrough = sameDayLastYear(through);
  const cur = visible.filter((p) => months.has(p.receivedOn.slice(0, 7)));
  const prev = visible.filter((p) => lastMonths.has(p.receivedOn.slice(0, 7)) && p.receivedOn <= lastThrough);
  const by = (list: typeof all, key: (p: (typeof all)[number]) => string) => {
    const m = new Map<string, MeasureCounts>();
    const groups = new Map<string, typeof all>();
    for (const p of list) groups.set(key(p), [...(groups.get(key(p)) ?? []), p]);
    for (const [k, ps] of groups) m.set(k, tally(ps.map(record)));
    return m;
  };
  return {
    current: tally(cur.map(record)),
    previous: tally(prev.map(record)),
    byDomain: by(cur, (p) => p.domain),
    byMonth: by(cur, (p) => p.receivedOn.slice(0, 7)),
    byUnit: by(cur, (p) => handlingUnitId(p.state) ?? ''),
    byCounty: by(cur, (p) => p.jurisdictionCode.slice(0, 6)),
    lastYear: {
      byDomain: by(prev, (p) => p.domain),
      byMonth: by(prev, (p) => p.receivedOn.slice(0, 7)),
      byUnit: by(prev, (p) => handlingUnitId(p.state) ?? ''),
      byCounty: by(prev, (p) => p.jurisdictionCode.slice(0, 6)),
    },
    visible,
  };
}

async function summary(t: TestContext, user: string, query: string) {
  const res = await call(t, user, 'GET', `/api/dashboards/summary?${query}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json<Summary>();
}

function expectAgrees(s: Summary, r: Awaited<ReturnType<typeof recount>>) {
  const rates = allRates(r.current);
  const lastRates = allRates(r.previous);
  for (const tile of s.tiles) {
    if (tile.measure === 'overdue') continue;
    if (tile.measure === 'volume') {
      expect(tile.value, 'volume').toBe(r.current.received);
      expect(tile.lastYear?.numerator, 'volume last year').toBe(r.previous.received);
      continue;
    }
    const want = rates[tile.measure as keyof typeof rates];
    expect({ measure: tile.measure, n: tile.numerator, d: tile.denominator }).toEqual({ measure: tile.measure, n: want.numerator, d: want.denominator });
    const wantLast = lastRates[tile.measure as keyof typeof lastRates];
    expect({ measure: tile.measure, n: tile.lastYear?.numerator, d: tile.lastYear?.denominator }).toEqual({
      measure: tile.measure,
      n: wantLast.numerator,
      d: wantLast.denominator,
    });
  }
  for (const d of s.byDomain) expect([d.key, d.volume]).toEqual([d.key, r.byDomain.get(d.key)?.received ?? 0]);
  for (const m of s.trend) expect([m.month, m.volume]).toEqual([m.month, r.byMonth.get(m.month)?.received ?? 0]);
  for (const u of s.units) expect([u.unit?.id, u.volume]).toEqual([u.unit?.id, r.byUnit.get(u.unit?.id ?? '')?.received ?? 0]);
  // Every rate of every unit's row, by the unit that replied (a review moves the petition, not its figures).
  for (const u of s.units.filter((x) => x.volume > 0)) {
    const want = allRates(r.byUnit.get(u.unit?.id ?? '')!);
    const got = Object.fromEntries(Object.entries(u.rates).map(([k, v]) => [k, [v.numerator, v.denominator]]));
    expect({ unit: u.unit?.id, replied: u.replied, rates: got }).toEqual({
      unit: u.unit?.id,
      replied: r.byUnit.get(u.unit?.id ?? '')!.replied,
      rates: Object.fromEntries(Object.entries(want).map(([k, v]) => [k, [v.numerator, v.denominator]])),
    });
  }
  expect(s.units.reduce((a, u) => a + u.volume, 0)).toBe(r.current.received);
  for (const j of s.jurisdictions) expect([j.code, j.volume]).toEqual([j.code, r.byCounty.get(j.code)?.received ?? 0]);
  // Last year's side of every comparison: the same petitions, up to the same day last year.
  const ly = r.lastYear;
  for (const m of s.trend) expect([m.lastYearMonth, m.lastYearVolume]).toEqual([m.lastYearMonth, ly.byMonth.get(m.lastYearMonth)?.received ?? 0]);
  for (const d of s.byDomain) expect(['lastYear', d.key, d.lastYear]).toEqual(['lastYear', d.key, ly.byDomain.get(d.key)?.received ?? 0]);
  for (const u of s.units) expect(['lastYear', u.unit?.id, u.lastYear]).toEqual(['lastYear', u.unit?.id, ly.byUnit.get(u.unit?.id ?? '')?.received ?? 0]);
  for (const j of s.jurisdictions) expect(['lastYear', j.code, j.lastYear]).toEqual(['lastYear', j.code, ly.byCounty.get(j.code)?.received ?? 0]);
}

interface Listed {
  status: string;
  currentUnit: { id: string } | null;
  handlingUnit: { id: string; name: string } | null;
}

/** Every petition a list query gives, page by page. */
async function listAll(t: TestContext, user: string, query: string) {
  const all: Listed[] = [];
  let cursor: string | null = null;
  do {
    const res = await call(t, user, 'GET', `/api/petitions?${query}&limit=200${cursor ? `&cursor=${cursor}` : ''}`);
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json<{ items: Listed[]; nextCursor: string | null }>();
    all.push(...body.items);
    cursor = body.nextCursor;
  } while (cursor);
  return all;
}

const listCount = async (t: TestContext, user: string, query: string) => (await listAll(t, user, query)).length;

async function rollupSnapshot(t: TestContext) {
  const main = await rows<Record<string, unknown>>(t.deps.db, sql`select * from dashboard_rollup where received <> 0 order by 1, 2, 3, 4, 5, 6`);
  const units = await rows<Record<string, unknown>>(t.deps.db, sql`select * from dashboard_unit_rollup where received <> 0 order by 1, 2, 3, 4`);
  const scope = await rows<Record<string, unknown>>(
    t.deps.db,
    sql`select * from dashboard_scope_rollup where received <> 0 order by 1, 2, 3, 4, 5, 6, 7, 8, 9`,
  );
  const byDay = {
    main: await rows<Record<string, unknown>>(t.deps.db, sql`select * from dashboard_day_rollup where received <> 0 order by 1, 2, 3, 4, 5, 6, 7`),
    units: await rows<Record<string, unknown>>(t.deps.db, sql`select * from dashboard_unit_day_rollup where received <> 0 order by 1, 2, 3, 4, 5`),
    scope: await rows<Record<string, unknown>>(
      t.deps.db,
      sql`select * from dashboard_scope_day_rollup where received <> 0 order by 1, 2, 3, 4, 5, 6, 7, 8, 9, 10`,
    ),
  };
  return { main, units, scope, byDay };
}

const users = ['leader', 'clerk', 'district-clerk', 'county-clerk', 'supervisor', 'handler', 'district-head', 'agent', 'admin'];
const periods = ['from=2025-07&to=2026-06', 'from=2026-01&to=2026-12', 'from=2025-01&to=2025-12&jurisdiction=339902'];

describe.skipIf(!available)(`dashboards (${engineName})`, () => {
  const t = useTestApp();

  it('agrees with a full recount after random changes, synced incrementally between them', async () => {
    const r = rng(7);
    const ids: string[] = [];
    t.clock.set('2026-03-02');
    const summaries = async () => {
      for (const u of ['leader', 'handler']) await summary(t, u, periods[0]!);
    };
    await summaries(); // first sync builds the (empty) rollups
    for (let i = 0; i < 36; i++) {
      const byAgent = r.next() < 0.1;
      const district = byAgent || r.next() < 0.6;
      const category = r.pick(['claim', 'claim', 'suggestion', 'accusation'] as const);
      const month = r.pick(['2025-01', '2025-03', '2025-08', '2025-11', '2026-01', '2026-02']);
      const p = await register(
        t,
        {
          channel: r.pick(['letter', 'visit', 'online', 'hotline']),
          category,
          domain: r.pick(['labor', 'housing', 'land', 'other']),
          jurisdictionCode: district ? '339902001' : '339921001',
          receivedOn: `${month}-${String(r.int(1, 28)).padStart(2, '0')}`,
          ...(category === 'accusation' ? { respondent: { name: '临江区人社局', unitId: 'district-labor' } } : {}),
          // Every other accusation accuses the district office too, in its own words: two units are kept from it.
          ...(category === 'accusation' && i % 2 === 0 ? { content: '临江区人社局拖着不办，临江区信访局工作人员也推诿，把材料退回给我。' } : {}),
          ...(ids.length > 3 && r.next() < 0.25 ? { repeatOf: r.pick(ids) } : {}),
          ...(byAgent ? { residentConsent: true } : {}),
        },
        byAgent ? 'agent' : 'clerk',
      );
      ids.push(p.id);
      const depth = r.int(0, 7);
      if (depth >= 1) {
        const target = category === 'accusation' ? 'city-discipline' : 'city-labor';
        await command(t, 'clerk', p.id, r.next() < 0.7 ? 'assign' : 'forward', { unitId: target });
        const handler = category === 'accusation' ? 'discipline-handler' : 'handler';
        if (depth >= 2) await command(t, handler, p.id, 'accept');
        if (r.next() < 0.2) await command(t, 'supervisor', p.id, 'supervise', { reason: 'late', note: '请尽快办理' });
        if (depth >= 3)
          await command(t, handler, p.id, 'reply', { outcome: r.pick(['support', 'explain', 'notSupport']), text: '经调查核实，答复如下。' });
        if (depth >= 4) await command(t, handler, p.id, 'conclude', { resolved: r.next() < 0.7, report: '已办结。' });
        if (depth >= 5) await command(t, 'clerk', p.id, 'rate', { rating: r.pick(['satisfied', 'basicallySatisfied', 'dissatisfied']) });
        if (depth >= 6 && r.next() < 0.5) await command(t, 'clerk', p.id, 'requestReview', { reason: '对处理意见不服' });
      }
      if (i % 6 === 5) {
        t.clock.advanceDays(r.int(5, 40)); // later steps become late
        await summaries();
      }
    }

    const leader = await recount(t, 'leader', '2025-07', '2026-06', null);
    // Accusations against two units are among them, and the district office (which sees its district) is one.
    const againstTwo = (await t.deps.db.select().from(petitions)).filter((p) => p.category === 'accusation' && p.respondentUnitIds.length === 2);
    expect(againstTwo.map((p) => p.respondentUnitIds.toSorted())).toContainEqual(['district-labor', 'district-office']);
    expect(leader.current.replied * leader.current.rated * leader.current.firstConcluded * leader.current.repeats).toBeGreaterThan(0);
    // Some petitions were replied by one unit and are held by another (the reviewing body): the unit figures
    // below must tell the two apart.
    expect(leader.visible.filter((p) => p.state.reply !== null && p.state.reply.unitId !== p.currentUnitId).length).toBeGreaterThan(0);
    // Where the random walk left the clock, then two days of November, when 2026-01..12 compares with 2025 up to
    // 10 or 24 November: last year's part month read up to the day (the 10th), or whole less the days after (the 24th).
    for (const day of ['03', '10', '11', '25']) // petitions on both sides of both cut-offs
      await register(t, { channel: 'letter', category: 'claim', domain: 'labor', jurisdictionCode: '339902001', receivedOn: `2025-11-${day}` }, 'clerk');
    const whole = await recount(t, 'leader', '2025-11', '2025-11', null);
    for (const day of [null, '2026-11-10', '2026-11-24']) {
      if (day !== null) t.clock.set(day);
      if (day !== null) {
        const upToDay = await recount(t, 'leader', '2026-11', '2026-11', null);
        expect(upToDay.previous.received).toBeGreaterThan(0);
        expect(upToDay.previous.received, 'the cut-off matters').toBeLessThan(whole.current.received);
      }
      for (const user of users)
        for (const q of periods) {
          const params = new URLSearchParams(q);
          const s = await summary(t, user, q);
          const want = await recount(t, user, params.get('from')!, params.get('to')!, params.get('jurisdiction'));
          expectAgrees(s, want);
        }
    }

    // The incrementally kept rollups equal a rebuild from scratch.
    const before = await rollupSnapshot(t);
    const rebuilt = await call(t, 'admin', 'POST', '/api/dashboards/rebuild');
    expect(rebuilt.statusCode, rebuilt.body).toBe(200);
    expect(await rollupSnapshot(t)).toEqual(before);
    // The refilled facts are vacuumed once the rebuild commits, so index-only scans need not read their rows.
    const [vis] = await rows<{ pages: number; visible: number }>(
      t.deps.db,
      sql`select relpages as pages, relallvisible as visible from pg_class where relname = 'dashboard_facts'`,
    );
    expect(vis!.pages).toBeGreaterThan(0);
    expect(vis!.visible).toBe(vis!.pages);
    expect(before.main.length).toBeGreaterThan(0);
    expect(before.scope.length).toBeGreaterThan(0);
    expect(before.byDay.scope.length).toBeGreaterThan(before.scope.length);
  });

  it('drills down to exactly the petitions counted', async () => {
    for (const user of ['leader', 'district-clerk', 'handler']) {
      const s = await summary(t, user, periods[0]!);
      const volume = s.tiles.find((x) => x.measure === 'volume')!;
      expect(await listCount(t, user, volume.filter.query)).toBe(volume.value);
      for (const d of s.byDomain.filter((x) => x.volume > 0)) expect(await listCount(t, user, d.filter.query)).toBe(d.volume);
      for (const j of s.jurisdictions) expect(await listCount(t, user, j.filter.query)).toBe(j.volume);
      const units = s.units.filter((x) => x.unit !== null && x.volume > 0);
      let heldElsewhere = 0;
      for (const u of units) {
        // Each listed petition names as its handling unit the unit it was counted for, whatever unit holds it now.
        const listed = await listAll(t, user, u.filter.query);
        expect(listed.length).toBe(u.volume);
        for (const p of listed) expect(p.handlingUnit?.id).toBe(u.unit!.id);
        heldElsewhere += listed.filter((p) => p.currentUnit?.id !== u.unit!.id).length;
        // ... and each of its rates, the unit's petitions that rate counts (the scorecard's rate links).
        for (const [measure, r] of Object.entries(u.rates))
          expect([u.unit!.id, measure, await listCount(t, user, `${u.filter.query}&measure=${measure}`)]).toEqual([u.unit!.id, measure, r.denominator]);
      }
      // The city's leader sees petitions under review, held by the reviewing body but counted for their unit.
      if (user === 'leader') expect(heldElsewhere).toBeGreaterThan(0);
      const overdue = s.tiles.find((x) => x.measure === 'overdue')!;
      expect(await listCount(t, user, overdue.filter.query)).toBe(overdue.value);
      // A rate lists the petitions it counts, and those of them that meet it or miss it.
      for (const r of s.tiles.filter((x) => x.denominator !== null && x.measure !== 'volume')) {
        const counted = [await listCount(t, user, r.filter.query), await listCount(t, user, `${r.filter.query}&part=met`), await listCount(t, user, `${r.filter.query}&part=missed`)];
        expect([user, r.measure, ...counted]).toEqual([user, r.measure, r.denominator, r.numerator, r.denominator! - r.numerator]);
      }
      // Last year's side of a period that reaches today (2026-11-24): up to 2025-11-24, month by month.
      const ytd = await summary(t, user, periods[1]!);
      expect(ytd.lastYear.receivedTo).toBe('2025-11-24');
      for (const m of ytd.trend) expect([m.lastYearMonth, await listCount(t, user, m.lastYearFilter.query)]).toEqual([m.lastYearMonth, m.lastYearVolume]);
      const lastYearVolume = ytd.tiles.find((x) => x.measure === 'volume')!.lastYear!.numerator;
      expect(await listCount(t, user, new URLSearchParams(ytd.lastYear).toString())).toBe(lastYearVolume);
    }
  });

  it('gives a drill-down list its exact total as the cockpit counts it: the list\'s own count, for any days, place and group', async () => {
    const r = rng(11);
    const day = () => {
      const month = r.pick(monthsBetween('2024-12', '2026-12'));
      // Whole months often, so both the monthly rollups and those by day are read.
      const d = r.next();
      return d < 0.3 ? `${month}-01` : d < 0.6 ? lastDayOfMonth(month) : `${month}-${String(r.int(1, 28)).padStart(2, '0')}`;
    };
    let overHttp = 0;
    let overdue = 0;
    for (const user of users) {
      const actor = await authenticate(t.deps, `Bearer ${await t.token(user)}`);
      for (let i = 0; i < 12; i++) {
        const f: ListFilters = {};
        const [a, b] = [day(), day()].sort();
        if (r.next() < 0.7) f.receivedFrom = a;
        if (r.next() < 0.7) f.receivedTo = i === 11 ? a : b; // once, a single day
        if (r.next() < 0.4) f.jurisdiction = r.pick(['339900', '339902', '339921', '339902001']);
        const grouped = r.next() < 0.6;
        if (grouped && r.next() < 0.4) f.domain = r.next() < 0.5 ? ['labor'] : ['housing', 'land'];
        if (grouped && r.next() < 0.3) f.channel = [r.pick(['letter', 'visit', 'online', 'hotline'] as const)];
        if (grouped && r.next() < 0.3) f.category = [r.pick(['claim', 'suggestion', 'accusation'] as const)];
        if (!grouped && r.next() < 0.5) f.handlingUnit = r.pick(['city-labor', 'city-discipline', 'district-labor']);
        if (r.next() < 0.5) {
          f.measure = r.pick(Object.keys(rateParts) as (keyof typeof rateParts)[]);
          const part = r.pick(['met', 'missed', null] as const);
          if (part) f.part = part;
        }
        const query = new URLSearchParams(Object.entries(f).map(([k, v]): [string, string] => [k, Array.isArray(v) ? v.join(',') : String(v)])).toString();
        const want = await listCount(t, user, query);
        expect([user, query, await drillDownTotal(t.deps, actor, f)]).toEqual([user, query, want]);
        const res = await call(t, user, 'GET', `/api/workbench/petitions/count?tab=all&${query}`);
        expect(res.statusCode, res.body).toBe(200);
        expect([user, query, res.json()]).toEqual([user, query, { count: want, capped: false }]);
        overHttp += want;
      }
      // The overdue tile's list, as the tile counts it (open petitions past a deadline today).
      for (const jurisdiction of [undefined, '339902'] as const) {
        const f: ListFilters = { overdue: 'true', ...(jurisdiction ? { jurisdiction } : {}) };
        const want = await listCount(t, user, `overdue=true${jurisdiction ? `&jurisdiction=${jurisdiction}` : ''}`);
        expect([user, jurisdiction, await drillDownTotal(t.deps, actor, f)]).toEqual([user, jurisdiction, want]);
        overdue += want;
      }
      // The list's first page gives the same total.
      const first = await call(t, user, 'GET', '/api/workbench/petitions?tab=all&receivedFrom=2025-03-05&count=true&limit=1');
      expect(first.json().total).toEqual({ count: await listCount(t, user, 'receivedFrom=2025-03-05'), capped: false });
    }
    expect(overHttp, 'the random filters found petitions').toBeGreaterThan(100);

    // The city's own petitions (place: the city, no county) are a row of the ranking that lists only them.
    await register(t, { channel: 'letter', category: 'claim', domain: 'housing', jurisdictionCode: '339900', receivedOn: '2026-02-10' }, 'clerk');
    const cityRow = (await summary(t, 'leader', periods[0]!)).jurisdictions.find((j) => j.code === '339900');
    expect(cityRow).toMatchObject({ cityLevel: true, volume: 1 });
    expect(cityRow!.filter.query).toContain('jurisdictionOnly=true');
    expect(await listCount(t, 'leader', cityRow!.filter.query)).toBe(1);
    const cityTotal = await call(t, 'leader', 'GET', `/api/workbench/petitions/count?tab=all&${cityRow!.filter.query}`);
    expect(cityTotal.json()).toEqual({ count: 1, capped: false });
    const whole = new URLSearchParams(cityRow!.filter.query);
    whole.delete('jurisdictionOnly');
    expect(await listCount(t, 'leader', whole.toString()), 'without it: the whole city').toBeGreaterThan(1);
    expect((await call(t, 'leader', 'GET', '/api/petitions?jurisdictionOnly=true')).statusCode).toBe(400);
    expect(overdue, 'some are overdue').toBeGreaterThan(0);
    // Other filters are counted live (and capped).
    const leader = await authenticate(t.deps, `Bearer ${await t.token('leader')}`);
    for (const f of [{ status: ['accepted' as const] }, { overdue: 'true' as const, domain: ['labor' as const] }, { overdue: 'false' as const }, { text: '工资' }, { handlingUnit: 'city-labor', domain: ['labor' as const] }])
      expect(await drillDownTotal(t.deps, leader, f)).toBeNull();
  });

  it('lists a rate\'s petitions newest first, page by page, in the order of the same list without the rate', async () => {
    // A list by a rate walks the facts (measure-filter.ts); it must page exactly like the petitions' own order,
    // also among petitions received on the same day (by id) and across a page's end within that day.
    for (let i = 0; i < 6; i++) {
      const p = await register(t, { channel: 'visit', category: 'claim', domain: 'labor', jurisdictionCode: '339902001', receivedOn: '2026-02-10' }, 'clerk');
      await command(t, 'clerk', p.id, 'assign', { unitId: 'city-labor' });
      await command(t, 'handler', p.id, 'accept');
      if (i % 3 !== 0) await command(t, 'handler', p.id, 'reply', { outcome: 'explain', text: '经调查核实，答复如下。' });
    }
    const ids = async (user: string, path: string) => {
      const out: string[] = [];
      let cursor: string | null = null;
      do {
        const res = await call(t, user, 'GET', `${path}&limit=3${cursor ? `&cursor=${cursor}` : ''}`);
        expect(res.statusCode, res.body).toBe(200);
        const body = res.json<{ items: { id: string }[]; nextCursor: string | null }>();
        out.push(...body.items.map((i) => i.id));
        cursor = body.nextCursor;
      } while (cursor);
      return out;
    };
    let longest = 0;
    for (const user of ['leader', 'handler']) {
      const s = await summary(t, user, periods[0]!);
      const base = s.tiles.find((x) => x.measure === 'volume')!.filter.query;
      const all = await ids(user, `/api/petitions?${base}`);
      for (const r of s.tiles.filter((x) => x.denominator !== null && x.measure !== 'volume'))
        for (const part of ['', '&part=met', '&part=missed']) {
          const listed = await ids(user, `/api/petitions?${r.filter.query}${part}`);
          const chosen = new Set(listed);
          longest = Math.max(longest, listed.length);
          expect([user, r.measure, part, listed.length]).toEqual([user, r.measure, part, chosen.size]);
          expect([user, r.measure, part, listed]).toEqual([user, r.measure, part, all.filter((id) => chosen.has(id))]);
          expect(await ids(user, `/api/workbench/petitions?tab=all&${r.filter.query}${part}`)).toEqual(listed);
          const total = await call(t, user, 'GET', `/api/workbench/petitions/count?tab=all&${r.filter.query}${part}`);
          expect(total.json()).toEqual({ count: listed.length, capped: false });
        }
    }
    expect(longest, 'some rate lists more than a page of 3').toBeGreaterThan(6);
  });

  it('lists a rate\'s petitions only by a rate it knows', async () => {
    const res = await call(t, 'leader', 'GET', '/api/petitions?part=met');
    expect([res.statusCode, res.json().error]).toEqual([400, 'partWithoutMeasure']);
    expect(res.json()).toMatchObject({ field: 'part', messages: { zh: expect.stringMatching(/统计指标/) } });
    expect((await call(t, 'leader', 'GET', '/api/petitions?measure=happiness')).statusCode).toBe(400);
    expect((await call(t, 'leader', 'GET', '/api/workbench/petitions/count?tab=all&measure=onTimeRate&part=late')).statusCode).toBe(400);
  });

  it('shows a leader of one county only that county, and uses the rollups for it', async () => {
    const s = await summary(t, 'district-clerk', periods[0]!);
    expect(s.source).toBe('rollup');
    expect(s.jurisdictions.every((j) => j.code === '339902')).toBe(true);
    // A unit's staff are counted from the unit's scope rollup; a proxy agent's own submissions live.
    expect((await summary(t, 'handler', periods[0]!)).source).toBe('rollup');
    expect((await summary(t, 'agent', periods[0]!)).source).toBe('live');
  });

  it('answers the annual report of Art. 41 from the same counts', async () => {
    const res = await call(t, 'leader', 'GET', '/api/dashboards/annual-report?year=2025');
    expect(res.statusCode, res.body).toBe(200);
    const a = res.json<{ received: number; forwarded: number; assigned: number; supervised: number; byDomain: { count: number }[]; suggestions: { received: number; adopted: number } }>();
    const want = await recount(t, 'leader', '2025-01', '2025-12', null);
    expect(a.received).toBe(want.current.received);
    expect(a.byDomain.reduce((x, d) => x + d.count, 0)).toBe(want.current.received);
    expect([a.forwarded, a.assigned, a.supervised]).toEqual([want.current.forwarded, want.current.assigned, want.current.supervised]);
    expect([a.suggestions.received, a.suggestions.adopted]).toEqual([want.current.suggestions, want.current.suggestionsAdopted]);

    // The year still running (the clock is at 2026-11-24) compares with 2025 up to 24 November.
    const running = await call(t, 'leader', 'GET', '/api/dashboards/annual-report?year=2026');
    expect(running.statusCode, running.body).toBe(200);
    const r = running.json<{ received: number; lastYearReceived: number; lastYear: { receivedFrom: string; receivedTo: string } }>();
    const wantRunning = await recount(t, 'leader', '2026-01', '2026-12', null);
    expect(r.lastYear).toEqual({ receivedFrom: '2025-01-01', receivedTo: '2025-11-24' });
    expect([r.received, r.lastYearReceived]).toEqual([wantRunning.current.received, wantRunning.previous.received]);
    expect(r.lastYearReceived).toBeLessThan(want.current.received);

    // Both say where the records start (the earliest day received), so a comparison with a year before it can say so.
    const earliest = (await t.deps.db.select({ d: petitions.receivedOn }).from(petitions)).map((x) => x.d).sort()[0];
    expect(res.json().recordsSince).toBe(earliest);
    expect((await summary(t, 'leader', periods[0]!) as unknown as { recordsSince: string }).recordsSince).toBe(earliest);
  });

  it('exports the view as .xlsx', async () => {
    const res = await call(t, 'leader', 'GET', `/api/dashboards/summary.xlsx?${periods[0]}`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    expect(res.rawPayload.subarray(0, 2).toString()).toBe('PK');
    const annual = await call(t, 'leader', 'GET', '/api/dashboards/annual-report.xlsx?year=2025');
    expect(annual.statusCode).toBe(200);
  });

  it('refuses anonymous users, bad periods, and rebuilds by non-admins', async () => {
    expect((await call(t, null, 'GET', '/api/dashboards/summary')).statusCode).toBe(401);
    expect((await call(t, 'leader', 'GET', '/api/dashboards/summary?from=2026-05&to=2026-01')).statusCode).toBe(400);
    expect((await call(t, 'leader', 'GET', '/api/dashboards/summary?from=2026-13')).statusCode).toBe(400);
    expect((await call(t, 'leader', 'POST', '/api/dashboards/rebuild')).statusCode).toBe(403);
  });

  it('publishes public figures without login, with cells under 5 withheld', async () => {
    const res = await call(t, null, 'GET', '/api/portal/stats?from=2025-01&to=2026-02');
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json<{
      received: { value: number | null };
      monthly: { month: string; received: { value: number | null; suppressed: boolean } }[];
      domains: { domain: string; received: { value: number | null; suppressed: boolean } }[];
      counties: { code: string; received: { value: number | null; suppressed: boolean }; onTimeRate: { value: number | null; suppressed: boolean } }[];
    }>();
    const all = await t.deps.db.select().from(petitions);
    const inPeriod = all.filter((p) => p.receivedOn >= '2025-01-01' && p.receivedOn <= '2026-02-28');
    const check = (cell: { value: number | null; suppressed: boolean }, n: number) =>
      expect(cell).toEqual(n < 5 ? { value: null, suppressed: true } : { value: n, suppressed: false });
    for (const m of body.monthly) check(m.received, inPeriod.filter((p) => p.receivedOn.startsWith(m.month)).length);
    for (const d of body.domains) check(d.received, inPeriod.filter((p) => p.domain === d.domain).length);
    for (const c of body.counties) check(c.received, inPeriod.filter((p) => p.jurisdictionCode.startsWith(c.code)).length);
    expect(body.monthly.some((m) => m.received.suppressed)).toBe(true);
    expect(body.monthly.some((m) => !m.received.suppressed)).toBe(true);
    // Nothing about any petition or person leaves: no titles, names, codes or ids.
    const text = res.body;
    for (const p of all.slice(0, 10)) {
      expect(text).not.toContain(p.id);
      expect(text).not.toContain(p.trackingCode);
      expect(text).not.toContain(p.title);
    }
    expect(text).not.toContain('王小明');
  });
});
