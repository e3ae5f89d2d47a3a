import type { EntityKind } from './types';

/** Query keys in one place, so live events and mutations invalidate exactly what they change. */
export const keys = {
  me: ['me'] as const,
  setup: ['setup'] as const,
  tokens: ['tokens'] as const,
  workspace: (id: string) => ['workspace', id] as const,
  members: (workspaceId: string) => ['members', workspaceId] as const,
  invitations: (workspaceId: string) => ['invitations', workspaceId] as const,
  entitiesOf: (kind: EntityKind, workspaceId: string) => ['entities', kind, workspaceId] as const,
  entities: (kind: EntityKind, workspaceId: string, q: string, sort: string) =>
    ['entities', kind, workspaceId, q, sort] as const,
  /** A flat list of names for pickers and the palette; kept apart from the paged list of the same kind. */
  entityNames: (kind: EntityKind, workspaceId: string, q: string) =>
    ['entities', kind, workspaceId, 'names', q] as const,
  entity: (kind: EntityKind, id: string) => ['entity', kind, id] as const,
  entityMembers: (kind: EntityKind, id: string) => ['entity-members', kind, id] as const,
  /** Under the entity's members, so a change of roles on it (which refreshes those) refreshes this too. */
  entityPermissions: (kind: EntityKind, id: string) => ['entity-members', kind, id, 'permissions'] as const,
  /** Under the workspace's members, so a change of someone's role refreshes this too. */
  workspacePermissions: (workspaceId: string) => ['members', workspaceId, 'permissions'] as const,
  history: (entityType: string, id: string) => ['history', entityType, id] as const,
  audit: (workspaceId: string) => ['history', 'workspace', workspaceId] as const,
};

const kindOfType: Record<string, EntityKind> = {
  product: 'products',
  program: 'programs',
  project: 'projects',
};

/** The list kind an audit or event entity type belongs to (`project` → `projects`), if it is one. */
export function kindOf(entityType: string): EntityKind | undefined {
  return kindOfType[entityType];
}
