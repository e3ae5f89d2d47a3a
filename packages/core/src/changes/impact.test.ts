import { describe, expect, it } from 'vitest';
import { compileCalendar } from '../calendar/compile';
import { standardCalendar } from '../calendar/presets';
import { type LinkSketch, sketchProject, type TaskSketch } from '../schedule/build-project';
import type { ScheduleProject, ScheduleSuccess } from '../schedule/model';
import { scheduleProject } from '../schedule/schedule';
import { type ChangeImpact, changeImpact } from './impact';
import { applyProposal, type ChangeEdit } from './proposal';

const day = 480;
const time = compileCalendar([standardCalendar], standardCalendar.id);

function run(project: ScheduleProject): ScheduleSuccess {
  const result = scheduleProject(project);
  if (!result.ok) throw new Error(`schedule failed: ${JSON.stringify(result)}`);
  return result;
}

function impactOf(
  tasks: TaskSketch[],
  links: LinkSketch[],
  edits: ChangeEdit[],
  start?: string,
): ChangeImpact {
  const project = sketchProject(tasks, links, start === undefined ? {} : { start });
  const whatIf = applyProposal(project, edits);
  if (!whatIf.ok) throw new Error(`proposal refused: ${JSON.stringify(whatIf.issues)}`);
  return changeImpact(
    { project, result: run(project) },
    { project: whatIf.project, result: run(whatIf.project) },
    time,
  );
}

interface Case {
  name: string;
  tasks: TaskSketch[];
  links: LinkSketch[];
  edits: ChangeEdit[];
  start?: string;
  finish: { before: string; after: string; deltaMinutes: number };
  pathAfter?: string[];
}

const cases: Case[] = [
  {
    name: 'moves the finish of a three-task chain by two working days over a weekend when the middle task grows by two days',
    // Wednesday 4 March 2026: A Wed, B Thu, C Fri; B three days runs Thu, Fri, Mon and C goes to Tuesday.
    start: '2026-03-04T08:00',
    tasks: [
      { id: 'A', days: 1 },
      { id: 'B', days: 1 },
      { id: 'C', days: 1 },
    ],
    links: [
      ['A', 'B'],
      ['B', 'C'],
    ],
    edits: [{ kind: 'setDuration', taskId: 'B', durationMinutes: 3 * day }],
    finish: { before: '2026-03-06T17:00', after: '2026-03-10T17:00', deltaMinutes: 2 * day },
    pathAfter: ['A', 'B', 'C'],
  },
  {
    name: 'brings the finish forward when a task on the critical path is removed and a parallel task becomes critical',
    tasks: [
      { id: 'A', days: 2 },
      { id: 'B', days: 3 },
      { id: 'C', days: 1 },
      { id: 'D', days: 4 },
    ],
    links: [
      ['A', 'B'],
      ['B', 'C'],
    ],
    edits: [{ kind: 'removeTask', taskId: 'B' }],
    finish: { before: '2026-03-09T17:00', after: '2026-03-05T17:00', deltaMinutes: -2 * day },
    pathAfter: ['D'],
  },
  {
    name: 'keeps the finish when a change off the critical path is absorbed by its slack',
    tasks: [
      { id: 'A', days: 5 },
      { id: 'B', days: 1 },
    ],
    links: [],
    edits: [{ kind: 'setDuration', taskId: 'B', durationMinutes: 3 * day }],
    finish: { before: '2026-03-06T17:00', after: '2026-03-06T17:00', deltaMinutes: 0 },
    pathAfter: ['A'],
  },
  {
    name: 'moves the finish by the length of a task added between two tasks of the chain',
    tasks: [
      { id: 'A', days: 1 },
      { id: 'B', days: 1 },
    ],
    links: [['A', 'B']],
    edits: [
      { kind: 'removeLink', predecessorId: 'A', successorId: 'B' },
      {
        kind: 'addTask',
        name: 'Review',
        parentId: null,
        durationMinutes: day,
        predecessorId: 'A',
        successorId: 'B',
      },
    ],
    finish: { before: '2026-03-03T17:00', after: '2026-03-04T17:00', deltaMinutes: day },
    pathAfter: ['A', 'new:1', 'B'],
  },
  {
    name: 'moves the finish when a start-no-earlier-than constraint holds the last task back',
    tasks: [
      { id: 'A', days: 1 },
      { id: 'B', days: 1 },
    ],
    links: [['A', 'B']],
    edits: [
      { kind: 'setConstraint', taskId: 'B', constraintType: 'snet', constraintDate: '2026-03-05T08:00' },
    ],
    finish: { before: '2026-03-03T17:00', after: '2026-03-05T17:00', deltaMinutes: 2 * day },
  },
];

