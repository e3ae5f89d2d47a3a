import { useInfiniteQuery } from '@tanstack/react-query';
import { api } from '../../api/endpoints';
import { keys } from '../../api/query-keys';
import { FormAlert, initials, SkeletonRows } from '../../components/feedback';
import { LoadMore } from '../../components/load-more';
import { formatDateTime, relativeTime } from '../../lib/format';
import { describeAction } from '../../lib/history';

function subjectOf(entry: { entityType?: string; after: unknown; before: unknown }): string {
  const record = (entry.after ?? entry.before) as { name?: unknown; email?: unknown } | null;
  const label = record && typeof record === 'object' ? (record.name ?? record.email) : undefined;
  const name = typeof label === 'string' ? ` “${label}”` : '';
  return `${(entry.entityType ?? 'item').replace(/_/g, ' ')}${name}`;
}

/** The workspace's audit log for its owners and admins: every change, who made it and when, newest first. */
export function WorkspaceActivity({ workspaceId }: { workspaceId: string }) {
  const audit = useInfiniteQuery({
    queryKey: keys.audit(workspaceId),
    queryFn: ({ pageParam }) => api.workspaceAudit(workspaceId, pageParam),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (page) => page.nextCursor ?? undefined,
  });
  const entries = audit.data?.pages.flatMap((page) => page.items) ?? [];
  return (
    <section className="card" aria-labelledby="activity-heading">
      <div className="card__header">
        <div>
          <h2 id="activity-heading">Audit log</h2>
          <p>Every change in this workspace, kept with who made it and what it was before.</p>
        </div>
      </div>
      {audit.isPending ? (
        <SkeletonRows rows={3} />
      ) : audit.isError ? (
        <div className="card__body">
          <FormAlert message={audit.error.message} />
        </div>
      ) : entries.length === 0 ? (
        <p className="muted" style={{ padding: 'var(--space-4) var(--space-5)' }}>
          Nothing has changed yet.
        </p>
      ) : (
        <div className="card__body">
          <ol className="timeline" aria-label="Audit log">
            {entries.map((entry) => (
              <li key={entry.id} className="timeline__item">
                <span className="avatar">{initials(entry.actor?.name ?? 'System')}</span>
                <div>
                  <strong>{entry.actor?.name ?? 'System'}</strong> {describeAction(entry.action)}{' '}
                  {subjectOf(entry)}{' '}
                  <time className="subtle" dateTime={entry.at} title={formatDateTime(entry.at)}>
                    {relativeTime(entry.at)}
                  </time>
                </div>
              </li>
            ))}
          </ol>
          <LoadMore query={audit}>Show older changes</LoadMore>
        </div>
      )}
    </section>
  );
}
