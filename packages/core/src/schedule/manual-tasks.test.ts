import { describe, expect, it } from 'vitest';
import { at, fmt, type LinkSketch, sketchProject, type TaskSketch } from './build-project';
import type { LinkType } from './model';
import { scheduleProject } from './schedule';

interface Case {
  readonly name: string;
  readonly tasks: readonly TaskSketch[];
  readonly links?: readonly LinkSketch[];
  readonly task: string;
  /** Expected [lateStart, lateFinish] of `task`. */
  readonly late: readonly [string, string];
}

/** A manual one-day task typed on `day` from 08:00 to 17:00. */
function manualDay(id: string, day: string): TaskSketch {
  return { id, days: 1, manual: true, manualStart: at(`${day}T08:00`), manualFinish: at(`${day}T17:00`) };
}

/**
 * A manual task A typed on Monday 2 March, linked by `type` (two days' lag, none for FS) to a manual B typed on
 * `bDay`, beside a ten-day task that sets the project finish; A's late dates fall on `lateDay`.
 */
function linked(name: string, type: LinkType, bDay: string, lateDay: string): Case {
  return {
    name,
    tasks: [manualDay('A', '2026-03-02'), manualDay('B', `2026-${bDay}`), { id: 'C', days: 10 }],
    links: [['A', 'B', type, type === 'FS' ? 0 : 960]],
    task: 'A',
    late: [`2026-${lateDay}T08:00`, `2026-${lateDay}T17:00`],
  };
}

const cases: readonly Case[] = [
  {
    name: 'gives a manual task typed onto a Sunday its own dates as late dates, not its Duration field back from them',
    tasks: [
      {
        id: 'A',
        durationMinutes: 480,
        manual: true,
        manualStart: at('2026-03-08T08:00'),
        manualFinish: at('2026-03-08T17:00'),
      },
    ],
    task: 'A',
    // The typed span holds no work, so the late start is the late finish (Friday 17:00), shown as the next work start.
    late: ['2026-03-09T08:00', '2026-03-06T17:00'],
  },
  {
    name: 'measures a manual task longer than its Duration field by the working span of its dates',
    tasks: [
      {
        id: 'A',
        days: 1,
        manual: true,
        manualStart: at('2026-03-02T08:00'),
        manualFinish: at('2026-03-04T17:00'),
      },
      { id: 'B', days: 5 },
    ],
    task: 'A',
    late: ['2026-03-04T08:00', '2026-03-06T17:00'],
  },
  linked(
    'leaves a manual task with only an SF successor free up to the project finish',
    'SF',
    '03-03',
    '03-13',
  ),
  linked(
    'leaves a manual task with only an SS successor free up to the project finish',
    'SS',
    '03-04',
    '03-13',
  ),
  linked('bounds a manual task by its FF successor less the lag', 'FF', '03-04', '03-11'),
  linked('bounds a manual task by its FS successor', 'FS', '03-03', '03-12'),
  {
    name: 'still bounds an automatic task by its SF successor',
    tasks: [
      { id: 'A', days: 1 },
      { id: 'B', days: 1 },
      { id: 'C', days: 10 },
    ],
    links: [['A', 'B', 'SF', 960]],
    task: 'A',
    late: ['2026-03-12T08:00', '2026-03-12T17:00'],
  },
  {
    name: 'moves the late start of an automatic task back by its duration',
    tasks: [
      { id: 'A', days: 1 },
      { id: 'B', days: 5 },
    ],
    task: 'A',
    late: ['2026-03-06T08:00', '2026-03-06T17:00'],
  },
];

describe('manually scheduled tasks', () => {
  it.each(cases)('$name', (c) => {
    const result = scheduleProject(sketchProject(c.tasks, c.links));
    if (!result.ok) throw new Error(`schedule failed: ${JSON.stringify(result)}`);
    const t = result.tasks.find((x) => x.id === c.task)!;
    expect([fmt(t.lateStart), fmt(t.lateFinish)]).toEqual(c.late);
  });
});
