import { describe, expect, it } from 'vitest';
import { type VelocitySprint, velocity } from './velocity';

const sprint = (n: number, committed: number, completed: number): VelocitySprint => ({
  id: `s${n}`,
  name: `Sprint ${n}`,
  committedPoints: committed,
  completedPoints: completed,
});
const history = [sprint(1, 20, 10), sprint(2, 20, 20), sprint(3, 30, 24), sprint(4, 25, 25)];

describe('velocity', () => {
  it.each([
    { count: 3, ids: ['s2', 's3', 's4'], average: 23, sayDo: 0.92 },
    { count: 10, ids: ['s1', 's2', 's3', 's4'], average: 19.75, sayDo: 0.832 },
    { count: 1, ids: ['s4'], average: 25, sayDo: 1 },
    { count: 0, ids: [], average: 0, sayDo: null },
  ])('averages the last $count sprints', ({ count, ids, average, sayDo }) => {
    const result = velocity(history, count);
    expect(result.sprints.map((s) => s.id)).toEqual(ids);
    expect(result.average).toBe(average);
    expect(result.sayDoRatio).toBe(sayDo);
  });

  it('has no say/do ratio when nothing was committed', () => {
    expect(velocity([sprint(1, 0, 5)], 5)).toEqual({
      sprints: [sprint(1, 0, 5)],
      average: 5,
      sayDoRatio: null,
    });
  });
});
