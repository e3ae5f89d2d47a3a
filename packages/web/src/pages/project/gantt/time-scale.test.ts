import { describe, expect, it } from 'vitest';
import {
  createScale,
  minuteAt,
  nextUnit,
  scrollAfterZoom,
  snapMinute,
  startOfUnit,
  stepZoom,
  ticksIn,
  xOf,
  zoomLevel,
} from './time-scale';
import { formatWallClock, parseWallClock } from './wall-clock';

const at = (text: string) => {
  const minute = parseWallClock(text);
  if (minute === undefined) throw new Error(text);
  return minute;
};

describe('time scale', () => {
  it('starts weeks on Monday and quarters on January, April, July and October', () => {
    expect(formatWallClock(startOfUnit(at('2026-03-05T10:00'), 'week'))).toBe('2026-03-02T00:00');
    expect(formatWallClock(startOfUnit(at('2026-03-01T10:00'), 'week'))).toBe('2026-02-23T00:00');
    expect(formatWallClock(startOfUnit(at('2026-08-19T10:00'), 'quarter'))).toBe('2026-07-01T00:00');
    expect(formatWallClock(nextUnit(at('2026-11-19T10:00'), 'quarter'))).toBe('2027-01-01T00:00');
    expect(formatWallClock(nextUnit(at('2026-01-31T10:00'), 'month'))).toBe('2026-02-01T00:00');
  });

  it('pads the plan on both sides and aligns the origin to the upper header tier', () => {
    const scale = createScale(at('2026-03-04T08:00'), at('2026-03-20T17:00'), 'days');
    // Days zoom groups by week: the origin is the Monday of the week two days before the start.
    expect(formatWallClock(scale.origin)).toBe('2026-03-02T00:00');
    expect(scale.end).toBeGreaterThan(at('2026-03-24T00:00'));
    expect(startOfUnit(scale.end, 'week')).toBe(scale.end);
    expect(scale.width).toBeCloseTo((scale.end - scale.origin) * zoomLevel('days').pxPerMinute);
  });

  it('maps minutes to pixels and back without drift', () => {
    const scale = createScale(at('2026-03-02T08:00'), at('2026-06-01T17:00'), 'weeks');
    for (const text of ['2026-03-02T08:00', '2026-04-15T13:30', '2026-05-29T17:00']) {
      expect(minuteAt(scale, xOf(scale, at(text)))).toBeCloseTo(at(text), 6);
    }
    expect(xOf(scale, at('2026-03-10T00:00')) - xOf(scale, at('2026-03-09T00:00'))).toBeCloseTo(12);
  });

  it('gives each zoom level a wider span per pixel than the one before', () => {
    let zoom = stepZoom('quarters', 1);
    expect(zoom).toBe('quarters');
    const widths: number[] = [];
    zoom = 'hours';
    for (let i = 0; i < 5; i++) {
      widths.push(zoomLevel(zoom).pxPerMinute);
      zoom = stepZoom(zoom, 1);
    }
    expect([...widths].sort((a, b) => b - a)).toEqual(widths);
    expect(stepZoom('hours', -1)).toBe('hours');
  });

  it('draws only the header cells that meet the visible window', () => {
    const scale = createScale(at('2024-01-01T08:00'), at('2026-12-31T17:00'), 'hours');
    const left = xOf(scale, at('2025-06-10T00:00'));
    const ticks = ticksIn(scale, 'hour', left, left + 360);
    expect(ticks).toHaveLength(10);
    expect(ticks[0]?.label).toBe('0');
    expect(ticks[1]?.x).toBeCloseTo(left + 36);
    const days = ticksIn(scale, 'day', left, left + 360);
    expect(days.map((t) => t.label)).toEqual(['T 10']);
  });

  it('labels months, quarters and weeks in the header', () => {
    const scale = createScale(at('2026-01-05T08:00'), at('2026-12-20T17:00'), 'quarters');
    // Padded by whole years, since the quarters zoom groups its header by year.
    const quarters = ticksIn(scale, 'quarter', 0, scale.width).map((t) => t.label);
    expect(quarters).toHaveLength(12);
    expect([quarters[0], quarters[5], quarters[11]]).toEqual(['Q1 2025', 'Q2 2026', 'Q4 2027']);
    const weeks = createScale(at('2026-01-05T08:00'), at('2026-02-20T17:00'), 'weeks');
    expect(ticksIn(weeks, 'week', 0, 200)[0]?.label).toMatch(/^\d+ (Nov|Dec)$/);
  });

  it('snaps a dragged minute to the nearest whole unit', () => {
    expect(formatWallClock(snapMinute(at('2026-03-04T11:00'), 'day'))).toBe('2026-03-04T00:00');
    expect(formatWallClock(snapMinute(at('2026-03-04T13:00'), 'day'))).toBe('2026-03-05T00:00');
    expect(formatWallClock(snapMinute(at('2026-03-04T13:29'), 'hour'))).toBe('2026-03-04T13:00');
  });

  it('keeps the minute under the pointer in place when zooming', () => {
    const days = createScale(at('2026-03-02T08:00'), at('2026-09-01T17:00'), 'days');
    const weeks = createScale(at('2026-03-02T08:00'), at('2026-09-01T17:00'), 'weeks');
    const scrollLeft = 1500;
    const anchorX = 300;
    const minute = minuteAt(days, scrollLeft + anchorX);
    const after = scrollAfterZoom(days, weeks, scrollLeft, anchorX);
    expect(minuteAt(weeks, after + anchorX)).toBeCloseTo(minute, 6);
    expect(scrollAfterZoom(weeks, days, 0, 0)).toBeGreaterThanOrEqual(0);
  });
});
