import { type ExplainedScore, formatScoreNumber as f, requireInRange, requireOneOf } from './explained';

/** Intercom's impact scale: 3 massive, 2 high, 1 medium, 0.5 low, 0.25 minimal. */
export const riceImpacts = [0.25, 0.5, 1, 2, 3] as const;

/** RICE inputs as Intercom defines them. */
export interface RiceInput {
  /** People or events per period the feature reaches. */
  readonly reach: number;
  /** One of {@link riceImpacts}. */
  readonly impact: number;
  /** Confidence in the estimates, 0–100 percent. */
  readonly confidence: number;
  /** Person-months of work; more than zero. */
  readonly effort: number;
}

/** RICE = reach × impact × confidence ÷ effort (Sean McBride, Intercom, 2016). */
export function riceScore(input: RiceInput): ExplainedScore {
  requireInRange('reach', input.reach, 0, 1e12);
  requireOneOf('impact', input.impact, riceImpacts);
  requireInRange('confidence', input.confidence, 0, 100);
  requireInRange('effort', input.effort, Number.MIN_VALUE, 1e6);
  const confidence = input.confidence / 100;
  const score = (input.reach * input.impact * confidence) / input.effort;
  return {
    score,
    formula: 'reach × impact × confidence ÷ effort',
    terms: [
      { label: 'reach', value: input.reach },
      { label: 'impact', value: input.impact },
      { label: 'confidence', value: confidence },
      { label: 'effort', value: input.effort },
    ],
    explanation: `${f(input.reach)} × ${f(input.impact)} × ${f(confidence)} ÷ ${f(input.effort)} = ${f(score)}`,
  };
}
