import ReactEChartsCore from 'echarts-for-react/esm/core';
import * as echarts from 'echarts/core';
import { BarChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import { SVGRenderer } from 'echarts/renderers';
import { useTranslation } from 'react-i18next';
import type { LateUnit } from '../lib/api';

echarts.use([BarChart, GridComponent, TooltipComponent, LegendComponent, SVGRenderer]);

/** Bars a chart holds legibly; the table below it lists every unit. */
const CHART_UNITS = 12;

/** Overdue and due-soon petitions per late unit (lazy-loaded: ECharts is only fetched by supervisors). */
export default function LateUnitsChart({ units, onPick }: { units: LateUnit[]; onPick: (unitId: string) => void }) {
  const { t } = useTranslation();
  const top = units.slice(0, CHART_UNITS).reverse();
  const option = {
    grid: { left: 8, right: 24, top: 32, bottom: 8, containLabel: true },
    legend: { top: 0 },
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    xAxis: { type: 'value', minInterval: 1 },
    yAxis: { type: 'category', data: top.map((u) => u.name), axisLabel: { width: 180, overflow: 'truncate' } },
    series: [
      { name: t('inbox.overdueCount'), type: 'bar', stack: 'n', data: top.map((u) => u.overdue), itemStyle: { color: '#c62828' } },
      { name: t('inbox.dueSoonCount'), type: 'bar', stack: 'n', data: top.map((u) => u.dueSoon), itemStyle: { color: '#b26a00' } },
    ],
  };
  return (
    <figure className="chart" aria-label={t('inbox.lateUnitsChart')}>
      <ReactEChartsCore
        echarts={echarts}
        option={option}
        style={{ height: Math.max(220, top.length * 34 + 60) }}
        opts={{ renderer: 'svg' }}
        onEvents={{
          click: (p: { dataIndex: number }) => {
            const u = top[p.dataIndex];
            if (u) onPick(u.unitId);
          },
        }}
      />
      {units.length > CHART_UNITS && <figcaption className="chart-note">{t('inbox.lateUnitsChartTop', { shown: CHART_UNITS, count: units.length })}</figcaption>}
    </figure>
  );
}
