import { type ComponentType, lazy, Suspense } from 'react';

/**
 * A chart component loaded on first use: the charting library stays out of the bundle every page loads, and arrives
 * only with a view that draws a chart. Until it has, the chart's place is held at the given height.
 * @example const SCurveChart = lazyChart(() => import('./s-curve-chart').then((m) => m.SCurveChart), 280);
 */
export function lazyChart<P extends object>(
  load: () => Promise<ComponentType<P>>,
  height: number,
): ComponentType<P> {
  const Chart = lazy(async () => ({ default: await load() }));
  return function LazyChart(props: P) {
    return (
      <Suspense fallback={<div style={{ height }} aria-busy="true" />}>
        <Chart {...props} />
      </Suspense>
    );
  };
}
