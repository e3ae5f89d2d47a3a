import { describe, expect, it } from 'vitest';
import { standardCalendar, twentyFourHourCalendar } from '../calendar/presets';
import { at, fmt, type LinkSketch, sketchProject, type TaskSketch } from './build-project';
import { type Assignment, resourceId, type ScheduledTask, type ScheduleProject, taskId } from './model';
import { scheduleProject } from './schedule';

function run(tasks: TaskSketch[], links: LinkSketch[] = [], options: Partial<ScheduleProject> = {}) {
  const result = scheduleProject(sketchProject(tasks, links, options));
  if (!result.ok) throw new Error(`schedule failed: ${JSON.stringify(result)}`);
  const byId = new Map<string, ScheduledTask>(result.tasks.map((t) => [t.id, t]));
  const get = (id: string) => byId.get(id)!;
  return Object.assign(get, { result, span: (id: string) => [fmt(get(id).start), fmt(get(id).finish)] });
}

describe('summary tasks', () => {
  it('rolls up the children dates, duration, work and duration-weighted % complete', () => {
    const get = run(
      [
        { id: 'S' },
        { id: 'A', days: 2, parentId: 'S', percentComplete: 100, work: 960 },
        { id: 'B', days: 3, parentId: 'S', work: 480 },
      ],
      [['A', 'B']],
    );
    const s = get('S');
    expect(get.span('S')).toEqual(['2026-03-02T08:00', '2026-03-06T17:00']);
    expect([s.summary, s.durationMinutes, s.work, s.percentComplete]).toEqual([true, 2400, 1440, 40]);
  });

  it('applies a link into a summary to each of its leaves', () => {
    const get = run(
      [
        { id: 'X', days: 2 },
        { id: 'S' },
        { id: 'A', days: 1, parentId: 'S' },
        { id: 'B', days: 2, parentId: 'S' },
      ],
      [['X', 'S']],
    );
    expect(get.span('A')).toEqual(['2026-03-04T08:00', '2026-03-04T17:00']);
    expect(get.span('B')).toEqual(['2026-03-04T08:00', '2026-03-05T17:00']);
  });

  it('starts the successor of a summary after its last child finishes', () => {
    const get = run(
      [
        { id: 'S' },
        { id: 'A', days: 1, parentId: 'S' },
        { id: 'B', days: 2, parentId: 'S' },
        { id: 'Y', days: 1 },
      ],
      [['S', 'Y']],
    );
    expect(get.span('Y')).toEqual(['2026-03-04T08:00', '2026-03-04T17:00']);
    // The summary's successor holds back every child's late finish, so the short child has one day of slack.
    expect(get('A').totalSlack).toBe(480);
    expect(get('B').critical).toBe(true);
    expect(get('S').critical).toBe(true);
  });

  it('gives a summary the slack of its rolled-up early and late dates', () => {
    const get = run([
      { id: 'S' },
      { id: 'A', days: 1, parentId: 'S' },
      { id: 'B', days: 1, parentId: 'S' },
      { id: 'L', days: 3 },
    ]);
    expect(get('S').totalSlack).toBe(960);
    expect(get('S').critical).toBe(false);
  });

  it('judges a summary critical by its own rolled-up slack, not by a critical child', () => {
    const get = run(
      [
        { id: 'L', days: 5 },
        { id: 'S' },
        { id: 'X', days: 2, parentId: 'S' },
        { id: 'Y', days: 1, parentId: 'S', constraint: { type: 'snet', date: at('2026-03-04T08:00') } },
        { id: 'Q', days: 2 },
      ],
      [['Y', 'Q']],
    );
    expect(get('Y').critical).toBe(true);
    expect([get('S').totalSlack, get('S').critical]).toEqual([960, false]);
  });

  it('rolls nested summaries up to the top', () => {
    const get = run([
      { id: 'T' },
      { id: 'S', parentId: 'T' },
      { id: 'A', days: 2, parentId: 'S' },
      { id: 'B', days: 4, parentId: 'T', constraint: { type: 'snet', date: at('2026-03-03T08:00') } },
    ]);
    expect(get.span('T')).toEqual(['2026-03-02T08:00', '2026-03-06T17:00']);
    expect(get.span('S')).toEqual(['2026-03-02T08:00', '2026-03-03T17:00']);
  });

  it('reports linking a summary to its own child as a cycle', () => {
    const result = scheduleProject(
      sketchProject([{ id: 'S' }, { id: 'A', days: 1, parentId: 'S' }], [['S', 'A']]),
    );
    expect(result).toMatchObject({ ok: false, code: 'DEPENDENCY_CYCLE' });
  });
});

