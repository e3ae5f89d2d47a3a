import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { ApiError, messageOf } from '../../../api/client';
import { Dialog, DialogActions } from '../../../components/dialog';
import { FormAlert } from '../../../components/feedback';
import { SelectField, TextAreaField, TextField } from '../../../components/field';
import { useToast } from '../../../components/toast';
import { useCan } from '../../../lib/permissions';
import { FeaturePicker } from '../features/feature-picker';
import { InitiativeHandoff } from '../handoff/initiative-handoff';
import { prioritiseKeys } from '../prioritise/prioritise-api';
import {
  type Initiative,
  type InitiativeInput,
  type InitiativeStatus,
  initiativeStatusLabels,
  type Roadmap,
  roadmapApi,
  roadmapKeys,
} from './roadmap-api';

// Fields shown under their input; an error on any other (parentId, objectiveId) shows at the top of the form.
const inline = new Set(['title', 'theme', 'team', 'plannedStart', 'plannedFinish']);

const empty: InitiativeInput = {
  title: '',
  description: '',
  theme: '',
  team: '',
  parentId: null,
  objectiveId: null,
  plannedStart: null,
  plannedFinish: null,
  status: 'proposed',
};

/** Creates or edits an initiative: where it sits (objective, parent), when, who, and the features it holds. */
export function InitiativeDialog({
  productId,
  roadmap,
  initiative,
  open,
  onClose,
}: {
  productId: string;
  roadmap: Roadmap;
  initiative: Initiative | null;
  open: boolean;
  onClose: () => void;
}) {
  const client = useQueryClient();
  const toast = useToast();
  const canEdit = useCan('edit');
  const [form, setForm] = useState<InitiativeInput>(empty);
  useEffect(() => {
    if (!open) return;
    setForm(
      initiative
        ? {
            title: initiative.title,
            description: initiative.description,
            theme: initiative.theme,
            team: initiative.team,
            parentId: initiative.parentId,
            objectiveId: initiative.objectiveId,
            plannedStart: initiative.plannedStart,
            plannedFinish: initiative.plannedFinish,
            status: initiative.status,
          }
        : empty,
    );
  }, [open, initiative]);
  const features = useQuery({
    queryKey: roadmapKeys.features(initiative?.id ?? ''),
    queryFn: () => roadmapApi.features(initiative?.id ?? ''),
    enabled: open && initiative !== null,
  });
  const refresh = async () => {
    await client.invalidateQueries({ queryKey: roadmapKeys.roadmap(productId) });
    await client.invalidateQueries({ queryKey: prioritiseKeys.all(productId) });
    if (initiative) await client.invalidateQueries({ queryKey: roadmapKeys.features(initiative.id) });
  };
  const save = useMutation({
    mutationFn: () => (initiative ? roadmapApi.update(initiative, form) : roadmapApi.create(productId, form)),
    onSuccess: async (saved) => {
      await refresh();
      toast.success(initiative ? `Initiative “${saved.title}” saved` : `Initiative “${saved.title}” added`);
      onClose();
    },
  });
  const addFeature = useMutation({
    mutationFn: (featureId: string) => roadmapApi.addFeature(initiative?.id ?? '', featureId),
    onSuccess: refresh,
    onError: (error) => toast.error(messageOf(error)),
  });
  const removeFeature = useMutation({
    mutationFn: (featureId: string) => roadmapApi.removeFeature(initiative?.id ?? '', featureId),
    onSuccess: refresh,
  });
  const remove = useMutation({
    mutationFn: () => roadmapApi.remove(initiative as Initiative),
    onSuccess: async () => {
      await refresh();
      onClose();
    },
  });
  const fieldError = (name: string) =>
    save.error instanceof ApiError && save.error.field === name ? messageOf(save.error) : undefined;
  const set = (key: keyof InitiativeInput) => (value: string) =>
    setForm((old) => ({ ...old, [key]: value === '' && key !== 'title' ? null : value }));
  const held = new Set((features.data?.items ?? []).map((feature) => feature.featureId));
  const parents = roadmap.initiatives.filter((item) => item.id !== initiative?.id);

  return (
    <Dialog
      open={open}
      onClose={onClose}
      title={initiative ? `Initiative “${initiative.title}”` : 'New initiative'}
      onSubmit={() => save.mutate()}
      readOnly={!canEdit}
      footer={
        <>
          {initiative ? (
            <button
              type="button"
              className="button button--ghost button--danger"
              onClick={() => remove.mutate()}
              disabled={remove.isPending}
            >
              Delete
            </button>
          ) : null}
          <span className="spacer" />
          <DialogActions onCancel={onClose} disabled={save.isPending || form.title.trim() === ''}>
            {initiative ? 'Save' : 'Add initiative'}
          </DialogActions>
        </>
      }
    >
      <div className="stack">
        {save.error && !(save.error instanceof ApiError && inline.has(save.error.field ?? '')) ? (
          <FormAlert message={messageOf(save.error)} />
        ) : null}
        <TextField
          label="Title"
          value={form.title}
          onChange={(event) => setForm((old) => ({ ...old, title: event.target.value }))}
          error={fieldError('title')}
          required
        />
        <div className="form-grid">
          <SelectField
            label="Objective"
            value={form.objectiveId ?? ''}
            onChange={set('objectiveId')}
            options={[
              { value: '', label: 'None' },
              ...roadmap.objectives.map((objective) => ({
                value: objective.id,
                label: `${objective.title}${objective.period ? ` (${objective.period})` : ''}`,
              })),
            ]}
          />
          <SelectField
            label="Part of"
            value={form.parentId ?? ''}
            onChange={set('parentId')}
            options={[
              { value: '', label: 'No parent initiative' },
              ...parents.map((item) => ({ value: item.id, label: item.title })),
            ]}
          />
          <TextField
            label="Theme"
            value={form.theme ?? ''}
            onChange={(event) => setForm((old) => ({ ...old, theme: event.target.value }))}
            error={fieldError('theme')}
          />
          <TextField
            label="Team"
            value={form.team ?? ''}
            onChange={(event) => setForm((old) => ({ ...old, team: event.target.value }))}
            error={fieldError('team')}
          />
          <TextField
            label="Planned start"
            type="date"
            value={form.plannedStart ?? ''}
            onChange={(event) => set('plannedStart')(event.target.value)}
            error={fieldError('plannedStart')}
          />
          <TextField
            label="Planned finish"
            type="date"
            value={form.plannedFinish ?? ''}
            onChange={(event) => set('plannedFinish')(event.target.value)}
            error={fieldError('plannedFinish')}
          />
          <SelectField
            label="Status"
            value={form.status ?? 'proposed'}
            onChange={(value) => setForm((old) => ({ ...old, status: value as InitiativeStatus }))}
            options={Object.entries(initiativeStatusLabels).map(([value, label]) => ({ value, label }))}
          />
        </div>
        <TextAreaField
          label="Description"
          value={form.description ?? ''}
          onChange={(event) => setForm((old) => ({ ...old, description: event.target.value }))}
          rows={3}
        />
        {initiative ? (
          <section className="initiative-features" aria-label="Features of the initiative">
            <h3>Features</h3>
            <ul className="list">
              {(features.data?.items ?? []).map((feature) => (
                <li key={feature.featureId} className="list__item">
                  <span className="list__main">{feature.title}</span>
                  {canEdit ? (
                    <button
                      type="button"
                      className="button button--ghost button--small"
                      onClick={() => removeFeature.mutate(feature.featureId)}
                    >
                      Remove
                    </button>
                  ) : null}
                </li>
              ))}
            </ul>
            {canEdit ? (
              <div style={{ maxWidth: 360 }}>
                <FeaturePicker
                  productId={productId}
                  label="Feature to add"
                  hideLabel
                  value={null}
                  placeholder="Add a feature…"
                  exclude={held}
                  disabled={addFeature.isPending}
                  onChange={(featureId) => addFeature.mutate(featureId)}
                />
              </div>
            ) : null}
          </section>
        ) : null}
        {initiative ? (
          <InitiativeHandoff
            initiative={initiative}
            productId={productId}
            onStarted={() => client.invalidateQueries({ queryKey: roadmapKeys.roadmap(productId) })}
          />
        ) : null}
      </div>
    </Dialog>
  );
}
