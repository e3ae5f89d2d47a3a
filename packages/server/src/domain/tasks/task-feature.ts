import { eq } from 'drizzle-orm';
import { policy } from '../../auth/policy';
import type { Transaction } from '../../db/client';
import { features } from '../../db/schema/features';
import { projects } from '../../db/schema/projects';
import { invalid } from '../shared/errors';

/**
 * Checks that a task of the project may deliver `featureId` (400 naming `featureId` otherwise): a feature of the
 * project's product, or of any product of its workspace when the project has none, that the caller may see. A feature
 * outside the handed-off initiative is allowed on purpose: the scope watch then raises a change request for the
 * product manager. The feature is held until commit so it cannot vanish meanwhile.
 */
export async function checkTaskFeature(
  tx: Transaction,
  userId: string,
  projectId: string,
  featureId: string,
): Promise<void> {
  const [project] = await tx
    .select({ workspaceId: projects.workspaceId, productId: projects.productId })
    .from(projects)
    .where(eq(projects.id, projectId));
  const [feature] = await tx
    .select({ productId: features.productId, workspaceId: features.workspaceId })
    .from(features)
    .where(eq(features.id, featureId))
    .for('key share');
  const product = feature && {
    kind: 'product' as const,
    id: feature.productId,
    workspaceId: feature.workspaceId,
  };
  // One message for "missing", "elsewhere" and "hidden", so the answer tells nothing of features the caller cannot see.
  if (
    !project ||
    !product ||
    product.workspaceId !== project.workspaceId ||
    !(await policy.canSee(tx, userId, product))
  ) {
    throw invalid('featureId', `Feature ${featureId} was not found in this workspace`);
  }
  if (project.productId !== null && product.id !== project.productId) {
    throw invalid(
      'featureId',
      `Feature ${featureId} is not a feature of product ${project.productId}, which project ${projectId} delivers`,
    );
  }
}
