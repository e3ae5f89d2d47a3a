import { describe, expect, it } from 'vitest';
import { deliveryProgress } from './delivery-progress';

const task = (durationMinutes: number, percentComplete: number, summary = false) => ({
  summary,
  durationMinutes,
  percentComplete,
});

describe('deliveryProgress', () => {
  const cases = [
    { name: 'is 0 for an empty plan', tasks: [], expected: 0 },
    { name: 'weighs tasks by their duration', tasks: [task(480, 100), task(1440, 0)], expected: 25 },
    {
      name: 'leaves summaries out of the weighing',
      tasks: [task(1920, 90, true), task(480, 100), task(1440, 0)],
      expected: 25,
    },
    {
      name: 'averages milestones when nothing has a duration',
      tasks: [task(0, 100), task(0, 0)],
      expected: 50,
    },
    { name: 'rounds to one decimal', tasks: [task(3, 100), task(6, 0)], expected: 33.3 },
  ];
  for (const { name, tasks, expected } of cases)
    it(name, () => expect(deliveryProgress(tasks)).toBe(expected));
});
