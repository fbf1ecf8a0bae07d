import { useCallback, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import {
  Alert,
  App,
  Button,
  Card,
  DatePicker,
  Descriptions,
  Drawer,
  Empty,
  Result,
  Segmented,
  Select,
  Space,
  Spin,
  Table,
  Tag,
  TreeSelect,
  Typography,
  type TableColumnsType,
} from 'antd';
import {
  ArrowDownOutlined,
  ArrowUpOutlined,
  DownloadOutlined,
  FileExcelOutlined,
  MinusOutlined,
} from '@ant-design/icons';
import { MAX_PERIOD_MONTHS } from '@qiao/core';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import { isOffice, useMe } from '../auth';
import CockpitChart, { palette, type PickEvent } from '../components/cockpit/CockpitChart';
import { StatusTag } from '../components/Badges';
import { currentLang } from '../i18n';
import { errorMessage, type Status } from '../lib/api';
import {
  cockpitApi,
  drillPath,
  withMeasure,
  saveBlob,
  type AnnualReport,
  type Breakdown,
  type CockpitFilter,
  type Drill,
  type Hotspots,
  type Summary,
  type Tile,
  type UnitRow,
} from '../lib/cockpit-api';
import { placeTree, useJurisdictions } from '../lib/directory';
import './cockpit.css';

const HOTSPOT_MIN = 3;
/** Higher is better (green when up); lower is better (green when down); the rest are neutral. */
const higherBetter = new Set([
  'firstTimeResolutionRate',
  'onTimeRate',
  'timelyAcceptanceRate',
  'satisfactionRate',
  'ratingParticipation',
]);
const lowerBetter = new Set(['repeatShare', 'overdue']);

/** Who the cockpit is for: leaders, supervisors and the petition office (the API itself counts only what a user may see). */
export const seesCockpit = (c: ReturnType<typeof useMe>) =>
  c.user.role === 'leader' || c.user.role === 'supervisor' || isOffice(c);

// ---------- formatting: one place, so tiles, tables and tests read the same ----------
export const fmtCount = (n: number) =>
  new Intl.NumberFormat(currentLang() === 'en' ? 'en' : 'zh-CN').format(n);
export const fmtRate = (v: number | null) => (v === null ? '—' : `${(v * 100).toFixed(1)}%`);
/** A change with its sign, as shown: one that rounds to nothing is ±0.0, never −0.0. */
const signed = (x: number, digits: number) => {
  const shown = Math.abs(x).toFixed(digits);
  const zero = Number(shown) === 0;
  return `${zero ? '±' : x > 0 ? '+' : '−'}${shown}`;
};
const isRate = (t: Tile) => t.denominator !== null;

function useLabel() {
  return (l: { zh: string; en: string }) => (currentLang() === 'en' ? l.en : l.zh);
}


/** Whether the system's records start after last year's compared period begins (a system started mid-year). */
const partlyRecorded = (recordsSince: string | null, lastYearFrom: string) => recordsSince !== null && recordsSince > lastYearFrom;

export default function CockpitPage() {
  const { t } = useTranslation();
  const me = useMe();
  if (!seesCockpit(me)) return <Result status="403" title={t('cockpit.noAccess')} />;
  return <Cockpit />;
}

function Cockpit() {
  const { t, i18n } = useTranslation();
  const me = useMe();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [search, setSearch] = useSearchParams();
  const filter: CockpitFilter = useMemo(
    () => ({
      from: search.get('from') ?? `${me.today.slice(0, 4)}-01`,
      to: search.get('to') ?? me.today.slice(0, 7),
      jurisdiction: search.get('jurisdiction') ?? undefined,
    }),
    [search, me.today],
  );
  const [summary, setSummary] = useState<Summary | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [loading, setLoading] = useState(false);
  const [hotspots, setHotspots] = useState<Hotspots | null>(null);
  const [hotspotError, setHotspotError] = useState<string | null>(null);
  const [annualOpen, setAnnualOpen] = useState(false);
  const [exporting, setExporting] = useState(false);

  const latest = useRef(0);
  const load = useCallback(async () => {
    // Only the answer to the latest filter is shown, whatever order the answers arrive in.
    const call = ++latest.current;
    setLoading(true);
    try {
      const s = await cockpitApi.summary(filter);
      if (call !== latest.current) return;
      setSummary(s);
      setError(null);
    } catch (e) {
      if (call === latest.current) setError(errorMessage(e, t('cockpit.loadFailed')));
    } finally {
      if (call === latest.current) setLoading(false);
    }
    // the filter is derived from the URL
  }, [filter.from, filter.to, filter.jurisdiction, t]);

  useEffect(() => {
    void load();
  }, [load, i18n.language]);

  // The hotspots follow the period and jurisdiction selectors too; only the latest filter's answer is shown.
  const latestHot = useRef(0);
  useEffect(() => {
    const call = ++latestHot.current;
    setHotspots(null);
    cockpitApi.hotspots(filter, HOTSPOT_MIN).then(
      (h) => {
        if (call !== latestHot.current) return;
        setHotspots(h);
        setHotspotError(null);
      },
      (e: unknown) => {
        if (call === latestHot.current) setHotspotError(errorMessage(e, t('cockpit.loadFailed')));
      },
    );
    // the filter is derived from the URL
  }, [filter.from, filter.to, filter.jurisdiction]);

  const setParams = (patch: Partial<Record<'from' | 'to' | 'jurisdiction', string | undefined>>) => {
    const p = new URLSearchParams(search);
    for (const [k, v] of Object.entries(patch)) {
      if (v) p.set(k, v);
      else p.delete(k);
    }
    setSearch(p, { replace: true });
  };

  const drill = (d: Drill) => void navigate(drillPath(d));

  const exportXlsx = async () => {
    setExporting(true);
    const name = `dashboard-${filter.from}-${filter.to}${filter.jurisdiction ? `-${filter.jurisdiction}` : ''}.xlsx`;
    try {
      saveBlob(await cockpitApi.summaryXlsx(filter), name);
      message.success(t('cockpit.exported', { name }));
    } catch (e) {
      message.error(errorMessage(e, t('cockpit.exportFailed')));
    } finally {
      setExporting(false);
    }
  };

  return (
    <div className="cockpit">
      <div className="page-head">
        <Typography.Title level={1} className="page-title">
          {t('cockpit.title')}
        </Typography.Title>
        <div className="cockpit-subtitle">
          <Typography.Text type="secondary">
            {t('cockpit.subtitle', { date: dayjs(summary?.asOf ?? me.today).format('LL') })}
          </Typography.Text>
          {summary && (
            <Typography.Text type="secondary" className="cockpit-compared">
              {t('cockpit.comparedWith', {
                from: dayjs(summary.lastYear.receivedFrom).format('LL'),
                to: dayjs(summary.lastYear.receivedTo).format('LL'),
              })}
            </Typography.Text>
          )}
          {summary && partlyRecorded(summary.recordsSince, summary.lastYear.receivedFrom) && (
            <Typography.Text className="cockpit-partial" data-testid="partial-last-year">
              {t('cockpit.partialLastYear', { date: dayjs(summary.recordsSince).format('LL') })}
            </Typography.Text>
          )}
        </div>
      </div>
      <div className="cockpit-toolbar" role="search" aria-label={t('cockpit.period')}>
        <DatePicker.RangePicker
          picker="month"
          aria-label={t('cockpit.period')}
          placeholder={[t('cockpit.periodStart'), t('cockpit.periodEnd')]}
          value={[dayjs(`${filter.from}-01`), dayjs(`${filter.to}-01`)]}
          allowClear={false}
          // A period spans at most MAX_PERIOD_MONTHS: months further from the one picked first cannot be picked.
          disabledDate={(d, { from }) => from !== undefined && Math.abs(d.startOf('month').diff(from.startOf('month'), 'month')) >= MAX_PERIOD_MONTHS}
          onChange={(v) => {
            if (v?.[0] && v[1]) setParams({ from: v[0].format('YYYY-MM'), to: v[1].format('YYYY-MM') });
          }}
        />
        <JurisdictionSelect value={filter.jurisdiction} onChange={(v) => setParams({ jurisdiction: v })} />
        <Button
          icon={<FileExcelOutlined />}
          loading={exporting}
          onClick={() => void exportXlsx()}
          disabled={!summary}
        >
          {t('cockpit.exportXlsx')}
        </Button>
        <Button icon={<DownloadOutlined />} onClick={() => setAnnualOpen(true)}>
          {t('cockpit.annualReport')}
        </Button>
      </div>
      {error && (
        <Alert
          type="error"
          showIcon
          title={error}
          action={<Button onClick={() => void load()}>{t('common.retry')}</Button>}
          className="gap-bottom"
        />
      )}
      {!summary && !error && (
        <div className="page-loading" role="status">
          <Spin />
        </div>
      )}
      {summary && (
        <Spin spinning={loading}>
          <section aria-label={t('cockpit.title')} className="cockpit-tiles">
            {summary.tiles.map((tile) => (
              <KpiTile key={tile.measure} tile={tile} />
            ))}
          </section>
          <TrendCard summary={summary} onDrill={drill} />
          <div className="cockpit-grid cockpit-grid-3">
            <BreakdownCard
              name="domain"
              title={t('cockpit.byDomain')}
              rows={summary.byDomain}
              keyLabel={(k) => t(`domain.${k}`)}
              onDrill={drill}
            />
            <BreakdownCard
              name="channel"
              title={t('cockpit.byChannel')}
              rows={summary.byChannel}
              keyLabel={(k) => t(`channel.${k}`)}
              onDrill={drill}
            />
            <BreakdownCard
              name="category"
              title={t('cockpit.byCategory')}
              rows={summary.byCategory}
              keyLabel={(k) => t(`category.${k}`)}
              onDrill={drill}
            />
          </div>
          <div className="cockpit-grid cockpit-grid-2">
            <JurisdictionCard summary={summary} onDrill={drill} />
            <UnitRankingCard summary={summary} onDrill={drill} />
          </div>
          <ScorecardCard units={summary.units} />
        </Spin>
      )}
      <HotspotCard hotspots={hotspots} error={hotspotError} filter={filter} />
      <AnnualReportDrawer
        open={annualOpen}
        onClose={() => setAnnualOpen(false)}
        jurisdiction={filter.jurisdiction}
        defaultYear={Number(me.today.slice(0, 4)) - 1}
      />
    </div>
  );
}

function JurisdictionSelect({
  value,
  onChange,
}: {
  value: string | undefined;
  onChange: (v: string | undefined) => void;
}) {
  const { t } = useTranslation();
  const me = useMe();
  const [places, loading] = useJurisdictions();
  // The user's own subtree, down to towns (the list filter takes any code; villages would only crowd the picker).
  const tree = useMemo(() => {
    const own =
      me.user.jurisdictionCode.length === 6
        ? me.user.jurisdictionCode.replace(/(00)+$/, '')
        : me.user.jurisdictionCode;
    return placeTree(places.filter((p) => p.level !== 'village' && p.code.startsWith(own)));
  }, [places, me.user.jurisdictionCode]);
  return (
    <TreeSelect
      aria-label={t('cockpit.jurisdiction')}
      className="cockpit-jurisdiction"
      value={value}
      onChange={(v: string | undefined) => onChange(v ?? undefined)}
      treeData={tree}
      loading={loading}
      allowClear
      showSearch={{ treeNodeFilterProp: 'title' }}
      treeDefaultExpandedKeys={tree.map((n) => n.value)}
      placeholder={t('cockpit.allJurisdictions')}
      styles={{ popup: { root: { maxHeight: 400, overflow: 'auto' } } }}
    />
  );
}

// ---------- KPI tiles ----------
function KpiTile({ tile }: { tile: Tile }) {
  const { t } = useTranslation();
  const label = useLabel();
  const rate = isRate(tile);
  const value = rate ? fmtRate(tile.value) : fmtCount(tile.value ?? 0);
  const change = tile.change;
  const direction = change === null ? null : change > 0.0005 ? 'up' : change < -0.0005 ? 'down' : 'flat';
  const tone =
    direction === null || direction === 'flat'
      ? 'neutral'
      : higherBetter.has(tile.measure)
        ? direction === 'up'
          ? 'good'
          : 'bad'
        : lowerBetter.has(tile.measure)
          ? direction === 'down'
            ? 'good'
            : 'bad'
          : 'neutral';
  const changeText =
    change === null
      ? null
      : rate
        ? t('cockpit.yoyPoints', { change: signed(change * 100, 1) })
        : t('cockpit.yoyCount', { change: `${signed(change * 100, 1)}%` });
  const Arrow =
    direction === 'up' ? ArrowUpOutlined : direction === 'down' ? ArrowDownOutlined : MinusOutlined;
  return (
    <Link
      to={drillPath(tile.filter)}
      className={`kpi-tile kpi-${tone}`}
      data-measure={tile.measure}
      title={t('cockpit.drillHint')}
    >
      <span className="kpi-label">{label(tile.label)}</span>
      <span className="kpi-value" data-value>
        {value}
      </span>
      <span className="kpi-ratio">
        {rate
          ? tile.denominator
            ? t('cockpit.ofTotal', { n: fmtCount(tile.numerator), d: fmtCount(tile.denominator) })
            : t('cockpit.noDenominator')
          : tile.lastYear
            ? `${t('cockpit.lastYearShort')} ${fmtCount(tile.lastYear.value ?? 0)}`
            : '\u00a0'}
      </span>
      <span className="kpi-change" data-change>
        {changeText === null ? (
          tile.lastYear === null ? (
            '\u00a0'
          ) : (
            t('cockpit.noComparison')
          )
        ) : (
          <>
            <Arrow aria-hidden="true" /> {changeText}
            {tone !== 'neutral' && (
              <span className="sr-only"> ({t(tone === 'good' ? 'cockpit.better' : 'cockpit.worse')})</span>
            )}
          </>
        )}
      </span>
    </Link>
  );
}

// ---------- a card with a chart and its table ----------
function ChartCard({
  title,
  name,
  note,
  chart,
  table,
  empty,
}: {
  title: ReactNode;
  name: string;
  note?: string;
  chart: ReactNode;
  table: ReactNode;
  empty?: boolean;
}) {
  const { t } = useTranslation();
  const [view, setView] = useState<'chart' | 'table'>('chart');
  return (
    <Card
      size="small"
      className="cockpit-card"
      data-card={name}
      title={<h2 className="cockpit-card-title">{title}</h2>}
      extra={
        <Segmented
          size="small"
          aria-label={t('cockpit.viewAs')}
          value={view}
          onChange={(v) => setView(v as 'chart' | 'table')}
          options={[
            { value: 'chart', label: t('cockpit.chart') },
            { value: 'table', label: t('cockpit.table'), title: t('cockpit.showTable') },
          ]}
        />
      }
    >
      {note && (
        <Typography.Paragraph type="secondary" className="cockpit-note">
          {note}
        </Typography.Paragraph>
      )}
      {empty ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('cockpit.empty')} />
      ) : view === 'chart' ? (
        chart
      ) : (
        table
      )}
    </Card>
  );
}

