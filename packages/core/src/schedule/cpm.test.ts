import { describe, expect, it } from 'vitest';
import { type Calendar, calendarId, type DayPattern } from '../calendar/model';
import { standardCalendar } from '../calendar/presets';
import { at, fmt, type LinkSketch, sketchProject, type TaskSketch } from './build-project';
import type { ScheduleResult } from './model';
import { scheduleProject } from './schedule';

const workday: DayPattern = [
  { from: 480, to: 720 },
  { from: 780, to: 1020 },
];
/** Monday to Thursday only. */
const fourDay: Calendar = {
  id: calendarId('four-day'),
  week: [[], workday, workday, workday, workday, [], []],
  exceptions: [],
  workWeeks: [],
};

function dates(result: ScheduleResult): Record<string, [string, string]> {
  if (!result.ok) throw new Error(`schedule failed: ${JSON.stringify(result)}`);
  return Object.fromEntries(result.tasks.map((t) => [t.id, [fmt(t.start), fmt(t.finish)]]));
}

interface Case {
  name: string;
  tasks: TaskSketch[];
  links?: LinkSketch[];
  start?: string;
  expected: Record<string, [string, string]>;
}

const cases: Case[] = [
  {
    name: 'starts a finish-to-start successor at the next working minute after its predecessor',
    tasks: [
      { id: 'A', days: 2 },
      { id: 'B', days: 3 },
    ],
    links: [['A', 'B']],
    expected: { A: ['2026-03-02T08:00', '2026-03-03T17:00'], B: ['2026-03-04T08:00', '2026-03-06T17:00'] },
  },
  {
    name: 'moves the successor when an FS lag grows',
    tasks: [
      { id: 'A', days: 2 },
      { id: 'B', days: 3 },
    ],
    links: [['A', 'B', 'FS', 480]],
    expected: { B: ['2026-03-05T08:00', '2026-03-09T17:00'] },
  },
  {
    name: 'overlaps the tasks when an FS lag is negative',
    tasks: [
      { id: 'A', days: 2 },
      { id: 'B', days: 3 },
    ],
    links: [['A', 'B', 'FS', -480]],
    expected: { B: ['2026-03-03T08:00', '2026-03-05T17:00'] },
  },
  {
    name: 'starts an SS successor a lag after its predecessor starts, across the lunch break',
    tasks: [
      { id: 'A', days: 2 },
      { id: 'B', days: 1 },
    ],
    links: [['A', 'B', 'SS', 240]],
    expected: { B: ['2026-03-02T13:00', '2026-03-03T12:00'] },
  },
  {
    name: 'finishes an FF successor with its predecessor',
    tasks: [
      { id: 'A', days: 3 },
      { id: 'B', days: 1 },
    ],
    links: [['A', 'B', 'FF']],
    expected: { B: ['2026-03-04T08:00', '2026-03-04T17:00'] },
  },
  {
    name: 'finishes an SF successor when its predecessor starts',
    tasks: [
      { id: 'A', days: 2, constraint: { type: 'snet', date: at('2026-03-04T08:00') } },
      { id: 'B', days: 1 },
    ],
    links: [['A', 'B', 'SF']],
    expected: { A: ['2026-03-04T08:00', '2026-03-05T17:00'], B: ['2026-03-03T08:00', '2026-03-03T17:00'] },
  },
  {
    name: 'takes a percent lag as a share of the predecessor duration',
    tasks: [
      { id: 'A', days: 2 },
      { id: 'B', days: 1 },
    ],
    links: [['A', 'B', 'FS', { percent: 50 }]],
    expected: { B: ['2026-03-05T08:00', '2026-03-05T17:00'] },
  },
  {
    name: 'runs an elapsed lag on the 24-hour clock over the weekend',
    tasks: [
      { id: 'A', days: 1, constraint: { type: 'snet', date: at('2026-03-05T08:00') } },
      { id: 'B', days: 1 },
    ],
    links: [['A', 'B', 'FS', { elapsed: 2 * 1440 }]],
    expected: { B: ['2026-03-09T08:00', '2026-03-09T17:00'] },
  },
  {
    name: 'places a milestone at its predecessor finish',
    tasks: [
      { id: 'A', days: 5 },
      { id: 'M', days: 0 },
    ],
    links: [['A', 'M']],
    expected: { M: ['2026-03-06T17:00', '2026-03-06T17:00'] },
  },
  {
    name: 'places an unlinked milestone at the project start',
    tasks: [{ id: 'M', days: 0 }],
    expected: { M: ['2026-03-02T08:00', '2026-03-02T08:00'] },
  },
  {
    name: 'schedules a task on its own calendar',
    tasks: [
      { id: 'A', days: 4 },
      { id: 'B', days: 1, calendarId: fourDay.id },
    ],
    links: [['A', 'B']],
    expected: { B: ['2026-03-09T08:00', '2026-03-09T17:00'] },
  },
  {
    name: 'counts a lag on the successor calendar as MS Project does',
    tasks: [
      { id: 'A', days: 4 },
      { id: 'B', days: 1, calendarId: fourDay.id },
    ],
    links: [['A', 'B', 'FS', 480]],
    expected: { B: ['2026-03-10T08:00', '2026-03-10T17:00'] },
  },
  {
    name: 'starts unlinked tasks at the project start, mid-morning',
    start: '2026-03-02T10:00',
    tasks: [{ id: 'A', days: 1 }],
    expected: { A: ['2026-03-02T10:00', '2026-03-03T10:00'] },
  },
  {
    name: 'waits for the latest of several predecessors',
    tasks: [
      { id: 'A', days: 1 },
      { id: 'B', days: 3 },
      { id: 'C', days: 1 },
    ],
    links: [
      ['A', 'C'],
      ['B', 'C'],
    ],
    expected: { C: ['2026-03-05T08:00', '2026-03-05T17:00'] },
  },
];

