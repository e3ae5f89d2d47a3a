import { LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, MarkLineComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import { cssVar, useEChart } from '../../../components/use-echart';
import type { Evm } from './cost-api';
import { formatUnits } from './money';

echarts.use([LineChart, GridComponent, LegendComponent, MarkLineComponent, TooltipComponent, SVGRenderer]);

/** The S-curve: cumulative planned value, earned value and actual cost a week a point, the status date marked. */
export function SCurveChart({ evm, height = 300 }: { evm: Evm; height?: number }) {
  const ref = useEChart(
    (chart, element) => {
      const text = cssVar(element, '--text-muted', '#5f5f6b');
      const border = cssVar(element, '--border', '#e6e6ea');
      const units = (cents: number | null) => (cents === null ? null : Math.round(cents) / 100);
      chart.setOption({
        animation: false,
        color: [
          cssVar(element, '--text-subtle', '#8a8a96'),
          cssVar(element, '--accent', '#4f46e5'),
          '#d97706',
        ],
        grid: { left: 64, right: 20, top: 36, bottom: 28 },
        legend: { top: 0, textStyle: { color: text }, itemHeight: 8 },
        tooltip: {
          trigger: 'axis',
          valueFormatter: (value: number | null) =>
            value === null ? '—' : formatUnits(Math.round(value * 100)),
        },
        xAxis: {
          type: 'category',
          data: evm.curve.map((point) => point.date),
          axisLabel: { color: text },
          axisLine: { lineStyle: { color: border } },
        },
        yAxis: {
          type: 'value',
          axisLabel: { color: text, formatter: (value: number) => formatUnits(value * 100) },
          splitLine: { lineStyle: { color: border } },
        },
        series: [
          {
            name: 'Planned value',
            type: 'line',
            data: evm.curve.map((point) => units(point.pv)),
            symbolSize: 4,
            lineStyle: { type: 'dashed' },
            markLine: {
              silent: true,
              symbol: 'none',
              label: { formatter: 'Status date', color: text },
              lineStyle: { color: border, type: 'solid' },
              data: [{ xAxis: evm.statusDate }],
            },
          },
          {
            name: 'Earned value',
            type: 'line',
            data: evm.curve.map((point) => units(point.ev)),
            symbolSize: 4,
          },
          {
            name: 'Actual cost',
            type: 'line',
            data: evm.curve.map((point) => units(point.ac)),
            symbolSize: 4,
          },
        ],
      });
    },
    [evm],
  );
  return (
    <div
      ref={ref}
      className="s-curve"
      style={{ height }}
      role="img"
      aria-label="S-curve of planned value, earned value and actual cost"
    />
  );
}
