/** One term of a score's formula, with the value it took. */
export interface ScoreTerm {
  readonly label: string;
  readonly value: number;
}

/** A score and how it came about: the formula in words, its terms, and the arithmetic with the numbers put in. */
export interface ExplainedScore {
  readonly score: number;
  readonly formula: string;
  readonly terms: readonly ScoreTerm[];
  /** e.g. "2,000 × 2 × 0.8 ÷ 4 = 800". */
  readonly explanation: string;
}

/** An input outside its scale, named by field so the API can say which. */
export class ScoreInputError extends Error {
  constructor(
    readonly field: string,
    message: string,
  ) {
    super(message);
    this.name = 'ScoreInputError';
  }
}

/** Formats a number for an explanation: at most two decimals, thousands separated. */
export function formatScoreNumber(value: number): string {
  const rounded = Math.round(value * 100) / 100;
  const [whole = '0', fraction] = Math.abs(rounded).toString().split('.');
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${rounded < 0 ? '-' : ''}${grouped}${fraction ? `.${fraction}` : ''}`;
}

/** Throws unless `value` is a finite number within [min, max]. */
export function requireInRange(field: string, value: number, min: number, max: number): void {
  if (!Number.isFinite(value) || value < min || value > max) {
    throw new ScoreInputError(field, `${field} must be between ${min} and ${max}, not ${value}`);
  }
}

/** Throws unless `value` is one of `allowed`. */
export function requireOneOf(field: string, value: number, allowed: readonly number[]): void {
  if (!allowed.includes(value)) {
    throw new ScoreInputError(field, `${field} must be one of ${allowed.join(', ')}, not ${value}`);
  }
}