describe('critical path passes', () => {
  it.each(cases)('$name', ({ tasks, links, start, expected }) => {
    const project = sketchProject(tasks, links, {
      calendars: [standardCalendar, fourDay],
      ...(start === undefined ? {} : { start }),
    });
    expect(dates(scheduleProject(project))).toMatchObject(expected);
  });

  it('gives late dates and slack, and marks the zero-slack chain critical', () => {
    const result = scheduleProject(
      sketchProject(
        [
          { id: 'A', days: 2 },
          { id: 'B', days: 1 },
          { id: 'C', days: 1 },
        ],
        [
          ['A', 'C'],
          ['B', 'C'],
        ],
      ),
    );
    if (!result.ok) throw new Error('failed');
    const b = result.tasks[1]!;
    expect(fmt(b.lateStart)).toBe('2026-03-03T08:00');
    expect(fmt(b.lateFinish)).toBe('2026-03-03T17:00');
    expect([b.totalSlack, b.freeSlack, b.critical]).toEqual([480, 480, false]);
    expect(result.tasks.map((t) => t.critical)).toEqual([true, false, true]);
    expect(result.criticalPaths).toEqual([['A', 'C']]);
    expect(fmt(result.finish)).toBe('2026-03-04T17:00');
  });

  it('returns the tasks of a dependency cycle instead of looping', () => {
    const result = scheduleProject(
      sketchProject(
        [
          { id: 'S', days: 1 },
          { id: 'A', days: 1 },
          { id: 'B', days: 1 },
          { id: 'C', days: 1, name: 'Cee' },
          { id: 'D' },
        ],
        [
          ['S', 'A'],
          ['A', 'B'],
          ['B', 'C'],
          ['C', 'A'],
          ['C', 'D'],
        ],
      ),
    );
    expect(result.ok).toBe(false);
    if (result.ok || result.code !== 'DEPENDENCY_CYCLE') throw new Error('expected a cycle');
    const ids = result.cycle.taskIds;
    expect([...ids].sort()).toEqual(['A', 'B', 'C']);
    // Link order: each task is followed by its successor, the last wraps to the first.
    const next = { A: 'B', B: 'C', C: 'A' } as Record<string, string>;
    for (const [k, id] of ids.entries()) expect(ids[(k + 1) % ids.length]).toBe(next[id]);
    expect(result.cycle.names).toContain('Cee');
  });

  it.each([
    {
      what: 'a task calendar that does not exist',
      tasks: [{ id: 'A', days: 1, calendarId: calendarId('nope') }],
      field: 'tasks[0].calendarId',
    },
    {
      what: 'an SNET constraint without a date',
      tasks: [{ id: 'A', days: 1, constraint: { type: 'snet' as const } }],
      field: 'tasks[0]',
    },
    {
      what: 'a calendar with no working time at all',
      tasks: [{ id: 'A', days: 1, calendarId: calendarId('never') }],
      field: 'calendars',
    },
  ])('reports $what as invalid input', ({ tasks, field }) => {
    const never: Calendar = {
      id: calendarId('never'),
      week: [[], [], [], [], [], [], []],
      exceptions: [],
      workWeeks: [],
    };
    const result = scheduleProject(sketchProject(tasks, [], { calendars: [standardCalendar, never] }));
    expect(result).toMatchObject({ ok: false, code: 'INVALID_INPUT', field });
  });

  it('reports a link to an unknown task as invalid input', () => {
    const result = scheduleProject(sketchProject([{ id: 'A', days: 1 }], [['A', 'Z']]));
    expect(result).toMatchObject({ ok: false, code: 'INVALID_INPUT', field: 'links[0]' });
  });
});
