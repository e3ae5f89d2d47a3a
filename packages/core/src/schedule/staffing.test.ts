import { describe, expect, it } from 'vitest';
import { sketchProject, sketchTask } from './build-project';
import { createScheduler } from './incremental';
import { type Assignment, resourceId, type TaskType, taskId } from './model';
import { scheduleProject } from './schedule';
import { restaff } from './staffing';

const ann = resourceId('ann');
const bob = resourceId('bob');
const oneFullTime = (minutes: number): Assignment[] => [
  { taskId: taskId('A'), resourceId: ann, units: 1, workMinutes: minutes },
];

interface Case {
  name: string;
  type: TaskType;
  effortDriven: boolean;
  duration: number;
  work: [number, number];
  units: [number, number];
}

// A two-day task done by Ann full time (960 minutes of work); Bob joins full time.
const cases: Case[] = [
  {
    name: 'halves an effort-driven fixed-units task when a second person joins',
    type: 'fixedUnits',
    effortDriven: true,
    duration: 480,
    work: [480, 480],
    units: [1, 1],
  },
  {
    name: 'keeps a fixed-units task that is not effort-driven and adds the newcomer’s work',
    type: 'fixedUnits',
    effortDriven: false,
    duration: 960,
    work: [960, 960],
    units: [1, 1],
  },
  {
    name: 'treats fixed work as effort-driven whatever the flag says',
    type: 'fixedWork',
    effortDriven: false,
    duration: 480,
    work: [480, 480],
    units: [1, 1],
  },
  {
    name: 'keeps an effort-driven fixed-duration task and lowers everyone’s units',
    type: 'fixedDuration',
    effortDriven: true,
    duration: 960,
    work: [480, 480],
    units: [0.5, 0.5],
  },
  {
    name: 'keeps a fixed-duration task that is not effort-driven and adds work',
    type: 'fixedDuration',
    effortDriven: false,
    duration: 960,
    work: [960, 960],
    units: [1, 1],
  },
];

describe('re-staffing a task', () => {
  it.each(cases)('$name', ({ type, effortDriven, duration, work, units }) => {
    const task = sketchTask({ id: 'A', days: 2, type, effortDriven });
    const change = restaff(task, oneFullTime(960), [
      { resourceId: ann, units: 1 },
      { resourceId: bob, units: 1 },
    ]);
    expect(change.durationMinutes).toBe(duration);
    expect(change.assignments.map((a) => a.workMinutes)).toEqual(work);
    expect(change.assignments.map((a) => a.units)).toEqual(units);
  });

  it('keeps the contour, delay and overtime of a resource that stays on the task, and gives a newcomer flat work', () => {
    const task = sketchTask({ id: 'A', days: 2, type: 'fixedUnits', effortDriven: true });
    const shaped: Assignment = {
      ...oneFullTime(960)[0]!,
      contour: 'turtle',
      delayMinutes: 60,
      overtimeWork: 600,
    };
    const change = restaff(
      task,
      [shaped],
      [
        { resourceId: ann, units: 1 },
        { resourceId: bob, units: 1 },
      ],
    );
    expect(change.assignments).toEqual([
      {
        taskId: taskId('A'),
        resourceId: ann,
        units: 1,
        workMinutes: 480,
        contour: 'turtle',
        delayMinutes: 60,
        overtimeWork: 480,
      },
      { taskId: taskId('A'), resourceId: bob, units: 1, workMinutes: 480 },
    ]);
  });

  it('refuses units that are not positive', () => {
    const task = sketchTask({ id: 'A', days: 2 });
    expect(() => restaff(task, [], [{ resourceId: ann, units: 0 }])).toThrow(RangeError);
  });

  it('reschedules a re-staffed task incrementally to the same result as a full run', () => {
    const scheduler = createScheduler(
      sketchProject(
        [
          { id: 'A', days: 2, effortDriven: true },
          { id: 'B', days: 1 },
        ],
        [['A', 'B']],
        {
          resources: [
            { id: ann, name: 'Ann', maxUnits: 1, standardRate: 6000 as never },
            { id: bob, name: 'Bob', maxUnits: 1, standardRate: 3000 as never },
          ],
          assignments: oneFullTime(960),
        },
      ),
    );
    scheduler.schedule();
    scheduler.staffTask(taskId('A'), [
      { resourceId: ann, units: 1 },
      { resourceId: bob, units: 1 },
    ]);
    const result = scheduler.schedule();
    expect(result).toEqual(scheduleProject(scheduler.project));
    if (!result.ok) throw new Error('failed');
    expect(result.tasks[0]!.durationMinutes).toBe(480);
    expect(result.tasks[0]!.cost).toBe(8 * 6000 + 8 * 3000);
    expect(() => scheduler.staffTask(taskId('A'), [{ resourceId: resourceId('zed'), units: 1 }])).toThrow(
      /unknown resource zed/,
    );
  });
});
