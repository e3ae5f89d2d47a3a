import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { messageOf } from '../../../api/client';
import type { PlanTask } from '../../../api/plan';
import { Dialog } from '../../../components/dialog';
import { FormAlert } from '../../../components/feedback';
import { SelectField, TextAreaField, TextField } from '../../../components/field';
import { type Deliverable, type DeliverableFields, deliverablesApi } from './deliverables-api';

/** Adds or edits a deliverable: title, description, acceptance checklist and the milestone it is due at. */
export function DeliverableDialog({
  projectId,
  item,
  milestones,
  onClose,
  onSaved,
}: {
  projectId: string;
  item: Deliverable | null;
  milestones: readonly PlanTask[];
  onClose: () => void;
  onSaved: () => void;
}) {
  const [fields, setFields] = useState<DeliverableFields>({
    title: item?.title ?? '',
    description: item?.description ?? '',
    acceptanceCriteria: item?.acceptanceCriteria ?? '- [ ] ',
    milestoneTaskId: item?.milestoneTaskId ?? null,
  });
  const save = useMutation({
    mutationFn: () => {
      const body = { ...fields, title: fields.title.trim() };
      return item ? deliverablesApi.update(item, body) : deliverablesApi.create(projectId, body);
    },
    onSuccess: onSaved,
  });
  const set = (patch: Partial<DeliverableFields>) => setFields((old) => ({ ...old, ...patch }));
  return (
    <Dialog
      open
      onClose={onClose}
      title={item ? `Edit “${item.title}”` : 'New deliverable'}
      onSubmit={(event) => {
        event.preventDefault();
        save.mutate();
      }}
      footer={
        <>
          <button type="button" className="button button--ghost" onClick={onClose}>
            Cancel
          </button>
          <button
            type="submit"
            className="button button--primary"
            disabled={save.isPending || fields.title.trim() === ''}
          >
            {item ? 'Save' : 'Add deliverable'}
          </button>
        </>
      }
    >
      <div className="stack">
        <FormAlert message={save.error ? messageOf(save.error) : undefined} />
        <TextField
          label="Title"
          required
          value={fields.title}
          onChange={(event) => set({ title: event.target.value })}
        />
        <TextAreaField
          label="Description"
          rows={3}
          value={fields.description}
          onChange={(event) => set({ description: event.target.value })}
        />
        <TextAreaField
          label="Acceptance criteria"
          hint="A Markdown checklist: one “- [ ] …” line per criterion, “- [x]” when it is met."
          rows={4}
          value={fields.acceptanceCriteria}
          disabled={item?.state === 'accepted'}
          onChange={(event) => set({ acceptanceCriteria: event.target.value })}
        />
        <SelectField
          label="Milestone"
          value={fields.milestoneTaskId ?? ''}
          onChange={(value) => set({ milestoneTaskId: value || null })}
          options={[
            { value: '', label: 'No milestone' },
            ...milestones.map((task) => ({ value: task.id, label: task.name })),
          ]}
        />
      </div>
    </Dialog>
  );
}
