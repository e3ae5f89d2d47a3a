import { eq } from 'drizzle-orm';
import { findEntityAccess } from '../../auth/access-queries';
import { type EntityRef, policy } from '../../auth/policy';
import type { Queryable } from '../../db/client';
import type { ChangeApprovalRole } from '../../db/schema/changes';
import { projects } from '../../db/schema/projects';
import { ApiError } from '../../http/errors';
import { notFound } from '../shared/errors';

/** A project as change control needs it: where it lives, its product, and whether it can take changes. */
export interface ChangeProject {
  ref: EntityRef;
  productId: string | null;
  state: string;
  isTemplate: boolean;
}

/** Reads a project for change control (404 when it does not exist). */
export async function changeProject(db: Queryable, projectId: string): Promise<ChangeProject> {
  const [row] = await db
    .select({
      id: projects.id,
      workspaceId: projects.workspaceId,
      productId: projects.productId,
      state: projects.state,
      isTemplate: projects.isTemplate,
    })
    .from(projects)
    .where(eq(projects.id, projectId));
  if (!row) throw notFound('Project', projectId);
  return {
    ref: { kind: 'project', id: row.id, workspaceId: row.workspaceId },
    productId: row.productId,
    state: row.state,
    isTemplate: row.isTemplate,
  };
}

/** A project the caller may see, for change control (404 when it does not exist or is not visible). */
export async function visibleChangeProject(
  db: Queryable,
  userId: string,
  projectId: string,
): Promise<ChangeProject> {
  const project = await changeProject(db, projectId);
  await policy.assertCanSee(db, userId, project.ref);
  return project;
}

/**
 * A row under change control (a change request, a deliverable) with its project, or the row's own 404 when the row
 * does not exist or the caller may not see its project.
 */
export async function visibleRow<R extends { projectId: string }>(
  db: Queryable,
  userId: string,
  row: R | undefined,
  label: string,
  id: string,
): Promise<{ row: R; project: ChangeProject }> {
  if (!row) throw notFound(label, id);
  const project = await changeProject(db, row.projectId);
  if (!(await policy.canSee(db, userId, project.ref))) throw notFound(label, id);
  return { row, project };
}

/**
 * Refuses change control on a project that is not a live plan: a closed project is read-only history (409
 * `PROJECT_CLOSED`) and a template is copied, not run (409 `PROJECT_IS_TEMPLATE`).
 */
export function assertOpenForChange(project: ChangeProject): void {
  if (project.isTemplate) {
    throw new ApiError(
      409,
      'PROJECT_IS_TEMPLATE',
      `Project ${project.ref.id} is a template: change requests belong to the projects made from it`,
    );
  }
  if (project.state === 'closed') {
    throw new ApiError(
      409,
      'PROJECT_CLOSED',
      `Project ${project.ref.id} is closed: reopen it before raising or applying a change`,
    );
  }
}

/**
 * Whether the user may record the decision of `role`: the project manager is whoever may manage the project (its
 * project managers, and the workspace's owners and admins); the sponsor is a person holding the product manager role
 * on the project's product or, for a project without a product, a workspace owner or admin.
 */
export async function mayDecideAs(
  db: Queryable,
  userId: string,
  project: ChangeProject,
  role: ChangeApprovalRole,
): Promise<boolean> {
  if (role === 'project_manager') return policy.canManage(db, userId, project.ref);
  if (project.productId !== null) {
    // The sponsor is named by the product role itself: an owner or admin who manages every product is not one.
    const access = await findEntityAccess(db, userId, project.ref.workspaceId, 'product', project.productId);
    return access.workspaceRole !== null && access.entityRole === 'product_manager';
  }
  const workspaceRole = await policy.workspaceRole(db, userId, project.ref.workspaceId);
  return workspaceRole === 'owner' || workspaceRole === 'admin';
}

/** The approver roles the user may decide as on the project. */
export async function decidableRoles(
  db: Queryable,
  userId: string,
  project: ChangeProject,
): Promise<ChangeApprovalRole[]> {
  const roles: ChangeApprovalRole[] = [];
  for (const role of ['project_manager', 'sponsor'] as const) {
    if (await mayDecideAs(db, userId, project, role)) roles.push(role);
  }
  return roles;
}
