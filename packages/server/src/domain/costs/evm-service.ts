import type { EacMethod } from '@tandem/core';
import { policy } from '../../auth/policy';
import type { Database } from '../../db/client';
import { projectRef } from './cost-access';
import { type ProjectEvm, projectEvm } from './project-evm';

/** Earned value of a project the caller may see (404 otherwise). */
export async function projectEvmOf(
  db: Database,
  userId: string,
  projectId: string,
  method: EacMethod | undefined,
): Promise<ProjectEvm> {
  await policy.assertCanSee(db, userId, await projectRef(db, projectId));
  return projectEvm(db, projectId, method);
}
