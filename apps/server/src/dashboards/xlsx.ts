import ExcelJS from 'exceljs';
import type { z } from 'zod';
import type { AnnualReport, Summary } from './schemas';
import { categoryNames, channelNames, nameOf } from '@qiao/core';
import { domainName } from '../analysis/labels';

const names = {
  domain: domainName,
  channel: (k: string) => nameOf(channelNames, k),
  category: (k: string) => nameOf(categoryNames, k),
};

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
    ['月份 month', '信访量 volume', '去年同月 last year', '同比 change', '按期办结率 on-time', '满意率 satisfaction', '去年同月计至 last year counted to'],
    s.trend.map((t) => [t.month, t.volume, t.lastYearVolume, pct(t.change), pct(t.onTimeRate.value), pct(t.satisfactionRate.value), t.lastYearThrough]),
  );
  for (const [name, rows, dimension] of [
    ['领域 domain', s.byDomain, 'domain'],
    ['渠道 channel', s.byChannel, 'channel'],
    ['类别 category', s.byCategory, 'category'],
  ] as const)
    sheet(
      wb,
      name,
      ['分类 key', '名称', 'name', '信访量 volume', '占比 share', '去年同期 last year', '同比 change'],
      rows.map((r) => [r.key, names[dimension](r.key).zh, names[dimension](r.key).en, r.volume, pct(r.share), r.lastYear, pct(r.change)]),
    );
  sheet(
    wb,
    '辖区 jurisdictions',
    ['排名 rank', '代码 code', '名称 name', '信访量 volume', '去年同期 last year', '按期办结率 on-time', '满意率 satisfaction', '超期 overdue'],
    s.jurisdictions.map((j) => [j.rank, j.code, j.cityLevel ? `${j.name}（市本级）` : j.name, j.volume, j.lastYear, pct(j.rates.onTimeRate.value), pct(j.rates.satisfactionRate.value), j.overdue]),
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
  sheet(wb, '说明 about', ['项目 item', '值 value'], [
    ['统计期间（受理月份） period (month received)', `${s.period.from} – ${s.period.to}`],
    ['去年同期 same period last year', `${s.lastYear.receivedFrom} – ${s.lastYear.receivedTo}`],
    ['辖区 jurisdiction', s.jurisdiction ?? '全部可见 all visible'],
    ['数据截至 as of', s.asOf],
  ]);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

export async function annualWorkbook(r: z.infer<typeof AnnualReport>): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Qiao';
  sheet(wb, `${r.year} 年度`, ['项目 item', '数量 count'], [
    ['信访总量 received', r.received],
    [`去年同期 same period last year (${r.lastYear.receivedFrom} – ${r.lastYear.receivedTo})`, r.lastYearReceived],
    ['转送 forwarded', r.forwarded],
    ['交办 assigned', r.assigned],
    ['督办 supervised', r.supervised],
    ['建议 suggestions', r.suggestions.received],
    ['建议采纳 suggestions adopted', r.suggestions.adopted],
  ]);
  sheet(wb, '领域 domain', ['领域 domain', '名称', 'name', '数量 count'], r.byDomain.map((d) => [d.key, names.domain(d.key).zh, names.domain(d.key).en, d.count]));
  sheet(wb, '单位 units', ['排名 rank', '单位 unit', '数量 count'], r.mostPetitionedUnits.map((u) => [u.rank, u.unit.name, u.count]));
  sheet(wb, '渠道 channel', ['渠道 channel', '名称', 'name', '数量 count'], r.byChannel.map((d) => [d.key, names.channel(d.key).zh, names.channel(d.key).en, d.count]));
  sheet(wb, '类别 category', ['类别 category', '名称', 'name', '数量 count'], r.byCategory.map((d) => [d.key, names.category(d.key).zh, names.category(d.key).en, d.count]));
  const rates = [
    ['建议采纳率 suggestion adoption rate', r.suggestions.adoptionRate],
    ['初信初访一次性化解率 first-time resolution rate', r.measures.firstTimeResolutionRate],
    ['重复访占比 repeat share', r.measures.repeatShare],
    ['按期办结率 on-time rate', r.measures.onTimeRate],
    ['及时受理率 timely acceptance rate', r.measures.timelyAcceptanceRate],
    ['群众满意率 satisfaction rate', r.measures.satisfactionRate],
    ['网上信访占比 online share', r.measures.onlineShare],
    ['参评率 rating participation', r.measures.ratingParticipation],
  ] as const;
  sheet(wb, '指标 measures', ['指标 measure', '值 value', '分子 numerator', '分母 denominator'], rates.map(([name, x]) => [name, pct(x.value), x.numerator, x.denominator]));
  sheet(wb, '说明 about', ['项目 item', '值 value'], [
    ['年度 year', String(r.year)],
    ['辖区 jurisdiction', r.jurisdiction ?? '全部可见 all visible'],
  ]);
  return Buffer.from(await wb.xlsx.writeBuffer());
}
