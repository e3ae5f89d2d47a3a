import { checkRiskScale, type RiskScale } from '@tandem/core';
import { and, eq, or, sql } from 'drizzle-orm';
import { policy } from '../../auth/policy';
import type { Database } from '../../db/client';
import { projects } from '../../db/schema/projects';
import { risks } from '../../db/schema/risks';
import { ApiError } from '../../http/errors';
import { entitySubject, recordChange } from '../shared/change-log';
import { invalid } from '../shared/errors';
import { writeTransaction } from '../shared/write-transaction';
import { lockRegister, registerProject } from './risk-access';
import { recordRiskSnapshot } from './risk-snapshot';

/** The probability and impact scales of a project's register. */
export async function getRiskScale(db: Database, userId: string, projectId: string): Promise<RiskScale> {
  return (await registerProject(db, userId, projectId)).riskScale;
}

/** How many risks of the project score outside `scale` on `axis`, to refuse a scale that would strand them. */
async function strandedOn(
  db: Parameters<typeof recordRiskSnapshot>[0],
  projectId: string,
  axis: 'probability' | 'impact',
  min: number,
  max: number,
): Promise<number> {
  const value = axis === 'probability' ? risks.probability : risks.impact;
  const residual = axis === 'probability' ? risks.residualProbability : risks.residualImpact;
  const [row] = await db
    .select({ count: sql<number>`count(*)::int` })
    .from(risks)
    .where(
      and(
        eq(risks.projectId, projectId),
        or(sql`${value} < ${min} or ${value} > ${max}`, sql`${residual} < ${min} or ${residual} > ${max}`),
      ),
    );
  return row?.count ?? 0;
}

/**
 * Sets the scales of a project's register: 400 naming the axis bound that is invalid, 422 when risks already scored
 * would fall off the new scale (re-score them first); scores keep their values, the bands follow the new maximum.
 */
export async function setRiskScale(
  db: Database,
  userId: string,
  projectId: string,
  scale: RiskScale,
): Promise<RiskScale> {
  const { ref } = await registerProject(db, userId, projectId);
  await policy.assertCanEdit(db, userId, ref);
  const error = checkRiskScale(scale);
  if (error) throw invalid(error.field, error.message);
  return writeTransaction(db, async (tx) => {
    await lockRegister(tx, projectId);
    for (const axis of ['probability', 'impact'] as const) {
      const { min, max } = scale[axis];
      const stranded = await strandedOn(tx, projectId, axis, min, max);
      if (stranded > 0)
        throw new ApiError(
          422,
          'RISKS_OFF_SCALE',
          `${stranded} risk(s) of project ${projectId} have a ${axis} outside ${min}–${max}; re-score them first`,
          `${axis}.max`,
        );
    }
    const [before] = await tx
      .select({ riskScale: projects.riskScale, version: projects.version })
      .from(projects)
      .where(eq(projects.id, projectId))
      .for('update');
    const [updated] = await tx
      .update(projects)
      .set({ riskScale: scale, version: sql`${projects.version} + 1`, updatedAt: sql`now()` })
      .where(eq(projects.id, projectId))
      .returning({ riskScale: projects.riskScale, version: projects.version });
    if (!before || !updated) throw new Error(`project ${projectId} vanished while locked`);
    await recordChange(
      tx,
      userId,
      entitySubject('project', projectId, ref.workspaceId),
      'update',
      before,
      updated,
    );
    // The high count depends on the scale's maximum.
    await recordRiskSnapshot(tx, projectId, ref.workspaceId);
    return updated.riskScale;
  });
}
