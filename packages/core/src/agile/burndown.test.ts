import { describe, expect, it } from 'vitest';
import { type BurnInput, burnSeries } from './burndown';

// A one-week sprint, Monday 2026-03-02 to Friday 2026-03-06.
const week: Omit<BurnInput, 'tasks' | 'today'> = {
  startDate: '2026-03-02',
  finishDate: '2026-03-06',
  committedPoints: 10,
};

describe('burnSeries', () => {
  it.each([
    {
      name: 'burns nothing when nothing is done',
      tasks: [{ points: 10, completedOn: null }],
      today: '2026-03-06',
      remaining: [10, 10, 10, 10, 10],
      completed: [0, 0, 0, 0, 0],
    },
    {
      name: 'drops on the day a task is finished and stays down',
      tasks: [
        { points: 3, completedOn: '2026-03-03' },
        { points: 5, completedOn: '2026-03-05' },
        { points: 2, completedOn: null },
      ],
      today: '2026-03-06',
      remaining: [10, 7, 7, 2, 2],
      completed: [0, 3, 3, 8, 8],
    },
    {
      name: 'leaves the days after today empty',
      tasks: [
        { points: 4, completedOn: '2026-03-02' },
        { points: 6, completedOn: null },
      ],
      today: '2026-03-03',
      remaining: [6, 6, null, null, null],
      completed: [4, 4, null, null, null],
    },
    {
      name: 'counts a task finished before the sprint on its first day',
      tasks: [
        { points: 4, completedOn: '2026-02-20' },
        { points: 6, completedOn: null },
      ],
      today: '2026-03-04',
      remaining: [6, 6, 6, null, null],
      completed: [4, 4, 4, null, null],
    },
    {
      name: 'keeps a task finished after the last day open',
      tasks: [{ points: 10, completedOn: '2026-03-09' }],
      today: '2026-03-10',
      remaining: [10, 10, 10, 10, 10],
      completed: [0, 0, 0, 0, 0],
    },
  ])('$name', ({ tasks, today, remaining, completed }) => {
    const series = burnSeries({ ...week, tasks, today });
    expect(series.days.map((day) => day.remaining)).toEqual(remaining);
    expect(series.days.map((day) => day.completed)).toEqual(completed);
  });

  it.each([
    { name: 'every day works', workingDays: undefined, ideal: [8, 6, 4, 2, 0] },
    { name: 'a two-day week', workingDays: [1, 3], ideal: [5, 5, 0, 0, 0] },
    { name: 'no working day at all', workingDays: [0], ideal: [10, 10, 10, 10, 10] },
  ])(
    'draws the ideal line from the commitment to zero over the working days: $name',
    ({ workingDays, ideal }) => {
      const series = burnSeries({
        ...week,
        tasks: [{ points: 10, completedOn: null }],
        today: '2026-03-02',
        ...(workingDays ? { workingDays } : {}),
      });
      expect(series.days.map((day) => day.ideal)).toEqual(ideal);
    },
  );

  it('takes the current scope as the commitment before the sprint started, and reports scope for the burnup', () => {
    const series = burnSeries({
      ...week,
      committedPoints: null,
      tasks: [
        { points: 2.5, completedOn: null },
        { points: 1, completedOn: null },
      ],
      today: '2026-03-01',
    });
    expect(series).toMatchObject({ committed: 3.5, scope: 3.5 });
    expect(series.days.map((day) => day.date)).toEqual([
      '2026-03-02',
      '2026-03-03',
      '2026-03-04',
      '2026-03-05',
      '2026-03-06',
    ]);
    expect(series.days.every((day) => day.scope === 3.5 && day.remaining === null)).toBe(true);
  });

  it('refuses a sprint that ends before it starts or spans more than a year', () => {
    expect(() => burnSeries({ ...week, finishDate: '2026-03-01', tasks: [], today: '2026-03-02' })).toThrow(
      RangeError,
    );
    expect(() => burnSeries({ ...week, finishDate: '2028-03-01', tasks: [], today: '2026-03-02' })).toThrow(
      RangeError,
    );
  });
});
