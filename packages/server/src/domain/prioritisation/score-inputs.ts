import {
  type ExplainedScore,
  riceScore,
  type ScorecardCriterion,
  ScoreInputError,
  scorecardScore,
  type ValueEffortQuadrant,
  valueEffortScore,
  wsjfScore,
} from '@tandem/core';
import type {
  StoredRice,
  StoredValueEffort,
  StoredWsjf,
  scorecardCriteria,
} from '../../db/schema/prioritisation';
import { invalid } from '../shared/errors';

type CriterionRow = typeof scorecardCriteria.$inferSelect;

/** The scoring methods a backlog can be ranked by, demand included. */
export type RankBy = 'rice' | 'wsjf' | 'value_effort' | 'scorecard' | 'demand';

/** A score as the API shows it: the inputs, the result and how it came about. */
export interface ScoreView<I> {
  input: I;
  score: number | null;
  formula: string;
  explanation: string;
}

/** Runs a core score, turning an input off its scale into a 400 naming `prefix.field`. */
function scored<T>(prefix: string, run: () => T): T {
  try {
    return run();
  } catch (error) {
    if (error instanceof ScoreInputError)
      throw invalid(`${prefix}.${error.field}`, `${prefix}.${error.message}`);
    throw error;
  }
}

const view = <I>(input: I, result: ExplainedScore): ScoreView<I> => ({
  input,
  score: result.score,
  formula: result.formula,
  explanation: result.explanation,
});

/** RICE of stored inputs (400 naming `rice.<field>` when off the scale). */
export const riceOf = (input: StoredRice) =>
  view(
    input,
    scored('rice', () => riceScore(input)),
  );

/** WSJF of stored inputs (400 naming `wsjf.<field>`). */
export const wsjfOf = (input: StoredWsjf) =>
  view(
    input,
    scored('wsjf', () => wsjfScore(input)),
  );

/** Value versus effort with its quadrant (400 naming `valueEffort.<field>`). */
export function valueEffortOf(input: StoredValueEffort): ScoreView<StoredValueEffort> & {
  quadrant: ValueEffortQuadrant;
} {
  const result = scored('valueEffort', () => valueEffortScore(input));
  return { ...view(input, result), quadrant: result.quadrant };
}

/** The product's criteria as core takes them: rated 0 to their scale's maximum. */
export function coreCriteria(rows: readonly CriterionRow[]): ScorecardCriterion[] {
  return rows.map((row) => ({
    key: row.id,
    name: row.name,
    weight: row.weight,
    direction: row.direction,
    min: 0,
    max: row.scaleMax,
  }));
}

/** Checks each rating against its criterion (400 naming `scorecard.<criterionId>`) and refuses unknown criteria. */
export function checkScorecardRatings(
  criteria: readonly CriterionRow[],
  ratings: Record<string, number>,
): void {
  const known = new Map(criteria.map((row) => [row.id, row]));
  for (const [key, value] of Object.entries(ratings)) {
    const criterion = known.get(key);
    if (!criterion) throw invalid(`scorecard.${key}`, `scorecard.${key} is not a criterion of this product`);
    if (!Number.isFinite(value) || value < 0 || value > criterion.scaleMax) {
      throw invalid(
        `scorecard.${key}`,
        `scorecard.${key} (${criterion.name}) must be between 0 and ${criterion.scaleMax}, not ${value}`,
      );
    }
  }
}

/** The scorecard score, or a view with a null score and the missing criteria named while any is unrated. */
export function scorecardOf(
  criteria: readonly CriterionRow[],
  ratings: Record<string, number>,
): ScoreView<Record<string, number>> {
  const formula = '100 × Σ weight × normalised rating ÷ Σ weight';
  if (criteria.length === 0)
    return { input: ratings, score: null, formula, explanation: 'No criteria defined yet' };
  const missing = criteria.filter((row) => ratings[row.id] === undefined);
  if (missing.length > 0) {
    return {
      input: ratings,
      score: null,
      formula,
      explanation: `Not rated on ${missing.map((row) => row.name).join(', ')}`,
    };
  }
  return view(
    ratings,
    scored('scorecard', () => scorecardScore(coreCriteria(criteria), ratings)),
  );
}
