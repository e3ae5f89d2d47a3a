import type { WallMinute } from './wall-clock';

/** How much time one screen shows, from hours to quarters. */
export type Zoom = 'hours' | 'days' | 'weeks' | 'months' | 'quarters';

/** The calendar units the header's two tiers are cut into. */
export type TickUnit = 'hour' | 'day' | 'week' | 'month' | 'quarter' | 'year';

/** The zoom levels, closest first. */
export const zooms: readonly Zoom[] = ['hours', 'days', 'weeks', 'months', 'quarters'];

interface ZoomLevel {
  /** Pixels per minute of wall-clock time. */
  pxPerMinute: number;
  /** Header tiers: the upper groups the lower. */
  upper: TickUnit;
  lower: TickUnit;
  /** What a dragged bar snaps to. */
  snap: TickUnit;
}

const minutesPerDay = 1440;

const levels: Record<Zoom, ZoomLevel> = {
  hours: { pxPerMinute: 36 / 60, upper: 'day', lower: 'hour', snap: 'hour' },
  days: { pxPerMinute: 36 / minutesPerDay, upper: 'week', lower: 'day', snap: 'day' },
  weeks: { pxPerMinute: 12 / minutesPerDay, upper: 'month', lower: 'week', snap: 'day' },
  months: { pxPerMinute: 4 / minutesPerDay, upper: 'year', lower: 'month', snap: 'day' },
  quarters: { pxPerMinute: 1.25 / minutesPerDay, upper: 'year', lower: 'quarter', snap: 'week' },
};

/** The settings of one zoom level. */
export function zoomLevel(zoom: Zoom): ZoomLevel {
  return levels[zoom];
}

/** One step closer (`-1`) or farther (`+1`), staying within hours … quarters. */
export function stepZoom(zoom: Zoom, step: -1 | 1): Zoom {
  const index = zooms.indexOf(zoom) + step;
  return zooms[Math.min(zooms.length - 1, Math.max(0, index))] ?? zoom;
}

/** A linear map between wall-clock minutes and pixels of the timeline. */
export interface TimeScale {
  zoom: Zoom;
  /** The minute at x = 0. */
  origin: WallMinute;
  /** The minute at the right edge. */
  end: WallMinute;
  pxPerMinute: number;
  /** Width of the whole timeline in pixels. */
  width: number;
}

/** Start of the unit that holds `minute` (weeks start on Monday, as ISO and MS Project's default do). */
export function startOfUnit(minute: WallMinute, unit: TickUnit): WallMinute {
  const date = new Date(minute * 60_000);
  const y = date.getUTCFullYear();
  const m = date.getUTCMonth();
  const d = date.getUTCDate();
  switch (unit) {
    case 'hour':
      return Math.floor(minute / 60) * 60;
    case 'day':
      return Date.UTC(y, m, d) / 60_000;
    case 'week': {
      const back = (date.getUTCDay() + 6) % 7;
      return Date.UTC(y, m, d - back) / 60_000;
    }
    case 'month':
      return Date.UTC(y, m, 1) / 60_000;
    case 'quarter':
      return Date.UTC(y, m - (m % 3), 1) / 60_000;
    case 'year':
      return Date.UTC(y, 0, 1) / 60_000;
    default:
      return assertNever(unit);
  }
}

/** Start of the unit after the one that holds `minute`. */
export function nextUnit(minute: WallMinute, unit: TickUnit): WallMinute {
  const start = startOfUnit(minute, unit);
  const date = new Date(start * 60_000);
  const y = date.getUTCFullYear();
  const m = date.getUTCMonth();
  const d = date.getUTCDate();
  switch (unit) {
    case 'hour':
      return start + 60;
    case 'day':
      return Date.UTC(y, m, d + 1) / 60_000;
    case 'week':
      return Date.UTC(y, m, d + 7) / 60_000;
    case 'month':
      return Date.UTC(y, m + 1, 1) / 60_000;
    case 'quarter':
      return Date.UTC(y, m + 3, 1) / 60_000;
    case 'year':
      return Date.UTC(y + 1, 0, 1) / 60_000;
    default:
      return assertNever(unit);
  }
}

