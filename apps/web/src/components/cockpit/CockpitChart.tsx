import ReactEChartsCore from 'echarts-for-react/esm/core';
import * as echarts from 'echarts/core';
import { BarChart, LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import { SVGRenderer } from 'echarts/renderers';
import type { EChartsCoreOption } from 'echarts/core';
import { currentLang } from '../../i18n';
import { fontFamily } from '../../lib/fonts';

// Only what the cockpit draws: bars and lines on a grid, SVG (crisp, and each element is a DOM node).
echarts.use([BarChart, LineChart, GridComponent, TooltipComponent, LegendComponent, SVGRenderer]);

/**
 * Colours with at least 3:1 contrast on white (WCAG 1.4.11) and told apart by more than hue: the period is a
 * solid bar, last year a dashed grey line.
 */
export const palette = {
  current: '#1d4f91',
  lastYear: '#5f6b7a',
  hot: '#b3261e',
  text: 'rgba(0,0,0,0.78)',
};

/** The app's font stack (lib/fonts.ts), in the page's language: ECharts measures labels with it, so it must be a real family list. */
const font = () => fontFamily[currentLang()];

export interface PickEvent {
  seriesIndex: number;
  dataIndex: number;
}

/**
 * One chart of the cockpit. The figure carries a plain-language aria-label (the data table beside it is the
 * full alternative); a click on any bar or point reports which one.
 */
export default function CockpitChart({
  option,
  height,
  label,
  name,
  onPick,
}: {
  option: EChartsCoreOption;
  height: number;
  label: string;
  /** data-chart attribute: lets tests and styles find the chart. */
  name: string;
  onPick?: (e: PickEvent) => void;
}) {
  return (
    <div className="cockpit-chart" role="img" aria-label={label} data-chart={name}>
      <ReactEChartsCore
        echarts={echarts}
        option={{ textStyle: { fontFamily: font(), color: palette.text }, animation: false, ...option }}
        notMerge
        style={{ height }}
        opts={{ renderer: 'svg' }}
        onEvents={
          onPick
            ? {
                click: (p: { seriesIndex?: number; dataIndex?: number }) => {
                  if (typeof p.dataIndex === 'number')
                    onPick({ seriesIndex: p.seriesIndex ?? 0, dataIndex: p.dataIndex });
                },
              }
            : {}
        }
      />
    </div>
  );
}