describe('progress', () => {
  it('fixes a completed task on its actual dates and takes it off the critical path', () => {
    const get = run(
      [
        {
          id: 'A',
          days: 2,
          percentComplete: 100,
          actualStart: at('2026-03-02T08:00'),
          actualFinish: at('2026-03-04T17:00'),
        },
        { id: 'B', days: 1 },
      ],
      [['A', 'B']],
    );
    expect(get.span('A')).toEqual(['2026-03-02T08:00', '2026-03-04T17:00']);
    expect(get.span('B')).toEqual(['2026-03-05T08:00', '2026-03-05T17:00']);
    expect(get('A').critical).toBe(false);
  });

  it('keeps an in-progress task on its actual start', () => {
    const get = run(
      [
        { id: 'Z', days: 3 },
        { id: 'A', days: 2, percentComplete: 50, actualStart: at('2026-03-03T08:00') },
      ],
      [['Z', 'A']],
    );
    expect(get.span('A')).toEqual(['2026-03-03T08:00', '2026-03-04T17:00']);
  });

  it('schedules the remaining work after the status date when in-progress tasks are split', () => {
    const tasks: TaskSketch[] = [
      { id: 'A', days: 2, percentComplete: 25, actualStart: at('2026-03-02T08:00') },
    ];
    const options = { statusDate: at('2026-03-04T08:00'), splitInProgress: true };
    expect(run(tasks, [], options).span('A')).toEqual(['2026-03-02T08:00', '2026-03-05T12:00']);
    expect(run(tasks, [], { ...options, splitInProgress: false }).span('A')).toEqual([
      '2026-03-02T08:00',
      '2026-03-03T17:00',
    ]);
  });
});

describe('task types and assignments', () => {
  const half = (task: string, minutes: number): Assignment => ({
    taskId: taskId(task),
    resourceId: resourceId('R'),
    units: 0.5,
    workMinutes: minutes,
  });
  const resources = [{ id: resourceId('R'), name: 'R', maxUnits: 1, standardRate: 6000 as never }];

  it('derives a fixed-units task duration from work and units', () => {
    const get = run([{ id: 'A', days: 1 }], [], { resources, assignments: [half('A', 960)] });
    expect(get.span('A')).toEqual(['2026-03-02T08:00', '2026-03-05T17:00']);
    expect(get('A').work).toBe(960);
    expect(get('A').cost).toBe(16 * 6000);
  });

  it('runs each assignment on its own resource calendar and finishes with the last one', () => {
    const allDay = { ...twentyFourHourCalendar };
    const get = run(
      [
        { id: 'P', days: 1 },
        { id: 'A', days: 1 },
      ],
      [['P', 'A']],
      {
        calendars: [standardCalendar, allDay],
        resources: [
          { id: resourceId('R'), name: 'R', maxUnits: 1, standardRate: 0 as never },
          { id: resourceId('N'), name: 'N', maxUnits: 1, standardRate: 0 as never, calendarId: allDay.id },
        ],
        assignments: [
          { taskId: taskId('A'), resourceId: resourceId('R'), units: 1, workMinutes: 480 },
          { taskId: taskId('A'), resourceId: resourceId('N'), units: 1, workMinutes: 480 },
        ],
      },
    );
    // The round-the-clock resource starts the evening its predecessor ends; the day resource finishes next day.
    expect(get.span('A')).toEqual(['2026-03-02T17:00', '2026-03-03T17:00']);
  });

  it('keeps a fixed-duration task at its duration whatever the assignments', () => {
    const get = run([{ id: 'A', days: 1, type: 'fixedDuration' }], [], {
      resources,
      assignments: [half('A', 960)],
    });
    expect(get.span('A')).toEqual(['2026-03-02T08:00', '2026-03-02T17:00']);
  });
});

describe('slack and critical paths', () => {
  it('computes free slack up to the nearest successor', () => {
    const get = run(
      [
        { id: 'A', days: 1 },
        { id: 'B', days: 3 },
        { id: 'C', days: 1 },
        { id: 'D', days: 1 },
      ],
      [
        ['A', 'C'],
        ['B', 'C'],
        ['A', 'D'],
      ],
    );
    expect([get('A').freeSlack, get('A').totalSlack]).toEqual([0, 960]);
    expect([get('D').freeSlack, get('D').totalSlack]).toEqual([960, 960]);
    expect([get('B').startSlack, get('B').finishSlack]).toEqual([0, 0]);
  });

  it('finds one critical path per chain when multiple critical paths are asked for', () => {
    const tasks: TaskSketch[] = [
      { id: 'A', days: 3 },
      { id: 'B', days: 1 },
      { id: 'C', days: 1 },
      { id: 'D', days: 1 },
    ];
    const links: LinkSketch[] = [
      ['A', 'B'],
      ['C', 'D'],
    ];
    expect(run(tasks, links).result.criticalPaths).toEqual([['A', 'B']]);
    expect(run(tasks, links, { multipleCriticalPaths: true }).result.criticalPaths).toEqual([
      ['A', 'B'],
      ['C', 'D'],
    ]);
  });

  it('caps the late finish an SF link gives its predecessor at the project finish', () => {
    const get = run(
      [
        { id: 'L', days: 3 },
        { id: 'A', days: 1 },
        { id: 'B', days: 1 },
      ],
      [['A', 'B', 'SF']],
    );
    expect(fmt(get('A').lateFinish)).toBe('2026-03-04T17:00');
    expect(get('A').totalSlack).toBe(960);
  });

  it('schedules backward from the project finish', () => {
    const get = run(
      [
        { id: 'A', days: 2 },
        { id: 'B', days: 1 },
      ],
      [['A', 'B']],
      { scheduleFrom: 'finish', finishDate: at('2026-03-06T17:00') },
    );
    expect(get.span('A')).toEqual(['2026-03-04T08:00', '2026-03-05T17:00']);
    expect(get.span('B')).toEqual(['2026-03-06T08:00', '2026-03-06T17:00']);
    expect(fmt(get.result.start)).toBe('2026-03-04T08:00');
  });
});