/** "By domain: labour 26, land 20, … and 4 more" for a chart's aria-label. */
function useDescribe() {
  const { t } = useTranslation();
  return (title: string, items: { label: string; value: string }[]) => {
    const top = items.slice(0, 6).map((i) => `${i.label} ${i.value}`);
    const rest = items.length - top.length;
    return t('cockpit.chartLabel', {
      title,
      items: [...top, ...(rest > 0 ? [t('cockpit.chartMore', { count: rest })] : [])].join(
        currentLang() === 'en' ? ', ' : '，',
      ),
    });
  };
}

const DrillLink = ({ d, children }: { d: Drill; children: ReactNode }) => (
  <Link to={drillPath(d)}>{children}</Link>
);

const changeCell = (c: number | null) => (c === null ? '—' : `${signed(c * 100, 1)}%`);

/** A horizontal bar chart, first row on top. */
function barOption(labels: string[], values: number[], seriesName: string, color: string, labelWidth = 150) {
  return {
    grid: { left: 8, right: 40, top: 8, bottom: 8, containLabel: true },
    tooltip: { trigger: 'item' },
    xAxis: { type: 'value', minInterval: 1, axisLabel: { color: palette.text } },
    yAxis: {
      type: 'category',
      inverse: true,
      data: labels,
      axisLabel: { width: labelWidth, overflow: 'truncate', color: palette.text },
    },
    series: [
      {
        name: seriesName,
        type: 'bar',
        data: values,
        itemStyle: { color },
        barMaxWidth: 22,
        label: { show: true, position: 'right', color: palette.text, formatter: (p: { value: number }) => fmtCount(p.value) },
      },
    ],
  };
}

