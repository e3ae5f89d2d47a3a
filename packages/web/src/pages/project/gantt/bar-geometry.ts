import type { LinkType } from '../../../api/plan';
import { type TimeScale, xOf } from './time-scale';
import { parseWallClock } from './wall-clock';

/** Height of one row of the grid and the timeline, in pixels. */
export const rowHeight = 32;

/** What a bar looks like: a task, a summary (bracket) or a milestone (diamond). */
export type BarKind = 'task' | 'summary' | 'milestone';

/** A bar's box on the timeline. */
export interface Bar {
  kind: BarKind;
  x: number;
  width: number;
  /** Top of the row. */
  y: number;
  /** Pixels of the bar filled by progress. */
  progressWidth: number;
  /** Length of the thin trailing line that shows total slack. */
  slackWidth: number;
}

/** The part of a task's schedule a bar reads. */
export interface BarInput {
  start: string;
  finish: string;
  summary: boolean;
  milestone: boolean;
  percentComplete: number;
  /** Working minutes of total slack; shown on the wall clock, as days of slack stretch over nights. */
  totalSlack: number;
}

/** Wall-clock minutes per working minute, averaged over a week: 7 × 24 h over 5 × 8 h on a plain calendar. */
export function slackStretch(minutesPerWeek: number): number {
  return minutesPerWeek > 0 ? 10_080 / minutesPerWeek : 1;
}

/** The bar of one scheduled task in row `row`; undefined when its dates cannot be read. */
export function barOf(
  input: BarInput,
  row: number,
  scale: TimeScale,
  minutesPerWeek = 2400,
): Bar | undefined {
  const start = parseWallClock(input.start);
  const finish = parseWallClock(input.finish);
  if (start === undefined || finish === undefined) return undefined;
  const x = xOf(scale, start);
  const kind: BarKind = input.summary ? 'summary' : input.milestone || finish <= start ? 'milestone' : 'task';
  const width = kind === 'milestone' ? 0 : Math.max(2, xOf(scale, finish) - x);
  const percent = Math.min(100, Math.max(0, input.percentComplete));
  const slack = Math.max(0, input.totalSlack) * slackStretch(minutesPerWeek) * scale.pxPerMinute;
  return {
    kind,
    x,
    width,
    y: row * rowHeight,
    progressWidth: (width * percent) / 100,
    slackWidth: kind === 'summary' ? 0 : slack,
  };
}

/** True when a bar (with its slack line and a little room for its label) meets the pixel window [left, right]. */
export function barInWindow(bar: Bar, left: number, right: number): boolean {
  return bar.x + bar.width + bar.slackWidth + 8 >= left && bar.x - 8 <= right;
}

/** Vertical centre of a row. */
const middle = (bar: Bar) => bar.y + rowHeight / 2;

/** How far a link leaves its bar before turning. */
const stub = 8;

/**
 * The SVG path of a link arrow between two bars, routed the way MS Project draws them: out of the predecessor's end
 * (FS, FF) or start (SS, SF), into the successor's start (FS, SS) or end (FF, SF), turning at right angles. It ends
 * with a horizontal run into the successor's edge, along which the arrow head (a marker) points.
 */
export function linkPath(type: LinkType, from: Bar, to: Bar): string {
  const fromX = type === 'FS' || type === 'FF' ? from.x + from.width : from.x;
  const toX = type === 'FS' || type === 'SS' ? to.x : to.x + to.width;
  const fromY = middle(from);
  const toY = middle(to);
  const entersLeft = type === 'FS' || type === 'SS';
  const leavesRight = type === 'FS' || type === 'FF';
  const out = leavesRight ? fromX + stub : fromX - stub;
  const into = entersLeft ? toX - stub : toX + stub;
  // A successor row's edge: the arrow runs between rows, so it never crosses the bars it joins.
  const between = toY > fromY ? to.y : to.y + rowHeight;
  const straight = entersLeft ? into >= out : into <= out;
  if (straight) return `M${fromX},${fromY} H${into} V${toY} H${toX}`;
  return `M${fromX},${fromY} H${out} V${between} H${into} V${toY} H${toX}`;
}
