/** Which way a key result's metric should move. */
export type KeyResultDirection = 'increase' | 'decrease';

/** The numbers of a key result that its progress is read from. */
export interface KeyResultValues {
  startValue: number;
  targetValue: number;
  currentValue: number;
  direction: KeyResultDirection;
}

/** Why a key result's numbers cannot measure progress. */
export type KeyResultProblem =
  | { code: 'TARGET_EQUALS_START'; field: 'targetValue' }
  | { code: 'TARGET_AGAINST_DIRECTION'; field: 'targetValue' | 'direction' }
  | { code: 'NOT_FINITE'; field: 'startValue' | 'targetValue' | 'currentValue' };

/**
 * The problem with a key result's start, target and direction, or null when progress can be measured: the target
 * must differ from the start (else progress divides by zero) and lie on the side the direction names.
 */
export function keyResultProblem(values: KeyResultValues): KeyResultProblem | null {
  for (const field of ['startValue', 'targetValue', 'currentValue'] as const) {
    if (!Number.isFinite(values[field])) return { code: 'NOT_FINITE', field };
  }
  if (values.targetValue === values.startValue) return { code: 'TARGET_EQUALS_START', field: 'targetValue' };
  const rises = values.targetValue > values.startValue;
  if (rises !== (values.direction === 'increase'))
    return { code: 'TARGET_AGAINST_DIRECTION', field: 'direction' };
  return null;
}

/**
 * How far a key result has come from its start to its target, from 0 to 1: going the wrong way counts as 0 and
 * passing the target as 1 (an over-achieved result does not hide a missed one in its objective's mean).
 * @example keyResultProgress({ startValue: 10, targetValue: 0, currentValue: 4, direction: 'decrease' }) // 0.6
 */
export function keyResultProgress(values: KeyResultValues): number {
  const span = values.targetValue - values.startValue;
  if (span === 0 || !Number.isFinite(span)) return 0;
  const ratio = (values.currentValue - values.startValue) / span;
  if (!Number.isFinite(ratio)) return 0;
  return Math.min(1, Math.max(0, ratio));
}

/** An objective's progress: the mean of its key results' progress, or null when it has none. */
export function objectiveProgress(keyResults: readonly KeyResultValues[]): number | null {
  if (keyResults.length === 0) return null;
  let sum = 0;
  for (const keyResult of keyResults) sum += keyResultProgress(keyResult);
  return sum / keyResults.length;
}
