import { describe, expect, it } from 'vitest';
import { sketchProject } from './build-project';
import type { ScheduledTask } from './model';
import { scheduleProject } from './schedule';

const fields: (keyof ScheduledTask)[] = [
  'id',
  'start',
  'finish',
  'earlyStart',
  'earlyFinish',
  'lateStart',
  'lateFinish',
  'totalSlack',
  'freeSlack',
  'startSlack',
  'finishSlack',
  'critical',
  'durationMinutes',
  'work',
  'percentComplete',
  'cost',
  'summary',
];

describe('a scheduled task', () => {
  const project = sketchProject(
    [
      { id: 'phase' },
      { id: 'a', days: 2, parentId: 'phase', percentComplete: 12.5 },
      { id: 'b', days: 1, parentId: 'phase', percentComplete: 40, fixedCost: 1999 as never },
    ],
    [['a', 'b']],
  );
  const result = scheduleProject(project);
  if (!result.ok) throw new Error(result.code);
  const [phase, a, b] = result.tasks;

  it('is plain data: spreading or serialising it keeps every field, in order', () => {
    for (const task of result.tasks) {
      expect(Object.keys({ ...task })).toEqual(fields);
      expect(JSON.parse(JSON.stringify(task))).toEqual({ ...task });
    }
  });

  it('keeps fractions where the engine has them, and whole numbers as they are', () => {
    expect(a!.percentComplete).toBe(12.5);
    expect(b!.percentComplete).toBe(40);
    expect(b!.cost).toBe(1999);
    expect(a!.durationMinutes).toBe(960);
    // Duration-weighted: (12.5 × 960 + 40 × 480) / 1440.
    expect(phase!.percentComplete).toBe(21.67);
    expect(phase!.durationMinutes).toBe(1440);
  });
});
