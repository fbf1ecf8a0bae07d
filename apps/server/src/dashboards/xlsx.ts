import ExcelJS from 'exceljs';
import type { z } from 'zod';
import type { AnnualReport, Summary } from './schemas';

type Row = (string | number | null)[];

function sheet(wb: ExcelJS.Workbook, name: string, header: string[], rows: Row[]) {
  const ws = wb.addWorksheet(name);
  ws.addRow(header).font = { bold: true };
  for (const r of rows) ws.addRow(r);
  ws.columns.forEach((c) => (c.width = 16));
}

const pct = (v: number | null) => (v === null ? null : Math.round(v * 10_000) / 10_000);

/** The dashboard view as a workbook: the same figures the API answered, one sheet per element. */
export async function summaryWorkbook(s: z.infer<typeof Summary>): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Qiao';
  sheet(
    wb,
    '指标 KPIs',
    ['指标 measure', '值 value', '分子 numerator', '分母 denominator', '去年同期 last year', '同比 change'],
    s.tiles.map((t) => [`${t.label.zh} ${t.label.en}`, pct(t.value), t.numerator, t.denominator, pct(t.lastYear?.value ?? null), pct(t.change)]),
  );
  sheet(
    wb,
    '趋势 trend',
    ['月份 month', '信访量 volume', '去年同月 last year', '同比 change', '按期办结率 on-time', '满意率 satisfaction'],
    s.trend.map((t) => [t.month, t.volume, t.lastYearVolume, pct(t.change), pct(t.onTimeRate.value), pct(t.satisfactionRate.value)]),
  );
  for (const [name, rows] of [
    ['领域 domain', s.byDomain],
    ['渠道 channel', s.byChannel],
    ['类别 category', s.byCategory],
  ] as const)
    sheet(
      wb,
      name,
      ['分类 key', '信访量 volume', '占比 share', '去年同期 last year', '同比 change'],
      rows.map((r) => [r.key, r.volume, pct(r.share), r.lastYear, pct(r.change)]),
    );
  sheet(
    wb,
    '辖区 jurisdictions',
    ['排名 rank', '代码 code', '名称 name', '信访量 volume', '去年同期 last year', '按期办结率 on-time', '满意率 satisfaction', '超期 overdue'],
    s.jurisdictions.map((j) => [j.rank, j.code, j.name, j.volume, j.lastYear, pct(j.rates.onTimeRate.value), pct(j.rates.satisfactionRate.value), j.overdue]),
  );
  sheet(
    wb,
    '单位 units',
    ['排名 rank', '单位 unit', '信访量 volume', '已答复 replied', '按期办结率 on-time', '及时受理率 timely acceptance', '满意率 satisfaction', '一次性化解率 first-time', '超期 overdue'],
    s.units.map((u) => [
      u.rank,
      u.unit?.name ?? '（未分派）',
      u.volume,
      u.replied,
      pct(u.rates.onTimeRate.value),
      pct(u.rates.timelyAcceptanceRate.value),
      pct(u.rates.satisfactionRate.value),
      pct(u.rates.firstTimeResolutionRate.value),
      u.overdue,
    ]),
  );
  return Buffer.from(await wb.xlsx.writeBuffer());
}

export async function annualWorkbook(r: z.infer<typeof AnnualReport>): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Qiao';
  sheet(wb, `${r.year} 年度`, ['项目 item', '数量 count'], [
    ['信访总量 received', r.received],
    ['去年 last year', r.lastYearReceived],
    ['转送 forwarded', r.forwarded],
    ['交办 assigned', r.assigned],
    ['督办 supervised', r.supervised],
    ['建议 suggestions', r.suggestions.received],
    ['建议采纳 suggestions adopted', r.suggestions.adopted],
  ]);
  sheet(wb, '领域 domain', ['领域 domain', '数量 count'], r.byDomain.map((d) => [d.key, d.count]));
  sheet(wb, '单位 units', ['排名 rank', '单位 unit', '数量 count'], r.mostPetitionedUnits.map((u) => [u.rank, u.unit.name, u.count]));
  return Buffer.from(await wb.xlsx.writeBuffer());
}
