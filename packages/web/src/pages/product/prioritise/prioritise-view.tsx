import { pinForDrop } from '@tandem/core';
import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback, useMemo, useState } from 'react';
import { messageOf } from '../../../api/client';
import { EmptyState, FormAlert, SkeletonRows } from '../../../components/feedback';
import { Icons } from '../../../components/icons';
import { lazyChart } from '../../../components/lazy-chart';
import { useToast } from '../../../components/toast';
import type { ProductViewProps } from '../product-views';
import { roadmapApi, roadmapKeys } from '../roadmap/roadmap-api';
import { CriteriaDialog } from './criteria-dialog';
import {
  type BacklogItem,
  type BacklogQuery,
  featureStatusLabels,
  formatScore,
  prioritiseApi,
  prioritiseKeys,
  quadrantLabels,
  type RankBy,
  rankByLabels,
  type ValueEffortPoint,
} from './prioritise-api';
import { ScoreDialog } from './score-dialog';
import './prioritise.css';
import { LoadMore } from '../../../components/load-more';
import { useCan } from '../../../lib/permissions';

// The charting library loads with the first chart drawn, not with every page.
const ValueEffortChart = lazyChart(() => import('./value-effort-chart').then((m) => m.ValueEffortChart), 340);

/** The Prioritise tab: the backlog ranked by the chosen score, pins by drag, each score explained, and the 2×2. */
export function PrioritiseView({ productId }: ProductViewProps) {
  const client = useQueryClient();
  const toast = useToast();
  const [by, setBy] = useState<RankBy>('rice');
  const [status, setStatus] = useState('');
  const [initiativeId, setInitiativeId] = useState('');
  const [q, setQ] = useState('');
  const [scoring, setScoring] = useState<{ featureId: string; title: string } | null>(null);
  const [criteriaOpen, setCriteriaOpen] = useState(false);
  // A viewer reads the ranking, the scores and the chart; adding, pinning, dragging and scoring are edits.
  const canEdit = useCan('edit');
  const [dragged, setDragged] = useState<string | null>(null);
  const [newTitle, setNewTitle] = useState('');
  const query: BacklogQuery = {
    by,
    ...(status ? { status } : {}),
    ...(initiativeId ? { initiativeId } : {}),
    ...(q.trim() ? { q: q.trim() } : {}),
  };
  // A hundred features a page; each next page starts after the last position shown, whatever the filters.
  const backlog = useInfiniteQuery({
    queryKey: prioritiseKeys.backlog(productId, query),
    queryFn: ({ pageParam }) =>
      prioritiseApi.backlog(productId, { ...query, limit: 100, ...(pageParam ? { cursor: pageParam } : {}) }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (page) => page.nextCursor ?? undefined,
    placeholderData: (previous) => previous,
  });
  const chart = useQuery({
    queryKey: prioritiseKeys.chart(productId),
    queryFn: () => prioritiseApi.valueEffort(productId),
  });
  const criteria = useQuery({
    queryKey: prioritiseKeys.criteria(productId),
    queryFn: () => prioritiseApi.criteria(productId),
  });
  const initiatives = useQuery({
    queryKey: roadmapKeys.initiatives(productId),
    queryFn: () => roadmapApi.initiatives(productId),
  });
  const refresh = () => client.invalidateQueries({ queryKey: prioritiseKeys.all(productId) });
  const pin = useMutation({
    mutationFn: ({ item, position }: { item: BacklogItem; position: number | null }) =>
      prioritiseApi.pin(item.featureId, item.scoreVersion, position),
    onSuccess: refresh,
    onError: (error) => toast.error(messageOf(error)),
  });
  const addFeature = useMutation({
    mutationFn: () => prioritiseApi.addFeature(productId, newTitle.trim()),
    onSuccess: async (feature) => {
      setNewTitle('');
      await refresh();
      setScoring({ featureId: feature.id, title: feature.title });
    },
    onError: (error) => toast.error(messageOf(error)),
  });
  const openPoint = useCallback((point: ValueEffortPoint) => setScoring(point), []);
  const items = useMemo(() => backlog.data?.pages.flatMap((page) => page.items) ?? [], [backlog.data]);
  const total = backlog.data?.pages[0]?.total ?? 0;

  const drop = (target: BacklogItem) => {
    const item = items.find((candidate) => candidate.featureId === dragged);
    setDragged(null);
    if (!item || item.featureId === target.featureId) return;
    const others = items.filter((candidate) => candidate.featureId !== item.featureId);
    const index = others.findIndex((candidate) => candidate.featureId === target.featureId);
    const position = target.position;
    const before = index > 0 ? others[index - 1]?.pinnedPosition : undefined;
    pin.mutate({ item, position: pinForDrop(position, before, target.pinnedPosition) });
  };

  return (
    <div className="stack prioritise">
      <div className="prioritise__toolbar">
        <div className="row prioritise__filters">
          <label className="field field--inline">
            <span className="field__label">Rank by</span>
            <select className="select" value={by} onChange={(event) => setBy(event.target.value as RankBy)}>
              {(Object.keys(rankByLabels) as RankBy[]).map((key) => (
                <option key={key} value={key}>
                  {rankByLabels[key]}
                </option>
              ))}
            </select>
          </label>
          <select
            className="select"
            aria-label="Status"
            value={status}
            onChange={(event) => setStatus(event.target.value)}
          >
            <option value="">All statuses</option>
            {Object.entries(featureStatusLabels).map(([key, label]) => (
              <option key={key} value={key}>
                {label}
              </option>
            ))}
          </select>
          <select
            className="select"
            aria-label="Initiative"
            value={initiativeId}
            onChange={(event) => setInitiativeId(event.target.value)}
          >
            <option value="">All initiatives</option>
            <option value="none">In no initiative</option>
            {(initiatives.data?.items ?? []).map((initiative) => (
              <option key={initiative.id} value={initiative.id}>
                {initiative.title}
              </option>
            ))}
          </select>
          <input
            className="input input--search"
            type="search"
            aria-label="Search features"
            placeholder="Search features"
            value={q}
            onChange={(event) => setQ(event.target.value)}
          />
        </div>
        <div className="row">
          <button type="button" className="button" onClick={() => setCriteriaOpen(true)}>
            Scorecard…
          </button>
        </div>
      </div>

      <form
        className="prioritise__add"
        hidden={!canEdit}
        onSubmit={(event) => {
          event.preventDefault();
          if (newTitle.trim()) addFeature.mutate();
        }}
      >
        <input
          className="input"
          aria-label="New feature"
          placeholder="Add a feature to score…"
          value={newTitle}
          onChange={(event) => setNewTitle(event.target.value)}
        />
        <button type="submit" className="button" disabled={addFeature.isPending || newTitle.trim() === ''}>
          <Icons.plus width={16} height={16} /> Add
        </button>
      </form>

      <div className="prioritise__body">
        <section className="card prioritise__backlog" aria-labelledby="ranked-title">
          <header className="card__header">
            <h2 id="ranked-title">Ranked backlog</h2>
            <p>
              By {rankByLabels[by]}, highest first; ties keep their order.
              {canEdit ? ' Drag a row to pin it at a place — a pin wins over the score.' : ''}
            </p>
          </header>
          {backlog.isPending ? (
            <SkeletonRows rows={8} />
          ) : backlog.isError ? (
            <FormAlert message={messageOf(backlog.error)} />
          ) : items.length === 0 ? (
            <EmptyState icon={<Icons.search width={22} height={22} />} title="No features here">
              {canEdit ? 'Add a feature above, or clear the filters.' : 'No feature matches these filters.'}
            </EmptyState>
          ) : (
            <div className="table-scroll">
              <table className="data-table backlog-table" aria-label="Ranked backlog">
                <thead>
                  <tr>
                    <th className="number">#</th>
                    <th>Feature</th>
                    <th className="number">{rankByLabels[by]}</th>
                    <th>Why</th>
                    <th>Initiative</th>
                    <th />
                  </tr>
                </thead>
                <tbody>
                  {items.map((item) => (
                    <tr
                      key={item.featureId}
                      data-feature={item.title}
                      draggable={canEdit}
                      className={`${dragged === item.featureId ? 'is-dragged' : ''}${item.reason === 'pinned' ? ' is-pinned' : ''}`}
                      onDragStart={(event) => {
                        event.dataTransfer.effectAllowed = 'move';
                        event.dataTransfer.setData('text/plain', item.featureId);
                        setDragged(item.featureId);
                      }}
                      onDragOver={(event) => {
                        if (dragged) event.preventDefault();
                      }}
                      onDrop={(event) => {
                        event.preventDefault();
                        drop(item);
                      }}
                      onDragEnd={() => setDragged(null)}
                    >
                      <td className="number backlog-table__position">
                        <span className="drag-handle" aria-hidden="true" hidden={!canEdit}>
                          ⋮⋮
                        </span>
                        {item.position}
                      </td>
                      <td>
                        <button type="button" className="link-button" onClick={() => setScoring(item)}>
                          {item.title}
                        </button>
                        <div className="backlog-table__meta">
                          <span className="badge">{featureStatusLabels[item.status] ?? item.status}</span>
                          {item.valueEffort ? (
                            <span className={`quadrant quadrant--${item.valueEffort.quadrant}`}>
                              {quadrantLabels[item.valueEffort.quadrant]}
                            </span>
                          ) : null}
                          {item.demand.feedback > 0 ? (
                            <span className="muted">
                              {item.demand.customers} customer{item.demand.customers === 1 ? '' : 's'} ·{' '}
                              {item.demand.feedback} feedback
                            </span>
                          ) : null}
                        </div>
                      </td>
                      <td className="number backlog-table__score">{formatScore(item.score)}</td>
                      <td className="backlog-table__why">
                        {item.reason === 'pinned' ? (
                          <span className="badge badge--accent">Pinned at {item.position}</span>
                        ) : null}
                        <code>{item.explanation}</code>
                      </td>
                      <td className="muted">{item.initiativeTitle ?? '—'}</td>
                      <td className="backlog-table__actions">
                        {!canEdit ? null : item.reason === 'pinned' ? (
                          <button
                            type="button"
                            className="button button--ghost button--small"
                            onClick={() => pin.mutate({ item, position: null })}
                          >
                            Unpin
                          </button>
                        ) : (
                          <button
                            type="button"
                            className="button button--ghost button--small"
                            title="Keep it at this place whatever the scores"
                            onClick={() => pin.mutate({ item, position: item.position })}
                          >
                            Pin
                          </button>
                        )}
                        <button
                          type="button"
                          className="button button--small"
                          onClick={() => setScoring(item)}
                        >
                          {canEdit ? 'Score' : 'Scores'}
                        </button>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
              <div className="table__footer">
                <span className="muted">
                  {items.length} of {total} features
                </span>
                <LoadMore query={backlog} className="button button--small">
                  Show more
                </LoadMore>
              </div>
            </div>
          )}
        </section>
        <section className="card prioritise__chart" aria-labelledby="value-effort-title">
          <header className="card__header">
            <h2 id="value-effort-title">Value vs effort</h2>
            <p>Quick wins top left; money pits bottom right. Click a point to rescore it.</p>
          </header>
          <div className="card__body">
            {(chart.data?.items.length ?? 0) === 0 ? (
              <p className="muted">Rate features on value and effort to place them here.</p>
            ) : (
              <ValueEffortChart points={chart.data?.items ?? []} onOpen={openPoint} />
            )}
          </div>
        </section>
      </div>

      <ScoreDialog
        productId={productId}
        feature={scoring}
        criteria={criteria.data?.items ?? []}
        onClose={() => setScoring(null)}
      />
      <CriteriaDialog
        productId={productId}
        open={criteriaOpen}
        criteria={criteria.data?.items ?? []}
        onClose={() => setCriteriaOpen(false)}
      />
    </div>
  );
}
