import type { EntityKind, EntityRole } from '../db/schema/entity-members';
import type { WorkspaceRole } from '../db/schema/workspaces';

/** What a caller wants to do with a product, program or project (tasks and other content count as the project's). */
export type EntityAction = 'see' | 'edit' | 'manage';

/** What a caller wants to do with a workspace itself. */
export type WorkspaceAction =
  | 'see'
  | 'manageMembers'
  | 'rename'
  | 'delete'
  | 'seeAudit'
  | 'seeMemberEmails'
  | 'useCustomers';

/** The manager role of each kind of entity. */
export const managerRole: Record<EntityKind, EntityRole> = {
  product: 'product_manager',
  program: 'program_manager',
  project: 'project_manager',
};

const managerRoles: ReadonlySet<EntityRole> = new Set(Object.values(managerRole));

/** True for the roles that may manage an entity and its members. */
function isManagerRole(role: EntityRole): boolean {
  return managerRoles.has(role);
}

/**
 * Decides an action on a product, program or project from the caller's workspace role and entity role.
 * Owners and admins may do everything; members see everything and write where they hold contributor or above; guests
 * see only what they hold a role on. No workspace role means nothing at all.
 */
export function entityAllows(
  workspaceRole: WorkspaceRole | null,
  entityRole: EntityRole | null,
  action: EntityAction,
): boolean {
  if (workspaceRole === null) return false;
  if (workspaceRole === 'owner' || workspaceRole === 'admin') return true;
  switch (action) {
    case 'see':
      return workspaceRole === 'member' || entityRole !== null;
    case 'edit':
      return entityRole !== null && entityRole !== 'viewer';
    case 'manage':
      return entityRole !== null && isManagerRole(entityRole);
    default:
      return assertNever(action);
  }
}

/** True when the workspace role may create a product, program or project (and so become its manager). */
export function mayCreateEntity(workspaceRole: WorkspaceRole | null): boolean {
  return workspaceRole === 'owner' || workspaceRole === 'admin' || workspaceRole === 'member';
}

/**
 * True for those who lead projects across the workspace (owners, admins, and members or guests managing any of its
 * projects): they change the workspace's resources, which staff every plan, and decide on timesheets.
 */
export function mayLeadProjects(workspaceRole: WorkspaceRole | null, managesAProject: boolean): boolean {
  if (workspaceRole === 'owner' || workspaceRole === 'admin') return true;
  return workspaceRole !== null && managesAProject;
}

/** Decides an action on the workspace itself from the caller's role in it. */
export function workspaceAllows(workspaceRole: WorkspaceRole | null, action: WorkspaceAction): boolean {
  if (workspaceRole === null) return false;
  const isAdmin = workspaceRole === 'owner' || workspaceRole === 'admin';
  switch (action) {
    case 'see':
      return true;
    case 'seeMemberEmails':
    // Guests see only the products they were invited to, never the workspace's commercial list of customers.
    case 'useCustomers':
      return workspaceRole !== 'guest';
    case 'manageMembers':
    case 'rename':
    case 'seeAudit':
      return isAdmin;
    case 'delete':
      return workspaceRole === 'owner';
    default:
      return assertNever(action);
  }
}

/**
 * Decides whether `actorRole` may give `targetCurrentRole` (null for someone new) the role `nextRole` (null to remove).
 * Owners may do anything; admins manage everyone but owners and cannot make owners; nobody else manages members.
 */
export function mayAssignRole(
  actorRole: WorkspaceRole | null,
  targetCurrentRole: WorkspaceRole | null,
  nextRole: WorkspaceRole | null,
): boolean {
  if (actorRole === 'owner') return true;
  if (actorRole !== 'admin') return false;
  return targetCurrentRole !== 'owner' && nextRole !== 'owner';
}

function assertNever(value: never): never {
  throw new Error(`Unexpected value ${String(value)}`);
}
