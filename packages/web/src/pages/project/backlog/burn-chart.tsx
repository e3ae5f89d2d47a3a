import type { BurnSeries, Velocity } from '@tandem/core';
import { formatDate } from '../../../lib/format';

const width = 520;
const height = 220;
const pad = { left: 36, right: 12, top: 12, bottom: 28 };

/** A nice upper bound for an axis: 0 stays 1, others round up to a multiple of 5. */
const top = (value: number) => Math.max(1, Math.ceil(value / 5) * 5);

function polyline(points: (readonly [number, number] | null)[]): string {
  return points
    .filter((point): point is readonly [number, number] => point !== null)
    .map(([x, y]) => `${x.toFixed(1)},${y.toFixed(1)}`)
    .join(' ');
}

function Axes({ max, first, last }: { max: number; first: string; last: string }) {
  const y = (value: number) => pad.top + (1 - value / max) * (height - pad.top - pad.bottom);
  return (
    <g className="chart__axes">
      {[0, max / 2, max].map((tick) => (
        <g key={tick}>
          <line x1={pad.left} x2={width - pad.right} y1={y(tick)} y2={y(tick)} className="chart__grid" />
          <text x={pad.left - 6} y={y(tick) + 4} textAnchor="end">
            {Number.isInteger(tick) ? tick : tick.toFixed(1)}
          </text>
        </g>
      ))}
      <text x={pad.left} y={height - 8}>
        {formatDate(first)}
      </text>
      <text x={width - pad.right} y={height - 8} textAnchor="end">
        {formatDate(last)}
      </text>
    </g>
  );
}

/**
 * A sprint's burndown (remaining points against the ideal line) or burnup (completed points against the scope), drawn
 * as SVG from the server's series; days still ahead have no actual line.
 */
export function BurnChart({ series, mode }: { series: BurnSeries; mode: 'burndown' | 'burnup' }) {
  const days = series.days;
  const max = top(Math.max(series.committed, series.scope, ...days.map((d) => d.remaining ?? 0)));
  const x = (i: number) =>
    pad.left + (days.length <= 1 ? 0 : (i / (days.length - 1)) * (width - pad.left - pad.right));
  const y = (value: number) => pad.top + (1 - value / max) * (height - pad.top - pad.bottom);
  const actual = days.map((d, i) => {
    const value = mode === 'burndown' ? d.remaining : d.completed;
    return value === null ? null : ([x(i), y(value)] as const);
  });
  const guide = days.map((d, i) => [x(i), y(mode === 'burndown' ? d.ideal : d.scope)] as const);
  const today = [...days].reverse().find((d) => d.remaining !== null);
  const label =
    mode === 'burndown'
      ? `Burndown: ${today?.remaining ?? series.committed} of ${series.committed} committed points remain`
      : `Burnup: ${today?.completed ?? 0} of ${series.scope} points completed`;
  return (
    <figure className="chart">
      <figcaption>{mode === 'burndown' ? 'Burndown' : 'Burnup'}</figcaption>
      <svg viewBox={`0 0 ${width} ${height}`} role="img" aria-label={label} data-chart={mode}>
        <title>{label}</title>
        <Axes max={max} first={days[0]?.date ?? ''} last={days.at(-1)?.date ?? ''} />
        <polyline
          points={polyline(guide)}
          className={mode === 'burndown' ? 'chart__ideal' : 'chart__scope'}
        />
        <polyline points={polyline(actual)} className="chart__actual" />
        {actual.map((point, i) =>
          point ? (
            <circle key={days[i]?.date} cx={point[0]} cy={point[1]} r={2.5} className="chart__dot" />
          ) : null,
        )}
      </svg>
      <p className="chart__legend">
        <span className="chart__key chart__key--actual" /> {mode === 'burndown' ? 'Remaining' : 'Completed'}
        <span className={`chart__key ${mode === 'burndown' ? 'chart__key--ideal' : 'chart__key--scope'}`} />{' '}
        {mode === 'burndown' ? 'Ideal' : 'Scope'}
      </p>
    </figure>
  );
}

/** Committed and completed points of the last completed sprints as bars, with the average as a line. */
export function VelocityChart({ velocity }: { velocity: Velocity }) {
  const sprints = velocity.sprints;
  const max = top(Math.max(1, ...sprints.flatMap((s) => [s.committedPoints, s.completedPoints])));
  const slot = (width - pad.left - pad.right) / Math.max(1, sprints.length);
  const bar = Math.min(28, slot / 3);
  const y = (value: number) => pad.top + (1 - value / max) * (height - pad.top - pad.bottom);
  const label = `Velocity: ${velocity.average} points per sprint over the last ${sprints.length} sprints`;
  return (
    <figure className="chart">
      <figcaption>Velocity</figcaption>
      <svg viewBox={`0 0 ${width} ${height}`} role="img" aria-label={label} data-chart="velocity">
        <title>{label}</title>
        <Axes max={max} first="" last="" />
        {sprints.map((sprint, i) => {
          const cx = pad.left + slot * i + slot / 2;
          return (
            <g key={sprint.id}>
              <rect
                x={cx - bar - 1}
                y={y(sprint.committedPoints)}
                width={bar}
                height={y(0) - y(sprint.committedPoints)}
                className="chart__bar chart__bar--committed"
              />
              <rect
                x={cx + 1}
                y={y(sprint.completedPoints)}
                width={bar}
                height={y(0) - y(sprint.completedPoints)}
                className="chart__bar"
              />
              <text x={cx} y={height - 8} textAnchor="middle" className="chart__axes">
                {sprint.name.length > 12 ? `${sprint.name.slice(0, 11)}…` : sprint.name}
              </text>
            </g>
          );
        })}
        {sprints.length > 0 ? (
          <line
            x1={pad.left}
            x2={width - pad.right}
            y1={y(velocity.average)}
            y2={y(velocity.average)}
            className="chart__ideal"
          />
        ) : null}
      </svg>
      <p className="chart__legend">
        <span className="chart__key chart__key--committed" /> Committed{' '}
        <span className="chart__key chart__key--actual" /> Completed{' '}
        <span className="chart__key chart__key--ideal" /> Average {velocity.average}
        {velocity.sayDoRatio !== null
          ? ` · ${Math.round(velocity.sayDoRatio * 100)} % of commitments done`
          : ''}
      </p>
    </figure>
  );
}
