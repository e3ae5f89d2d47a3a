import { type ExplainedScore, formatScoreNumber as f, requireInRange } from './explained';

/** The quadrants of a value-versus-effort 2×2. */
export type ValueEffortQuadrant = 'quickWin' | 'bigBet' | 'fillIn' | 'timeSink';

/** Value and effort on a 1–10 scale. */
export interface ValueEffortInput {
  readonly value: number;
  readonly effort: number;
}

/** The scale's midpoint: above it is "high". */
const midpoint = 5.5;

/** Value ÷ effort, and the quadrant of the 2×2 the feature falls in. */
export function valueEffortScore(
  input: ValueEffortInput,
): ExplainedScore & { quadrant: ValueEffortQuadrant } {
  requireInRange('value', input.value, 1, 10);
  requireInRange('effort', input.effort, 1, 10);
  const highValue = input.value > midpoint;
  const highEffort = input.effort > midpoint;
  const quadrant: ValueEffortQuadrant = highValue
    ? highEffort
      ? 'bigBet'
      : 'quickWin'
    : highEffort
      ? 'timeSink'
      : 'fillIn';
  const score = input.value / input.effort;
  return {
    score,
    quadrant,
    formula: 'value ÷ effort',
    terms: [
      { label: 'value', value: input.value },
      { label: 'effort', value: input.effort },
    ],
    explanation: `${f(input.value)} ÷ ${f(input.effort)} = ${f(score)}`,
  };
}
