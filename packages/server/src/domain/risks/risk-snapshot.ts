import { registerTotals, type TrendPoint, trendSeries } from '@tandem/core';
import { asc, eq, sql } from 'drizzle-orm';
import type { Queryable, Transaction } from '../../db/client';
import { newId } from '../../db/ids';
import { projects } from '../../db/schema/projects';
import { riskSnapshots, risks } from '../../db/schema/risks';

/**
 * Rewrites today's snapshot of a project's register from its risks as they stand in this transaction; every write of
 * the register calls it, under `lockRegister`, so the last write of a day leaves that day's totals.
 */
export async function recordRiskSnapshot(
  tx: Transaction,
  projectId: string,
  workspaceId: string,
): Promise<void> {
  const [project] = await tx
    .select({ riskScale: projects.riskScale })
    .from(projects)
    .where(eq(projects.id, projectId));
  if (!project) return;
  const rows = await tx
    .select({
      status: risks.status,
      probability: risks.probability,
      impact: risks.impact,
      residualProbability: risks.residualProbability,
      residualImpact: risks.residualImpact,
    })
    .from(risks)
    .where(eq(risks.projectId, projectId));
  const totals = registerTotals(rows, project.riskScale);
  const day = sql`(now() at time zone 'utc')::date`;
  await tx
    .insert(riskSnapshots)
    .values({ id: newId('rsn'), workspaceId, projectId, day: day as unknown as string, ...totals })
    .onConflictDoUpdate({
      target: [riskSnapshots.projectId, riskSnapshots.day],
      set: { ...totals, updatedAt: sql`now()` },
    });
}

/** The register's trend, one point a day from the first snapshot to `today`. */
export async function riskTrend(db: Queryable, projectId: string, today: string): Promise<TrendPoint[]> {
  const rows = await db
    .select({
      day: riskSnapshots.day,
      openCount: riskSnapshots.openCount,
      highCount: riskSnapshots.highCount,
      totalScore: riskSnapshots.totalScore,
      residualScore: riskSnapshots.residualScore,
      closedCount: riskSnapshots.closedCount,
      occurredCount: riskSnapshots.occurredCount,
    })
    .from(riskSnapshots)
    .where(eq(riskSnapshots.projectId, projectId))
    .orderBy(asc(riskSnapshots.day));
  return trendSeries(rows, today);
}
