import { describe, expect, it } from 'vitest';
import { at, fmt, type LinkSketch, sketchProject, type TaskSketch } from './build-project';
import { scheduleProject } from './schedule';

/** A pause from one instant to another ("YYYY-MM-DDTHH:MM"). */
const pause = (start: string, finish: string) => ({ start: at(start), finish: at(finish) });

interface Case {
  readonly name: string;
  readonly tasks: readonly TaskSketch[];
  readonly links?: readonly LinkSketch[];
  readonly task: string;
  /** Expected start, finish, late start, late finish, total slack and duration (minutes) of `task`. */
  readonly expected: readonly [string, string, string, string, number, number];
}

// The project starts Monday 2 March 2026 at 08:00 on the Standard calendar.
const cases: readonly Case[] = [
  {
    name: 'spans a one-day pause on top of the duration, which leaves the pause out',
    tasks: [{ id: 'A', days: 3, pauses: [pause('2026-03-03T08:00', '2026-03-03T17:00')] }],
    task: 'A',
    expected: ['2026-03-02T08:00', '2026-03-05T17:00', '2026-03-02T08:00', '2026-03-05T17:00', 0, 1440],
  },
  {
    name: 'starts the successor after the split task’s last piece of work',
    tasks: [
      { id: 'A', days: 1, pauses: [pause('2026-03-02T17:00', '2026-03-04T17:00')] },
      { id: 'B', days: 1 },
    ],
    links: [['A', 'B']],
    task: 'B',
    expected: ['2026-03-05T08:00', '2026-03-05T17:00', '2026-03-05T08:00', '2026-03-05T17:00', 0, 480],
  },
  {
    name: 'moves the late start back by the duration and the pauses',
    tasks: [
      { id: 'A', days: 2, pauses: [pause('2026-03-03T08:00', '2026-03-03T17:00')] },
      { id: 'L', days: 10 },
    ],
    task: 'A',
    expected: ['2026-03-02T08:00', '2026-03-04T17:00', '2026-03-11T08:00', '2026-03-13T17:00', 3360, 960],
  },
  {
    name: 'adds nothing for a pause over a weekend, where no work would be done anyway',
    tasks: [{ id: 'A', days: 5, pauses: [pause('2026-03-06T17:00', '2026-03-09T08:00')] }],
    task: 'A',
    expected: ['2026-03-02T08:00', '2026-03-06T17:00', '2026-03-02T08:00', '2026-03-06T17:00', 0, 2400],
  },
  {
    name: 'ignores pauses on an elapsed task, which runs on the 24-hour clock',
    tasks: [
      {
        id: 'A',
        durationMinutes: 1440,
        elapsed: true,
        pauses: [pause('2026-03-02T17:00', '2026-03-03T17:00')],
      },
    ],
    task: 'A',
    expected: ['2026-03-02T08:00', '2026-03-03T08:00', '2026-03-02T08:00', '2026-03-03T08:00', 0, 1440],
  },
];

describe('split tasks (pauses)', () => {
  it.each(cases)('$name', (c) => {
    const result = scheduleProject(sketchProject(c.tasks, c.links));
    if (!result.ok) throw new Error(`schedule failed: ${JSON.stringify(result)}`);
    const t = result.tasks.find((x) => x.id === c.task)!;
    expect([
      fmt(t.start),
      fmt(t.finish),
      fmt(t.lateStart),
      fmt(t.lateFinish),
      t.totalSlack,
      t.durationMinutes,
    ]).toEqual(c.expected);
  });
});