function assertNever(value: never): never {
  throw new Error(`unexpected tick unit ${String(value)}`);
}

/**
 * The scale for a plan running from `start` to `finish` at `zoom`: padded by a few units on both sides and aligned
 * to the upper tier, so the first header group is whole.
 */
export function createScale(start: WallMinute, finish: WallMinute, zoom: Zoom): TimeScale {
  const level = levels[zoom];
  let origin = startOfUnit(start, level.lower);
  for (let i = 0; i < 2; i++) origin = startOfUnit(origin - 1, level.lower);
  origin = startOfUnit(origin, level.upper);
  let end = Math.max(finish, start + 1);
  for (let i = 0; i < 4; i++) end = nextUnit(end, level.lower);
  end = nextUnit(end - 1, level.upper);
  return { zoom, origin, end, pxPerMinute: level.pxPerMinute, width: (end - origin) * level.pxPerMinute };
}

/** Pixel position of a minute. */
export function xOf(scale: TimeScale, minute: WallMinute): number {
  return (minute - scale.origin) * scale.pxPerMinute;
}

/** The minute at a pixel position. */
export function minuteAt(scale: TimeScale, x: number): WallMinute {
  return scale.origin + x / scale.pxPerMinute;
}

/** The nearest boundary of `unit` to a minute, so a dragged bar lands on a whole day (or hour, or week). */
export function snapMinute(minute: WallMinute, unit: TickUnit): WallMinute {
  const start = startOfUnit(minute, unit);
  const next = nextUnit(minute, unit);
  return minute - start < next - minute ? start : next;
}

/** One cell of a header tier. */
export interface Tick {
  start: WallMinute;
  x: number;
  width: number;
  label: string;
}

const monthNames = [
  'Jan',
  'Feb',
  'Mar',
  'Apr',
  'May',
  'Jun',
  'Jul',
  'Aug',
  'Sep',
  'Oct',
  'Nov',
  'Dec',
] as const;
const dayNames = ['S', 'M', 'T', 'W', 'T', 'F', 'S'] as const;

/** The label of the unit that starts at `minute`, short enough for the cell's width at the zoom that uses it. */
export function tickLabel(minute: WallMinute, unit: TickUnit): string {
  const date = new Date(minute * 60_000);
  const y = date.getUTCFullYear();
  const m = date.getUTCMonth();
  switch (unit) {
    case 'hour':
      return String(date.getUTCHours());
    case 'day':
      return `${dayNames[date.getUTCDay()]} ${date.getUTCDate()}`;
    case 'week':
      return `${date.getUTCDate()} ${monthNames[m]}`;
    case 'month':
      return `${monthNames[m]} ${y}`;
    case 'quarter':
      return `Q${Math.floor(m / 3) + 1} ${y}`;
    case 'year':
      return String(y);
    default:
      return assertNever(unit);
  }
}

/**
 * The cells of one header tier that meet the pixel window [left, right], so a header over years of hours still
 * draws only what is on screen.
 */
export function ticksIn(scale: TimeScale, unit: TickUnit, left: number, right: number): Tick[] {
  const from = Math.max(scale.origin, minuteAt(scale, left));
  const to = Math.min(scale.end, minuteAt(scale, right));
  const ticks: Tick[] = [];
  for (let start = startOfUnit(from, unit); start < to; start = nextUnit(start, unit)) {
    const end = nextUnit(start, unit);
    const x = xOf(scale, start);
    ticks.push({ start, x, width: xOf(scale, end) - x, label: tickLabel(start, unit) });
  }
  return ticks;
}

/**
 * Where to scroll after a zoom so the minute under the pointer (or the centre) stays under it: the anchor's pixel
 * offset within the viewport is kept.
 */
export function scrollAfterZoom(
  before: TimeScale,
  after: TimeScale,
  scrollLeft: number,
  anchorX: number,
): number {
  const minute = minuteAt(before, scrollLeft + anchorX);
  return Math.max(0, xOf(after, minute) - anchorX);
}
