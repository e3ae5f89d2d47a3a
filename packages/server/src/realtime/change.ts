/** A committed change to one entity, as broadcast to live subscribers (`event: change` on `/api/events`). */
export interface Change {
  entityType: string;
  entityId: string;
  action: string;
  workspaceId: string;
  projectId?: string;
  productId?: string;
  version?: number;
}

/** The PostgreSQL channel all Tandem servers on one database publish and listen on. */
export const changesChannel = 'tandem_changes';

/** Parses a notification payload, or returns undefined for anything that is not a change. */
export function parseChange(payload: string | undefined): Change | undefined {
  if (!payload) return undefined;
  try {
    const value = JSON.parse(payload) as Partial<Change>;
    if (
      typeof value.entityType === 'string' &&
      typeof value.entityId === 'string' &&
      typeof value.action === 'string' &&
      typeof value.workspaceId === 'string'
    ) {
      return value as Change;
    }
  } catch {
    // A foreign or truncated payload on our channel is ignored rather than crashing the listener.
  }
  return undefined;
}
