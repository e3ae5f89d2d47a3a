import { memo } from 'react';
import { type TimeScale, ticksIn, zoomLevel } from './time-scale';

/** Height of the timeline's two header tiers together. */
export const headerHeight = 48;

/** The timeline's two-tier header, drawn only over the visible pixels. */
export const TimelineHeader = memo(function TimelineHeader({
  scale,
  left,
  right,
}: {
  scale: TimeScale;
  left: number;
  right: number;
}) {
  const level = zoomLevel(scale.zoom);
  const upper = ticksIn(scale, level.upper, left, right);
  const lower = ticksIn(scale, level.lower, left, right);
  return (
    <div className="gantt__scale" style={{ width: scale.width, height: headerHeight }} aria-hidden="true">
      {upper.map((tick) => (
        <div
          key={`u${tick.start}`}
          className="gantt__tick gantt__tick--upper"
          style={{ transform: `translateX(${tick.x}px)`, width: tick.width }}
        >
          <span className="gantt__tick-label">{tick.label}</span>
        </div>
      ))}
      {lower.map((tick) => (
        <div
          key={`l${tick.start}`}
          className="gantt__tick gantt__tick--lower"
          style={{ transform: `translateX(${tick.x}px)`, width: tick.width }}
        >
          {tick.width >= 18 ? tick.label : ''}
        </div>
      ))}
    </div>
  );
});
