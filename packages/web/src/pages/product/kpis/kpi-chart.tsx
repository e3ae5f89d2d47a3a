import { LineChart } from 'echarts/charts';
import { GridComponent, MarkLineComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import { cssVar, useEChart } from '../../../components/use-echart';
import type { Kpi } from './kpis-api';

echarts.use([LineChart, GridComponent, TooltipComponent, MarkLineComponent, SVGRenderer]);

/** A KPI's measurements over time as a line, with its target as a dashed line. */
export function KpiChart({ kpi }: { kpi: Kpi }) {
  const ref = useEChart(
    (chart, element) => {
      const text = cssVar(element, '--text-muted', '#5f5f6b');
      const border = cssVar(element, '--border', '#e6e6ea');
      const success = cssVar(element, '--success', '#16a34a');
      chart.setOption({
        animation: false,
        color: [cssVar(element, '--accent', '#4f46e5')],
        grid: { left: 44, right: 16, top: 16, bottom: 28 },
        tooltip: {
          trigger: 'axis',
          valueFormatter: (value: number) => `${value}${kpi.unit ? ` ${kpi.unit}` : ''}`,
        },
        xAxis: {
          type: 'time',
          axisLabel: { color: text, hideOverlap: true },
          axisLine: { lineStyle: { color: border } },
        },
        yAxis: {
          type: 'value',
          scale: true,
          // Keep the target line in view even when every measurement is far from it.
          ...(kpi.target === null
            ? {}
            : {
                min: (extent: { min: number }) => Math.min(extent.min, kpi.target as number),
                max: (extent: { max: number }) => Math.max(extent.max, kpi.target as number),
              }),
          axisLabel: { color: text },
          splitLine: { lineStyle: { color: border } },
        },
        series: [
          {
            name: kpi.name,
            type: 'line',
            data: kpi.measurements.map((point) => [point.at, point.value]),
            symbolSize: 6,
            ...(kpi.target === null
              ? {}
              : {
                  markLine: {
                    symbol: 'none',
                    silent: true,
                    lineStyle: { color: success, type: 'dashed' },
                    label: { formatter: `Target ${kpi.target}`, color: success, position: 'insideEndTop' },
                    data: [{ yAxis: kpi.target }],
                  },
                }),
          },
        ],
      });
    },
    [kpi],
  );
  return (
    <div ref={ref} className="kpi-chart" role="img" aria-label={`${kpi.name} over time against its target`} />
  );
}
