import {
  type LaneGrouping,
  layoutLaneBars,
  monthTicks,
  roadmapLanes,
  timeScaleFor,
  xOfDay,
} from '@tandem/core';
import { forwardRef, useMemo } from 'react';
import type { Roadmap, RoadmapInitiative } from './roadmap-api';

const labelWidth = 200;
const headerHeight = 34;
const rowHeight = 30;
const lanePadding = 8;

// Fixed colours, not CSS variables: the exported PNG carries the SVG alone, without the page's stylesheet.
const colours = {
  text: '#1f2330',
  muted: '#6b7080',
  grid: '#e6e6ea',
  lane: '#f7f7f9',
  bar: '#dfe5ff',
  barStroke: '#6d7cf5',
  progress: '#6d7cf5',
  done: '#c9ead6',
  late: '#dc2626',
  onTime: '#1f9d55',
  today: '#f97316',
  release: '#7c3aed',
};

/** The timeline: a swimlane per objective, theme or team; a bar per initiative with its progress and forecast. */
export const RoadmapTimeline = forwardRef<
  SVGSVGElement,
  {
    roadmap: Roadmap;
    grouping: LaneGrouping;
    pxPerDay?: number;
    onOpen?: (initiative: RoadmapInitiative) => void;
  }
>(function RoadmapTimeline({ roadmap, grouping, pxPerDay = 3, onOpen }, ref) {
  const layout = useMemo(() => {
    const planned = roadmap.initiatives.filter((item) => item.plannedStart || item.plannedFinish);
    const releaseDates = roadmap.releases.flatMap((release) =>
      release.targetDate
        ? [{ id: release.id, plannedStart: release.targetDate, plannedFinish: release.targetDate }]
        : [],
    );
    const scale = timeScaleFor([...planned, ...releaseDates], roadmap.asOf, pxPerDay);
    const objectives = new Map(roadmap.objectives.map((objective) => [objective.id, objective.title]));
    let y = headerHeight;
    const lanes = roadmapLanes(planned, grouping, objectives).map((lane) => {
      const { bars, rows } = layoutLaneBars(lane.items, scale);
      const height = Math.max(rows, 1) * rowHeight + 2 * lanePadding;
      const top = y;
      y += height;
      const byId = new Map(lane.items.map((item) => [item.id, item]));
      return {
        lane,
        bars: bars.map((bar) => ({ bar, item: byId.get(bar.id) as RoadmapInitiative })),
        top,
        height,
      };
    });
    return { scale, lanes, height: y + 8, ticks: monthTicks(scale), planned };
  }, [roadmap, grouping, pxPerDay]);
  const width = labelWidth + layout.scale.width;
  const today = labelWidth + xOfDay(layout.scale, roadmap.asOf);
  return (
    <svg
      ref={ref}
      className="roadmap-timeline"
      xmlns="http://www.w3.org/2000/svg"
      width={width}
      height={layout.height}
      viewBox={`0 0 ${width} ${layout.height}`}
      role="img"
      aria-label={`Roadmap timeline of ${roadmap.product.name}`}
      fontFamily="Inter, system-ui, sans-serif"
    >
      <rect x={0} y={0} width={width} height={layout.height} fill="#ffffff" />
      {layout.lanes.map(({ lane, top, height }, index) => (
        <g key={lane.key || 'none'}>
          <rect
            x={0}
            y={top}
            width={width}
            height={height}
            fill={index % 2 === 0 ? colours.lane : '#ffffff'}
          />
          <text x={12} y={top + 20} fontSize={13} fontWeight={600} fill={colours.text}>
            {lane.label.length > 26 ? `${lane.label.slice(0, 25)}…` : lane.label}
          </text>
          <text x={12} y={top + 36} fontSize={11} fill={colours.muted}>
            {lane.items.length} initiative{lane.items.length === 1 ? '' : 's'}
          </text>
        </g>
      ))}
      {layout.ticks.map((tick) => (
        <g key={tick.date}>
          <line
            x1={labelWidth + tick.x}
            x2={labelWidth + tick.x}
            y1={headerHeight - 10}
            y2={layout.height}
            stroke={colours.grid}
          />
          <text x={labelWidth + tick.x + 6} y={20} fontSize={11} fill={colours.muted}>
            {tick.label}
          </text>
        </g>
      ))}
      <line x1={labelWidth} x2={labelWidth} y1={0} y2={layout.height} stroke={colours.grid} />
      {roadmap.releases.map((release) =>
        release.targetDate ? (
          <g key={release.id} className="roadmap-release-marker">
            <title>{`${release.versionName} ${release.name} — ${release.targetDate}`}</title>
            <path
              d={`M ${labelWidth + xOfDay(layout.scale, release.targetDate)} ${headerHeight - 12} l 6 6 l -6 6 l -6 -6 z`}
              fill={colours.release}
            />
            <line
              x1={labelWidth + xOfDay(layout.scale, release.targetDate)}
              x2={labelWidth + xOfDay(layout.scale, release.targetDate)}
              y1={headerHeight}
              y2={layout.height}
              stroke={colours.release}
              strokeOpacity={0.35}
              strokeDasharray="2 3"
            />
          </g>
        ) : null,
      )}
      <line
        x1={today}
        x2={today}
        y1={headerHeight - 6}
        y2={layout.height}
        stroke={colours.today}
        strokeWidth={1.5}
      />
      {layout.lanes.map(({ lane, bars, top }) =>
        bars.map(({ bar, item }) => {
          const x = labelWidth + bar.x;
          const y = top + lanePadding + bar.row * rowHeight;
          const barHeight = rowHeight - 8;
          const done = item.status === 'done';
          return (
            // biome-ignore lint/a11y/useSemanticElements: an SVG group cannot be a <button>; it takes the role and keys instead.
            <g
              key={`${lane.key}-${item.id}`}
              className="roadmap-bar"
              data-initiative={item.title}
              role="button"
              tabIndex={onOpen ? 0 : -1}
              onClick={() => onOpen?.(item)}
              onKeyDown={(event) => {
                if (event.key === 'Enter' || event.key === ' ') onOpen?.(item);
              }}
            >
              <title>
                {`${item.title}\nPlanned ${item.plannedStart ?? '?'} → ${item.plannedFinish ?? '?'}${
                  item.forecastFinish
                    ? `\nForecast finish ${item.forecastFinish}${item.projectName ? ` (${item.projectName})` : ''}`
                    : ''
                }\n${Math.round(item.progress * 100)}% done · ${item.featureCount} feature${item.featureCount === 1 ? '' : 's'}`}
              </title>
              {bar.forecastX !== null ? (
                <line
                  x1={x + bar.width}
                  x2={labelWidth + bar.forecastX}
                  y1={y + barHeight / 2}
                  y2={y + barHeight / 2}
                  stroke={bar.late ? colours.late : colours.onTime}
                  strokeWidth={2}
                  strokeDasharray="4 3"
                />
              ) : null}
              <rect
                x={x}
                y={y}
                width={Math.max(bar.width, 4)}
                height={barHeight}
                rx={5}
                fill={done ? colours.done : colours.bar}
                stroke={colours.barStroke}
                strokeOpacity={0.5}
              />
              {bar.progressWidth > 0 ? (
                <rect
                  x={x}
                  y={y + barHeight - 4}
                  width={bar.progressWidth}
                  height={4}
                  rx={2}
                  fill={colours.progress}
                />
              ) : null}
              {bar.forecastX !== null ? (
                <path
                  d={`M ${labelWidth + bar.forecastX} ${y + barHeight / 2 - 6} l 6 6 l -6 6 l -6 -6 z`}
                  fill={bar.late ? colours.late : colours.onTime}
                  className="roadmap-forecast"
                />
              ) : null}
              <text x={x + 8} y={y + barHeight / 2 + 4} fontSize={12} fill={colours.text}>
                {clip(item.title, Math.max(bar.width, 160))}
              </text>
            </g>
          );
        }),
      )}
    </svg>
  );
});

/** The title cut to what fits a bar at about 7 px a character. */
function clip(text: string, width: number): string {
  const fits = Math.floor((width - 12) / 7);
  return text.length <= fits ? text : `${text.slice(0, Math.max(fits - 1, 1))}…`;
}
