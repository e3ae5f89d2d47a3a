import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { messageOf } from '../../../api/client';
import { EmptyState, FormAlert, SkeletonRows } from '../../../components/feedback';
import { Icons } from '../../../components/icons';
import { lazyChart } from '../../../components/lazy-chart';
import type { ProjectViewProps } from '../project-views';
import { useOwnerName } from './owners';
import { RiskDialog } from './risk-dialog';
import { type CellFilter, RiskHeatMap } from './risk-heat-map';
import { RiskScaleDialog } from './risk-scale-dialog';
import { RiskTable } from './risk-table';
import { type Risk, type RiskFilters, type RiskStatus, riskKeys, risksApi, statusLabels } from './risks-api';
import './risks.css';
import { useCan } from '../../../lib/permissions';

// The charting library loads with the first chart drawn, not with every page.
const RiskTrendChart = lazyChart(() => import('./risk-trend-chart').then((m) => m.RiskTrendChart), 260);

/** The Risks tab: the figures, heat map and trend of the register, and the register itself, filtered. */
export function RisksView({ workspaceId, projectId }: ProjectViewProps) {
  const [status, setStatus] = useState<RiskStatus | ''>('open');
  const [category, setCategory] = useState('');
  const [ownerId, setOwnerId] = useState('');
  const [cell, setCell] = useState<CellFilter>(null);
  const [editing, setEditing] = useState<{ id: string | null; fallback: Risk | null } | null>(null);
  const [scaleOpen, setScaleOpen] = useState(false);
  const canEdit = useCan('edit');
  const filters: RiskFilters = {
    ...(status ? { status } : {}),
    ...(category ? { category } : {}),
    ...(ownerId ? { ownerId } : {}),
    ...(cell ?? {}),
  };
  const overview = useQuery({
    queryKey: riskKeys.overview(projectId),
    queryFn: () => risksApi.overview(projectId),
  });
  const list = useQuery({
    queryKey: riskKeys.list(projectId, filters),
    queryFn: () => risksApi.list(projectId, filters),
  });
  const { ownerName, members: people } = useOwnerName(workspaceId);
  const risks = list.data?.items ?? [];
  // The dialog follows the risk as the list refetches it, so its version and actions stay current.
  const current = editing?.id ? (risks.find((risk) => risk.id === editing.id) ?? editing.fallback) : null;
  const pickCell = (picked: CellFilter) => {
    setCell(picked);
    // The heat map counts open risks: a cell filter reads the open register.
    if (picked) setStatus('open');
  };

  if (overview.isPending) return <SkeletonRows rows={6} />;
  if (overview.isError) return <FormAlert message={messageOf(overview.error)} />;
  const { scale, heatMap, totals, trend, categories, overdueReviews } = overview.data;
  const empty = totals.openCount + totals.closedCount + totals.occurredCount === 0;
  return (
    <div className="stack risks">
      <div className="risks__toolbar">
        <div className="risk-stats">
          <Stat label="Open risks" value={totals.openCount} />
          <Stat label="High" value={totals.highCount} tone={totals.highCount > 0 ? 'danger' : undefined} />
          <Stat label="Total score" value={totals.totalScore} hint={`Residual ${totals.residualScore}`} />
          <Stat
            label="Reviews overdue"
            value={overdueReviews}
            tone={overdueReviews > 0 ? 'warning' : undefined}
          />
          <Stat label="Occurred" value={totals.occurredCount} />
        </div>
        <div className="row">
          <button type="button" className="button" onClick={() => setScaleOpen(true)}>
            Scale…
          </button>
          {canEdit ? (
            <button
              type="button"
              className="button button--primary"
              onClick={() => setEditing({ id: null, fallback: null })}
            >
              <Icons.plus width={16} height={16} /> Register a risk
            </button>
          ) : null}
        </div>
      </div>

      {empty ? (
        <EmptyState
          icon={<Icons.project width={22} height={22} />}
          title="No risks registered"
          action={
            canEdit ? (
              <button
                type="button"
                className="button button--primary"
                onClick={() => setEditing({ id: null, fallback: null })}
              >
                Register the first risk
              </button>
            ) : undefined
          }
        >
          {canEdit
            ? 'List what could go wrong (or better than planned), score it on probability and impact, and plan the actions that answer it.'
            : 'Nothing that could go wrong (or better than planned) has been registered for this project yet.'}
        </EmptyState>
      ) : (
        <>
          <div className="risks__charts">
            <section className="card" aria-labelledby="heat-map-title">
              <header className="card__header">
                <h2 id="heat-map-title">Heat map</h2>
                <p>Open risks by probability and impact; click a cell to filter the register.</p>
              </header>
              <div className="card__body">
                <RiskHeatMap scale={scale} cells={heatMap} selected={cell} onSelect={pickCell} />
              </div>
            </section>
            <section className="card" aria-labelledby="trend-title">
              <header className="card__header">
                <h2 id="trend-title">Trend</h2>
                <p>The register at the end of each day.</p>
              </header>
              <div className="card__body">
                <RiskTrendChart trend={trend} />
              </div>
            </section>
          </div>

          <section className="card" aria-labelledby="register-title">
            <header className="card__header risks__register-header">
              <h2 id="register-title">Register</h2>
              <div className="risks__filters">
                {cell ? (
                  <button
                    type="button"
                    className="badge badge--accent risks__cell-filter"
                    onClick={() => setCell(null)}
                    aria-label="Clear the heat-map cell filter"
                  >
                    Probability {cell.probability} × impact {cell.impact} ✕
                  </button>
                ) : null}
                <select
                  className="select select--small"
                  aria-label="Status"
                  value={status}
                  onChange={(event) => setStatus(event.target.value as RiskStatus | '')}
                >
                  <option value="">All statuses</option>
                  {Object.entries(statusLabels).map(([value, label]) => (
                    <option key={value} value={value}>
                      {label}
                    </option>
                  ))}
                </select>
                <select
                  className="select select--small"
                  aria-label="Category"
                  value={category}
                  onChange={(event) => setCategory(event.target.value)}
                >
                  <option value="">All categories</option>
                  {categories.map((name) => (
                    <option key={name} value={name}>
                      {name}
                    </option>
                  ))}
                </select>
                <select
                  className="select select--small"
                  aria-label="Owner"
                  value={ownerId}
                  onChange={(event) => setOwnerId(event.target.value)}
                >
                  <option value="">All owners</option>
                  {people.map((member) => (
                    <option key={member.user.id} value={member.user.id}>
                      {member.user.name}
                    </option>
                  ))}
                </select>
              </div>
            </header>
            <div className="card__body">
              {list.isPending ? (
                <SkeletonRows rows={4} />
              ) : list.isError ? (
                <FormAlert message={messageOf(list.error)} />
              ) : risks.length === 0 ? (
                <p className="muted">No risk matches these filters.</p>
              ) : (
                <RiskTable
                  risks={risks}
                  ownerName={ownerName}
                  onOpen={(risk) => setEditing({ id: risk.id, fallback: risk })}
                />
              )}
            </div>
          </section>
        </>
      )}
      {editing ? (
        <RiskDialog
          key={editing.id ?? 'new'}
          workspaceId={workspaceId}
          projectId={projectId}
          scale={scale}
          categories={categories}
          risk={current}
          open
          onClose={() => setEditing(null)}
        />
      ) : null}
      {scaleOpen ? (
        <RiskScaleDialog projectId={projectId} scale={scale} open onClose={() => setScaleOpen(false)} />
      ) : null}
    </div>
  );
}

function Stat({
  label,
  value,
  hint,
  tone,
}: {
  label: string;
  value: number;
  hint?: string;
  tone?: 'danger' | 'warning' | undefined;
}) {
  return (
    <div className={`risk-stat${tone ? ` risk-stat--${tone}` : ''}`}>
      <span className="risk-stat__value">{value}</span>
      <span className="risk-stat__label">{label}</span>
      {hint ? <span className="risk-stat__hint">{hint}</span> : null}
    </div>
  );
}
