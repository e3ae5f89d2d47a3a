import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { messageOf } from '../../../api/client';
import { useVersionedMutation } from '../../../api/versioned-mutation';
import { EmptyState, FormAlert, SkeletonRows } from '../../../components/feedback';
import { TextField } from '../../../components/field';
import { Icons } from '../../../components/icons';
import { useCan } from '../../../lib/permissions';
import { type KeyResult, type Objective, okrKeys, okrsApi, percent } from './okrs-api';

/** A progress bar with its share as text for screen readers. */
export function Progress({ share, label }: { share: number | null; label: string }) {
  const value = share ?? 0;
  return (
    <div
      className={`progress ${value >= 1 ? 'progress--done' : ''}`}
      role="progressbar"
      aria-label={label}
      aria-valuemin={0}
      aria-valuemax={100}
      aria-valuenow={Math.round(value * 100)}
    >
      <div className="progress__bar" style={{ width: `${value * 100}%` }} />
    </div>
  );
}

function KeyResultRow({
  productId,
  keyResult,
  onChanged,
}: {
  productId: string;
  keyResult: KeyResult;
  onChanged: () => void;
}) {
  const [current, setCurrent] = useState(String(keyResult.currentValue));
  const canEdit = useCan('edit');
  // Enter saves and leaving the field saves again: the two run one after the other, and the second, finding the
  // value already saved at the newest version, sends nothing.
  const update = useVersionedMutation<KeyResult, { currentValue: number }, KeyResult>({
    scope: `key-result-${keyResult.id}`,
    cache: {
      latest: (client, entity) =>
        client
          .getQueryData<{ items: Objective[] }>(okrKeys.list(productId))
          ?.items.flatMap((objective) => objective.keyResults)
          .find((item) => item.id === entity.id),
      write: (client, reply) =>
        client.setQueryData<{ items: Objective[] }>(okrKeys.list(productId), (old) =>
          old
            ? {
                ...old,
                items: old.items.map((objective) => ({
                  ...objective,
                  keyResults: objective.keyResults.map((item) => (item.id === reply.id ? reply : item)),
                })),
              }
            : old,
        ),
    },
    save: (latest, changes) =>
      latest.currentValue === changes.currentValue
        ? Promise.resolve(latest)
        : okrsApi.updateKeyResult(latest, changes),
    onSettled: onChanged,
  });
  const saveCurrent = () => update.mutate({ entity: keyResult, changes: { currentValue: Number(current) } });
  const remove = useMutation({ mutationFn: () => okrsApi.removeKeyResult(keyResult), onSuccess: onChanged });
  const unit = keyResult.unit ? ` ${keyResult.unit}` : '';
  return (
    <li className="key-result">
      <div className="stack-sm">
        <span>{keyResult.title}</span>
        <span className="key-result__range">
          {keyResult.startValue}
          {unit} → {keyResult.targetValue}
          {unit} ({keyResult.direction})
        </span>
        {update.error ? <span className="field__error">{messageOf(update.error)}</span> : null}
      </div>
      <Progress share={keyResult.progress} label={`Progress of ${keyResult.title}`} />
      <form
        onSubmit={(event) => {
          event.preventDefault();
          if (current.trim() !== '' && Number.isFinite(Number(current))) saveCurrent();
        }}
      >
        <input
          className="input"
          type="number"
          step="any"
          aria-label={`Current value of ${keyResult.title}`}
          disabled={!canEdit}
          value={current}
          onChange={(event) => setCurrent(event.target.value)}
          onBlur={() => {
            if (Number(current) !== keyResult.currentValue && Number.isFinite(Number(current))) saveCurrent();
          }}
        />
      </form>
      <strong>{percent(keyResult.progress)}</strong>
      <button
        type="button"
        className="icon-button"
        hidden={!canEdit}
        aria-label={`Remove ${keyResult.title}`}
        onClick={() => remove.mutate()}
      >
        <Icons.close width={14} height={14} />
      </button>
    </li>
  );
}

