import { ScatterChart } from 'echarts/charts';
import { GridComponent, MarkAreaComponent, MarkLineComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import { cssVar, useEChart } from '../../../components/use-echart';
import { quadrantLabels, type ValueEffortPoint } from './prioritise-api';

echarts.use([
  ScatterChart,
  GridComponent,
  MarkAreaComponent,
  MarkLineComponent,
  TooltipComponent,
  SVGRenderer,
]);

// The scale's midpoint splits each axis, as core's valueEffortScore does.
const mid = 5.5;

/** Value against effort, 1–10 each, with the four quadrants shaded and named; a point opens its feature's scores. */
export function ValueEffortChart({
  points,
  onOpen,
}: {
  points: ValueEffortPoint[];
  onOpen: (point: ValueEffortPoint) => void;
}) {
  const ref = useEChart(
    (chart, element) => {
      const text = cssVar(element, '--text-muted', '#5f5f6b');
      const border = cssVar(element, '--border', '#e6e6ea');
      const quadrant = (name: string, from: [number, number], to: [number, number], color: string) => [
        { name, coord: from, itemStyle: { color }, label: { color: text, fontWeight: 600 } },
        { coord: to },
      ];
      chart.setOption({
        animation: false,
        grid: { left: 44, right: 16, top: 16, bottom: 40 },
        tooltip: {
          formatter: (params: { data: [number, number, string, string] }) =>
            `${params.data[2]}<br/>Value ${params.data[1]} · Effort ${params.data[0]}<br/>${quadrantLabels[params.data[3]] ?? ''}`,
        },
        xAxis: {
          name: 'Effort',
          nameLocation: 'middle',
          nameGap: 26,
          min: 0,
          max: 11,
          interval: 1,
          axisLabel: {
            color: text,
            formatter: (value: number) => (value >= 1 && value <= 10 ? String(value) : ''),
          },
          splitLine: { show: false },
          axisLine: { lineStyle: { color: border } },
        },
        yAxis: {
          name: 'Value',
          nameLocation: 'middle',
          nameGap: 28,
          min: 0,
          max: 11,
          interval: 1,
          axisLabel: {
            color: text,
            formatter: (value: number) => (value >= 1 && value <= 10 ? String(value) : ''),
          },
          splitLine: { show: false },
          axisLine: { lineStyle: { color: border } },
        },
        series: [
          {
            type: 'scatter',
            symbolSize: 14,
            itemStyle: { color: cssVar(element, '--accent', '#4f46e5'), opacity: 0.85 },
            data: points.map((point) => [
              point.effort,
              point.value,
              point.title,
              point.quadrant,
              point.featureId,
            ]),
            markArea: {
              silent: true,
              label: { position: 'insideTopLeft', fontSize: 12 },
              data: [
                quadrant('Quick wins', [0, mid], [mid, 11], 'rgba(31,157,85,0.08)'),
                quadrant('Big bets', [mid, mid], [11, 11], 'rgba(79,70,229,0.08)'),
                quadrant('Fill-ins', [0, 0], [mid, mid], 'rgba(120,120,140,0.06)'),
                quadrant('Money pits', [mid, 0], [11, mid], 'rgba(220,38,38,0.08)'),
              ],
            },
          },
        ],
      });
      chart.on('click', (params) => {
        const data = params.data as [number, number, string, string, string];
        const point = points.find((candidate) => candidate.featureId === data[4]);
        if (point) onOpen(point);
      });
    },
    [points, onOpen],
  );
  return (
    <div
      ref={ref}
      className="value-effort-chart"
      role="img"
      aria-label="Value versus effort, in four quadrants"
    />
  );
}