// ---------- trend ----------
function TrendCard({ summary, onDrill }: { summary: Summary; onDrill: (d: Drill) => void }) {
  const { t } = useTranslation();
  const describe = useDescribe();
  const rows = summary.trend;
  const current = t('cockpit.thisPeriod');
  const last = t('cockpit.lastYear');
  // Last year's month counted only up to today's date a year ago says so (1–15日).
  const part = (r: Summary['trend'][number]) =>
    r.lastYearThrough ? t('cockpit.throughDay', { day: Number(r.lastYearThrough.slice(8)) }) : '';
  const option = {
    grid: { left: 8, right: 16, top: 40, bottom: 8, containLabel: true },
    legend: { top: 0, textStyle: { color: palette.text } },
    tooltip: {
      trigger: 'axis',
      formatter: (ps: { dataIndex: number; seriesIndex: number; marker: string; seriesName: string; value: number }[]) => {
        const r = rows[ps[0]?.dataIndex ?? 0];
        if (!r) return '';
        const lines = ps.map((p) =>
          p.seriesIndex === 1
            ? `${p.marker}${p.seriesName} ${r.lastYearMonth}${part(r)}: ${fmtCount(p.value)}`
            : `${p.marker}${p.seriesName}: ${fmtCount(p.value)}`,
        );
        return [r.month, ...lines].join('<br/>');
      },
    },
    xAxis: { type: 'category', data: rows.map((r) => r.month), axisLabel: { color: palette.text } },
    yAxis: { type: 'value', minInterval: 1, axisLabel: { color: palette.text } },
    series: [
      {
        name: current,
        type: 'bar',
        data: rows.map((r) => r.volume),
        itemStyle: { color: palette.current },
        barMaxWidth: 32,
        label: { show: rows.length <= 12, position: 'top', color: palette.text, formatter: (p: { value: number }) => fmtCount(p.value) },
      },
      {
        name: last,
        type: 'line',
        data: rows.map((r) => r.lastYearVolume),
        itemStyle: { color: palette.lastYear },
        lineStyle: { color: palette.lastYear, type: 'dashed', width: 2 },
        symbol: 'circle',
        symbolSize: 8,
      },
    ],
  };
  const label = describe(
    t('cockpit.trend'),
    rows.map((r) => ({
      label: r.month,
      value: `${r.volume} / ${t('cockpit.lastYearShort')}${part(r)} ${r.lastYearVolume}`,
    })),
  );
  const columns: TableColumnsType<Summary['trend'][number]> = [
    { title: t('cockpit.month'), dataIndex: 'month' },
    {
      title: t('cockpit.volume'),
      dataIndex: 'volume',
      align: 'right',
      render: (v: number, r) => <DrillLink d={r.filter}>{fmtCount(v)}</DrillLink>,
    },
    {
      title: t('cockpit.lastYearVolume'),
      dataIndex: 'lastYearVolume',
      align: 'right',
      render: (v: number, r) => (
        <DrillLink d={r.lastYearFilter}>
          {`${r.lastYearMonth}${part(r)}: ${fmtCount(v)}`}
        </DrillLink>
      ),
    },
    { title: t('cockpit.change'), dataIndex: 'change', align: 'right', render: changeCell },
    { title: t('cockpit.onTime'), render: (_, r) => fmtRate(r.onTimeRate.value), align: 'right' },
    { title: t('cockpit.satisfaction'), render: (_, r) => fmtRate(r.satisfactionRate.value), align: 'right' },
  ];
  return (
    <ChartCard
      name="trend"
      title={t('cockpit.trend')}
      chart={
        <CockpitChart
          name="trend"
          label={label}
          height={300}
          option={option}
          onPick={(e: PickEvent) => {
            const r = rows[e.dataIndex];
            if (r) onDrill(e.seriesIndex === 1 ? r.lastYearFilter : r.filter);
          }}
        />
      }
      table={<Table size="small" rowKey="month" pagination={false} columns={columns} dataSource={rows} />}
    />
  );
}

