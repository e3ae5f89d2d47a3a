import { useInfiniteQuery } from '@tanstack/react-query';
import { api } from '../../api/endpoints';
import { keys } from '../../api/query-keys';
import { EmptyState, FormAlert, initials, SkeletonRows } from '../../components/feedback';
import { Icons } from '../../components/icons';
import { LoadMore } from '../../components/load-more';
import { formatDateTime, relativeTime } from '../../lib/format';
import { changedFields, describeAction, showValue } from '../../lib/history';

/** The history tab: who changed what and when, newest first, from the audit log. */
export function EntityHistory({ entityType, entityId }: { entityType: string; entityId: string }) {
  const history = useInfiniteQuery({
    queryKey: keys.history(entityType, entityId),
    queryFn: ({ pageParam }) => api.history(entityType, entityId, pageParam),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (page) => page.nextCursor ?? undefined,
  });
  if (history.isPending) return <SkeletonRows rows={3} />;
  if (history.isError) return <FormAlert message={history.error.message} />;
  const entries = history.data.pages.flatMap((p) => p.items);
  if (entries.length === 0) {
    return (
      <EmptyState icon={<Icons.history width={22} height={22} />} title="No history yet">
        Every change to this item is recorded here: who made it, when, and what it was before.
      </EmptyState>
    );
  }
  return (
    <div className="card card__body">
      <ol className="timeline" aria-label="History">
        {entries.map((entry) => {
          const changes = changedFields(entry);
          return (
            <li key={entry.id} className="timeline__item">
              <span className="avatar" style={{ width: 28, height: 28 }}>
                {initials(entry.actor?.name ?? 'System')}
              </span>
              <div>
                <div>
                  <strong>{entry.actor?.name ?? 'System'}</strong> {describeAction(entry.action)}{' '}
                  <time className="subtle" dateTime={entry.at} title={formatDateTime(entry.at)}>
                    {relativeTime(entry.at)}
                  </time>
                </div>
                {entry.before && entry.after && changes.length > 0 ? (
                  <div className="timeline__changes">
                    {changes.map((c) => (
                      <span key={c.field}>
                        <span className="muted">{c.field}: </span>
                        <del>{showValue(c.before)}</del> → <ins>{showValue(c.after)}</ins>
                      </span>
                    ))}
                  </div>
                ) : null}
              </div>
            </li>
          );
        })}
      </ol>
      <LoadMore query={history}>Show older changes</LoadMore>
    </div>
  );
}
