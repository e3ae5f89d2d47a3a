/** One axis of a risk matrix: the whole numbers from `min` to `max`, each with an optional label. */
export interface RiskAxis {
  min: number;
  max: number;
  /** Labels from `min` upwards (e.g. "Rare" … "Almost certain"); fewer than the steps leaves the rest numbered. */
  labels: string[];
}

/** A project's probability and impact scales; a risk's score is probability × impact. */
export interface RiskScale {
  probability: RiskAxis;
  impact: RiskAxis;
}

/** The scale a project starts with: 1–5 on both axes. */
export const defaultRiskScale: RiskScale = {
  probability: { min: 1, max: 5, labels: ['Rare', 'Unlikely', 'Possible', 'Likely', 'Almost certain'] },
  impact: { min: 1, max: 5, labels: ['Negligible', 'Minor', 'Moderate', 'Major', 'Severe'] },
};

/** Largest steps an axis may have: a matrix wider than ten columns stops being readable. */
export const maxRiskAxisSteps = 10;