// ---------- breakdowns ----------
function BreakdownCard({
  name,
  title,
  rows,
  keyLabel,
  onDrill,
}: {
  name: string;
  title: string;
  rows: Breakdown[];
  keyLabel: (k: string) => string;
  onDrill: (d: Drill) => void;
}) {
  const { t } = useTranslation();
  const describe = useDescribe();
  const shown = rows.filter((r) => r.volume > 0);
  const columns: TableColumnsType<Breakdown> = [
    { title: t(`cockpit.${name}`), dataIndex: 'key', render: (k: string) => keyLabel(k) },
    {
      title: t('cockpit.volume'),
      dataIndex: 'volume',
      align: 'right',
      render: (v: number, r) => <DrillLink d={r.filter}>{fmtCount(v)}</DrillLink>,
    },
    { title: t('cockpit.share'), dataIndex: 'share', align: 'right', render: fmtRate },
    { title: t('cockpit.lastYearShort'), dataIndex: 'lastYear', align: 'right', render: fmtCount },
    { title: t('cockpit.change'), dataIndex: 'change', align: 'right', render: changeCell },
  ];
  return (
    <ChartCard
      name={name}
      title={title}
      empty={shown.length === 0}
      chart={
        <CockpitChart
          name={name}
          label={describe(
            title,
            shown.map((r) => ({ label: keyLabel(r.key), value: t('cockpit.pieces', { count: r.volume }) })),
          )}
          height={Math.max(160, shown.length * 30 + 24)}
          option={barOption(
            shown.map((r) => keyLabel(r.key)),
            shown.map((r) => r.volume),
            t('cockpit.volume'),
            palette.current,
          )}
          onPick={(e) => {
            const r = shown[e.dataIndex];
            if (r) onDrill(r.filter);
          }}
        />
      }
      table={<Table size="small" rowKey="key" pagination={false} columns={columns} dataSource={rows} />}
    />
  );
}

