import { describe, expect, it } from 'vitest';
import { ScoreInputError } from './explained';
import { riceScore } from './rice';
import { type ScorecardCriterion, scorecardScore } from './scorecard';
import { valueEffortScore } from './value-effort';
import { wsjfScore } from './wsjf';

describe('RICE', () => {
  it.each([
    { reach: 500, impact: 2, confidence: 80, effort: 2, score: 400, text: '500 × 2 × 0.8 ÷ 2 = 400' },
    {
      reach: 2000,
      impact: 0.25,
      confidence: 50,
      effort: 0.5,
      score: 500,
      text: '2,000 × 0.25 × 0.5 ÷ 0.5 = 500',
    },
    { reach: 0, impact: 3, confidence: 100, effort: 1, score: 0, text: '0 × 3 × 1 ÷ 1 = 0' },
    {
      reach: 1234,
      impact: 1,
      confidence: 100,
      effort: 3,
      score: 411.333,
      text: '1,234 × 1 × 1 ÷ 3 = 411.33',
    },
  ])('scores reach $reach, impact $impact, confidence $confidence %, effort $effort as $score', (row) => {
    const result = riceScore(row);
    expect(result.score).toBeCloseTo(row.score, 3);
    expect(result.explanation).toBe(row.text);
  });

  it.each([
    [{ reach: -1, impact: 1, confidence: 50, effort: 1 }, 'reach'],
    [{ reach: 10, impact: 4, confidence: 50, effort: 1 }, 'impact'],
    [{ reach: 10, impact: 1, confidence: 101, effort: 1 }, 'confidence'],
    [{ reach: 10, impact: 1, confidence: 50, effort: 0 }, 'effort'],
    [{ reach: Number.NaN, impact: 1, confidence: 50, effort: 1 }, 'reach'],
  ])('refuses %o naming the field %s', (input, field) => {
    expect(() => riceScore(input)).toThrowError(expect.objectContaining({ field }) as Error);
  });
});

describe('WSJF', () => {
  it.each([
    {
      businessValue: 8,
      timeCriticality: 5,
      riskReduction: 3,
      jobSize: 2,
      score: 8,
      text: '(8 + 5 + 3) ÷ 2 = 16 ÷ 2 = 8',
    },
    { businessValue: 20, timeCriticality: 13, riskReduction: 1, jobSize: 20, score: 1.7 },
    { businessValue: 1, timeCriticality: 1, riskReduction: 1, jobSize: 13, score: 0.2308 },
  ])('scores cost of delay over job size: $score', (row) => {
    const result = wsjfScore(row);
    expect(result.score).toBeCloseTo(row.score, 4);
    if (row.text) expect(result.explanation).toBe(row.text);
  });

  it('accepts only the modified Fibonacci scale', () => {
    expect(() =>
      wsjfScore({ businessValue: 4, timeCriticality: 5, riskReduction: 3, jobSize: 2 }),
    ).toThrowError(ScoreInputError);
  });
});

describe('value versus effort', () => {
  it.each([
    { value: 9, effort: 2, quadrant: 'quickWin' },
    { value: 9, effort: 8, quadrant: 'bigBet' },
    { value: 3, effort: 2, quadrant: 'fillIn' },
    { value: 2, effort: 9, quadrant: 'timeSink' },
    { value: 5.5, effort: 5.5, quadrant: 'fillIn' },
  ])('puts value $value, effort $effort among the $quadrant', ({ value, effort, quadrant }) => {
    const result = valueEffortScore({ value, effort });
    expect(result.quadrant).toBe(quadrant);
    expect(result.score).toBeCloseTo(value / effort, 10);
  });

  it('refuses a rating off the 1–10 scale', () => {
    expect(() => valueEffortScore({ value: 11, effort: 1 })).toThrowError(/value must be between 1 and 10/);
  });
});

describe('weighted scorecard', () => {
  const criteria: ScorecardCriterion[] = [
    { key: 'revenue', name: 'Revenue', weight: 3, direction: 'benefit', min: 0, max: 10 },
    { key: 'strategic', name: 'Strategic fit', weight: 2, direction: 'benefit', min: 1, max: 5 },
    { key: 'effort', name: 'Effort', weight: 1, direction: 'cost', min: 1, max: 5 },
  ];

  it.each([
    // 100 × (3 × 0.8 + 2 × 0.75 + 1 × 0.5) ÷ 6 = 100 × 4.4 ÷ 6
    { values: { revenue: 8, strategic: 4, effort: 3 }, score: 73.333 },
    { values: { revenue: 10, strategic: 5, effort: 1 }, score: 100 },
    { values: { revenue: 0, strategic: 1, effort: 5 }, score: 0 },
  ])('scores $values as $score of 100', ({ values, score }) => {
    expect(scorecardScore(criteria, values).score).toBeCloseTo(score, 3);
  });

  it('explains every weighted term, costs marked', () => {
    expect(scorecardScore(criteria, { revenue: 8, strategic: 4, effort: 3 }).explanation).toBe(
      '100 × (3 × 0.8 + 2 × 0.75 + 1 × 0.5 (cost)) ÷ 6 = 73.33',
    );
  });

  it.each([
    [{ revenue: 8, strategic: 4 }, 'effort'],
    [{ revenue: 11, strategic: 4, effort: 3 }, 'revenue'],
    [{ revenue: 8, strategic: 0, effort: 3 }, 'strategic'],
  ])('refuses %o naming %s', (values, field) => {
    expect(() => scorecardScore(criteria, values)).toThrowError(expect.objectContaining({ field }) as Error);
  });
});
