import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { available, engineName, useTestApp } from './support/app';
import { call, command, register } from './support/http';

/**
 * The cockpit's downloads: the .xlsx of a view and of the annual report are read back and must hold exactly the
 * figures the JSON endpoints answer for the same filter (both come from the same measure functions).
 */

type Cell = string | number | null;

async function workbook(body: Buffer) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(body as unknown as ArrayBuffer);
  const sheets = new Map<string, Cell[][]>();
  wb.eachSheet((ws) => {
    const rows: Cell[][] = [];
    // Empty cells (a rate with nothing to divide by) read back as holes: every row as wide as the header, holes as null.
    ws.eachRow((row) => {
      const values = row.values as unknown[];
      rows.push(Array.from({ length: ws.columnCount }, (_, i) => (values[i + 1] ?? null) as Cell));
    });
    sheets.set(ws.name, rows);
  });
  return sheets;
}

const pct = (v: number | null) => (v === null ? null : Math.round(v * 10_000) / 10_000);

interface Ratio {
  value: number | null;
  numerator: number;
  denominator: number;
}
interface Summary {
  period: { from: string; to: string };
  jurisdiction: string | null;
  tiles: {
    measure: string;
    label: { zh: string; en: string };
    value: number | null;
    numerator: number;
    denominator: number | null;
    lastYear: { value: number | null } | null;
    change: number | null;
  }[];
  trend: { month: string; volume: number; lastYearVolume: number; lastYearThrough: string | null }[];
  byDomain: { key: string; volume: number; lastYear: number }[];
  byChannel: { key: string; volume: number }[];
  byCategory: { key: string; volume: number }[];
  jurisdictions: { rank: number; code: string; name: string; volume: number; overdue: number }[];
  units: {
    rank: number;
    unit: { name: string } | null;
    volume: number;
    replied: number;
    overdue: number;
    rates: Record<string, Ratio>;
  }[];
}
interface Annual {
  year: number;
  received: number;
  lastYearReceived: number;
  forwarded: number;
  assigned: number;
  supervised: number;
  suggestions: { received: number; adopted: number; adoptionRate: Ratio };
  byDomain: { key: string; count: number }[];
  byChannel: { key: string; count: number }[];
  byCategory: { key: string; count: number }[];
  mostPetitionedUnits: { rank: number; unit: { name: string }; count: number }[];
  measures: Record<string, Ratio>;
}

