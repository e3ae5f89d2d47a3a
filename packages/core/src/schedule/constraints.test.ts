import { describe, expect, it } from 'vitest';
import { at, fmt, type LinkSketch, sketchProject, type TaskSketch } from './build-project';
import type { ScheduledTask, ScheduleProject } from './model';
import { scheduleProject } from './schedule';

function run(tasks: TaskSketch[], links: LinkSketch[] = [], options: Partial<ScheduleProject> = {}) {
  const result = scheduleProject(sketchProject(tasks, links, options));
  if (!result.ok) throw new Error(`schedule failed: ${JSON.stringify(result)}`);
  const byId = new Map<string, ScheduledTask>(result.tasks.map((t) => [t.id, t]));
  return (id: string) => byId.get(id)!;
}

interface Case {
  name: string;
  tasks: TaskSketch[];
  links?: LinkSketch[];
  honor?: boolean;
  task: string;
  start: string;
  finish: string;
  totalSlack?: number;
  check?: { task: string; totalSlack: number };
}

const threeDays: TaskSketch = { id: 'A', days: 3 };

const cases: Case[] = [
  {
    name: 'holds an unlinked SNET task back to its date',
    tasks: [{ id: 'B', days: 1, constraint: { type: 'snet', date: at('2026-03-04T08:00') } }],
    task: 'B',
    start: '2026-03-04T08:00',
    finish: '2026-03-04T17:00',
  },
  {
    name: 'lets a link push an SNET task past its date',
    tasks: [threeDays, { id: 'B', days: 1, constraint: { type: 'snet', date: at('2026-03-03T08:00') } }],
    links: [['A', 'B']],
    task: 'B',
    start: '2026-03-05T08:00',
    finish: '2026-03-05T17:00',
  },
  {
    name: 'finishes an FNET task no earlier than its date',
    tasks: [{ id: 'B', days: 1, constraint: { type: 'fnet', date: at('2026-03-06T17:00') } }],
    task: 'B',
    start: '2026-03-06T08:00',
    finish: '2026-03-06T17:00',
  },
  {
    name: 'pulls an SNLT task back to its date when constraints are honoured, leaving negative slack upstream',
    tasks: [threeDays, { id: 'B', days: 1, constraint: { type: 'snlt', date: at('2026-03-03T08:00') } }],
    links: [['A', 'B']],
    task: 'B',
    start: '2026-03-03T08:00',
    finish: '2026-03-03T17:00',
    check: { task: 'A', totalSlack: -960 },
  },
  {
    name: 'lets the link win over an SNLT date when constraints are not honoured',
    tasks: [threeDays, { id: 'B', days: 1, constraint: { type: 'snlt', date: at('2026-03-03T08:00') } }],
    links: [['A', 'B']],
    honor: false,
    task: 'B',
    start: '2026-03-05T08:00',
    finish: '2026-03-05T17:00',
  },
  {
    name: 'pulls an FNLT task back so it finishes by its date',
    tasks: [threeDays, { id: 'B', days: 1, constraint: { type: 'fnlt', date: at('2026-03-03T17:00') } }],
    links: [['A', 'B']],
    task: 'B',
    start: '2026-03-03T08:00',
    finish: '2026-03-03T17:00',
  },
  {
    name: 'starts an MSO task on its date whatever its links say when honoured',
    tasks: [threeDays, { id: 'B', days: 1, constraint: { type: 'mso', date: at('2026-03-03T08:00') } }],
    links: [['A', 'B']],
    task: 'B',
    start: '2026-03-03T08:00',
    finish: '2026-03-03T17:00',
  },
  {
    name: 'lets a link push an MSO task later when constraints are not honoured',
    tasks: [threeDays, { id: 'B', days: 1, constraint: { type: 'mso', date: at('2026-03-03T08:00') } }],
    links: [['A', 'B']],
    honor: false,
    task: 'B',
    start: '2026-03-05T08:00',
    finish: '2026-03-05T17:00',
  },
  {
    name: 'keeps an MSO task on its date when its links allow it',
    tasks: [{ id: 'B', days: 1, constraint: { type: 'mso', date: at('2026-03-09T08:00') } }],
    honor: false,
    task: 'B',
    start: '2026-03-09T08:00',
    finish: '2026-03-09T17:00',
  },
  {
    name: 'finishes an MFO task on its date',
    tasks: [{ id: 'B', days: 1, constraint: { type: 'mfo', date: at('2026-03-06T17:00') } }],
    task: 'B',
    start: '2026-03-06T08:00',
    finish: '2026-03-06T17:00',
  },
  {
    name: 'places an ALAP task at its late dates',
    tasks: [threeDays, { id: 'B', days: 1, constraint: { type: 'alap' } }],
    task: 'B',
    start: '2026-03-04T08:00',
    finish: '2026-03-04T17:00',
    totalSlack: 0,
  },
  {
    name: 'starts the successor of an ALAP task after its late finish',
    tasks: [
      { id: 'A', days: 4 },
      { id: 'B', days: 1, constraint: { type: 'alap' } },
      { id: 'C', days: 1 },
    ],
    links: [['B', 'C']],
    task: 'C',
    start: '2026-03-05T08:00',
    finish: '2026-03-05T17:00',
  },
  {
    name: 'leaves a task where it is when only its deadline is missed, with negative slack',
    tasks: [{ ...threeDays, deadline: at('2026-03-03T17:00') }],
    task: 'A',
    start: '2026-03-02T08:00',
    finish: '2026-03-04T17:00',
    totalSlack: -480,
  },
  {
    name: 'ignores an inactive predecessor',
    tasks: [
      { ...threeDays, active: false },
      { id: 'B', days: 1 },
    ],
    links: [['A', 'B']],
    task: 'B',
    start: '2026-03-02T08:00',
    finish: '2026-03-02T17:00',
  },
  {
    name: 'keeps a manually scheduled task on its dates and still drives its successor',
    tasks: [
      {
        id: 'A',
        days: 2,
        manual: true,
        manualStart: at('2026-03-04T08:00'),
        manualFinish: at('2026-03-05T17:00'),
      },
      { id: 'B', days: 1 },
      { id: 'Z', days: 1 },
    ],
    links: [
      ['Z', 'A'],
      ['A', 'B'],
    ],
    task: 'B',
    start: '2026-03-06T08:00',
    finish: '2026-03-06T17:00',
  },
];

describe('constraints', () => {
  it.each(cases)('$name', (c) => {
    const get = run(c.tasks, c.links, { honorConstraintDates: c.honor ?? true });
    const t = get(c.task);
    expect([fmt(t.start), fmt(t.finish)]).toEqual([c.start, c.finish]);
    if (c.totalSlack !== undefined) expect(t.totalSlack).toBe(c.totalSlack);
    if (c.check) expect(get(c.check.task).totalSlack).toBe(c.check.totalSlack);
  });

  it('marks a task critical by the critical-slack limit', () => {
    const tasks = [threeDays, { id: 'B', days: 2 }];
    expect(run(tasks)('B').critical).toBe(false);
    expect(run(tasks, [], { criticalSlackLimit: 480 as never })('B').critical).toBe(true);
  });

  it('marks an inactive task never critical', () => {
    expect(run([{ ...threeDays, active: false }])('A').critical).toBe(false);
  });
});
