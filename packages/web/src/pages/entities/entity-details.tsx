import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import { ApiError } from '../../api/client';
import { api, unwrapEntity } from '../../api/endpoints';
import { keys } from '../../api/query-keys';
import type { Entity, EntityKind } from '../../api/types';
import { ConflictAlert, FormAlert } from '../../components/feedback';
import { TextAreaField, TextField } from '../../components/field';
import { FormCard } from '../../components/form-card';
import { formFailure } from '../../components/form-error';
import { useToast } from '../../components/toast';
import { formatDate, formatDateTime } from '../../lib/format';
import { kindLabels } from '../../lib/kinds';
import { useCan } from '../../lib/permissions';
import { ConfirmDelete } from './confirm-delete';
import { LinkedProjects } from './linked-projects';

interface Draft {
  name: string;
  text: string;
  description: string;
  startDate: string;
}

function draftOf(entity: Entity, field: 'vision' | 'objective' | null): Draft {
  return {
    name: entity.name,
    text: field ? (entity[field] ?? '') : '',
    description: entity.description ?? '',
    startDate: entity.startDate ?? '',
  };
}

/** The overview tab: the entity's fields, edited in place with optimistic-concurrency checks. */
export function EntityDetails({
  kind,
  workspaceId,
  entity,
}: {
  kind: EntityKind;
  workspaceId: string;
  entity: Entity;
}) {
  const label = kindLabels[kind];
  const client = useQueryClient();
  const navigate = useNavigate();
  const toast = useToast();
  const [editing, setEditing] = useState(false);
  const [draft, setDraft] = useState<Draft>(() => draftOf(entity, label.textField));
  const [baseVersion, setBaseVersion] = useState(entity.version);
  const [deleting, setDeleting] = useState(false);
  const canEdit = useCan('edit');
  const canManage = useCan('manage');
  const save = useMutation({
    mutationFn: () => {
      const body: Record<string, string> = { name: draft.name.trim(), description: draft.description.trim() };
      if (label.textField) body[label.textField] = draft.text.trim();
      if (kind === 'projects' && draft.startDate) body.startDate = draft.startDate;
      return api.updateEntity(kind, entity.id, body, baseVersion);
    },
    onSuccess: (reply) => {
      const updated = unwrapEntity(kind, reply);
      client.setQueryData(keys.entity(kind, entity.id), updated);
      void client.invalidateQueries({ queryKey: keys.entitiesOf(kind, workspaceId) });
      void client.invalidateQueries({ queryKey: keys.history(kind.slice(0, -1), entity.id) });
      setEditing(false);
      toast.success('Changes saved');
    },
  });
  const remove = useMutation({
    mutationFn: () => api.deleteEntity(kind, entity.id, entity.version),
    onSuccess: async () => {
      client.removeQueries({ queryKey: keys.entity(kind, entity.id) });
      await client.invalidateQueries({ queryKey: keys.entitiesOf(kind, workspaceId) });
      toast.success(`${label.singular} “${entity.name}” deleted`);
      await navigate({ to: `/w/$workspaceId/${kind}`, params: { workspaceId } });
    },
  });
  const conflict = save.error instanceof ApiError && save.error.code === 'VERSION_CONFLICT';
  const failure = conflict
    ? { fields: {}, form: undefined }
    : formFailure(save.error, ['name', 'description', 'vision', 'objective', 'startDate']);
  const reload = () => {
    const current =
      save.error instanceof ApiError && save.error.current
        ? unwrapEntity(kind, save.error.current as Entity)
        : entity;
    client.setQueryData(keys.entity(kind, entity.id), current);
    setDraft(draftOf(current, label.textField));
    setBaseVersion(current.version);
    save.reset();
  };
  const startEditing = () => {
    setDraft(draftOf(entity, label.textField));
    setBaseVersion(entity.version);
    save.reset();
    setEditing(true);
  };
  const textLabel = label.textField === 'vision' ? 'Vision' : 'Objective';
  if (!editing || !canEdit) {
    return (
      <div className="stack">
        <div className="card">
          <div className="card__header">
            <h2 style={{ flex: 1 }}>Details</h2>
            {canEdit ? (
              <button type="button" className="button" onClick={startEditing}>
                Edit details
              </button>
            ) : null}
          </div>
          <div className="card__body">
            <dl className="details">
              <dt>Name</dt>
              <dd>{entity.name}</dd>
              {label.textField ? (
                <>
                  <dt>{textLabel}</dt>
                  <dd>{entity[label.textField] || <span className="subtle">Not set</span>}</dd>
                </>
              ) : null}
              {kind === 'projects' ? (
                <>
                  <dt>Start date</dt>
                  <dd>
                    {entity.startDate ? (
                      formatDate(entity.startDate)
                    ) : (
                      <span className="subtle">Not set</span>
                    )}
                  </dd>
                </>
              ) : null}
              <dt>Description</dt>
              <dd>{entity.description || <span className="subtle">No description yet</span>}</dd>
              {entity.updatedAt ? (
                <>
                  <dt>Last updated</dt>
                  <dd>{formatDateTime(entity.updatedAt)}</dd>
                </>
              ) : null}
            </dl>
          </div>
        </div>
        {kind === 'programs' || kind === 'products' ? (
          <LinkedProjects kind={kind} workspaceId={workspaceId} entityId={entity.id} />
        ) : null}
        {canManage ? (
          <div className="card card--danger">
            <div className="card__header">
              <div style={{ flex: 1 }}>
                <h2>Delete this {label.singular.toLowerCase()}</h2>
                <p>It disappears for everyone in the workspace. Its history stays in the audit log.</p>
              </div>
              <button type="button" className="button button--danger" onClick={() => setDeleting(true)}>
                Delete
              </button>
            </div>
          </div>
        ) : null}
        <ConfirmDelete
          open={deleting}
          onClose={() => {
            remove.reset();
            setDeleting(false);
          }}
          what={`${label.singular.toLowerCase()} “${entity.name}”`}
          confirmText={entity.name}
          pending={remove.isPending}
          error={remove.error}
          onConfirm={() => remove.mutate()}
        />
      </div>
    );
  }
  return (
    <FormCard
      title="Edit details"
      onSubmit={() => save.mutate()}
      footer={
        <>
          <button type="button" className="button" onClick={() => setEditing(false)}>
            Cancel
          </button>
          <button type="submit" className="button button--primary" disabled={save.isPending || conflict}>
            {save.isPending ? 'Saving…' : 'Save changes'}
          </button>
        </>
      }
    >
      {conflict ? (
        <ConflictAlert onReload={reload}>
          This {label.singular.toLowerCase()} was changed by someone else — reload to see their version, then
          apply your edits again.
        </ConflictAlert>
      ) : null}
      <FormAlert message={failure.form} />
      <TextField
        label="Name"
        value={draft.name}
        onChange={(e) => setDraft({ ...draft, name: e.target.value })}
        error={failure.fields.name}
        required
      />
      {label.textField ? (
        <TextField
          label={textLabel}
          value={draft.text}
          onChange={(e) => setDraft({ ...draft, text: e.target.value })}
          error={failure.fields[label.textField]}
        />
      ) : null}
      {kind === 'projects' ? (
        <TextField
          label="Start date"
          type="date"
          value={draft.startDate}
          onChange={(e) => setDraft({ ...draft, startDate: e.target.value })}
          error={failure.fields.startDate}
        />
      ) : null}
      <TextAreaField
        label="Description"
        value={draft.description}
        onChange={(e) => setDraft({ ...draft, description: e.target.value })}
        error={failure.fields.description}
        rows={5}
      />
    </FormCard>
  );
}
