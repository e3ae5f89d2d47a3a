import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { messageOf } from '../../../api/client';
import { EmptyState, FormAlert, SkeletonRows } from '../../../components/feedback';
import { SelectField, TextField } from '../../../components/field';
import { Icons } from '../../../components/icons';
import { lazyChart } from '../../../components/lazy-chart';
import { useCan } from '../../../lib/permissions';
import { FeaturePicker } from '../features/feature-picker';
import { featureKeys, featuresApi } from '../features/features-api';
import { okrKeys, okrsApi } from '../okrs/okrs-api';
import { type Kpi, kpiKeys, kpiStatusLabels, kpisApi } from './kpis-api';

// The charting library loads with the first chart drawn, not with every page.
const KpiChart = lazyChart(() => import('./kpi-chart').then((m) => m.KpiChart), 200);

const today = () => new Date().toISOString().slice(0, 10);

function KpiCard({ kpi, productId }: { kpi: Kpi; productId: string }) {
  const client = useQueryClient();
  const [at, setAt] = useState(today());
  const [value, setValue] = useState('');
  const canEdit = useCan('edit');
  // Only the linked features' titles: the picker below searches the rest as the user types.
  const features = useQuery({
    queryKey: featureKeys.byIds(productId, kpi.featureIds),
    queryFn: () => featuresApi.byIds(productId, kpi.featureIds),
    enabled: kpi.featureIds.length > 0,
    placeholderData: keepPreviousData,
  });
  const objectives = useQuery({ queryKey: okrKeys.list(productId), queryFn: () => okrsApi.list(productId) });
  const refresh = () => client.invalidateQueries({ queryKey: kpiKeys.list(productId) });
  const measure = useMutation({
    mutationFn: () => kpisApi.measure(kpi.id, { at, value: Number(value) }),
    onSuccess: async () => {
      setValue('');
      await refresh();
    },
  });
  const link = useMutation({
    mutationFn: (body: { featureIds?: string[]; objectiveId?: string | null }) => kpisApi.update(kpi, body),
    onSuccess: refresh,
  });
  const { reading } = kpi;
  const linked =
    kpi.featureIds.length === 0
      ? []
      : (features.data?.items ?? []).filter((feature) => kpi.featureIds.includes(feature.id));
  return (
    <article className="card" aria-label={`KPI ${kpi.name}`}>
      <header className="card__header">
        <div className="stack-sm" style={{ flex: 1 }}>
          <h3>{kpi.name}</h3>
          <span className="muted">
            {kpi.definition || 'No definition'} ·{' '}
            {kpi.direction === 'up' ? 'higher is better' : 'lower is better'}
          </span>
        </div>
        <span className={`badge kpi-status--${reading.status}`}>{kpiStatusLabels[reading.status]}</span>
      </header>
      <div className="card__body stack">
        <div className="row">
          <strong style={{ fontSize: 'var(--text-2xl)' }}>
            {reading.latest ? reading.latest.value.toLocaleString() : '—'}
            {kpi.unit ? <span className="muted"> {kpi.unit}</span> : null}
          </strong>
          <span className="muted">
            target {kpi.target ?? '—'}
            {reading.trend !== 'unknown' ? ` · ${reading.trend}` : ''}
          </span>
        </div>
        {kpi.measurements.length > 0 ? <KpiChart kpi={kpi} /> : <p className="muted">No measurements yet.</p>}
        <form
          className="inline-form"
          hidden={!canEdit}
          onSubmit={(event) => {
            event.preventDefault();
            if (value.trim() !== '') measure.mutate();
          }}
        >
          <TextField label="Day" type="date" value={at} onChange={(e) => setAt(e.target.value)} />
          <TextField
            label="Value"
            type="number"
            step="any"
            value={value}
            onChange={(e) => setValue(e.target.value)}
          />
          <button type="submit" className="button" disabled={value.trim() === '' || measure.isPending}>
            Record
          </button>
        </form>
        <FormAlert
          message={(measure.error ?? link.error) ? messageOf(measure.error ?? link.error) : undefined}
        />
        <fieldset className="read-only-fields" disabled={!canEdit}>
          <SelectField
            label="Objective"
            value={kpi.objectiveId ?? ''}
            onChange={(objectiveId) => link.mutate({ objectiveId: objectiveId === '' ? null : objectiveId })}
            options={[
              { value: '', label: 'No objective' },
              ...(objectives.data?.items ?? []).map((o) => ({ value: o.id, label: o.title })),
            ]}
          />
          <div className="stack-sm">
            <span className="field__label">Features expected to move it</span>
            <div className="row" style={{ flexWrap: 'wrap' }}>
              {linked.map((feature) => (
                <span key={feature.id} className="badge">
                  {feature.title}{' '}
                  <button
                    type="button"
                    className="icon-button"
                    hidden={!canEdit}
                    aria-label={`Unlink ${feature.title}`}
                    onClick={() =>
                      link.mutate({ featureIds: kpi.featureIds.filter((id) => id !== feature.id) })
                    }
                  >
                    <Icons.close width={10} height={10} />
                  </button>
                </span>
              ))}
              {canEdit ? (
                <div style={{ flex: '1 1 220px', maxWidth: 320 }}>
                  <FeaturePicker
                    productId={productId}
                    label={`Link a feature to ${kpi.name}`}
                    hideLabel
                    value={null}
                    placeholder="Link a feature…"
                    exclude={new Set(kpi.featureIds)}
                    onChange={(featureId) => link.mutate({ featureIds: [...kpi.featureIds, featureId] })}
                  />
                </div>
              ) : null}
              {linked.length === 0 && !canEdit ? <span className="muted">None yet</span> : null}
            </div>
          </div>
        </fieldset>
      </div>
    </article>
  );
}

