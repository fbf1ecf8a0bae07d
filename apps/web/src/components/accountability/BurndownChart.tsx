import ReactEChartsCore from 'echarts-for-react/esm/core';
import * as echarts from 'echarts/core';
import { LineChart } from 'echarts/charts';
import { GridComponent, MarkLineComponent, TooltipComponent } from 'echarts/components';
import { SVGRenderer } from 'echarts/renderers';
import { useTranslation } from 'react-i18next';

echarts.use([LineChart, GridComponent, TooltipComponent, MarkLineComponent, SVGRenderer]);

/** Open ledger entries at the end of each week (清仓见底: down to zero). Lazy-loaded, so ECharts loads only here. */
export default function BurndownChart({ points }: { points: { on: string; open: number }[] }) {
  const { t } = useTranslation();
  const last = points[points.length - 1];
  const option = {
    grid: { left: 8, right: 24, top: 24, bottom: 8, containLabel: true },
    tooltip: { trigger: 'axis' },
    xAxis: { type: 'category', data: points.map((p) => p.on), boundaryGap: false },
    yAxis: { type: 'value', minInterval: 1, min: 0 },
    series: [
      {
        name: t('acct.ledgers.openSeries'),
        type: 'line',
        step: 'end',
        data: points.map((p) => p.open),
        areaStyle: { color: 'rgba(29,79,145,0.12)' },
        lineStyle: { color: '#1d4f91', width: 2 },
        itemStyle: { color: '#1d4f91' },
        label: { show: points.length <= 16, position: 'top' },
      },
    ],
  };
  const summary = last
    ? `${t('acct.ledgers.burndown')}: ${points.map((p) => `${p.on} ${p.open}`).join(', ')}`
    : t('acct.ledgers.burndownEmpty');
  return (
    <figure className="chart acct-burndown" role="img" aria-label={summary}>
      <ReactEChartsCore
        echarts={echarts}
        option={option}
        style={{ height: 240 }}
        opts={{ renderer: 'svg' }}
      />
    </figure>
  );
}
