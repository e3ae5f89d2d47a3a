import { describe, expect, it } from 'vitest';
import { compareScope, type ScopePackage } from './scope';

const pkg = (taskId: string, durationMinutes: number, workMinutes = durationMinutes): ScopePackage => ({
  taskId,
  name: taskId,
  durationMinutes,
  workMinutes,
});

describe('compareScope', () => {
  const cases = [
    {
      name: 'finds no difference in an unchanged scope',
      baseline: [pkg('A', 480)],
      current: [pkg('A', 480)],
      kinds: [],
    },
    {
      name: 'marks a package only in the plan as added',
      baseline: [],
      current: [pkg('A', 480)],
      kinds: ['A:added'],
    },
    {
      name: 'marks a package only in the baseline as removed',
      baseline: [pkg('A', 480)],
      current: [],
      kinds: ['A:removed'],
    },
    {
      name: 'marks a package whose duration or work differs as changed',
      baseline: [pkg('A', 480), pkg('B', 480, 480)],
      current: [pkg('A', 960), pkg('B', 480, 960)],
      kinds: ['A:changed', 'B:changed'],
    },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const result = compareScope(c.baseline, c.current);
      expect(result.differences.map((d) => `${d.taskId}:${d.kind}`)).toEqual(c.kinds);
    });
  }

  it('totals the packages, duration and work on both sides', () => {
    const result = compareScope([pkg('A', 480), pkg('B', 960)], [pkg('A', 480)]);
    expect(result.totals).toEqual({
      baseline: { packages: 2, durationMinutes: 1440, workMinutes: 1440 },
      current: { packages: 1, durationMinutes: 480, workMinutes: 480 },
    });
    expect(result.unchanged).toBe(1);
  });
});