// ---------- rankings ----------
function JurisdictionCard({ summary, onDrill }: { summary: Summary; onDrill: (d: Drill) => void }) {
  const { t } = useTranslation();
  const describe = useDescribe();
  const rows = summary.jurisdictions.map((r) => ({ ...r, name: r.cityLevel ? t('cockpit.cityLevel', { name: r.name }) : r.name }));
  const title = t('cockpit.jurisdictions');
  const columns: TableColumnsType<Summary['jurisdictions'][number]> = [
    { title: t('cockpit.rank'), dataIndex: 'rank', width: 64 },
    { title: t('cockpit.jurisdictionCol'), dataIndex: 'name' },
    {
      title: t('cockpit.volume'),
      dataIndex: 'volume',
      align: 'right',
      render: (v: number, r) => <DrillLink d={r.filter}>{fmtCount(v)}</DrillLink>,
    },
    { title: t('cockpit.change'), dataIndex: 'change', align: 'right', render: changeCell },
    { title: t('cockpit.onTime'), align: 'right', render: (_, r) => fmtRate(r.rates.onTimeRate.value) },
    {
      title: t('cockpit.satisfaction'),
      align: 'right',
      render: (_, r) => fmtRate(r.rates.satisfactionRate.value),
    },
    { title: t('cockpit.overdue'), dataIndex: 'overdue', align: 'right' },
  ];
  return (
    <ChartCard
      name="jurisdictions"
      title={title}
      empty={rows.length === 0}
      chart={
        <CockpitChart
          name="jurisdictions"
          label={describe(
            title,
            rows.map((r) => ({ label: r.name, value: t('cockpit.pieces', { count: r.volume }) })),
          )}
          height={Math.max(160, rows.length * 34 + 24)}
          option={barOption(
            rows.map((r) => r.name),
            rows.map((r) => r.volume),
            t('cockpit.volume'),
            palette.current,
          )}
          onPick={(e) => {
            const r = rows[e.dataIndex];
            if (r) onDrill(r.filter);
          }}
        />
      }
      table={<Table size="small" rowKey="code" pagination={false} columns={columns} dataSource={rows} />}
    />
  );
}

