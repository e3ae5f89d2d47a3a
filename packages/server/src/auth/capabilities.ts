import { and, eq } from 'drizzle-orm';
import type { Queryable } from '../db/client';
import { type EntityRole, entityMembers } from '../db/schema/entity-members';
import { type WorkspaceRole, workspaceRoles } from '../db/schema/workspaces';
import { findEntityAccess, findWorkspaceRole } from './access-queries';
import {
  entityAllows,
  managerRole,
  mayAssignRole,
  mayCreateEntity,
  mayLeadProjects,
  workspaceAllows,
} from './permissions';
import type { EntityRef } from './policy';

/** What the caller may do with one product, program or project, so a client can offer only those controls. */
export interface EntityCapabilities {
  workspaceRole: WorkspaceRole;
  /** The caller's own role on the entity, or null when their access comes from the workspace role alone. */
  role: EntityRole | null;
  /** Change its content: fields, tasks, risks, features and every other record inside it. */
  edit: boolean;
  /** Delete it, give roles on it, share it, publish for it, decide for it as its manager. */
  manage: boolean;
}

/** What the caller may do in a workspace beyond reading it. */
export interface WorkspaceCapabilities {
  role: WorkspaceRole;
  /** Create a product, program or project (and become its manager). */
  create: boolean;
  manageMembers: boolean;
  rename: boolean;
  delete: boolean;
  seeAudit: boolean;
  /** See and keep the workspace's customers. */
  customers: boolean;
  /** Add and change the workspace's resources. */
  manageResources: boolean;
  /** Approve or send back the timesheets of the people on the projects they lead. */
  approveTimesheets: boolean;
  /** For each role a member may hold, the roles the caller may give them, that one included; empty when none. */
  assignableRoles: Record<WorkspaceRole, WorkspaceRole[]>;
  /** The roles whose holders the caller may remove from the workspace (anyone may leave it). */
  removableRoles: WorkspaceRole[];
  /** The roles the caller may invite someone with. */
  invitableRoles: WorkspaceRole[];
}

/** Which role changes, removals and invitations `role` may make, by the rule the member services enforce. */
function roleCapabilities(
  role: WorkspaceRole,
): Pick<WorkspaceCapabilities, 'assignableRoles' | 'removableRoles' | 'invitableRoles'> {
  const giveable = (current: WorkspaceRole | null) =>
    workspaceRoles.filter((next) => mayAssignRole(role, current, next));
  return {
    assignableRoles: {
      owner: giveable('owner'),
      admin: giveable('admin'),
      member: giveable('member'),
      guest: giveable('guest'),
    },
    removableRoles: workspaceRoles.filter((current) => mayAssignRole(role, current, null)),
    invitableRoles: giveable(null),
  };
}

/** True when the user holds the project manager role on any project of the workspace. */
export async function managesAnyProject(
  db: Queryable,
  userId: string,
  workspaceId: string,
): Promise<boolean> {
  const [managed] = await db
    .select({ id: entityMembers.entityId })
    .from(entityMembers)
    .where(
      and(
        eq(entityMembers.workspaceId, workspaceId),
        eq(entityMembers.userId, userId),
        eq(entityMembers.entityType, 'project'),
        eq(entityMembers.role, managerRole.project),
      ),
    )
    .limit(1);
  return managed !== undefined;
}

/**
 * The caller's capabilities on an entity, decided by the same rules that guard every write; null when they may not
 * see it (the caller answers 404 then).
 */
export async function entityCapabilities(
  db: Queryable,
  userId: string,
  ref: EntityRef,
): Promise<EntityCapabilities | null> {
  const { workspaceRole, entityRole } = await findEntityAccess(db, userId, ref.workspaceId, ref.kind, ref.id);
  if (workspaceRole === null || !entityAllows(workspaceRole, entityRole, 'see')) return null;
  return {
    workspaceRole,
    role: entityRole,
    edit: entityAllows(workspaceRole, entityRole, 'edit'),
    manage: entityAllows(workspaceRole, entityRole, 'manage'),
  };
}

/** The caller's capabilities in a workspace; null when they are not a member of it. */
export async function workspaceCapabilities(
  db: Queryable,
  userId: string,
  workspaceId: string,
): Promise<WorkspaceCapabilities | null> {
  const role = await findWorkspaceRole(db, userId, workspaceId);
  if (role === null) return null;
  const leads = mayLeadProjects(role, await managesAnyProject(db, userId, workspaceId));
  return {
    role,
    create: mayCreateEntity(role),
    manageMembers: workspaceAllows(role, 'manageMembers'),
    rename: workspaceAllows(role, 'rename'),
    delete: workspaceAllows(role, 'delete'),
    seeAudit: workspaceAllows(role, 'seeAudit'),
    customers: workspaceAllows(role, 'useCustomers'),
    manageResources: leads,
    approveTimesheets: leads,
    ...roleCapabilities(role),
  };
}
