import type { Instant, ScheduledTask, ScheduleSuccess } from '@tandem/core';

/** One revision's schedule as the engine gave it, kept to answer a later columns delta against it. */
export interface KeptSchedule {
  revision: number;
  /** The engine's result: its task objects are never changed after the fact, and a later edit replaces only the moved. */
  result: ScheduleSuccess;
  outline: readonly string[];
  levels: readonly number[];
}

type Value = string | number | boolean;

/** A field of the API's scheduled task: how to read it, and whether a change may be sent as one difference. */
interface Column {
  name: string;
  /** The raw value compared between revisions (an instant for dates, so only changed dates are formatted). */
  raw(task: ScheduledTask, i: number, kept: KeptSchedule): Value;
  /** The raw value as the API shows it. */
  shown(raw: Value, format: (t: Instant) => string): Value;
  /** A number column whose changes often share one difference (slack after the finish moved): sent as `add`. */
  additive?: true;
}

const asIs = (raw: Value) => raw;
const date = (read: (task: ScheduledTask) => Instant): Pick<Column, 'raw' | 'shown'> => ({
  raw: read,
  shown: (raw, format) => format(raw as Instant),
});
const whole = (read: (task: ScheduledTask) => number): Pick<Column, 'raw' | 'shown' | 'additive'> => ({
  raw: (task) => Math.round(read(task)),
  shown: asIs,
  additive: true,
});

/** The columns in the order and with the values of `toScheduleView`'s tasks (`id` is the row itself). */
const columns: readonly Column[] = [
  { name: 'outline', raw: (_t, i, kept) => kept.outline[i] ?? '', shown: asIs },
  { name: 'level', raw: (_t, i, kept) => kept.levels[i] ?? 1, shown: asIs },
  { name: 'summary', raw: (task) => task.summary, shown: asIs },
  { name: 'start', ...date((task) => task.start) },
  { name: 'finish', ...date((task) => task.finish) },
  { name: 'earlyStart', ...date((task) => task.earlyStart) },
  { name: 'earlyFinish', ...date((task) => task.earlyFinish) },
  { name: 'lateStart', ...date((task) => task.lateStart) },
  { name: 'lateFinish', ...date((task) => task.lateFinish) },
  { name: 'durationMinutes', ...whole((task) => task.durationMinutes) },
  { name: 'workMinutes', ...whole((task) => task.work) },
  { name: 'costCents', ...whole((task) => task.cost) },
  { name: 'percentComplete', ...whole((task) => task.percentComplete) },
  { name: 'totalSlack', ...whole((task) => task.totalSlack) },
  { name: 'freeSlack', ...whole((task) => task.freeSlack) },
  { name: 'critical', raw: (task) => task.critical, shown: asIs },
];

/** Row indexes as runs `[first, count, first, count, …]`: a change to every task is two numbers. */
function runs(rows: readonly number[]): number[] {
  const out: number[] = [];
  for (let k = 0; k < rows.length; ) {
    const first = rows[k] as number;
    let count = 1;
    while (rows[k + count] === first + count) count++;
    out.push(first, count);
    k += count;
  }
  return out;
}

/**
 * What changed between two schedules of the same tasks in the same order, column by column, as JSON text: for each
 * changed column, `at` the rows (as runs of row indexes in the schedule's order) and either `values` (one per row) or
 * `add` (one difference shared by every row). Undefined when the tasks or their order differ.
 * @example columnsDelta(kept41, kept42, format) // '{"totalSlack":{"at":[0,9500],"add":960}}'
 */
export function columnsDelta(
  before: KeptSchedule,
  now: KeptSchedule,
  format: (t: Instant) => string,
): string | undefined {
  const old = before.result.tasks;
  const tasks = now.result.tasks;
  if (old.length !== tasks.length) return undefined;
  const outlineKept = before.outline === now.outline && before.levels === now.levels;
  const rows = columns.map(() => [] as number[]);
  const raws = columns.map(() => [] as Value[]);
  const differences = columns.map(() => [] as number[]);
  for (let i = 0; i < tasks.length; i++) {
    const a = old[i] as ScheduledTask;
    const b = tasks[i] as ScheduledTask;
    if (a.id !== b.id) return undefined;
    // The engine replaces only the objects of the tasks an edit moved.
    if (a === b && outlineKept) continue;
    for (let c = 0; c < columns.length; c++) {
      const column = columns[c] as Column;
      const left = column.raw(a, i, before);
      const right = column.raw(b, i, now);
      if (left === right) continue;
      rows[c]?.push(i);
      raws[c]?.push(right);
      if (column.additive) differences[c]?.push((right as number) - (left as number));
    }
  }
  const parts: string[] = [];
  columns.forEach((column, c) => {
    const at = rows[c] as number[];
    if (at.length === 0) return;
    const shift = differences[c] as number[];
    const first = shift[0];
    const shared = column.additive && shift.every((d) => d === first);
    const values = shared
      ? `"add":${first}`
      : `"values":${JSON.stringify((raws[c] as Value[]).map((raw) => column.shown(raw, format)))}`;
    parts.push(`"${column.name}":{"at":${JSON.stringify(runs(at))},${values}}`);
  });
  return `{${parts.join(',')}}`;
}
