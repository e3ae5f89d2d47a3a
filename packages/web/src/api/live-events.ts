import { type QueryClient, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { keys, kindOf } from './query-keys';
import type { ChangeEvent } from './types';

/** State of the live connection, shown in the top bar. */
export type LiveStatus = 'connecting' | 'live' | 'offline';

/** Marks stale every query that shows the changed entity, so open pages refetch it. */
export function invalidateFor(client: QueryClient, change: ChangeEvent): void {
  const kind = kindOf(change.entityType);
  const workspaceId = change.workspaceId;
  if (kind) {
    void client.invalidateQueries({ queryKey: keys.entitiesOf(kind, workspaceId) });
    void client.invalidateQueries({ queryKey: keys.entity(kind, change.entityId) });
    void client.invalidateQueries({ queryKey: keys.entityMembers(kind, change.entityId) });
    void client.invalidateQueries({ queryKey: keys.history(change.entityType, change.entityId) });
    return;
  }
  if (change.entityType === 'workspace') {
    void client.invalidateQueries({ queryKey: keys.workspace(workspaceId) });
    void client.invalidateQueries({ queryKey: keys.me });
    return;
  }
  if (/member/.test(change.entityType)) {
    void client.invalidateQueries({ queryKey: keys.members(workspaceId) });
    void client.invalidateQueries({ queryKey: ['entity-members'] });
    void client.invalidateQueries({ queryKey: keys.me });
    return;
  }
  if (/invitation/.test(change.entityType)) {
    void client.invalidateQueries({ queryKey: keys.invitations(workspaceId) });
    return;
  }
  // A kind this client does not know yet (tasks, say): refresh whatever hangs off the project or product.
  if (change.projectId)
    void client.invalidateQueries({ queryKey: keys.entity('projects', change.projectId) });
  if (change.productId)
    void client.invalidateQueries({ queryKey: keys.entity('products', change.productId) });
  void client.invalidateQueries({ queryKey: ['history'] });
}

/** Follows `/api/events` for the workspace and keeps the query cache fresh; EventSource reconnects by itself. */
export function useLiveEvents(workspaceId: string | undefined): LiveStatus {
  const client = useQueryClient();
  const [status, setStatus] = useState<LiveStatus>('connecting');
  useEffect(() => {
    if (!workspaceId) return;
    setStatus('connecting');
    const source = new EventSource(`/api/events?workspaceId=${encodeURIComponent(workspaceId)}`, {
      withCredentials: true,
    });
    source.addEventListener('ready', () => setStatus('live'));
    source.addEventListener('open', () => setStatus('live'));
    source.addEventListener('error', () =>
      setStatus(source.readyState === EventSource.CLOSED ? 'offline' : 'connecting'),
    );
    source.addEventListener('change', (event) => {
      try {
        invalidateFor(client, JSON.parse((event as MessageEvent<string>).data) as ChangeEvent);
      } catch {
        // A malformed message must not break the stream; the next refetch brings the truth.
      }
    });
    return () => source.close();
  }, [client, workspaceId]);
  return status;
}
