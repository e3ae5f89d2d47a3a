import { describe, expect, it } from 'vitest';
import { defaultRiskScale } from './scale';
import { type RegisterRisk, registerTotals, type TrendPoint, trendSeries } from './trend';

const risk = (
  status: RegisterRisk['status'],
  probability: number,
  impact: number,
  residual: [number | null, number | null] = [null, null],
): RegisterRisk => ({
  status,
  probability,
  impact,
  residualProbability: residual[0],
  residualImpact: residual[1],
});

const point = (day: string, openCount: number): TrendPoint => ({
  day,
  openCount,
  highCount: 0,
  totalScore: openCount * 4,
  residualScore: 0,
  closedCount: 0,
  occurredCount: 0,
});

describe('register totals', () => {
  it('counts by status and sums the open risks only', () => {
    const totals = registerTotals(
      [
        risk('open', 5, 4, [2, null]),
        risk('open', 3, 5),
        risk('open', 1, 2),
        risk('closed', 5, 5),
        risk('occurred', 4, 4),
      ],
      defaultRiskScale,
    );
    expect(totals).toEqual({
      openCount: 3,
      highCount: 2,
      totalScore: 20 + 15 + 2,
      residualScore: 8 + 15 + 2,
      closedCount: 1,
      occurredCount: 1,
    });
  });

  it('is all zeros for an empty register', () => {
    expect(registerTotals([], defaultRiskScale)).toMatchObject({ openCount: 0, totalScore: 0 });
  });
});

describe('register trend', () => {
  it('has one point a day, a day without a write carrying the last totals', () => {
    const series = trendSeries([point('2026-03-04', 3), point('2026-03-02', 1)], '2026-03-05');
    expect(series.map((p) => [p.day, p.openCount])).toEqual([
      ['2026-03-02', 1],
      ['2026-03-03', 1],
      ['2026-03-04', 3],
      ['2026-03-05', 3],
    ]);
  });

  it('crosses month and year ends', () => {
    const series = trendSeries([point('2026-12-31', 2)], '2027-01-01');
    expect(series.map((p) => p.day)).toEqual(['2026-12-31', '2027-01-01']);
  });

  it('is empty before the first write and ignores snapshots after today', () => {
    expect(trendSeries([], '2026-03-05')).toEqual([]);
    expect(trendSeries([point('2026-03-06', 1)], '2026-03-05')).toEqual([]);
  });
});