function AddKeyResult({ objective, onAdded }: { objective: Objective; onAdded: () => void }) {
  const [open, setOpen] = useState(false);
  const [draft, setDraft] = useState({ title: '', unit: '', start: '', target: '' });
  const add = useMutation({
    mutationFn: () =>
      okrsApi.addKeyResult(objective.id, {
        title: draft.title.trim(),
        unit: draft.unit.trim(),
        startValue: Number(draft.start),
        targetValue: Number(draft.target),
      }),
    onSuccess: () => {
      setDraft({ title: '', unit: '', start: '', target: '' });
      onAdded();
    },
  });
  const ready = draft.title.trim() !== '' && draft.start !== '' && draft.target !== '';
  if (!useCan('edit')) return null;
  if (!open) {
    return (
      <div>
        <button type="button" className="button button--small button--ghost" onClick={() => setOpen(true)}>
          <Icons.plus width={12} height={12} /> Add key result
        </button>
      </div>
    );
  }
  return (
    <form
      className="stack-sm"
      aria-label={`Add a key result to ${objective.title}`}
      onSubmit={(event) => {
        event.preventDefault();
        if (ready) add.mutate();
      }}
    >
      <FormAlert message={add.error ? messageOf(add.error) : undefined} />
      <div className="inline-form">
        <TextField
          label="Key result"
          value={draft.title}
          onChange={(e) => setDraft({ ...draft, title: e.target.value })}
        />
        <TextField
          label="Unit"
          value={draft.unit}
          onChange={(e) => setDraft({ ...draft, unit: e.target.value })}
        />
        <TextField
          label="Start"
          type="number"
          step="any"
          value={draft.start}
          onChange={(e) => setDraft({ ...draft, start: e.target.value })}
        />
        <TextField
          label="Target"
          type="number"
          step="any"
          value={draft.target}
          onChange={(e) => setDraft({ ...draft, target: e.target.value })}
        />
        <button type="submit" className="button" disabled={!ready || add.isPending}>
          Add
        </button>
      </div>
    </form>
  );
}

/** Objectives with their key results: progress computed by the server from start, current and target. */
export function ObjectivesSection({ productId }: { productId: string }) {
  const client = useQueryClient();
  const list = useQuery({ queryKey: okrKeys.list(productId), queryFn: () => okrsApi.list(productId) });
  const [title, setTitle] = useState('');
  const [period, setPeriod] = useState('');
  const canEdit = useCan('edit');
  const refresh = () => client.invalidateQueries({ queryKey: okrKeys.list(productId) });
  const create = useMutation({
    mutationFn: () => okrsApi.create(productId, { title: title.trim(), period: period.trim() }),
    onSuccess: async () => {
      setTitle('');
      await refresh();
    },
  });
  const items = list.data?.items ?? [];
  return (
    <section className="stack" aria-labelledby="objectives-title">
      <div className="row">
        <h2 id="objectives-title">Objectives and key results</h2>
      </div>
      <form
        className="inline-form"
        hidden={!canEdit}
        onSubmit={(event) => {
          event.preventDefault();
          if (title.trim()) create.mutate();
        }}
      >
        <TextField label="New objective" value={title} onChange={(e) => setTitle(e.target.value)} />
        <TextField
          label="Period"
          placeholder="2026-Q4"
          value={period}
          onChange={(e) => setPeriod(e.target.value)}
        />
        <button type="submit" className="button button--primary" disabled={!title.trim() || create.isPending}>
          <Icons.plus width={14} height={14} /> Add objective
        </button>
      </form>
      <FormAlert message={create.error ? messageOf(create.error) : undefined} />
      {list.isLoading ? <SkeletonRows rows={4} /> : null}
      {!list.isLoading && items.length === 0 ? (
        <EmptyState icon={<Icons.check width={22} height={22} />} title="No objectives yet">
          {canEdit
            ? 'Set what the product should achieve this period, and the key results that measure it.'
            : 'What the product should achieve each period, and the key results that measure it, show here once they are set.'}
        </EmptyState>
      ) : null}
      {items.map((objective) => (
        <article key={objective.id} className="card" aria-label={`Objective ${objective.title}`}>
          <div className="card__body objective">
            <div className="objective__head">
              <div className="stack-sm">
                <strong>{objective.title}</strong>
                <span className="muted">
                  {objective.period || 'No period'} · {objective.keyResults.length} key results ·{' '}
                  {objective.status}
                </span>
              </div>
              <Progress share={objective.progress} label={`Progress of ${objective.title}`} />
              <strong style={{ fontSize: 'var(--text-lg)' }}>{percent(objective.progress)}</strong>
            </div>
            {objective.keyResults.length > 0 ? (
              <ul className="key-results">
                {objective.keyResults.map((keyResult) => (
                  <KeyResultRow
                    key={`${keyResult.id}:${keyResult.currentValue}`}
                    productId={productId}
                    keyResult={keyResult}
                    onChanged={refresh}
                  />
                ))}
              </ul>
            ) : null}
            <AddKeyResult objective={objective} onAdded={refresh} />
          </div>
        </article>
      ))}
    </section>
  );
}
