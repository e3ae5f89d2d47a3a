import type { UnitSettings } from '@tandem/core';
import type { PlanTask, ScheduledTask, TaskChanges } from '../../../api/plan';
import {
  durationText,
  type EditableColumn,
  parseDateCell,
  parseDurationCell,
  parsePercentCell,
  startChanges,
} from './cell-values';
import type { GanttRow } from './outline-rows';

/** The text a grid cell starts editing with. */
export function cellText(row: GanttRow, column: EditableColumn, settings: UnitSettings): string {
  switch (column) {
    case 'name':
      return row.task.name;
    case 'duration':
      return durationText(
        row.scheduled?.durationMinutes ?? row.task.durationMinutes,
        row.task.durationUnit,
        row.task.elapsed,
        settings,
      );
    case 'start':
      return (row.scheduled?.start ?? '').replace('T', ' ');
    case 'finish':
      return (row.scheduled?.finish ?? '').replace('T', ' ');
    case 'percent':
      return String(row.scheduled?.percentComplete ?? row.task.percentComplete ?? 0);
    default:
      return assertNever(column);
  }
}

function assertNever(value: never): never {
  throw new Error(`unexpected column ${String(value)}`);
}

/**
 * What typing `value` into a cell asks of the server: the changes, nothing when the value is unchanged, or a message
 * saying why the text cannot be read. A date typed on an automatic task becomes a constraint, as in MS Project.
 */
export function cellChanges(
  task: PlanTask,
  scheduled: ScheduledTask | undefined,
  column: EditableColumn,
  value: string,
  settings: UnitSettings,
): TaskChanges | string | undefined {
  switch (column) {
    case 'name':
      return value.trim() && value.trim() !== task.name ? { name: value.trim() } : undefined;
    case 'duration': {
      const parsed = parseDurationCell(value, settings);
      if (!parsed.ok) return parsed.message;
      return parsed.changes.durationMinutes === task.durationMinutes &&
        parsed.changes.durationUnit === task.durationUnit
        ? undefined
        : parsed.changes;
    }
    case 'start': {
      const start = parseDateCell(value, scheduled?.start);
      if (!start) return `"${value}" is not a date such as 2026-03-04 or 2026-03-04 13:00`;
      return start === scheduled?.start ? undefined : startChanges(task, start, scheduled?.finish);
    }
    case 'finish': {
      const finish = parseDateCell(value, scheduled?.finish);
      if (!finish) return `"${value}" is not a date such as 2026-03-04 or 2026-03-04 17:00`;
      if (finish === scheduled?.finish) return undefined;
      return task.scheduling === 'manual'
        ? { manualFinish: finish }
        : { constraintType: 'fnet', constraintDate: finish };
    }
    case 'percent': {
      const percent = parsePercentCell(value);
      if (percent === undefined) return `"${value}" is not a percentage from 0 to 100`;
      return percent === task.percentComplete ? undefined : { percentComplete: percent };
    }
    default:
      return assertNever(column);
  }
}
