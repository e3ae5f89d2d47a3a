import {
  type HeatMapCell,
  heatMapCells,
  type RegisterTotals,
  type RiskScale,
  registerTotals,
  type TrendPoint,
} from '@tandem/core';
import { eq } from 'drizzle-orm';
import type { Database } from '../../db/client';
import { risks } from '../../db/schema/risks';
import { registerProject, todayUtc } from './risk-access';
import { riskTrend } from './risk-snapshot';

/** A project's register at a glance: its scale, the heat map of its open risks, its totals and its trend. */
export interface RiskRegisterOverview {
  scale: RiskScale;
  /** Rows from the highest probability down; each cell counts the open risks with that probability and impact. */
  heatMap: HeatMapCell[][];
  totals: RegisterTotals;
  /** One point a day from the register's first write to today. */
  trend: TrendPoint[];
  /** The categories in use, for the filter. */
  categories: string[];
  /** Open risks whose review date has passed. */
  overdueReviews: number;
}

/** The overview of a project's register for the caller, who must see the project. */
export async function riskRegisterOverview(
  db: Database,
  userId: string,
  projectId: string,
): Promise<RiskRegisterOverview> {
  const { riskScale } = await registerProject(db, userId, projectId);
  const rows = await db
    .select({
      status: risks.status,
      probability: risks.probability,
      impact: risks.impact,
      residualProbability: risks.residualProbability,
      residualImpact: risks.residualImpact,
      category: risks.category,
      reviewDate: risks.reviewDate,
    })
    .from(risks)
    .where(eq(risks.projectId, projectId));
  const today = todayUtc();
  const open = rows.filter((row) => row.status === 'open');
  return {
    scale: riskScale,
    heatMap: heatMapCells(riskScale, open),
    totals: registerTotals(rows, riskScale),
    trend: await riskTrend(db, projectId, today),
    categories: [...new Set(rows.map((row) => row.category).filter(Boolean))].sort(),
    overdueReviews: open.filter((row) => row.reviewDate !== null && row.reviewDate < today).length,
  };
}
