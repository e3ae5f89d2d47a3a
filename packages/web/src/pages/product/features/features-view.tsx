import { type FeatureStatus, featureStatuses, featureStatusLabels } from '@tandem/core';
import { keepPreviousData, useInfiniteQuery, useMutation, useQueryClient } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { messageOf } from '../../../api/client';
import { FormAlert, SkeletonRows } from '../../../components/feedback';
import { Icons } from '../../../components/icons';
import type { ProductViewProps } from '../product-views';
import { DemandLine } from './demand-stats';
import { FeatureDetail } from './feature-detail';
import { type Feature, type FeatureListQuery, featureKeys, featuresApi, revenue } from './features-api';
import '../../project/imports/files.css';
import '../feedback/feedback.css';
import './features.css';
import { LoadMore } from '../../../components/load-more';
import { useCan } from '../../../lib/permissions';
import { useDebounced } from '../../../lib/use-debounced';

/** The Features tab: the pipeline from new to released as a board (or a list ranked by demand), and one feature open. */
export function FeaturesView({ productId }: ProductViewProps) {
  const client = useQueryClient();
  const [layout, setLayout] = useState<'board' | 'list'>('board');
  const [openId, setOpenId] = useState<string | null>(null);
  const [title, setTitle] = useState('');
  const canEdit = useCan('edit');
  const [status, setStatus] = useState<FeatureStatus | ''>('');
  const [search, setSearch] = useState('');
  const q = useDebounced(search.trim(), 200);
  // The pipeline reads in rank order, the list most demanded first; both a page at a time, filtered on the server.
  const query: FeatureListQuery = {
    sort: layout === 'board' ? 'rank' : 'demand',
    ...(status ? { status } : {}),
    ...(q ? { q } : {}),
  };
  const list = useInfiniteQuery({
    queryKey: featureKeys.list(productId, query),
    queryFn: ({ pageParam }) => featuresApi.list(productId, query, pageParam),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (page) => page.nextCursor ?? undefined,
    placeholderData: keepPreviousData,
  });
  const items = useMemo(() => list.data?.pages.flatMap((page) => page.items) ?? [], [list.data]);
  const create = useMutation({
    mutationFn: () => featuresApi.create(productId, { title: title.trim() }),
    onSuccess: async (feature) => {
      setTitle('');
      setOpenId(feature.id);
      await client.invalidateQueries({ queryKey: featureKeys.all });
    },
  });
  const move = useMutation({
    mutationFn: ({ feature, status }: { feature: Feature; status: FeatureStatus }) =>
      featuresApi.update(feature, { status }),
    onSettled: () => client.invalidateQueries({ queryKey: featureKeys.all }),
  });
  const open = items.find((item) => item.id === openId);
  return (
    <div className="stack">
      <form
        className="toolbar row"
        onSubmit={(event) => {
          event.preventDefault();
          if (title.trim()) create.mutate();
        }}
      >
        <input
          className="input"
          style={{ maxWidth: 360 }}
          aria-label="New idea or feature"
          hidden={!canEdit}
          placeholder="New idea or feature…"
          value={title}
          onChange={(event) => setTitle(event.target.value)}
        />
        <button
          type="submit"
          className="button button--primary"
          hidden={!canEdit}
          disabled={create.isPending || title.trim() === ''}
        >
          <Icons.plus width={14} height={14} /> Add
        </button>
        <span className="spacer" />
        <input
          className="input"
          style={{ maxWidth: 220 }}
          type="search"
          aria-label="Search features"
          placeholder="Search features…"
          value={search}
          onChange={(event) => setSearch(event.target.value)}
        />
        <select
          className="select"
          aria-label="Status"
          value={status}
          onChange={(event) => setStatus(event.target.value as FeatureStatus | '')}
        >
          <option value="">All statuses</option>
          {featureStatuses.map((value) => (
            <option key={value} value={value}>
              {featureStatusLabels[value]}
            </option>
          ))}
        </select>
        <fieldset className="row segmented">
          <legend className="visually-hidden">Layout</legend>
          {(['board', 'list'] as const).map((value) => (
            <button
              key={value}
              type="button"
              className={`button button--small ${layout === value ? 'button--primary' : 'button--ghost'}`}
              aria-pressed={layout === value}
              onClick={() => setLayout(value)}
            >
              {value === 'board' ? 'Pipeline' : 'List by demand'}
            </button>
          ))}
        </fieldset>
      </form>
      <FormAlert
        message={
          (list.error ?? create.error ?? move.error)
            ? messageOf(list.error ?? create.error ?? move.error)
            : undefined
        }
      />
      {open ? (
        <FeatureDetail key={`${open.id}:${open.version}`} feature={open} onClose={() => setOpenId(null)} />
      ) : null}
      {list.isLoading ? (
        <SkeletonRows rows={6} />
      ) : layout === 'board' ? (
        <section className="pipeline" aria-label="Feature pipeline">
          {featureStatuses.map((status) => {
            const column = items.filter((item) => item.status === status);
            return (
              <section key={status} className="pipeline__column" aria-label={featureStatusLabels[status]}>
                <h3 className="pipeline__heading">
                  {featureStatusLabels[status]} <span className="badge">{column.length}</span>
                </h3>
                {column.map((feature) => (
                  <button
                    key={feature.id}
                    type="button"
                    className="feature-card"
                    onClick={() => setOpenId(feature.id)}
                  >
                    <span className="feature-card__title">{feature.title}</span>
                    <DemandLine demand={feature.demand} />
                  </button>
                ))}
              </section>
            );
          })}
        </section>
      ) : (
        <div className="table-scroll">
          <table className="data-table" aria-label="Features by demand">
            <thead>
              <tr>
                <th>Feature</th>
                <th>Status</th>
                <th className="number">Customers</th>
                <th className="number">Feedback</th>
                <th className="number">Revenue</th>
                <th className="number">Demand score</th>
              </tr>
            </thead>
            <tbody>
              {items.map((feature) => (
                <tr key={feature.id}>
                  <td>
                    <button
                      type="button"
                      className="button button--ghost button--small"
                      onClick={() => setOpenId(feature.id)}
                    >
                      {feature.title}
                    </button>
                  </td>
                  <td>
                    <select
                      className="select select--small"
                      aria-label={`Status of ${feature.title}`}
                      disabled={!canEdit}
                      value={feature.status}
                      onChange={(event) =>
                        move.mutate({ feature, status: event.target.value as FeatureStatus })
                      }
                    >
                      {featureStatuses.map((value) => (
                        <option key={value} value={value}>
                          {featureStatusLabels[value]}
                        </option>
                      ))}
                    </select>
                  </td>
                  <td className="number">{feature.demand.customers}</td>
                  <td className="number">{feature.demand.feedback}</td>
                  <td className="number">{revenue(feature.demand.revenueCents)}</td>
                  <td className="number">{feature.demand.score}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <LoadMore query={list} style={{ alignSelf: 'center' }}>
        Load more features
      </LoadMore>
    </div>
  );
}
