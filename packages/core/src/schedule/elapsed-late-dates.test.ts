import { describe, expect, it } from 'vitest';
import { at, fmt, sketchProject, type TaskSketch } from './build-project';
import { createScheduler } from './incremental';
import type { ScheduleResult } from './model';
import { scheduleProject } from './schedule';

const elapsed = (id: string, minutes: number, extra: Partial<TaskSketch> = {}): TaskSketch => ({
  id,
  durationMinutes: minutes,
  elapsed: true,
  ...extra,
});

interface Case {
  readonly name: string;
  readonly tasks: readonly TaskSketch[];
  readonly task: string;
  /** Expected lateStart, lateFinish and total slack (minutes) of `task`. */
  readonly late: readonly [string, string, number];
}

// The project starts Monday 2 March 2026 at 08:00 on the Standard calendar.
const cases: readonly Case[] = [
  {
    name: 'lets an elapsed task finish at the project finish when that falls at night, with slack on the 24-hour clock',
    // The long task ends Tuesday 23:00 (39 elapsed hours).
    tasks: [elapsed('long', 39 * 60), elapsed('short', 60)],
    task: 'short',
    late: ['2026-03-03T22:00', '2026-03-03T23:00', 38 * 60],
  },
  {
    name: 'keeps a working-time task at the last work finish before a night-time project finish',
    tasks: [elapsed('long', 39 * 60), { id: 'A', days: 1 }],
    task: 'A',
    late: ['2026-03-03T08:00', '2026-03-03T17:00', 480],
  },
  {
    name: 'lets an elapsed task run into the weekend before a project finish at Monday 08:00',
    // One elapsed week: Monday 08:00 to Monday 08:00.
    tasks: [elapsed('week', 7 * 1440), elapsed('hour', 60)],
    task: 'hour',
    late: ['2026-03-09T07:00', '2026-03-09T08:00', 7 * 1440 - 60],
  },
  {
    name: 'gives the critical elapsed task that sets the project finish zero slack',
    tasks: [elapsed('week', 7 * 1440), elapsed('hour', 60)],
    task: 'week',
    late: ['2026-03-02T08:00', '2026-03-09T08:00', 0],
  },
  {
    name: 'stops an elapsed task at its deadline rather than in the night after it',
    tasks: [elapsed('week', 7 * 1440), elapsed('hour', 60, { deadline: at('2026-03-06T17:00') })],
    task: 'hour',
    late: ['2026-03-06T16:00', '2026-03-06T17:00', 4 * 1440 + 8 * 60],
  },
];

function lateOf(result: ScheduleResult, id: string) {
  if (!result.ok) throw new Error(`schedule failed: ${JSON.stringify(result)}`);
  const t = result.tasks.find((x) => x.id === id)!;
  return [fmt(t.lateStart), fmt(t.lateFinish), t.totalSlack];
}

describe('late dates of elapsed tasks', () => {
  it.each(cases)('$name', (c) => {
    expect(lateOf(scheduleProject(sketchProject(c.tasks)), c.task)).toEqual(c.late);
  });

  it('moves an elapsed task’s late finish when an edit moves the project finish within the night', () => {
    const project = sketchProject([elapsed('long', 38 * 60), elapsed('short', 60)]);
    const scheduler = createScheduler(project);
    scheduler.schedule();
    scheduler.updateTask(project.tasks[0]!.id, { durationMinutes: 39 * 60 });
    expect(lateOf(scheduler.schedule(), 'short')).toEqual(['2026-03-03T22:00', '2026-03-03T23:00', 38 * 60]);
  });
});
