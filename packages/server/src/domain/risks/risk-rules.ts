import { checkOnAxis, type RiskScale } from '@tandem/core';
import { invalid } from '../shared/errors';

/** The scored fields of a risk, as they will stand after a write. */
export interface ScoredFields {
  probability: number;
  impact: number;
  residualProbability: number | null;
  residualImpact: number | null;
}

/** 400 naming the first of probability, impact and their residuals that is off the project's scale. */
export function checkScored(fields: ScoredFields, scale: RiskScale): void {
  const checks = [
    checkOnAxis('probability', scale.probability, fields.probability),
    checkOnAxis('impact', scale.impact, fields.impact),
    fields.residualProbability === null
      ? null
      : checkOnAxis('residualProbability', scale.probability, fields.residualProbability),
    fields.residualImpact === null
      ? null
      : checkOnAxis('residualImpact', scale.impact, fields.residualImpact),
  ];
  const error = checks.find((check) => check !== null);
  if (error) throw invalid(error.field, error.message);
}
