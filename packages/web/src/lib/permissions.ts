import { useQuery } from '@tanstack/react-query';
import { createContext, useContext } from 'react';
import { api } from '../api/endpoints';
import { keys } from '../api/query-keys';
import type { EntityKind, EntityPermissions, WorkspacePermissions } from '../api/types';
import { kindLabels } from './kinds';
import { entityRoleLabels, roleLabels } from './roles';

/** What a page may offer on the product, program or project it shows; `decide` is approving a project's changes. */
export type EntityAbility = 'edit' | 'manage' | 'decide';

/** What a page may offer on the workspace itself. */
export type WorkspaceAbility = {
  [K in keyof WorkspacePermissions]: WorkspacePermissions[K] extends boolean ? K : never;
}[keyof WorkspacePermissions];

/** The caller's permissions on the entity a page shows, as the server decides them (never guessed here). */
export function useEntityPermissions(kind: EntityKind, id: string) {
  return useQuery({
    queryKey: keys.entityPermissions(kind, id),
    queryFn: () => api.entityPermissions(kind, id),
    staleTime: 30_000,
    retry: (count, error) => count < 2 && !('status' in error && error.status === 404),
  });
}

/** The caller's permissions in a workspace, as the server decides them. */
export function useWorkspacePermissions(workspaceId: string) {
  return useQuery({
    queryKey: keys.workspacePermissions(workspaceId),
    queryFn: () => api.workspacePermissions(workspaceId),
    staleTime: 30_000,
    enabled: workspaceId !== '',
  });
}

/** The permissions of the entity the page shows, given by the entity page to every view inside it. */
export interface EntityAccess {
  kind: EntityKind;
  permissions: EntityPermissions;
}

/** Set by the entity page; views read it through `useCan`. */
export const EntityAccessContext = createContext<EntityAccess | null>(null);

/**
 * True when the caller may do `ability` on the product or project the page shows; false outside an entity page, and
 * while the permissions are unknown, so that no control is offered before the server has said it may be used.
 * @example const canEdit = useCan('edit'); {canEdit ? <button>New risk</button> : null}
 */
export function useCan(ability: EntityAbility): boolean {
  const permissions = useContext(EntityAccessContext)?.permissions;
  if (!permissions) return false;
  return ability === 'decide' ? (permissions.decideAs?.length ?? 0) > 0 : permissions[ability];
}

/** True when the caller may do `ability` in the workspace; false while that is unknown. */
export function useWorkspaceCan(workspaceId: string, ability: WorkspaceAbility): boolean {
  return useWorkspacePermissions(workspaceId).data?.[ability] ?? false;
}

/** Why the page is read-only for the caller, in one sentence naming their role and who can change it; null if not. */
export function readOnlyReason(kind: EntityKind, permissions: EntityPermissions): string | null {
  if (permissions.edit) return null;
  const what = kindLabels[kind].singular.toLowerCase();
  const manager =
    kind === 'products' ? 'product manager' : `${kind === 'programs' ? 'program' : 'project'} manager`;
  const role =
    permissions.role && permissions.role !== 'program_manager'
      ? entityRoleLabels[permissions.role].toLowerCase()
      : `${roleLabels[permissions.workspaceRole].toLowerCase()} of the workspace with no role on it`;
  return `You can see this ${what} but not change it: you are a ${role}. Its ${manager} can make you a contributor.`;
}

/** The reason a control is offered read-only inside an entity page, for a disabled control's tooltip. */
export function useReadOnlyReason(): string | null {
  const access = useContext(EntityAccessContext);
  return access ? readOnlyReason(access.kind, access.permissions) : null;
}
