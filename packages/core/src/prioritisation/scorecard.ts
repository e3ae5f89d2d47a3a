import { type ExplainedScore, formatScoreNumber as f, requireInRange, ScoreInputError } from './explained';

/** A criterion of a weighted scorecard the team defines. */
export interface ScorecardCriterion {
  readonly key: string;
  readonly name: string;
  /** Relative weight, more than zero. */
  readonly weight: number;
  /** A benefit counts for the feature; a cost (effort, risk) against it. */
  readonly direction: 'benefit' | 'cost';
  readonly min: number;
  readonly max: number;
}

/**
 * Weighted scorecard: each value is normalised onto 0–1 within its criterion's scale (a cost is inverted), then the
 * weighted mean is scaled to 0–100. Every criterion must be rated.
 */
export function scorecardScore(
  criteria: readonly ScorecardCriterion[],
  values: Readonly<Record<string, number>>,
): ExplainedScore {
  if (criteria.length === 0)
    throw new ScoreInputError('criteria', 'a scorecard needs at least one criterion');
  let weighted = 0;
  let weights = 0;
  const terms = [];
  const parts = [];
  for (const criterion of criteria) {
    requireInRange(`criteria.${criterion.key}.weight`, criterion.weight, Number.MIN_VALUE, 1e6);
    if (!(criterion.max > criterion.min)) {
      throw new ScoreInputError(`criteria.${criterion.key}.max`, `${criterion.name}: max must exceed min`);
    }
    const value = values[criterion.key];
    if (value === undefined) throw new ScoreInputError(criterion.key, `${criterion.name} has no rating`);
    requireInRange(criterion.key, value, criterion.min, criterion.max);
    const position = (value - criterion.min) / (criterion.max - criterion.min);
    const normalised = criterion.direction === 'benefit' ? position : 1 - position;
    weighted += criterion.weight * normalised;
    weights += criterion.weight;
    terms.push({ label: criterion.name, value });
    parts.push(`${f(criterion.weight)} × ${f(normalised)}${criterion.direction === 'cost' ? ' (cost)' : ''}`);
  }
  const score = (100 * weighted) / weights;
  return {
    score,
    formula: '100 × Σ weight × normalised rating ÷ Σ weight',
    terms,
    explanation: `100 × (${parts.join(' + ')}) ÷ ${f(weights)} = ${f(score)}`,
  };
}
