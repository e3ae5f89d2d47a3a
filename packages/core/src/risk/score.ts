import type { RiskScale } from './scale';

/** How serious a score is relative to the largest score the scale allows. */
export type RiskBand = 'high' | 'medium' | 'low';

/** A risk's score: probability × impact. */
export function riskScore(probability: number, impact: number): number {
  return probability * impact;
}

/** The largest score the scale allows: both axes at their maximum. */
export function maxRiskScore(scale: RiskScale): number {
  return scale.probability.max * scale.impact.max;
}

/** A score at or above 60% of the largest is high, at or above 30% medium, else low. */
export function riskBand(score: number, scale: RiskScale): RiskBand {
  const max = maxRiskScore(scale);
  // Compared in integers (score × 10 against max × 6) so 15 of 25 is high exactly, with no float rounding.
  if (score * 10 >= max * 6) return 'high';
  if (score * 10 >= max * 3) return 'medium';
  return 'low';
}

/** True when a score is in the high band (the contract's "high": score ≥ 60% of the largest). */
export function isHighRisk(score: number, scale: RiskScale): boolean {
  return riskBand(score, scale) === 'high';
}

/** The residual score: residual probability × residual impact, each falling back to the inherent value. */
export function residualScore(risk: {
  probability: number;
  impact: number;
  residualProbability: number | null;
  residualImpact: number | null;
}): number {
  return riskScore(risk.residualProbability ?? risk.probability, risk.residualImpact ?? risk.impact);
}