describe.skipIf(!available)(`dashboard exports (${engineName})`, () => {
  const t = useTestApp();

  beforeAll(async () => {
    t.clock.set('2026-03-02');
    const plan = [
      {
        month: '2025-01',
        domain: 'labor',
        channel: 'visit',
        category: 'claim',
        place: '339902001',
        depth: 4,
      },
      {
        month: '2025-02',
        domain: 'housing',
        channel: 'online',
        category: 'suggestion',
        place: '339921001',
        depth: 3,
      },
      {
        month: '2025-02',
        domain: 'labor',
        channel: 'letter',
        category: 'suggestion',
        place: '339902001',
        depth: 3,
        outcome: 'explain',
      },
      {
        month: '2025-11',
        domain: 'land',
        channel: 'hotline',
        category: 'claim',
        place: '339921001',
        depth: 1,
        supervise: true,
      },
      {
        month: '2026-01',
        domain: 'labor',
        channel: 'online',
        category: 'claim',
        place: '339902001',
        depth: 5,
      },
      {
        month: '2026-01',
        domain: 'housing',
        channel: 'visit',
        category: 'claim',
        place: '339902001',
        depth: 2,
        forward: true,
      },
      {
        month: '2026-02',
        domain: 'other',
        channel: 'letter',
        category: 'suggestion',
        place: '339921001',
        depth: 3,
      },
      {
        month: '2026-02',
        domain: 'labor',
        channel: 'online',
        category: 'claim',
        place: '339902001',
        depth: 0,
      },
    ] as const;
    for (const [i, p] of plan.entries()) {
      const r = await register(t, {
        channel: p.channel,
        category: p.category,
        domain: p.domain,
        jurisdictionCode: p.place,
        receivedOn: `${p.month}-${String(3 + i).padStart(2, '0')}`,
      });
      if (p.depth >= 1)
        await command(t, 'clerk', r.id, 'forward' in p ? 'forward' : 'assign', { unitId: 'city-labor' });
      if ('supervise' in p)
        await command(t, 'supervisor', r.id, 'supervise', { reason: 'late', note: '请尽快办理' });
      if (p.depth >= 2) await command(t, 'handler', r.id, 'accept');
      if (p.depth >= 3)
        await command(t, 'handler', r.id, 'reply', {
          outcome: 'outcome' in p ? p.outcome : 'support',
          text: '经调查核实，答复如下。',
        });
      if (p.depth >= 4) await command(t, 'handler', r.id, 'conclude', { resolved: true, report: '已办结。' });
      if (p.depth >= 5) await command(t, 'clerk', r.id, 'rate', { rating: 'satisfied' });
    }
    t.clock.set('2026-04-20'); // some clocks are now late
  });

  for (const query of ['from=2025-07&to=2026-06', 'from=2025-01&to=2025-12&jurisdiction=339902']) {
    it(`the view's workbook holds the figures of the JSON answer (${query})`, async () => {
      const json = await call(t, 'leader', 'GET', `/api/dashboards/summary?${query}`);
      expect(json.statusCode, json.body).toBe(200);
      const s = json.json<Summary>();
      expect(s.tiles.find((x) => x.measure === 'volume')!.value).toBeGreaterThan(0);
      const res = await call(t, 'leader', 'GET', `/api/dashboards/summary.xlsx?${query}`);
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-type']).toContain('spreadsheetml');
      expect(res.headers['content-disposition']).toContain(`dashboard-${s.period.from}-${s.period.to}.xlsx`);
      const wb = await workbook(res.rawPayload);
      expect([...wb.keys()]).toEqual([
        '指标 KPIs',
        '趋势 trend',
        '领域 domain',
        '渠道 channel',
        '类别 category',
        '辖区 jurisdictions',
        '单位 units',
        '说明 about',
      ]);

      const kpis = wb.get('指标 KPIs')!.slice(1);
      expect(kpis.length).toBe(s.tiles.length);
      s.tiles.forEach((tile, i) => {
        expect(kpis[i]).toEqual([
          `${tile.label.zh} ${tile.label.en}`,
          pct(tile.value),
          tile.numerator,
          tile.denominator,
          pct(tile.lastYear?.value ?? null),
          pct(tile.change),
        ]);
      });
      expect(
        wb
          .get('趋势 trend')!
          .slice(1)
          .map((r) => r.slice(0, 3)),
      ).toEqual(s.trend.map((m) => [m.month, m.volume, m.lastYearVolume]));
      // The part month of last year (the clock is at 2026-04-20) says how far it was counted.
      const countedTo = wb.get('趋势 trend')!.slice(1).map((r) => r[6] ?? null);
      expect(countedTo).toEqual(s.trend.map((m) => m.lastYearThrough));
      expect(s.trend.filter((m) => m.lastYearThrough !== null).map((m) => [m.month, m.lastYearThrough])).toEqual(
        query.startsWith('from=2025-07') ? [['2026-04', '2025-04-20']] : [],
      );
      const domains = wb.get('领域 domain')!.slice(1);
      expect(domains.map((r) => [r[0], r[3], r[5]])).toEqual(
        s.byDomain.map((d) => [d.key, d.volume, d.lastYear]),
      );
      expect(domains.find((r) => r[0] === 'labor')?.slice(1, 3)).toEqual([
        '劳动保障（欠薪）',
        'Labour & wages', // as the cockpit names it (core's domainNames)
      ]);
      expect(
        wb
          .get('渠道 channel')!
          .slice(1)
          .map((r) => [r[0], r[1], r[3]]),
      ).toEqual(
        s.byChannel.map((d) => [
          d.key,
          {
            letter: '来信',
            visit: '来访',
            online: '网上信访',
            hotline: '电话',
            proxy: '代理',
            transfer: '上级转交',
          }[d.key],
          d.volume,
        ]),
      );
      expect(
        wb
          .get('类别 category')!
          .slice(1)
          .map((r) => [r[0], r[3]]),
      ).toEqual(s.byCategory.map((d) => [d.key, d.volume]));
      expect(
        wb
          .get('辖区 jurisdictions')!
          .slice(1)
          .map((r) => [r[0], r[1], r[2], r[3], r[7]]),
      ).toEqual(s.jurisdictions.map((j) => [j.rank, j.code, j.name, j.volume, j.overdue]));
      expect(wb.get('单位 units')!.slice(1)).toEqual(
        s.units.map((u) => [
          u.rank,
          u.unit?.name ?? '（未分派）',
          u.volume,
          u.replied,
          pct(u.rates.onTimeRate!.value),
          pct(u.rates.timelyAcceptanceRate!.value),
          pct(u.rates.satisfactionRate!.value),
          pct(u.rates.firstTimeResolutionRate!.value),
          u.overdue,
        ]),
      );
      const about = wb.get('说明 about')!;
      expect(about[1]![1]).toBe(`${s.period.from} – ${s.period.to}`);
      expect(about[3]![1]).toBe(s.jurisdiction ?? '全部可见 all visible');
    });
  }

  it('a narrower jurisdiction exports narrower figures', async () => {
    const all = await workbook(
      (await call(t, 'leader', 'GET', '/api/dashboards/summary.xlsx?from=2025-01&to=2025-12')).rawPayload,
    );
    const one = await workbook(
      (
        await call(
          t,
          'leader',
          'GET',
          '/api/dashboards/summary.xlsx?from=2025-01&to=2025-12&jurisdiction=339902',
        )
      ).rawPayload,
    );
    const volume = (wb: Map<string, Cell[][]>) => wb.get('指标 KPIs')![1]![1];
    expect(volume(all)).toBe(4);
    expect(volume(one)).toBe(2);
  });

  it('the annual report workbook holds the figures of the JSON answer', async () => {
    const json = await call(t, 'leader', 'GET', '/api/dashboards/annual-report?year=2025');
    expect(json.statusCode, json.body).toBe(200);
    const a = json.json<Annual>();
    expect([
      a.received,
      a.forwarded,
      a.assigned,
      a.supervised,
      a.suggestions.received,
      a.suggestions.adopted,
    ]).toEqual([4, 0, 4, 1, 2, 1]);
    const res = await call(t, 'leader', 'GET', '/api/dashboards/annual-report.xlsx?year=2025');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-disposition']).toContain('annual-report-2025.xlsx');
    const wb = await workbook(res.rawPayload);
    expect(wb.get('2025 年度')!.slice(1)).toEqual([
      ['信访总量 received', a.received],
      ['去年同期 same period last year (2024-01-01 – 2024-12-31)', a.lastYearReceived],
      ['转送 forwarded', a.forwarded],
      ['交办 assigned', a.assigned],
      ['督办 supervised', a.supervised],
      ['建议 suggestions', a.suggestions.received],
      ['建议采纳 suggestions adopted', a.suggestions.adopted],
    ]);
    expect(
      wb
        .get('领域 domain')!
        .slice(1)
        .map((r) => [r[0], r[3]]),
    ).toEqual(a.byDomain.map((d) => [d.key, d.count]));
    expect(
      wb
        .get('渠道 channel')!
        .slice(1)
        .map((r) => [r[0], r[3]]),
    ).toEqual(a.byChannel.map((d) => [d.key, d.count]));
    expect(
      wb
        .get('类别 category')!
        .slice(1)
        .map((r) => [r[0], r[3]]),
    ).toEqual(a.byCategory.map((d) => [d.key, d.count]));
    expect(wb.get('单位 units')!.slice(1)).toEqual(
      a.mostPetitionedUnits.map((u) => [u.rank, u.unit.name, u.count]),
    );
    const measures = wb.get('指标 measures')!.slice(1);
    expect(measures[0]).toEqual([
      '建议采纳率 suggestion adoption rate',
      pct(a.suggestions.adoptionRate.value),
      1,
      2,
    ]);
    expect(measures.find((r) => String(r[0]).startsWith('按期办结率'))?.slice(1)).toEqual([
      pct(a.measures.onTimeRate!.value),
      a.measures.onTimeRate!.numerator,
      a.measures.onTimeRate!.denominator,
    ]);
  });

  it('refuses a bad period in the user’s language, and anonymous downloads', async () => {
    const zh = await call(
      t,
      'leader',
      'GET',
      '/api/dashboards/summary.xlsx?from=2026-05&to=2026-01',
      undefined,
      { 'accept-language': 'zh-CN' },
    );
    expect(zh.statusCode).toBe(400);
    expect(zh.json<{ message: string }>().message).toContain('开始月份');
    const en = await call(
      t,
      'leader',
      'GET',
      '/api/dashboards/summary.xlsx?from=2026-05&to=2026-01',
      undefined,
      { 'accept-language': 'en' },
    );
    expect(en.json<{ message: string }>().message).toContain('first month');
    expect((await call(t, null, 'GET', '/api/dashboards/annual-report.xlsx?year=2025')).statusCode).toBe(401);
  });
});
