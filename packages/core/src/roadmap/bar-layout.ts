import { civilFromDay, dayFromCivil, formatDay, parseDay } from '../calendar/day-number';
import { dayNumber } from '../calendar/model';

/** What a bar needs: planned dates ("YYYY-MM-DD"), a forecast finish from the delivering project and progress 0–1. */
export interface BarItem {
  readonly id: string;
  readonly plannedStart: string | null;
  readonly plannedFinish: string | null;
  readonly forecastFinish?: string | null;
  readonly progress?: number;
}

/** The time axis of a timeline: whole months from `from` to `to` (exclusive), `pxPerDay` wide. */
export interface TimeScale {
  readonly from: string;
  readonly to: string;
  readonly pxPerDay: number;
  readonly width: number;
}

/** A bar placed on a timeline: its row within its lane and pixel geometry. */
export interface PlacedBar {
  readonly id: string;
  readonly row: number;
  readonly x: number;
  readonly width: number;
  /** Where the forecast finish falls, when the item has one. */
  readonly forecastX: number | null;
  /** The forecast finish is after the planned finish. */
  readonly late: boolean;
  readonly progressWidth: number;
}

/** A month boundary on the axis. */
export interface MonthTick {
  readonly x: number;
  readonly date: string;
  readonly label: string;
}

const monthNames = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

function monthStart(day: number): number {
  const { year, month } = civilFromDay(dayNumber(day));
  return dayFromCivil(year, month, 1);
}

function nextMonth(day: number): number {
  const { year, month } = civilFromDay(dayNumber(day));
  return month === 12 ? dayFromCivil(year + 1, 1, 1) : dayFromCivil(year, month + 1, 1);
}

/** A bar's span in days, or null when it has no planned dates at all; a lone date makes a one-day bar. */
export function barSpan(item: BarItem): { start: number; finish: number } | null {
  const start = item.plannedStart === null ? null : parseDay(item.plannedStart);
  const finish = item.plannedFinish === null ? null : parseDay(item.plannedFinish);
  if (start === null && finish === null) return null;
  const from = start ?? (finish as number);
  const to = Math.max(finish ?? from, from);
  return { start: from, finish: to };
}

/**
 * The axis that holds every bar, every forecast and `asOf`, widened to whole months with one spare month each side,
 * at `pxPerDay` pixels a day.
 */
export function timeScaleFor(items: readonly BarItem[], asOf: string, pxPerDay = 4): TimeScale {
  let low = parseDay(asOf) as number;
  let high = low;
  for (const item of items) {
    const span = barSpan(item);
    if (span) {
      low = Math.min(low, span.start);
      high = Math.max(high, span.finish);
    }
    if (item.forecastFinish) high = Math.max(high, parseDay(item.forecastFinish));
  }
  const from = monthStart(monthStart(low) - 1);
  const to = nextMonth(nextMonth(high));
  return {
    from: formatDay(dayNumber(from)),
    to: formatDay(dayNumber(to)),
    pxPerDay,
    width: (to - from) * pxPerDay,
  };
}

/** The x of the start of a day on the axis. */
export function xOfDay(scale: TimeScale, date: string): number {
  return (parseDay(date) - parseDay(scale.from)) * scale.pxPerDay;
}

/** The month boundaries of the axis, labelled "Jan 2027". */
export function monthTicks(scale: TimeScale): MonthTick[] {
  const ticks: MonthTick[] = [];
  const end = parseDay(scale.to);
  for (let day = parseDay(scale.from) as number; day < end; day = nextMonth(day)) {
    const { year, month } = civilFromDay(dayNumber(day));
    const date = formatDay(dayNumber(day));
    ticks.push({ x: xOfDay(scale, date), date, label: `${monthNames[month - 1]} ${year}` });
  }
  return ticks;
}

/**
 * Places the bars of one lane: earliest start first (ties by id), each on the first row where it does not touch the
 * bar before it, so overlapping work stacks and the lane is as short as it can be. Items without dates are left out.
 */
export function layoutLaneBars(
  items: readonly BarItem[],
  scale: TimeScale,
): { bars: PlacedBar[]; rows: number } {
  const origin = parseDay(scale.from);
  const spans = items
    .map((item) => ({ item, span: barSpan(item) }))
    .filter(
      (entry): entry is { item: BarItem; span: { start: number; finish: number } } => entry.span !== null,
    )
    .sort(
      (a, b) => a.span.start - b.span.start || (a.item.id < b.item.id ? -1 : a.item.id > b.item.id ? 1 : 0),
    );
  const rowEnds: number[] = [];
  const bars: PlacedBar[] = [];
  for (const { item, span } of spans) {
    const forecast = item.forecastFinish ? parseDay(item.forecastFinish) : null;
    const end = Math.max(span.finish, forecast ?? span.finish);
    let row = rowEnds.findIndex((rowEnd) => rowEnd < span.start);
    if (row === -1) {
      row = rowEnds.length;
      rowEnds.push(end);
    } else rowEnds[row] = end;
    // A bar covers its finish day, so it ends at the start of the next one.
    const width = (span.finish + 1 - span.start) * scale.pxPerDay;
    const progress = Math.min(1, Math.max(0, item.progress ?? 0));
    bars.push({
      id: item.id,
      row,
      x: (span.start - origin) * scale.pxPerDay,
      width,
      forecastX: forecast === null ? null : (forecast + 1 - origin) * scale.pxPerDay,
      late: forecast !== null && forecast > span.finish,
      progressWidth: width * progress,
    });
  }
  return { bars, rows: rowEnds.length };
}
