import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { messageOf } from '../../../api/client';
import { ConfirmDialog } from '../../../components/confirm-dialog';
import { EmptyState, FormAlert, SkeletonRows } from '../../../components/feedback';
import { SelectField, TextField } from '../../../components/field';
import { Icons } from '../../../components/icons';
import { useToast } from '../../../components/toast';
import type { ProjectViewProps } from '../project-views';
import { ComparisonTable, VarianceTable } from './baseline-tables';
import { type BaselineSummary, baselineKeys, baselinesApi } from './baselines-api';
import '../imports/files.css';
import { useCan } from '../../../lib/permissions';

const when = (iso: string) =>
  new Date(iso).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });

/** The Baselines tab: save the current schedule under a name, list the saved ones, see variances, compare two. */
export function BaselinesView({ projectId }: ProjectViewProps) {
  const client = useQueryClient();
  const toast = useToast();
  const canEdit = useCan('edit');
  const list = useQuery({
    queryKey: baselineKeys.list(projectId),
    queryFn: () => baselinesApi.list(projectId),
  });
  const items = list.data?.items ?? [];
  const [name, setName] = useState('');
  const [note, setNote] = useState('');
  const [selected, setSelected] = useState<string | null>(null);
  const [compareA, setCompareA] = useState('');
  const [compareB, setCompareB] = useState('');
  const [doomed, setDoomed] = useState<BaselineSummary | null>(null);
  const save = useMutation({
    mutationFn: () =>
      baselinesApi.create(projectId, { name: name.trim(), ...(note.trim() ? { note: note.trim() } : {}) }),
    onSuccess: async (baseline) => {
      toast.success(`Baseline “${baseline.name}” saved`);
      setName('');
      setNote('');
      setSelected(baseline.id);
      await client.invalidateQueries({ queryKey: baselineKeys.list(projectId) });
      await client.invalidateQueries({ queryKey: baselineKeys.gantt(projectId) });
    },
  });
  const remove = useMutation({
    mutationFn: (baseline: BaselineSummary) => baselinesApi.remove(baseline),
    onSuccess: async () => {
      setDoomed(null);
      setSelected(null);
      await client.invalidateQueries({ queryKey: baselineKeys.list(projectId) });
      await client.invalidateQueries({ queryKey: baselineKeys.gantt(projectId) });
    },
  });
  const current = items.find((item) => item.id === selected) ?? items[0];
  const variances = useQuery({
    queryKey: baselineKeys.variances(current?.id ?? ''),
    queryFn: () => baselinesApi.variances(current?.id ?? ''),
    enabled: current !== undefined,
  });
  const a = items.find((item) => item.id === compareA);
  const b = items.find((item) => item.id === compareB);
  const comparison = useQuery({
    queryKey: baselineKeys.compare(compareA, compareB),
    queryFn: () => baselinesApi.compare(compareA, compareB),
    enabled: a !== undefined && b !== undefined,
  });
  const options = items.map((item) => ({ value: item.id, label: `${item.name} (${when(item.createdAt)})` }));
  return (
    <div className="stack">
      <section className="card" aria-labelledby="save-baseline-title" hidden={!canEdit}>
        <header className="card__header">
          <h2 id="save-baseline-title">Save a baseline</h2>
        </header>
        <form
          className="card__body stack"
          onSubmit={(event) => {
            event.preventDefault();
            save.mutate();
          }}
        >
          <FormAlert message={save.error ? messageOf(save.error) : undefined} />
          <TextField
            label="Name"
            required
            value={name}
            onChange={(event) => setName(event.target.value)}
            placeholder="Approved plan"
          />
          <TextField
            label="Note"
            value={note}
            onChange={(event) => setNote(event.target.value)}
            placeholder="Why it was taken"
          />
          <div>
            <button
              type="submit"
              className="button button--primary"
              disabled={save.isPending || name.trim() === ''}
            >
              Save baseline
            </button>
          </div>
        </form>
      </section>

      {list.isPending ? (
        <SkeletonRows rows={3} />
      ) : list.isError ? (
        <FormAlert message={messageOf(list.error)} />
      ) : items.length === 0 ? (
        <EmptyState icon={<Icons.project width={22} height={22} />} title="No baselines yet">
          {canEdit
            ? "Save a baseline to keep today's schedule, then see how each task moves from it."
            : 'Once the project manager saves a baseline, how each task moves from it shows here.'}
        </EmptyState>
      ) : (
        <>
          <section className="card" aria-labelledby="baselines-title">
            <header className="card__header">
              <h2 id="baselines-title">Saved baselines</h2>
            </header>
            <div className="card__body">
              <table className="data-table" aria-label="Saved baselines">
                <thead>
                  <tr>
                    <th>Name</th>
                    <th>Saved</th>
                    <th>Finish</th>
                    <th className="number">Tasks</th>
                    <th>Note</th>
                    <th hidden={!canEdit} />
                  </tr>
                </thead>
                <tbody>
                  {items.map((item) => (
                    <tr key={item.id} aria-selected={item.id === current?.id}>
                      <td>
                        <button
                          type="button"
                          className="button button--ghost button--small"
                          onClick={() => setSelected(item.id)}
                        >
                          {item.name}
                        </button>
                      </td>
                      <td>{when(item.createdAt)}</td>
                      <td>{item.finish?.replace('T', ' ') ?? '—'}</td>
                      <td className="number">{item.taskCount}</td>
                      <td>{item.note}</td>
                      <td hidden={!canEdit}>
                        <button
                          type="button"
                          className="button button--ghost button--small"
                          aria-label={`Delete baseline ${item.name}`}
                          onClick={() => setDoomed(item)}
                        >
                          Delete
                        </button>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </section>

          {current ? (
            <section className="card" aria-labelledby="variance-title">
              <header className="card__header">
                <h2 id="variance-title">Variance against “{current.name}”</h2>
              </header>
              <div className="card__body">
                {variances.isPending ? (
                  <SkeletonRows rows={4} />
                ) : variances.isError ? (
                  <FormAlert message={messageOf(variances.error)} />
                ) : (
                  <VarianceTable items={variances.data.items} />
                )}
              </div>
            </section>
          ) : null}

          <section className="card" aria-labelledby="compare-title">
            <header className="card__header">
              <h2 id="compare-title">Compare two baselines</h2>
            </header>
            <div className="card__body stack">
              <div className="row" style={{ gap: 16, alignItems: 'flex-end' }}>
                <div style={{ flex: 1 }}>
                  <SelectField
                    label="Baseline A"
                    value={compareA}
                    onChange={setCompareA}
                    options={[{ value: '', label: 'Choose…' }, ...options]}
                  />
                </div>
                <div style={{ flex: 1 }}>
                  <SelectField
                    label="Baseline B"
                    value={compareB}
                    onChange={setCompareB}
                    options={[{ value: '', label: 'Choose…' }, ...options]}
                  />
                </div>
              </div>
              {a && b ? (
                comparison.isPending ? (
                  <SkeletonRows rows={3} />
                ) : comparison.isError ? (
                  <FormAlert message={messageOf(comparison.error)} />
                ) : (
                  <ComparisonTable items={comparison.data.items} aName={a.name} bName={b.name} />
                )
              ) : (
                <p className="muted">Choose two baselines to see each task's dates side by side.</p>
              )}
            </div>
          </section>
        </>
      )}
      <ConfirmDialog
        open={doomed !== null}
        title={`Delete baseline “${doomed?.name ?? ''}”?`}
        confirmLabel="Delete baseline"
        pending={remove.isPending}
        error={remove.error}
        onConfirm={() => doomed && remove.mutate(doomed)}
        onClose={() => setDoomed(null)}
      >
        The snapshot is removed; the plan itself does not change.
      </ConfirmDialog>
    </div>
  );
}
