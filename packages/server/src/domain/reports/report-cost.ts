import type { CostFigures } from '@tandem/core';
import type { Database } from '../../db/client';

/** Earned value of the project at its status date, for a report's cost figures; null when it has no budget. */
export async function projectCostFigures(_db: Database, _projectId: string): Promise<CostFigures | null> {
  return null;
}
