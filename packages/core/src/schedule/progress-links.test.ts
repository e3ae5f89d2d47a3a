import { describe, expect, it } from 'vitest';
import { standardCalendar, twentyFourHourCalendar } from '../calendar/presets';
import { at, fmt, type LinkSketch, sketchProject, type TaskSketch } from './build-project';
import { resourceId, taskId } from './model';
import { scheduleProject } from './schedule';

interface Case {
  readonly name: string;
  readonly tasks: readonly TaskSketch[];
  readonly links: readonly LinkSketch[];
  /** Expected late finish of task A. */
  readonly lateFinish: string;
}

// B began on Tuesday and is half done: its remaining two days resume on Thursday 08:00; C sets the project finish.
const begun: TaskSketch = { id: 'B', days: 4, percentComplete: 50, actualStart: at('2026-03-03T08:00') };
const long: TaskSketch = { id: 'C', days: 10 };
// A milestone marked 30 % done on Monday evening.
const milestone: TaskSketch = {
  id: 'M',
  durationMinutes: 0,
  isMilestone: true,
  percentComplete: 30,
  actualStart: at('2026-03-02T17:00'),
};

const cases: readonly Case[] = [
  {
    name: 'holds a predecessor of a task already begun to where its remaining work resumes',
    tasks: [{ id: 'A', days: 1 }, begun, long],
    links: [['A', 'B']],
    lateFinish: '2026-03-04T17:00',
  },
  {
    name: 'holds an SS predecessor of a task already begun to where its remaining work resumes',
    tasks: [{ id: 'A', days: 1 }, begun, long],
    links: [['A', 'B', 'SS']],
    lateFinish: '2026-03-05T17:00',
  },
  {
    name: "holds a predecessor of a begun task's summary to the summary's late start, which the actual start bounds",
    tasks: [{ id: 'A', days: 1 }, { id: 'S' }, { ...begun, parentId: 'S' }, long],
    links: [['A', 'S']],
    lateFinish: '2026-03-02T17:00',
  },
  {
    name: 'holds a predecessor of a milestone marked begun to the late finish of that milestone',
    tasks: [{ id: 'A', days: 1 }, milestone, { id: 'D', days: 2 }, long],
    links: [
      ['A', 'M'],
      ['M', 'D'],
    ],
    lateFinish: '2026-03-11T17:00',
  },
  {
    name: 'holds a predecessor of a task not yet begun to its late start',
    tasks: [{ id: 'A', days: 1 }, { id: 'B', days: 4 }, long],
    links: [['A', 'B']],
    lateFinish: '2026-03-09T17:00',
  },
];

describe('links to tasks in progress', () => {
  it('resumes a task whose resources keep different calendars where its first unfinished assignment resumes', () => {
    const tasks: TaskSketch[] = [
      { id: 'A', days: 1 },
      { id: 'B', days: 6, actualStart: at('2026-03-02T08:00') },
      long,
    ];
    const project = sketchProject(tasks, [['A', 'B']], {
      calendars: [standardCalendar, twentyFourHourCalendar],
      resources: [
        { id: resourceId('office'), name: 'Office', maxUnits: 1, standardRate: 0 as never },
        {
          id: resourceId('plant'),
          name: 'Plant',
          maxUnits: 1,
          standardRate: 0 as never,
          calendarId: twentyFourHourCalendar.id,
        },
      ],
      // The office has done its first week and resumes on Monday; the plant, on the 24-hour clock, is done.
      assignments: [
        {
          taskId: taskId('B'),
          resourceId: resourceId('office'),
          units: 1,
          workMinutes: 2880,
          actualWork: 2400,
        },
        {
          taskId: taskId('B'),
          resourceId: resourceId('plant'),
          units: 1,
          workMinutes: 2400,
          actualWork: 2400,
        },
      ],
    });
    const result = scheduleProject(project);
    if (!result.ok) throw new Error(`schedule failed: ${JSON.stringify(result)}`);
    const a = result.tasks.find((t) => t.id === 'A')!;
    expect(fmt(a.lateFinish)).toBe('2026-03-06T17:00');
  });

  it('gives a milestone marked begun the late finish its successors allow, and its actual start as late start', () => {
    const result = scheduleProject(sketchProject([milestone, { id: 'D', days: 2 }, long], [['M', 'D']]));
    if (!result.ok) throw new Error(`schedule failed: ${JSON.stringify(result)}`);
    const m = result.tasks.find((t) => t.id === 'M')!;
    expect([fmt(m.lateStart), fmt(m.lateFinish)]).toEqual(['2026-03-03T08:00', '2026-03-11T17:00']);
  });

  it.each(cases)('$name', (c) => {
    const result = scheduleProject(sketchProject(c.tasks, c.links));
    if (!result.ok) throw new Error(`schedule failed: ${JSON.stringify(result)}`);
    const a = result.tasks.find((t) => t.id === 'A')!;
    expect(fmt(a.lateFinish)).toBe(c.lateFinish);
  });
});
