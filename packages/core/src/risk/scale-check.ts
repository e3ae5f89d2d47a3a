import { maxRiskAxisSteps, type RiskAxis, type RiskScale } from './scale';

/** Why a scale or a value on it was refused, naming the field as the API reports it. */
export interface RiskFieldError {
  field: string;
  message: string;
}

/** The whole numbers of an axis, from `min` to `max`. */
export function axisValues(axis: RiskAxis): number[] {
  const values: number[] = [];
  for (let value = axis.min; value <= axis.max; value++) values.push(value);
  return values;
}

/** The label of a value on an axis, or the number itself where the axis has no label for it. */
export function axisLabel(axis: RiskAxis, value: number): string {
  return axis.labels[value - axis.min] ?? String(value);
}

function checkAxis(name: 'probability' | 'impact', axis: RiskAxis): RiskFieldError | null {
  if (!Number.isInteger(axis.min) || !Number.isInteger(axis.max))
    return { field: `${name}.min`, message: `The ${name} scale must run between whole numbers` };
  if (axis.min < 0)
    return { field: `${name}.min`, message: `The ${name} scale must start at 0 or above, not ${axis.min}` };
  if (axis.max <= axis.min)
    return {
      field: `${name}.max`,
      message: `The ${name} scale must end above its start (${axis.min}), not at ${axis.max}`,
    };
  const steps = axis.max - axis.min + 1;
  if (steps > maxRiskAxisSteps)
    return {
      field: `${name}.max`,
      message: `The ${name} scale may have at most ${maxRiskAxisSteps} steps, not ${steps}`,
    };
  if (axis.labels.length > steps)
    return {
      field: `${name}.labels`,
      message: `The ${name} scale has ${steps} steps but ${axis.labels.length} labels`,
    };
  return null;
}

/** The first thing wrong with a scale, or null when both axes are usable. */
export function checkRiskScale(scale: RiskScale): RiskFieldError | null {
  return checkAxis('probability', scale.probability) ?? checkAxis('impact', scale.impact);
}

/** Null when `value` is a step of the axis, else the error naming `field`. */
export function checkOnAxis(field: string, axis: RiskAxis, value: number): RiskFieldError | null {
  if (Number.isInteger(value) && value >= axis.min && value <= axis.max) return null;
  return { field, message: `${field} must be a whole number from ${axis.min} to ${axis.max}, not ${value}` };
}