/** KPIs: each with its definition, latest value against the target, chart over time and links. */
export function KpisSection({ productId }: { productId: string }) {
  const client = useQueryClient();
  const list = useQuery({ queryKey: kpiKeys.list(productId), queryFn: () => kpisApi.list(productId) });
  const [draft, setDraft] = useState({ name: '', unit: '', target: '', direction: 'up', definition: '' });
  const canEdit = useCan('edit');
  const create = useMutation({
    mutationFn: () =>
      kpisApi.create(productId, {
        name: draft.name.trim(),
        unit: draft.unit.trim(),
        definition: draft.definition.trim(),
        target: draft.target === '' ? null : Number(draft.target),
        direction: draft.direction as 'up' | 'down',
      }),
    onSuccess: async () => {
      setDraft({ name: '', unit: '', target: '', direction: 'up', definition: '' });
      await client.invalidateQueries({ queryKey: kpiKeys.list(productId) });
    },
  });
  const items = list.data?.items ?? [];
  return (
    <section className="stack" aria-labelledby="kpis-title">
      <h2 id="kpis-title">KPIs</h2>
      <form
        className="inline-form"
        hidden={!canEdit}
        onSubmit={(event) => {
          event.preventDefault();
          if (draft.name.trim()) create.mutate();
        }}
      >
        <TextField
          label="New KPI"
          value={draft.name}
          onChange={(e) => setDraft({ ...draft, name: e.target.value })}
        />
        <TextField
          label="Definition"
          value={draft.definition}
          onChange={(e) => setDraft({ ...draft, definition: e.target.value })}
        />
        <TextField
          label="Unit"
          value={draft.unit}
          onChange={(e) => setDraft({ ...draft, unit: e.target.value })}
        />
        <TextField
          label="Target"
          type="number"
          step="any"
          value={draft.target}
          onChange={(e) => setDraft({ ...draft, target: e.target.value })}
        />
        <SelectField
          label="Better"
          value={draft.direction}
          onChange={(direction) => setDraft({ ...draft, direction })}
          options={[
            { value: 'up', label: 'Higher' },
            { value: 'down', label: 'Lower' },
          ]}
        />
        <button
          type="submit"
          className="button button--primary"
          disabled={!draft.name.trim() || create.isPending}
        >
          <Icons.plus width={14} height={14} /> Add KPI
        </button>
      </form>
      <FormAlert message={create.error ? messageOf(create.error) : undefined} />
      {list.isLoading ? <SkeletonRows rows={3} /> : null}
      {!list.isLoading && items.length === 0 ? (
        <EmptyState icon={<Icons.arrowUp width={22} height={22} />} title="No KPIs yet">
          {canEdit
            ? 'Track the numbers that tell whether the product works: activation, retention, revenue.'
            : 'The numbers that tell whether the product works show here once they are tracked.'}
        </EmptyState>
      ) : null}
      <div className="kpi-grid">
        {items.map((kpi) => (
          <KpiCard key={kpi.id} kpi={kpi} productId={productId} />
        ))}
      </div>
    </section>
  );
}
