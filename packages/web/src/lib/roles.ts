import type { EntityKind, EntityRole, WorkspaceRole } from '../api/types';

/** Human names of the workspace roles. */
export const roleLabels: Record<WorkspaceRole, string> = {
  owner: 'Owner',
  admin: 'Admin',
  member: 'Member',
  guest: 'Guest',
};

/** One line on what each workspace role may do, shown where roles are chosen. */
export const roleHints: Record<WorkspaceRole, string> = {
  owner: 'Everything, including deleting the workspace',
  admin: 'Manages members and settings, sees everything',
  member: 'Sees the workspace, edits where given a role',
  guest: 'Sees only what they are explicitly added to',
};

export const entityRoleLabels: Record<EntityRole, string> = {
  product_manager: 'Product manager',
  project_manager: 'Project manager',
  contributor: 'Contributor',
  viewer: 'Viewer',
};

/** The roles that can be given on an entity of a kind (a program is led like a project). */
export function entityRolesFor(kind: EntityKind): EntityRole[] {
  return [kind === 'products' ? 'product_manager' : 'project_manager', 'contributor', 'viewer'];
}
