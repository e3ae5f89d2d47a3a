import type { CostFigures } from '@tandem/core';
import type { Database } from '../../db/client';
import { projectEvm } from '../costs/project-evm';

/**
 * Earned value of the project at its status date, for a report's cost figures and its schedule SPI; null when the
 * project has neither a budget nor a planned cost to measure against.
 */
export async function projectCostFigures(db: Database, projectId: string): Promise<CostFigures | null> {
  const evm = await projectEvm(db, projectId);
  if (evm.bac === 0) return null;
  return {
    bac: evm.bac,
    pv: evm.pv,
    ev: evm.ev,
    ac: evm.ac,
    cv: evm.cv,
    sv: evm.sv,
    cpi: evm.cpi,
    spi: evm.spi,
    eac: evm.eac[evm.method],
    vac: evm.vac,
  };
}
