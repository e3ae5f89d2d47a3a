import { type ExplainedScore, formatScoreNumber as f, requireOneOf } from './explained';

/** SAFe's modified Fibonacci scale for every WSJF input. */
export const wsjfScale = [1, 2, 3, 5, 8, 13, 20] as const;

/** Weighted Shortest Job First inputs, each relative on {@link wsjfScale}. */
export interface WsjfInput {
  readonly businessValue: number;
  readonly timeCriticality: number;
  /** Risk reduction and/or opportunity enablement. */
  readonly riskReduction: number;
  readonly jobSize: number;
}

/** WSJF = cost of delay ÷ job size, cost of delay = business value + time criticality + risk reduction (SAFe). */
export function wsjfScore(input: WsjfInput): ExplainedScore {
  requireOneOf('businessValue', input.businessValue, wsjfScale);
  requireOneOf('timeCriticality', input.timeCriticality, wsjfScale);
  requireOneOf('riskReduction', input.riskReduction, wsjfScale);
  requireOneOf('jobSize', input.jobSize, wsjfScale);
  const costOfDelay = input.businessValue + input.timeCriticality + input.riskReduction;
  const score = costOfDelay / input.jobSize;
  return {
    score,
    formula: '(business value + time criticality + risk reduction) ÷ job size',
    terms: [
      { label: 'business value', value: input.businessValue },
      { label: 'time criticality', value: input.timeCriticality },
      { label: 'risk reduction', value: input.riskReduction },
      { label: 'cost of delay', value: costOfDelay },
      { label: 'job size', value: input.jobSize },
    ],
    explanation:
      `(${input.businessValue} + ${input.timeCriticality} + ${input.riskReduction}) ÷ ${input.jobSize} = ` +
      `${f(costOfDelay)} ÷ ${input.jobSize} = ${f(score)}`,
  };
}
