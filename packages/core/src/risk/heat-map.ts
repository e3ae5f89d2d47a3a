import type { RiskScale } from './scale';
import { axisValues } from './scale-check';
import { type RiskBand, riskBand, riskScore } from './score';

/** One cell of the probability × impact matrix: how many risks sit in it and how serious it is. */
export interface HeatMapCell {
  probability: number;
  impact: number;
  score: number;
  band: RiskBand;
  count: number;
}

/**
 * The matrix of a scale with the count of `risks` in each cell, highest probability first (the row order a risk
 * matrix is drawn in), impact ascending within a row; risks off the scale (after the scale shrank) are not counted.
 */
export function heatMapCells(
  scale: RiskScale,
  risks: readonly { probability: number; impact: number }[],
): HeatMapCell[][] {
  const counts = new Map<string, number>();
  for (const risk of risks) {
    const key = `${risk.probability}:${risk.impact}`;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return axisValues(scale.probability)
    .reverse()
    .map((probability) =>
      axisValues(scale.impact).map((impact) => {
        const score = riskScore(probability, impact);
        return {
          probability,
          impact,
          score,
          band: riskBand(score, scale),
          count: counts.get(`${probability}:${impact}`) ?? 0,
        };
      }),
    );
}
