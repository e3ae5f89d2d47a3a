import { LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import { cssVar, useEChart } from '../../../components/use-echart';
import type { RegisterOverview } from './risks-api';

echarts.use([LineChart, GridComponent, LegendComponent, TooltipComponent, SVGRenderer]);

/** The register over time: open and high risks (left axis) and the open risks' total score (right axis), a day a point. */
export function RiskTrendChart({ trend }: { trend: RegisterOverview['trend'] }) {
  const ref = useEChart(
    (chart, element) => {
      const text = cssVar(element, '--text-muted', '#5f5f6b');
      const border = cssVar(element, '--border', '#e6e6ea');
      chart.setOption({
        animation: false,
        color: [cssVar(element, '--accent', '#4f46e5'), cssVar(element, '--danger', '#dc2626'), '#d97706'],
        grid: { left: 36, right: 44, top: 36, bottom: 28 },
        legend: { top: 0, textStyle: { color: text }, itemHeight: 8 },
        tooltip: { trigger: 'axis' },
        xAxis: {
          type: 'category',
          data: trend.map((point) => point.day),
          axisLabel: { color: text },
          axisLine: { lineStyle: { color: border } },
        },
        yAxis: [
          {
            type: 'value',
            minInterval: 1,
            axisLabel: { color: text },
            splitLine: { lineStyle: { color: border } },
          },
          { type: 'value', minInterval: 1, axisLabel: { color: text }, splitLine: { show: false } },
        ],
        series: [
          {
            name: 'Open',
            type: 'line',
            step: 'end',
            data: trend.map((point) => point.openCount),
            symbolSize: 5,
          },
          {
            name: 'High',
            type: 'line',
            step: 'end',
            data: trend.map((point) => point.highCount),
            symbolSize: 5,
          },
          {
            name: 'Total score',
            type: 'line',
            yAxisIndex: 1,
            step: 'end',
            data: trend.map((point) => point.totalScore),
            symbolSize: 5,
            lineStyle: { type: 'dashed' },
          },
        ],
      });
    },
    [trend],
  );
  return <div ref={ref} className="risk-trend" role="img" aria-label="Trend of the risk register" />;
}
