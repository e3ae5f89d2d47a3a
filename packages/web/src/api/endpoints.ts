import { request } from './client';
import type {
  ApiToken,
  Entity,
  EntityKind,
  EntityMember,
  EntityPermissions,
  EntityRole,
  HistoryEntry,
  Invitation,
  InvitationPreview,
  Me,
  Page,
  User,
  Workspace,
  WorkspaceMember,
  WorkspacePermissions,
  WorkspaceRole,
} from './types';

/** Every call the web app makes, one function per route of the API contract. */
export const api = {
  setup: () => request<{ needsOwner: boolean }>('GET', '/api/setup'),
  me: () => request<Me>('GET', '/api/auth/me'),
  signUp: (body: { email: string; name: string; password: string }) =>
    request<{ user: User }>('POST', '/api/auth/signup', { body }),
  signIn: (body: { email: string; password: string }) =>
    request<{ user: User }>('POST', '/api/auth/signin', { body }),
  signOut: () => request<void>('POST', '/api/auth/signout'),
  updateMe: (body: { name: string; version: number }) =>
    request<{ user: User }>('PATCH', '/api/auth/me', { body }),
  changePassword: (body: { currentPassword: string; newPassword: string }) =>
    request<void>('POST', '/api/auth/password', { body }),
  requestPasswordReset: (body: { email: string }) =>
    request<void>('POST', '/api/auth/password-reset', { body }),
  confirmPasswordReset: (body: { token: string; newPassword: string }) =>
    request<void>('POST', '/api/auth/password-reset/confirm', { body }),

  tokens: () => request<Page<ApiToken> | { items: ApiToken[] }>('GET', '/api/tokens'),
  createToken: (body: { name: string }) =>
    request<{ token: ApiToken; secret: string }>('POST', '/api/tokens', { body }),
  revokeToken: (id: string) => request<void>('DELETE', `/api/tokens/${encodeURIComponent(id)}`),

  workspaces: () => request<Page<Workspace>>('GET', '/api/workspaces'),
  createWorkspace: (body: { name: string }) =>
    request<Workspace | { workspace: Workspace }>('POST', '/api/workspaces', { body }),
  workspace: (id: string) => request<Workspace | { workspace: Workspace }>('GET', `/api/workspaces/${id}`),
  updateWorkspace: (id: string, body: { name: string }, version: number) =>
    request<Workspace>('PATCH', `/api/workspaces/${id}`, { body: { ...body, version } }),
  deleteWorkspace: (id: string, version: number) =>
    request<void>('DELETE', `/api/workspaces/${id}`, { ifMatch: version }),

  workspacePermissions: (workspaceId: string) =>
    request<WorkspacePermissions>('GET', `/api/workspaces/${workspaceId}/permissions`),
  entityPermissions: (kind: EntityKind, id: string) =>
    request<EntityPermissions>('GET', `/api/${kind}/${id}/permissions`),

  members: (workspaceId: string) =>
    request<Page<WorkspaceMember>>('GET', `/api/workspaces/${workspaceId}/members`, {
      query: { limit: 200 },
    }),
  updateMember: (workspaceId: string, userId: string, role: WorkspaceRole, version: number) =>
    request<WorkspaceMember>('PATCH', `/api/workspaces/${workspaceId}/members/${userId}`, {
      body: { role, version },
    }),
  removeMember: (workspaceId: string, userId: string, version: number) =>
    request<void>('DELETE', `/api/workspaces/${workspaceId}/members/${userId}`, { ifMatch: version }),
  invitations: (workspaceId: string) =>
    request<Page<Invitation>>('GET', `/api/workspaces/${workspaceId}/invitations`),
  invite: (workspaceId: string, body: { email: string; role: WorkspaceRole }) =>
    request<{ invitation: Invitation; acceptUrl: string }>(
      'POST',
      `/api/workspaces/${workspaceId}/invitations`,
      {
        body,
      },
    ),
  revokeInvitation: (workspaceId: string, id: string) =>
    request<void>('DELETE', `/api/workspaces/${workspaceId}/invitations/${id}`),
  invitation: (token: string) =>
    request<InvitationPreview>('GET', `/api/invitations/${encodeURIComponent(token)}`),
  acceptInvitation: (token: string) =>
    request<{ workspace: Workspace }>('POST', `/api/invitations/${encodeURIComponent(token)}/accept`),

  entities: (
    kind: EntityKind,
    workspaceId: string,
    query: {
      q?: string;
      sort?: string;
      cursor?: string;
      programId?: string;
      productId?: string;
      /** `true` lists project templates instead of live projects. */
      template?: string;
    },
  ) =>
    request<Page<Entity>>('GET', `/api/workspaces/${workspaceId}/${kind}`, {
      query: { limit: 200, ...query },
    }),
  createEntity: (kind: EntityKind, workspaceId: string, body: Record<string, string>) =>
    request<Entity | Record<string, Entity>>('POST', `/api/workspaces/${workspaceId}/${kind}`, { body }),
  entity: (kind: EntityKind, id: string) =>
    request<Entity | Record<string, Entity>>('GET', `/api/${kind}/${id}`),
  updateEntity: (kind: EntityKind, id: string, body: Record<string, string>, version: number) =>
    request<Entity | Record<string, Entity>>('PATCH', `/api/${kind}/${id}`, { body, ifMatch: version }),
  deleteEntity: (kind: EntityKind, id: string, version: number) =>
    request<void>('DELETE', `/api/${kind}/${id}`, { ifMatch: version }),
  entityMembers: (kind: EntityKind, id: string) =>
    request<Page<EntityMember> | { items: EntityMember[] }>('GET', `/api/${kind}/${id}/members`, {
      query: { limit: 200 },
    }),
  setEntityMember: (kind: EntityKind, id: string, userId: string, role: EntityRole) =>
    request<EntityMember>('PUT', `/api/${kind}/${id}/members/${userId}`, { body: { role } }),
  removeEntityMember: (kind: EntityKind, id: string, userId: string) =>
    request<void>('DELETE', `/api/${kind}/${id}/members/${userId}`),

  workspaceAudit: (workspaceId: string, cursor?: string) =>
    request<Page<HistoryEntry>>('GET', `/api/workspaces/${workspaceId}/audit`, {
      query: { cursor, limit: 20 },
    }),
  history: (entityType: string, entityId: string, cursor?: string) =>
    request<Page<HistoryEntry>>('GET', `/api/history/${entityType}/${entityId}`, {
      query: { cursor, limit: 50 },
    }),
};

const entityKeys: Record<EntityKind, string> = {
  products: 'product',
  programs: 'program',
  projects: 'project',
};

/** Unwraps replies that may come bare or wrapped in `{ product: ... }`, so pages read one shape. */
export function unwrapEntity(kind: EntityKind, reply: Entity | Record<string, Entity>): Entity {
  const key = entityKeys[kind];
  const wrapped = (reply as Record<string, Entity>)[key];
  return wrapped && typeof wrapped === 'object' ? wrapped : (reply as Entity);
}

/** Unwraps a workspace reply, bare or as `{ workspace }`. */
export function unwrapWorkspace(reply: Workspace | { workspace: Workspace }): Workspace {
  return 'workspace' in reply ? reply.workspace : reply;
}