describe('changeImpact', () => {
  for (const c of cases) {
    it(c.name, () => {
      const impact = impactOf(c.tasks, c.links, c.edits, c.start);
      expect(impact.finish).toEqual(c.finish);
      if (c.pathAfter) expect(impact.criticalPath.after.map((task) => task.taskId)).toEqual(c.pathAfter);
    });
  }

  it('moves a milestone at the end of the chain by the same two working days', () => {
    const impact = impactOf(
      [
        { id: 'A', days: 1 },
        { id: 'B', days: 1 },
        { id: 'M', days: 0, name: 'Go live' },
      ],
      [
        ['A', 'B'],
        ['B', 'M'],
      ],
      [{ kind: 'setDuration', taskId: 'B', durationMinutes: 3 * day }],
      '2026-03-05T08:00',
    );
    expect(impact.milestones).toEqual([
      {
        taskId: 'M',
        name: 'Go live',
        before: '2026-03-06T17:00',
        after: '2026-03-10T17:00',
        deltaMinutes: 2 * day,
      },
    ]);
  });

  it('lists the work packages added, removed and re-sized', () => {
    const impact = impactOf(
      [
        { id: 'P', days: 0, name: 'Phase' },
        { id: 'A', days: 1, parentId: 'P' },
        { id: 'B', days: 2, parentId: 'P' },
      ],
      [],
      [
        { kind: 'removeTask', taskId: 'A' },
        { kind: 'setDuration', taskId: 'B', durationMinutes: day },
        { kind: 'addTask', name: 'Docs', parentId: 'P', durationMinutes: 2 * day },
      ],
    );
    expect(impact.scope).toEqual({
      added: [{ taskId: 'new:2', name: 'Docs', durationBefore: null, durationAfter: 2 * day }],
      removed: [{ taskId: 'A', name: 'A', durationBefore: day, durationAfter: null }],
      changed: [{ taskId: 'B', name: 'B', durationBefore: 2 * day, durationAfter: day }],
    });
  });

  it('measures the change in cost from fixed costs and falls back to work when the plan has no cost', () => {
    const withCost = impactOf(
      [
        { id: 'A', days: 1, fixedCost: 50_000 as never },
        { id: 'B', days: 1, fixedCost: 20_000 as never },
      ],
      [],
      [{ kind: 'removeTask', taskId: 'B' }],
    );
    expect(withCost.costBasis).toBe('cost');
    expect(withCost.cost).toEqual({ before: 70_000, after: 50_000, delta: -20_000 });
    const withoutCost = impactOf([{ id: 'A', days: 1 }], [], [{ kind: 'removeTask', taskId: 'A' }]);
    expect(withoutCost.costBasis).toBe('work');
  });

  it('names the tasks that join and leave the critical path', () => {
    const impact = impactOf(
      [
        { id: 'A', days: 3 },
        { id: 'B', days: 1 },
      ],
      [],
      [{ kind: 'setDuration', taskId: 'B', durationMinutes: 4 * day }],
    );
    expect(impact.criticalPath.joined.map((task) => task.taskId)).toEqual(['B']);
    expect(impact.criticalPath.left.map((task) => task.taskId)).toEqual(['A']);
  });
});
