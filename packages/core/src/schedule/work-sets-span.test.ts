import { describe, expect, it } from 'vitest';
import { workSetsSpan } from './work-sets-span';

describe('workSetsSpan', () => {
  it.each([
    ['a fixed-units task', { type: 'fixedUnits', elapsed: false, manual: false }, true],
    ['a fixed-work task', { type: 'fixedWork', elapsed: false, manual: false }, true],
    ['a fixed-duration task', { type: 'fixedDuration', elapsed: false, manual: false }, false],
    ['an elapsed task', { type: 'fixedUnits', elapsed: true, manual: false }, false],
    ['a manually scheduled task', { type: 'fixedWork', elapsed: false, manual: true }, false],
  ] as const)('says whether work sets the span of %s', (_, task, expected) => {
    expect(workSetsSpan(task)).toBe(expected);
  });
});
