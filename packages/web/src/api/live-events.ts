import { type QueryClient, type QueryKey, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { planKeys } from './plan';
import { keys, kindOf } from './query-keys';
import type { ChangeEvent } from './types';

/** State of the live connection, shown in the top bar. */
export type LiveStatus = 'connecting' | 'live' | 'offline';

/** The queries that show the changed entity and so must be refetched. */
export function staleKeysFor(change: ChangeEvent): QueryKey[] {
  const kind = kindOf(change.entityType);
  const workspaceId = change.workspaceId;
  if (kind) {
    return [
      // Also covers the project lists on program and product pages, which live under the projects list key.
      keys.entitiesOf(kind, workspaceId),
      keys.entity(kind, change.entityId),
      keys.entityMembers(kind, change.entityId),
      keys.history(change.entityType, change.entityId),
      // A project's start, status date or calendar moves its schedule.
      ...(kind === 'projects' ? [planKeys.plan(change.entityId)] : []),
    ];
  }
  if (change.entityType === 'workspace') return [keys.workspace(workspaceId), keys.me];
  if (/member/.test(change.entityType)) {
    const entityKind = change.entityType.startsWith('product')
      ? 'products'
      : change.entityType.startsWith('project')
        ? 'projects'
        : undefined;
    return [
      keys.members(workspaceId),
      keys.me,
      ...(entityKind ? [['entity-members', entityKind], keys.entitiesOf(entityKind, workspaceId)] : []),
    ];
  }
  if (/invitation/.test(change.entityType)) return [keys.invitations(workspaceId)];
  // Resources and time are workspace-wide: the resource list, the workload grid and the time pages show them.
  const workload = ['workload', workspaceId];
  if (change.entityType === 'resource') return [['resources', workspaceId], workload];
  if (change.entityType === 'timeEntry' || change.entityType === 'timesheet') {
    return [
      ['time'],
      workload,
      ...(change.projectId ? [planKeys.plan(change.projectId), ['cost', change.projectId]] : []),
    ];
  }
  // Prioritisation: scores, pins, criteria and initiatives move the product's ranked backlog and its roadmap.
  if (change.productId && /^(featureScore|scorecardCriterion|initiative)$/.test(change.entityType)) {
    return [
      ['prioritise', change.productId],
      ['roadmap', change.productId],
      ['feature-scores'],
      ['initiative-features'],
    ];
  }
  // Product discovery: the inbox, the features with their demand, the goals and the customers move together.
  if (/^(customer|feedback|feature|objective|keyResult|kpi)$/.test(change.entityType)) {
    return [
      ['customers', workspaceId],
      ['feedback'],
      ['features'],
      ['objectives'],
      ['kpis'],
      ['prioritise'],
      ['roadmap'],
    ];
  }
  // Tasks, links and the rest of a plan: refresh the project's plan and whatever else hangs off the project or product.
  return [
    ...(change.projectId ? [keys.entity('projects', change.projectId), planKeys.plan(change.projectId)] : []),
    // Budget, expenses, earned value and the dashboard follow every change to the project's plan and costs.
    ...(change.projectId ? [['cost', change.projectId]] : []),
    ...(change.projectId && /assignment/.test(change.entityType)
      ? [planKeys.assignments(change.projectId), workload]
      : []),
    ...(change.projectId && /baseline/.test(change.entityType) ? [planKeys.baselines(change.projectId)] : []),
    ...(change.projectId && change.entityType === 'statusReport'
      ? [['status-reports', change.projectId]]
      : []),
    // Change requests, the scope against the baseline and the deliverables' milestone dates follow the plan too.
    ...(change.projectId
      ? [
          ['change-requests', change.projectId],
          ['scope', change.projectId],
          ['deliverables', change.projectId],
        ]
      : []),
    ...(change.entityType === 'changeRequest' ? [['change-request', change.entityId]] : []),
    ...(change.productId ? [keys.entity('products', change.productId)] : []),
    ['history'],
  ];
}

/** Marks stale every query that shows any of the changed entities, each query once however many changes touch it. */
export function invalidateFor(client: QueryClient, ...changes: ChangeEvent[]): void {
  const unique = new Map<string, QueryKey>();
  for (const change of changes) {
    for (const key of [...staleKeysFor(change), keys.audit(change.workspaceId)])
      unique.set(JSON.stringify(key), key);
  }
  for (const key of unique.values()) void client.invalidateQueries({ queryKey: key });
}

/** How long changes are gathered before the cache is refreshed: a bulk import refetches a list once, not per row. */
const batchMs = 150;

/** What a follower of the live stream hears: each change, and each move of the connection's state. */
export interface ChangeListeners {
  onChange: (change: ChangeEvent) => void;
  onStatus: (status: LiveStatus) => void;
}

/**
 * Opens the workspace's live stream (`/api/events`) and returns the function that closes it; EventSource reconnects by
 * itself, and `onStatus` hears `live` again once it has.
 */
export function followChanges(workspaceId: string, { onChange, onStatus }: ChangeListeners): () => void {
  const source = new EventSource(`/api/events?workspaceId=${encodeURIComponent(workspaceId)}`, {
    withCredentials: true,
  });
  source.addEventListener('ready', () => onStatus('live'));
  source.addEventListener('open', () => onStatus('live'));
  source.addEventListener('error', () =>
    onStatus(source.readyState === EventSource.CLOSED ? 'offline' : 'connecting'),
  );
  source.addEventListener('change', (event) => {
    let change: ChangeEvent;
    try {
      change = JSON.parse((event as MessageEvent<string>).data) as ChangeEvent;
    } catch {
      // A malformed message must not break the stream; the next refetch brings the truth.
      return;
    }
    onChange(change);
  });
  return () => source.close();
}

/** Follows `/api/events` for the workspace and keeps the query cache fresh. */
export function useLiveEvents(workspaceId: string | undefined): LiveStatus {
  const client = useQueryClient();
  const [status, setStatus] = useState<LiveStatus>('connecting');
  useEffect(() => {
    if (!workspaceId) return;
    setStatus('connecting');
    let pending: ChangeEvent[] = [];
    let timer: ReturnType<typeof setTimeout> | undefined;
    const flush = () => {
      timer = undefined;
      const changes = pending;
      pending = [];
      invalidateFor(client, ...changes);
    };
    const close = followChanges(workspaceId, {
      onStatus: setStatus,
      onChange: (change) => {
        pending.push(change);
        timer ??= setTimeout(flush, batchMs);
      },
    });
    return () => {
      if (timer) clearTimeout(timer);
      close();
    };
  }, [client, workspaceId]);
  return status;
}