function UnitRankingCard({ summary, onDrill }: { summary: Summary; onDrill: (d: Drill) => void }) {
  const { t } = useTranslation();
  const describe = useDescribe();
  // The petitions not routed yet have no unit to list them by: they stay in the scorecard only.
  const rows = summary.units
    .filter((u): u is UnitRow & { unit: NonNullable<UnitRow['unit']> } => u.unit !== null && u.volume > 0)
    .slice(0, 10);
  const title = t('cockpit.units');
  const columns: TableColumnsType<(typeof rows)[number]> = [
    { title: t('cockpit.rank'), render: (_, _r, i) => i + 1, width: 64 },
    { title: t('cockpit.unitCol'), render: (_, r) => r.unit.name },
    {
      title: t('cockpit.volume'),
      dataIndex: 'volume',
      align: 'right',
      render: (v: number, r) => <DrillLink d={r.filter}>{fmtCount(v)}</DrillLink>,
    },
    { title: t('cockpit.change'), dataIndex: 'change', align: 'right', render: changeCell },
  ];
  return (
    <ChartCard
      name="units"
      title={title}
      empty={rows.length === 0}
      chart={
        <CockpitChart
          name="units"
          label={describe(
            title,
            rows.map((r) => ({ label: r.unit.name, value: t('cockpit.pieces', { count: r.volume }) })),
          )}
          height={Math.max(160, rows.length * 30 + 24)}
          option={barOption(
            rows.map((r) => r.unit.name),
            rows.map((r) => r.volume),
            t('cockpit.volume'),
            palette.current,
          )}
          onPick={(e) => {
            const r = rows[e.dataIndex];
            if (r) onDrill(r.filter);
          }}
        />
      }
      table={
        <Table
          size="small"
          rowKey={(r) => r.unit.id}
          pagination={false}
          columns={columns}
          dataSource={rows}
        />
      }
    />
  );
}

function ScorecardCard({ units }: { units: UnitRow[] }) {
  const { t } = useTranslation();
  // A unit's rate lists the unit's petitions it counts (the inbox then switches to those missing it).
  const rate = (measure: 'onTimeRate' | 'timelyAcceptanceRate' | 'satisfactionRate' | 'firstTimeResolutionRate') => ({
    align: 'right' as const,
    sorter: (a: UnitRow, b: UnitRow) => (a.rates[measure].value ?? -1) - (b.rates[measure].value ?? -1),
    render: (_: unknown, r: UnitRow) => {
      const x = r.rates[measure];
      const text = <span title={x.denominator ? `${x.numerator}/${x.denominator}` : undefined}>{fmtRate(x.value)}</span>;
      return r.unit && x.denominator > 0 ? <DrillLink d={withMeasure(r.filter, measure)}>{text}</DrillLink> : text;
    },
  });
  const columns: TableColumnsType<UnitRow> = [
    { title: t('cockpit.rank'), dataIndex: 'rank', width: 64 },
    {
      title: t('cockpit.unitCol'),
      render: (_, r) =>
        r.unit ? r.unit.name : <Typography.Text type="secondary">{t('cockpit.unrouted')}</Typography.Text>,
    },
    {
      title: t('cockpit.volume'),
      dataIndex: 'volume',
      align: 'right',
      sorter: (a, b) => a.volume - b.volume,
      render: (v: number, r) => (r.unit ? <DrillLink d={r.filter}>{fmtCount(v)}</DrillLink> : fmtCount(v)),
    },
    { title: t('cockpit.change'), dataIndex: 'change', align: 'right', render: changeCell },
    {
      title: t('cockpit.replied'),
      dataIndex: 'replied',
      align: 'right',
      sorter: (a, b) => a.replied - b.replied,
    },
    { title: t('cockpit.onTime'), ...rate('onTimeRate') },
    { title: t('cockpit.timelyAcceptance'), ...rate('timelyAcceptanceRate') },
    { title: t('cockpit.satisfaction'), ...rate('satisfactionRate') },
    { title: t('cockpit.firstTime'), ...rate('firstTimeResolutionRate') },
    {
      title: t('cockpit.overdue'),
      dataIndex: 'overdue',
      align: 'right',
      sorter: (a, b) => a.overdue - b.overdue,
      render: (v: number, r) =>
        v > 0 && r.unit ? (
          <Link
            className="due due-overdue"
            to={`/inbox/all?overdue=true&unit=${encodeURIComponent(r.unit.id)}`}
          >
            {v}
          </Link>
        ) : (
          v
        ),
    },
  ];
  return (
    <Card
      size="small"
      className="cockpit-card"
      data-card="scorecard"
      title={<h2 className="cockpit-card-title">{t('cockpit.scorecard')}</h2>}
    >
      <Typography.Paragraph type="secondary" className="cockpit-note">
        {t('cockpit.scorecardNote')}
      </Typography.Paragraph>
      <Table<UnitRow>
        size="small"
        rowKey={(r) => r.unit?.id ?? ''}
        columns={columns}
        dataSource={units}
        pagination={{ pageSize: 10, hideOnSinglePage: true, showSizeChanger: false }}
        scroll={{ x: 960 }}
        locale={{
          emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('cockpit.empty')} />,
        }}
      />
    </Card>
  );
}

