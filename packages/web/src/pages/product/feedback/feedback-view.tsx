import { keepPreviousData, useInfiniteQuery, useQueryClient } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { messageOf } from '../../../api/client';
import { EmptyState, FormAlert, SkeletonRows } from '../../../components/feedback';
import { Icons } from '../../../components/icons';
import { useToast } from '../../../components/toast';
import { customerKeys } from '../../customers/customers-api';
import type { ProductViewProps } from '../product-views';
import { AddFeedbackDialog } from './add-feedback-dialog';
import { feedbackApi, feedbackKeys } from './feedback-api';
import { FeedbackDetail } from './feedback-detail';
import { ImportFeedbackDialog } from './import-dialog';
import './feedback.css';
import { LoadMore } from '../../../components/load-more';
import { useCan } from '../../../lib/permissions';
import { useDebounced } from '../../../lib/use-debounced';

const filters = [
  { value: 'open', label: 'Open' },
  { value: 'new', label: 'New' },
  { value: 'triaged', label: 'Triaged' },
  { value: 'archived', label: 'Archived' },
  { value: 'all', label: 'All' },
] as const;

const day = (iso: string) => new Date(iso).toLocaleDateString(undefined, { month: 'short', day: 'numeric' });

/** The Feedback tab: the product's inbox on the left, the selected piece with its triage on the right. */
export function FeedbackView({ workspaceId, productId }: ProductViewProps) {
  const client = useQueryClient();
  const toast = useToast();
  const [state, setState] = useState<string>('open');
  const [selected, setSelected] = useState<string | null>(null);
  const [adding, setAdding] = useState(false);
  const [importing, setImporting] = useState(false);
  const canEdit = useCan('edit');
  const [search, setSearch] = useState('');
  const q = useDebounced(search.trim(), 200);
  // Newest first, a page at a time; the search runs on the server over titles and bodies.
  const list = useInfiniteQuery({
    queryKey: feedbackKeys.list(productId, state, q),
    queryFn: ({ pageParam }) => feedbackApi.list(productId, { state, ...(q ? { q } : {}) }, pageParam),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (page) => page.nextCursor ?? undefined,
    placeholderData: keepPreviousData,
  });
  const items = useMemo(() => list.data?.pages.flatMap((page) => page.items) ?? [], [list.data]);
  const current = items.find((item) => item.id === selected) ?? items[0];
  return (
    <div className="stack">
      <div className="toolbar row">
        <span className="muted">
          {list.data
            ? `${items.length}${list.hasNextPage ? '+' : ''} ${items.length === 1 ? 'piece' : 'pieces'} of feedback`
            : ''}
        </span>
        <span className="spacer" />
        <input
          className="input"
          style={{ maxWidth: 220 }}
          type="search"
          aria-label="Search feedback"
          placeholder="Search feedback…"
          value={search}
          onChange={(event) => setSearch(event.target.value)}
        />
        {canEdit ? (
          <>
            <button type="button" className="button" onClick={() => setImporting(true)}>
              Import CSV
            </button>
            <button type="button" className="button button--primary" onClick={() => setAdding(true)}>
              <Icons.plus width={14} height={14} /> Add feedback
            </button>
          </>
        ) : null}
      </div>
      <FormAlert message={list.error ? messageOf(list.error) : undefined} />
      <div className="inbox">
        <nav className="inbox__list" aria-label="Feedback inbox">
          <fieldset className="inbox__filters">
            <legend className="visually-hidden">Show</legend>
            {filters.map((filter) => (
              <button
                key={filter.value}
                type="button"
                className={`button button--small ${state === filter.value ? 'button--primary' : 'button--ghost'}`}
                aria-pressed={state === filter.value}
                onClick={() => setState(filter.value)}
              >
                {filter.label}
              </button>
            ))}
          </fieldset>
          {list.isLoading ? (
            <div style={{ padding: 16 }}>
              <SkeletonRows rows={4} />
            </div>
          ) : items.length === 0 ? (
            <p className="muted" style={{ padding: 16 }}>
              Nothing here.
            </p>
          ) : (
            items.map((item) => (
              <button
                key={item.id}
                type="button"
                className="inbox__item"
                aria-current={item.id === current?.id}
                onClick={() => setSelected(item.id)}
              >
                <span className="inbox__title">
                  {item.state === 'new' ? <span className="live-dot" /> : null}
                  {item.title}
                </span>
                <span className="inbox__meta">
                  {item.customerName ?? 'No customer'} · {day(item.receivedAt)}
                  {item.links.length > 0 ? ` · ${item.links.length} linked` : ''}
                </span>
                {item.body ? <span className="inbox__excerpt">{item.body}</span> : null}
              </button>
            ))
          )}
          <LoadMore query={list} className="button button--small inbox__more">
            Load more feedback
          </LoadMore>
        </nav>
        {current ? (
          <div className="inbox__detail">
            <FeedbackDetail key={current.id} productId={productId} item={current} />
          </div>
        ) : list.isLoading ? null : (
          <EmptyState
            icon={<Icons.mail width={22} height={22} />}
            title="No feedback yet"
            action={
              canEdit ? (
                <button type="button" className="button button--primary" onClick={() => setAdding(true)}>
                  Add feedback
                </button>
              ) : undefined
            }
          >
            {canEdit
              ? 'Collect what customers ask for here — by hand, through the API or from a CSV — and link passages to features to see their demand.'
              : 'What customers ask for shows here once it is collected, with the features it is linked to.'}
          </EmptyState>
        )}
      </div>
      <AddFeedbackDialog
        workspaceId={workspaceId}
        productId={productId}
        open={adding}
        onClose={() => setAdding(false)}
        onCreated={async (item) => {
          setAdding(false);
          setState('open');
          setSelected(item.id);
          toast.success('Feedback added');
          await client.invalidateQueries({ queryKey: feedbackKeys.all });
        }}
      />
      <ImportFeedbackDialog
        productId={productId}
        open={importing}
        onClose={() => setImporting(false)}
        onImported={async (result) => {
          setImporting(false);
          const created = result.createdCustomers.length;
          toast.success(
            `Imported ${result.imported} pieces of feedback${created ? `; ${created} new customers` : ''}`,
          );
          await client.invalidateQueries({ queryKey: feedbackKeys.all });
          await client.invalidateQueries({ queryKey: customerKeys.all });
        }}
      />
    </div>
  );
}
