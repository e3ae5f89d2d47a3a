import * as echarts from 'echarts/core';
import { type DependencyList, useEffect, useRef } from 'react';

/** A theme colour from the page's CSS variables, so charts follow light and dark themes. */
export const cssVar = (element: Element, name: string, fallback: string) =>
  getComputedStyle(element).getPropertyValue(name).trim() || fallback;

/**
 * An SVG echarts chart drawn into the returned element: `draw` sets it up whenever `deps` change; the chart follows the
 * element's size and is disposed with it. Each chart module registers the echarts parts it uses (`echarts.use`).
 */
export function useEChart(
  draw: (chart: echarts.ECharts, element: HTMLDivElement) => void,
  deps: DependencyList,
) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(
    () => {
      const element = ref.current;
      if (!element) return;
      const chart = echarts.init(element, undefined, { renderer: 'svg' });
      draw(chart, element);
      const resize = new ResizeObserver(() => chart.resize());
      resize.observe(element);
      return () => {
        resize.disconnect();
        chart.dispose();
      };
    },
    // biome-ignore lint/correctness/useExhaustiveDependencies: the caller names what its chart depends on.
    deps,
  );
  return ref;
}
