import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useEffect, useId, useRef, useState } from 'react';
import { ApiError, messageOf } from '../../../api/client';
import { FormAlert } from '../../../components/feedback';
import { Icons } from '../../../components/icons';
import { useToast } from '../../../components/toast';
import { useCan } from '../../../lib/permissions';
import {
  type AgileTask,
  agileApi,
  agileKeys,
  type CustomField,
  type Priority,
  priorities,
  type Sprint,
  useCustomFields,
  type WorkflowColumn,
} from './agile-api';

/**
 * The details of one task beside the board or list: its name, status, priority, points, labels, sprint and
 * description, saved together with the version it was opened at.
 */
export function TaskDetails({
  task,
  projectId,
  columns,
  sprints,
  outline,
  onClose,
}: {
  task: AgileTask;
  projectId: string;
  columns: readonly WorkflowColumn[];
  sprints: readonly Sprint[];
  outline: string;
  onClose: () => void;
}) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const client = useQueryClient();
  const toast = useToast();
  const [draft, setDraft] = useState(() => draftOf(task));
  const [custom, setCustom] = useState(task.customFields);
  const canEdit = useCan('edit');
  const fields = useCustomFields(projectId).data?.fields ?? [];
  useEffect(() => {
    setDraft(draftOf(task));
    setCustom(task.customFields);
  }, [task]);
  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
  }, []);
  const save = useMutation({
    mutationFn: () =>
      agileApi.updateTask(
        task.id,
        {
          name: draft.name.trim(),
          status: draft.status,
          priority: draft.priority,
          storyPoints: draft.storyPoints === '' ? null : Number(draft.storyPoints),
          labels: draft.labels
            .split(',')
            .map((label) => label.trim())
            .filter(Boolean),
          sprintId: draft.sprintId || null,
          description: draft.description,
          customFields: Object.fromEntries(fields.map((f) => [f.key, custom[f.key] ?? null])),
        },
        task.version,
      ),
    onSuccess: async () => {
      await client.invalidateQueries({ queryKey: agileKeys.all(projectId) });
      toast.success(`Saved "${draft.name.trim()}"`);
      onClose();
    },
  });
  const field = (name: keyof typeof draft) => ({
    value: draft[name],
    onChange: (event: { target: { value: string } }) => setDraft({ ...draft, [name]: event.target.value }),
  });
  const conflict = save.error instanceof ApiError && save.error.status === 409;
  return (
    <dialog
      ref={ref}
      className="dialog task-details"
      aria-labelledby={titleId}
      onCancel={(event) => {
        event.preventDefault();
        onClose();
      }}
    >
      <form
        noValidate
        onSubmit={(event: FormEvent) => {
          event.preventDefault();
          if (canEdit) save.mutate();
        }}
      >
        <header className="dialog__header row">
          <h2 id={titleId} style={{ flex: 1 }}>
            <span className="subtle">{outline}</span> {task.name}
          </h2>
          <button type="button" className="icon-button" aria-label="Close" onClick={onClose}>
            <Icons.close width={16} />
          </button>
        </header>
        <fieldset className="dialog__body stack form-card__fields" disabled={!canEdit}>
          <FormAlert
            message={
              conflict
                ? 'Someone changed this task meanwhile. Close and open it again to see their version.'
                : save.error
                  ? messageOf(save.error)
                  : undefined
            }
          />
          <label className="field">
            <span className="field__label">Name</span>
            <input className="input" required maxLength={200} {...field('name')} />
          </label>
          <div className="task-details__grid">
            <label className="field">
              <span className="field__label">Status</span>
              <select className="select" {...field('status')}>
                {columns.map((column) => (
                  <option key={column.key} value={column.key}>
                    {column.name}
                  </option>
                ))}
              </select>
            </label>
            <label className="field">
              <span className="field__label">Priority</span>
              <select className="select" {...field('priority')}>
                {priorities.map((priority) => (
                  <option key={priority} value={priority}>
                    {priority}
                  </option>
                ))}
              </select>
            </label>
            <label className="field">
              <span className="field__label">Story points</span>
              <input className="input" type="number" min={0} step="any" {...field('storyPoints')} />
            </label>
            <label className="field">
              <span className="field__label">Sprint</span>
              <select className="select" {...field('sprintId')}>
                <option value="">Backlog</option>
                {sprints
                  .filter((sprint) => sprint.state !== 'completed' || sprint.id === task.sprintId)
                  .map((sprint) => (
                    <option key={sprint.id} value={sprint.id}>
                      {sprint.name}
                    </option>
                  ))}
              </select>
            </label>
          </div>
          {fields.length > 0 ? (
            <div className="task-details__grid">
              {fields.map((field) => (
                <CustomFieldInput
                  key={field.key}
                  field={field}
                  value={custom[field.key] ?? null}
                  onChange={(value) => setCustom({ ...custom, [field.key]: value })}
                />
              ))}
            </div>
          ) : null}
          <label className="field">
            <span className="field__label">Labels</span>
            <input className="input" placeholder="ux, payments" {...field('labels')} />
            <span className="field__hint">Separated by commas.</span>
          </label>
          <label className="field">
            <span className="field__label">Description</span>
            <textarea className="textarea" rows={5} {...field('description')} />
          </label>
        </fieldset>
        <footer className="dialog__footer">
          <button type="button" className="button" onClick={onClose}>
            {canEdit ? 'Cancel' : 'Close'}
          </button>
          {canEdit ? (
            <button
              type="submit"
              className="button button--primary"
              disabled={save.isPending || !draft.name.trim()}
            >
              Save task
            </button>
          ) : null}
        </footer>
      </form>
    </dialog>
  );
}

function draftOf(task: AgileTask) {
  return {
    name: task.name,
    status: task.status,
    priority: task.priority as Priority,
    storyPoints: task.storyPoints === null ? '' : String(task.storyPoints),
    labels: task.labels.join(', '),
    sprintId: task.sprintId ?? '',
    description: task.description,
  };
}

/** The input of one custom field, by its type; an emptied field saves as null. */
function CustomFieldInput({
  field,
  value,
  onChange,
}: {
  field: CustomField;
  value: string | number | boolean | null;
  onChange: (value: string | number | boolean | null) => void;
}) {
  const id = useId();
  if (field.type === 'checkbox') {
    return (
      <label className="row" style={{ gap: 8, alignSelf: 'end' }}>
        <input
          type="checkbox"
          checked={value === true}
          onChange={(event) => onChange(event.target.checked)}
        />
        {field.name}
      </label>
    );
  }
  return (
    <div className="field">
      <label className="field__label" htmlFor={id}>
        {field.name}
      </label>
      {field.type === 'select' ? (
        <select
          id={id}
          className="select"
          value={typeof value === 'string' ? value : ''}
          onChange={(event) => onChange(event.target.value || null)}
        >
          <option value="">—</option>
          {(field.options ?? []).map((option) => (
            <option key={option} value={option}>
              {option}
            </option>
          ))}
        </select>
      ) : (
        <input
          id={id}
          className="input"
          type={field.type === 'number' ? 'number' : field.type === 'date' ? 'date' : 'text'}
          value={value === null ? '' : String(value)}
          onChange={(event) => {
            const text = event.target.value;
            onChange(text === '' ? null : field.type === 'number' ? Number(text) : text);
          }}
        />
      )}
    </div>
  );
}