// ---------- hotspots ----------
type Cluster = Hotspots['clusters'][number];

function HotspotCard({
  hotspots,
  error,
  filter,
}: {
  hotspots: Hotspots | null;
  error: string | null;
  filter: CockpitFilter;
}) {
  const { t } = useTranslation();
  const label = useLabel();
  const describe = useDescribe();
  const [open, setOpen] = useState<Cluster | null>(null);
  const rows = hotspots?.clusters ?? [];
  // The days the answer covers (the period ends today at the latest); the selected months while it loads.
  const title = t('cockpit.hotspots', {
    from: hotspots?.since ?? `${filter.from}-01`,
    to: hotspots?.until ?? filter.to,
  });
  const columns: TableColumnsType<Cluster> = [
    { title: t('cockpit.hotspotCol'), render: (_, c) => label(c.label) },
    {
      title: t('cockpit.count'),
      dataIndex: 'count',
      align: 'right',
      render: (v: number, c) => (
        <Button type="link" size="small" onClick={() => setOpen(c)}>
          {fmtCount(v)}
        </Button>
      ),
    },
    {
      title: t('cockpit.domain'),
      render: (_, c) => c.domains.map((d) => `${t(`domain.${d.domain}`)} ${d.count}`).join('、'),
    },
  ];
  if (error) return <Alert type="warning" showIcon title={error} className="gap-bottom" />;
  return (
    <>
      <ChartCard
        name="hotspots"
        title={title}
        note={t('cockpit.hotspotsNote', { min: HOTSPOT_MIN })}
        empty={hotspots !== null && rows.length === 0}
        chart={
          hotspots === null ? (
            <Spin />
          ) : (
            <CockpitChart
              name="hotspots"
              label={describe(
                title,
                rows.map((c) => ({ label: label(c.label), value: t('cockpit.pieces', { count: c.count }) })),
              )}
              height={Math.max(160, rows.length * 30 + 24)}
              option={barOption(
                rows.map((c) => label(c.label)),
                rows.map((c) => c.count),
                t('cockpit.count'),
                palette.hot,
                260,
              )}
              onPick={(e) => setOpen(rows[e.dataIndex] ?? null)}
            />
          )
        }
        table={
          <Table
            size="small"
            rowKey={(c) => `${c.kind}|${c.key}`}
            pagination={false}
            columns={columns}
            dataSource={rows}
          />
        }
      />
      <Drawer
        open={open !== null}
        onClose={() => setOpen(null)}
        size="large"
        title={open ? t('cockpit.hotspotPetitions', { label: label(open.label) }) : ''}
      >
        {open && (
          <Table
            size="small"
            rowKey="id"
            pagination={false}
            dataSource={open.petitions}
            columns={[
              {
                title: t('cockpit.code'),
                dataIndex: 'trackingCode',
                render: (v: string) => <span className="mono">{v}</span>,
              },
              {
                title: t('cockpit.titleCol'),
                dataIndex: 'title',
                render: (v: string, p) => <Link to={`/petitions/${p.id}`}>{v}</Link>,
              },
              {
                title: t('cockpit.status'),
                dataIndex: 'status',
                render: (v: string) => <StatusTag status={v as Status} />,
              },
              { title: t('cockpit.receivedOn'), dataIndex: 'receivedOn' },
            ]}
          />
        )}
      </Drawer>
    </>
  );
}

