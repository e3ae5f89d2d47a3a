import {
  type DurationUnitCode,
  durationFromMinutes,
  durationMinutes,
  formatDuration,
  isElapsedUnit,
  parseDuration,
  type UnitSettings,
  unitName,
} from '@tandem/core';
import type { PlanTask, TaskChanges } from '../../../api/plan';
import { formatWallClock, parseWallClock } from './wall-clock';

/** The grid's editable columns. */
export type EditableColumn = 'name' | 'duration' | 'start' | 'finish' | 'percent';

const unitCodes: Record<string, DurationUnitCode> = {
  minutes: 'm',
  hours: 'h',
  days: 'd',
  weeks: 'w',
  months: 'mo',
};

/** The project's conversion of days, weeks and months to minutes, with MS Project's defaults. */
export function unitSettingsOf(calendar: Partial<UnitSettings> | undefined): UnitSettings {
  return {
    minutesPerDay: calendar?.minutesPerDay ?? 480,
    minutesPerWeek: calendar?.minutesPerWeek ?? 2400,
    daysPerMonth: calendar?.daysPerMonth ?? 20,
  };
}

/** A task's duration in the unit it was entered in ("3d", "4h", "2w", "1ed"). */
export function durationText(
  minutes: number,
  unit: string | undefined,
  elapsed: boolean | undefined,
  settings: UnitSettings,
): string {
  const working = unitCodes[unit ?? 'days'] ?? 'd';
  const code = (elapsed ? `e${working}` : working) as DurationUnitCode;
  return formatDuration(durationFromMinutes(minutes, code, settings));
}

/** What a duration cell sends when the user types `text`, or the parser's message. */
export function parseDurationCell(
  text: string,
  settings: UnitSettings,
): { ok: true; changes: TaskChanges } | { ok: false; message: string } {
  const parsed = parseDuration(text, 'd');
  if (!parsed.ok) return { ok: false, message: parsed.error.message };
  if (parsed.value.value < 0) return { ok: false, message: `A duration cannot be negative: "${text}"` };
  return {
    ok: true,
    changes: {
      durationMinutes: durationMinutes(parsed.value, settings),
      durationUnit: unitName(parsed.value.unit),
      elapsed: isElapsedUnit(parsed.value.unit),
    },
  };
}

/** Reads a typed date ("2026-03-04", "2026-03-04 13:00"); a bare day keeps the time of day of `keepTimeOf`. */
export function parseDateCell(text: string, keepTimeOf: string | undefined): string | undefined {
  const trimmed = text.trim().replace(' ', 'T');
  const minute = parseWallClock(trimmed);
  if (minute === undefined || !/^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2})?$/.test(trimmed)) return undefined;
  if (trimmed.length > 10) return formatWallClock(minute);
  const time = keepTimeOf?.slice(11, 16) || '08:00';
  return `${trimmed}T${time}`;
}

/**
 * The change a typed start makes: the dates of a manual task, or, for an automatic task, a start-no-earlier-than
 * constraint on that date, as MS Project does.
 */
export function startChanges(task: PlanTask, start: string, currentFinish: string | undefined): TaskChanges {
  if (task.scheduling === 'manual') {
    const from = parseWallClock(task.manualStart ?? undefined);
    const to = parseWallClock(task.manualFinish ?? currentFinish);
    const next = parseWallClock(start);
    // Moving a manual task keeps its length on the wall clock.
    const finish =
      from !== undefined && to !== undefined && next !== undefined
        ? formatWallClock(next + (to - from))
        : undefined;
    return finish ? { manualStart: start, manualFinish: finish } : { manualStart: start };
  }
  return { constraintType: 'snet', constraintDate: start };
}

/** A percentage typed into the grid, whole and within 0–100; undefined when it is not one. */
export function parsePercentCell(text: string): number | undefined {
  const value = Number(text.trim().replace(/%$/, ''));
  if (!Number.isFinite(value) || value < 0 || value > 100 || text.trim() === '') return undefined;
  return Math.round(value);
}
