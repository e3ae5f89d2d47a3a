import { describe, expect, it } from 'vitest';
import { keyResultProblem, keyResultProgress, objectiveProgress } from './key-result-progress';

describe('key result progress', () => {
  it.each([
    {
      case: 'half way up',
      startValue: 0,
      targetValue: 100,
      currentValue: 50,
      direction: 'increase',
      progress: 0.5,
    },
    {
      case: 'from a non-zero start',
      startValue: 20,
      targetValue: 40,
      currentValue: 35,
      direction: 'increase',
      progress: 0.75,
    },
    {
      case: 'down towards a lower target',
      startValue: 10,
      targetValue: 0,
      currentValue: 4,
      direction: 'decrease',
      progress: 0.6,
    },
    {
      case: 'the wrong way as zero',
      startValue: 10,
      targetValue: 20,
      currentValue: 5,
      direction: 'increase',
      progress: 0,
    },
    {
      case: 'past the target as one',
      startValue: 10,
      targetValue: 20,
      currentValue: 26,
      direction: 'increase',
      progress: 1,
    },
    {
      case: 'past a lower target as one',
      startValue: 5,
      targetValue: 2,
      currentValue: 1,
      direction: 'decrease',
      progress: 1,
    },
    {
      case: 'at the start as zero',
      startValue: 3,
      targetValue: 9,
      currentValue: 3,
      direction: 'increase',
      progress: 0,
    },
  ] as const)('reads $case', ({ progress, case: _, ...values }) => {
    expect(keyResultProgress(values)).toBeCloseTo(progress, 10);
  });

  it('answers zero rather than dividing by zero when the target equals the start', () => {
    expect(keyResultProgress({ startValue: 5, targetValue: 5, currentValue: 7, direction: 'increase' })).toBe(
      0,
    );
  });
});

describe('key result problems', () => {
  it.each([
    { startValue: 5, targetValue: 5, direction: 'increase', code: 'TARGET_EQUALS_START' },
    { startValue: 5, targetValue: 1, direction: 'increase', code: 'TARGET_AGAINST_DIRECTION' },
    { startValue: 1, targetValue: 5, direction: 'decrease', code: 'TARGET_AGAINST_DIRECTION' },
    { startValue: Number.NaN, targetValue: 5, direction: 'increase', code: 'NOT_FINITE' },
    { startValue: 1, targetValue: 5, direction: 'increase', code: null },
    { startValue: 5, targetValue: 1, direction: 'decrease', code: null },
  ] as const)('finds $code for $startValue → $targetValue ($direction)', ({ code, ...values }) => {
    expect(keyResultProblem({ ...values, currentValue: 0 })?.code ?? null).toBe(code);
  });
});

describe('objective progress', () => {
  it('is the mean of its key results', () => {
    const progress = objectiveProgress([
      { startValue: 0, targetValue: 10, currentValue: 10, direction: 'increase' },
      { startValue: 0, targetValue: 10, currentValue: 0, direction: 'increase' },
      { startValue: 100, targetValue: 50, currentValue: 75, direction: 'decrease' },
    ]);
    expect(progress).toBeCloseTo(0.5, 10);
  });

  it('is null for an objective without key results', () => {
    expect(objectiveProgress([])).toBeNull();
  });
});