// ---------- the annual report (Art. 41) ----------
function AnnualReportDrawer({
  open,
  onClose,
  jurisdiction,
  defaultYear,
}: {
  open: boolean;
  onClose: () => void;
  jurisdiction: string | undefined;
  defaultYear: number;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [places] = useJurisdictions();
  const [year, setYear] = useState(defaultYear);
  const [report, setReport] = useState<AnnualReport | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [downloading, setDownloading] = useState(false);
  useEffect(() => {
    if (!open) return;
    let live = true;
    setReport(null);
    cockpitApi.annualReport(year, jurisdiction).then(
      (r) => live && (setReport(r), setError(null)),
      (e: unknown) => live && setError(errorMessage(e, t('cockpit.loadFailed'))),
    );
    return () => {
      live = false;
    };
  }, [open, year, jurisdiction]);

  const download = async () => {
    setDownloading(true);
    const name = `annual-report-${year}${jurisdiction ? `-${jurisdiction}` : ''}.xlsx`;
    try {
      saveBlob(await cockpitApi.annualReportXlsx(year, jurisdiction), name);
      message.success(t('cockpit.exported', { name }));
    } catch (e) {
      message.error(errorMessage(e, t('cockpit.exportFailed')));
    } finally {
      setDownloading(false);
    }
  };
  const scope = jurisdiction
    ? (places.find((p) => p.code === jurisdiction)?.name ?? jurisdiction)
    : t('cockpit.allJurisdictions');
  const years = Array.from({ length: 6 }, (_, i) => defaultYear + 1 - i);
  return (
    <Drawer
      open={open}
      onClose={onClose}
      size="large"
      title={t('cockpit.annualReport')}
      extra={
        <Space>
          <Select
            aria-label={t('cockpit.year')}
            value={year}
            onChange={setYear}
            options={years.map((y) => ({ value: y, label: String(y) }))}
          />
          <Button
            type="primary"
            icon={<DownloadOutlined />}
            loading={downloading}
            onClick={() => void download()}
          >
            {t('cockpit.download')}
          </Button>
        </Space>
      }
    >
      {error && <Alert type="error" showIcon title={error} />}
      {!report && !error && <Spin />}
      {report && (
        <div className="annual-report" data-year={report.year}>
          <Typography.Paragraph>
            {t('cockpit.reportIntro', { year: report.year, scope })}
          </Typography.Paragraph>
          <Descriptions bordered size="small" column={2}>
            <Descriptions.Item label={t('cockpit.received')}>
              <DrillLink d={report.filter}>{fmtCount(report.received)}</DrillLink>
              <Typography.Text type="secondary">
                {' '}
                {report.lastYear.receivedTo.endsWith('-12-31')
                  ? t('cockpit.annualLastYear', { n: fmtCount(report.lastYearReceived), change: changeCell(report.change) })
                  : t('cockpit.annualLastYearTo', {
                      n: fmtCount(report.lastYearReceived),
                      date: dayjs(report.lastYear.receivedTo).format('LL'),
                      change: changeCell(report.change),
                    })}
              </Typography.Text>
              {partlyRecorded(report.recordsSince, report.lastYear.receivedFrom) && (
                <Typography.Paragraph className="cockpit-partial" data-testid="annual-partial-last-year">
                  {t('cockpit.partialLastYear', { date: dayjs(report.recordsSince).format('LL') })}
                </Typography.Paragraph>
              )}
            </Descriptions.Item>
            <Descriptions.Item label={t('cockpit.forwarded')}>{fmtCount(report.forwarded)}</Descriptions.Item>
            <Descriptions.Item label={t('cockpit.assigned')}>{fmtCount(report.assigned)}</Descriptions.Item>
            <Descriptions.Item label={t('cockpit.supervised')}>
              {fmtCount(report.supervised)}
            </Descriptions.Item>
            <Descriptions.Item label={t('cockpit.suggestions')}>
              <DrillLink d={report.suggestions.filter}>{fmtCount(report.suggestions.received)}</DrillLink>
            </Descriptions.Item>
            <Descriptions.Item label={t('cockpit.adopted')}>
              {fmtCount(report.suggestions.adopted)}{' '}
              {t('cockpit.adoptionRate', { rate: fmtRate(report.suggestions.adoptionRate.value) })}
            </Descriptions.Item>
          </Descriptions>
          <h3 className="annual-heading">{t('cockpit.byDomain')}</h3>
          <Table
            size="small"
            rowKey="key"
            pagination={false}
            dataSource={report.byDomain.filter((d) => d.count > 0)}
            columns={[
              { title: t('cockpit.domain'), dataIndex: 'key', render: (k: string) => t(`domain.${k}`) },
              {
                title: t('cockpit.count'),
                dataIndex: 'count',
                align: 'right',
                render: (v: number, r) => <DrillLink d={r.filter}>{fmtCount(v)}</DrillLink>,
              },
            ]}
          />
          <h3 className="annual-heading">{t('cockpit.mostPetitioned')}</h3>
          <Table
            size="small"
            rowKey={(r) => r.unit.id}
            pagination={false}
            dataSource={report.mostPetitionedUnits}
            columns={[
              { title: t('cockpit.rank'), dataIndex: 'rank', width: 64 },
              { title: t('cockpit.unitCol'), render: (_, r) => r.unit.name },
              {
                title: t('cockpit.count'),
                dataIndex: 'count',
                align: 'right',
                render: (v: number, r) => <DrillLink d={r.filter}>{fmtCount(v)}</DrillLink>,
              },
            ]}
          />
          <Tag className="annual-source">{t(`cockpit.source.${report.source}`)}</Tag>
        </div>
      )}
    </Drawer>
  );
}
