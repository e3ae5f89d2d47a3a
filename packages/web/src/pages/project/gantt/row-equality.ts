import type { ScheduledTask } from '../../../api/plan';
import type { GanttRow } from './outline-rows';

/**
 * True when two rows show the same: the same task object and outline place, and the same dates, progress, outline
 * number and criticality. A reschedule hands every row a new schedule entry (slack moves with the project's finish),
 * yet most rows on screen look the same and need not be drawn again.
 */
export function sameRowView(a: GanttRow, b: GanttRow): boolean {
  return (
    a.task === b.task &&
    a.level === b.level &&
    a.hasChildren === b.hasChildren &&
    a.collapsed === b.collapsed &&
    sameDates(a.scheduled, b.scheduled) &&
    a.scheduled?.outline === b.scheduled?.outline &&
    a.scheduled?.percentComplete === b.scheduled?.percentComplete
  );
}

/** True when two schedule entries give a bar the same dates and colour. */
function sameDates(a: ScheduledTask | undefined, b: ScheduledTask | undefined): boolean {
  if (a === b) return true;
  if (!a || !b) return false;
  return a.start === b.start && a.finish === b.finish && a.critical === b.critical;
}

/** True when two objects hold the same values under the same keys (one level deep). */
export function shallowEqual(a: object, b: object): boolean {
  if (a === b) return true;
  const keysA = Object.keys(a);
  if (keysA.length !== Object.keys(b).length) return false;
  return keysA.every((key) =>
    Object.is((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key]),
  );
}

/**
 * Props equality for a memoised row: rows compared by what they show (`sameRowView`), plain values by identity, and
 * the named value objects (texts, bars) one level deep.
 */
export function sameRowProps<P extends { row: GanttRow }>(deep: readonly (keyof P)[]) {
  return (a: P, b: P): boolean => {
    for (const key of Object.keys(a) as (keyof P)[]) {
      if (key === 'row') {
        if (!sameRowView(a.row, b.row)) return false;
      } else if (deep.includes(key)) {
        const x = a[key];
        const y = b[key];
        if (x !== y && !(x && y && typeof x === 'object' && typeof y === 'object' && shallowEqual(x, y)))
          return false;
      } else if (!Object.is(a[key], b[key])) return false;
    }
    return Object.keys(a).length === Object.keys(b).length;
  };
}
