import { describe, expect, it } from 'vitest';
import { defaultRiskScale, type RiskScale } from './scale';
import { axisLabel, axisValues, checkOnAxis, checkRiskScale } from './scale-check';

const axis = (min: number, max: number, labels: string[] = []) => ({ min, max, labels });

describe('risk scale checks', () => {
  it('accepts the default scale', () => {
    expect(checkRiskScale(defaultRiskScale)).toBeNull();
  });

  it.each([
    ['probability.max', { probability: axis(3, 3), impact: axis(1, 5) }],
    ['probability.min', { probability: axis(-1, 5), impact: axis(1, 5) }],
    ['probability.min', { probability: axis(1.5, 5), impact: axis(1, 5) }],
    ['impact.max', { probability: axis(1, 5), impact: axis(1, 11) }],
    ['impact.labels', { probability: axis(1, 5), impact: axis(1, 3, ['a', 'b', 'c', 'd']) }],
  ] as [string, RiskScale][])('refuses a scale naming %s', (field, scale) => {
    expect(checkRiskScale(scale)?.field).toBe(field);
  });

  it('accepts a ten-step axis and fewer labels than steps', () => {
    expect(checkRiskScale({ probability: axis(1, 10), impact: axis(0, 4, ['none']) })).toBeNull();
  });

  it.each([
    [1, true],
    [5, true],
    [0, false],
    [6, false],
    [2.5, false],
  ])('checks %d on a 1–5 axis (valid: %s)', (value, valid) => {
    const error = checkOnAxis('probability', axis(1, 5), value);
    expect(error === null).toBe(valid);
    if (error) expect(error).toMatchObject({ field: 'probability' });
  });

  it('lists the steps of an axis and labels them, numbering those without a label', () => {
    expect(axisValues(axis(2, 4))).toEqual([2, 3, 4]);
    expect(axisLabel(axis(1, 3, ['Low', 'Mid']), 2)).toBe('Mid');
    expect(axisLabel(axis(1, 3, ['Low', 'Mid']), 3)).toBe('3');
  });
});
