import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { ApiError, messageOf } from '../../../api/client';
import { itemsCache, useVersionedMutation } from '../../../api/versioned-mutation';
import { Dialog } from '../../../components/dialog';
import { FormAlert } from '../../../components/feedback';
import { useCan } from '../../../lib/permissions';
import { type Criterion, prioritiseApi, prioritiseKeys } from './prioritise-api';

/** The team's weighted scorecard: criteria with their weights, scales and whether they count for or against. */
export function CriteriaDialog({
  productId,
  open,
  criteria,
  onClose,
}: {
  productId: string;
  open: boolean;
  criteria: Criterion[];
  onClose: () => void;
}) {
  const client = useQueryClient();
  const canEdit = useCan('edit');
  const [name, setName] = useState('');
  const [weight, setWeight] = useState('1');
  const [scaleMax, setScaleMax] = useState('5');
  const [direction, setDirection] = useState<'benefit' | 'cost'>('benefit');
  const refresh = () => client.invalidateQueries({ queryKey: prioritiseKeys.all(productId) });
  const add = useMutation({
    mutationFn: () =>
      prioritiseApi.addCriterion(productId, {
        name,
        weight: Number(weight),
        scaleMax: Number(scaleMax),
        direction,
      }),
    onSuccess: async () => {
      setName('');
      await refresh();
    },
  });
  // A weight changed twice in quick succession saves twice in turn, the second at the first's version.
  const change = useVersionedMutation({
    scope: `criteria-${productId}`,
    cache: itemsCache<Criterion>(prioritiseKeys.criteria(productId)),
    save: prioritiseApi.updateCriterion,
    onSettled: () => void refresh(),
  });
  const remove = useMutation({ mutationFn: prioritiseApi.removeCriterion, onSettled: refresh });
  const error = add.error ?? change.error ?? remove.error;
  const field = error instanceof ApiError ? error.field : undefined;
  return (
    <Dialog
      open={open}
      onClose={onClose}
      title="Weighted scorecard"
      readOnly={!canEdit}
      description="Rate features on the criteria your team cares about. The score is the weighted mean of the ratings, scaled to 0–100; a cost counts against."
      footer={
        <button type="button" className="button button--primary" onClick={onClose}>
          Done
        </button>
      }
    >
      <div className="stack">
        {error ? <FormAlert message={`${field ? `${field}: ` : ''}${messageOf(error)}`} /> : null}
        {criteria.length > 0 ? (
          <table className="data-table criteria-table">
            <thead>
              <tr>
                <th>Criterion</th>
                <th className="number">Weight</th>
                <th className="number">Scale</th>
                <th>Counts</th>
                <th />
              </tr>
            </thead>
            <tbody>
              {criteria.map((criterion) => (
                <tr key={criterion.id}>
                  <td>{criterion.name}</td>
                  <td className="number">
                    <input
                      key={`weight-${criterion.weight}`}
                      className="input input--compact"
                      type="number"
                      aria-label={`Weight of ${criterion.name}`}
                      defaultValue={criterion.weight}
                      min={0}
                      step={0.5}
                      onBlur={(event) => {
                        const value = Number(event.target.value);
                        if (value !== criterion.weight)
                          change.mutate({ entity: criterion, changes: { weight: value } });
                      }}
                    />
                  </td>
                  <td className="number">0–{criterion.scaleMax}</td>
                  <td>{criterion.direction === 'cost' ? 'Against' : 'For'}</td>
                  <td>
                    <button
                      type="button"
                      className="button button--ghost button--small"
                      onClick={() => remove.mutate(criterion)}
                    >
                      Remove
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : (
          <p className="muted">
            No criteria yet. Strategic fit, revenue potential and effort are common ones.
          </p>
        )}
        <form
          className="criteria-add"
          hidden={!canEdit}
          onSubmit={(event) => {
            event.preventDefault();
            add.mutate();
          }}
        >
          <input
            className="input"
            aria-label="New criterion"
            placeholder="New criterion, e.g. Strategic fit"
            value={name}
            onChange={(event) => setName(event.target.value)}
          />
          <input
            className="input input--compact"
            type="number"
            aria-label="Weight"
            value={weight}
            min={0}
            step={0.5}
            onChange={(event) => setWeight(event.target.value)}
          />
          <select
            className="select"
            aria-label="Scale"
            value={scaleMax}
            onChange={(event) => setScaleMax(event.target.value)}
          >
            <option value="5">0–5</option>
            <option value="10">0–10</option>
            <option value="3">0–3</option>
          </select>
          <select
            className="select"
            aria-label="Counts"
            value={direction}
            onChange={(event) => setDirection(event.target.value as 'benefit' | 'cost')}
          >
            <option value="benefit">For</option>
            <option value="cost">Against</option>
          </select>
          <button type="submit" className="button" disabled={add.isPending || name.trim() === ''}>
            Add
          </button>
        </form>
      </div>
    </Dialog>
  );
}
