import { describe, expect, it } from 'vitest';
import { defaultRiskScale, type RiskScale } from './scale';
import { isHighRisk, maxRiskScore, residualScore, riskBand, riskScore } from './score';

const threeByFour: RiskScale = {
  probability: { min: 1, max: 3, labels: [] },
  impact: { min: 1, max: 4, labels: [] },
};

describe('risk score', () => {
  it.each([
    [1, 1, 1],
    [3, 4, 12],
    [5, 5, 25],
    [0, 4, 0],
  ])('scores probability %i × impact %i as %i', (probability, impact, score) => {
    expect(riskScore(probability, impact)).toBe(score);
  });

  it('takes the largest score from both axes at their maximum', () => {
    expect(maxRiskScore(defaultRiskScale)).toBe(25);
    expect(maxRiskScore(threeByFour)).toBe(12);
  });

  it.each([
    [25, 'high'],
    [15, 'high'],
    [14, 'medium'],
    [8, 'medium'],
    [7, 'low'],
    [1, 'low'],
  ] as const)('puts score %i of 25 in the %s band', (score, band) => {
    expect(riskBand(score, defaultRiskScale)).toBe(band);
  });

  it('measures the bands against the scale the project chose', () => {
    // 60% of 12 is 7.2: 8 is high, 6 (50%) medium, 3 (25%) low.
    expect(riskBand(8, threeByFour)).toBe('high');
    expect(riskBand(6, threeByFour)).toBe('medium');
    expect(riskBand(3, threeByFour)).toBe('low');
    expect(isHighRisk(7, threeByFour)).toBe(false);
  });

  it('falls back to the inherent probability or impact where no residual is given', () => {
    const base = { probability: 4, impact: 5 };
    expect(residualScore({ ...base, residualProbability: null, residualImpact: null })).toBe(20);
    expect(residualScore({ ...base, residualProbability: 2, residualImpact: null })).toBe(10);
    expect(residualScore({ ...base, residualProbability: 2, residualImpact: 3 })).toBe(6);
  });
});
