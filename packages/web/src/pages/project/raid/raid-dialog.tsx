import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { type FormEvent, useState } from 'react';
import { ApiError, messageOf } from '../../../api/client';
import { Dialog, DialogActions } from '../../../components/dialog';
import { FormAlert } from '../../../components/feedback';
import { SelectField, TextAreaField, TextField } from '../../../components/field';
import { useToast } from '../../../components/toast';
import { useCan } from '../../../lib/permissions';
import { OwnerField } from '../risks/owners';
import {
  kindLabels,
  priorityLabels,
  type RaidInput,
  type RaidItem,
  type RaidKind,
  type RaidPriority,
  type RaidSeverity,
  type RaidStatus,
  raidApi,
  raidKeys,
  raidStatusLabels,
  severityLabels,
} from './raid-api';
import { RaidLinksPanel } from './raid-links-panel';

const optionsOf = (labels: Record<string, string>) =>
  Object.entries(labels).map(([value, label]) => ({ value, label }));

/** Adds an issue, assumption or decision to the RAID log, or edits one with its links. */
export function RaidDialog({
  workspaceId,
  projectId,
  item,
  kind: initialKind,
  open,
  onClose,
}: {
  workspaceId: string;
  projectId: string;
  item: RaidItem | null;
  kind: RaidKind;
  open: boolean;
  onClose: () => void;
}) {
  const client = useQueryClient();
  const navigate = useNavigate();
  const toast = useToast();
  const canEdit = useCan('edit');
  const [kind, setKind] = useState<RaidKind>(item?.kind ?? initialKind);
  const [title, setTitle] = useState(item?.title ?? '');
  const [description, setDescription] = useState(item?.description ?? '');
  const [severity, setSeverity] = useState<RaidSeverity>(item?.severity ?? 'medium');
  const [priority, setPriority] = useState<RaidPriority>(item?.priority ?? 'medium');
  const [ownerId, setOwnerId] = useState(item?.ownerId ?? '');
  const [dueDate, setDueDate] = useState(item?.dueDate ?? '');
  const [status, setStatus] = useState<RaidStatus>(item?.status ?? 'open');
  const [resolution, setResolution] = useState(item?.resolution ?? '');
  const save = useMutation({
    mutationFn: () => {
      const body: RaidInput = {
        kind,
        title: title.trim(),
        description,
        severity,
        priority,
        ownerId: ownerId || null,
        dueDate: dueDate || null,
        status,
        resolution,
      };
      return item ? raidApi.update(item, body) : raidApi.create(projectId, body);
    },
    onSuccess: (saved) => {
      void client.invalidateQueries({ queryKey: raidKeys.all(projectId) });
      toast.success(`${kindLabels[saved.kind]} “${saved.title}” ${item ? 'saved' : 'added'}`);
      onClose();
    },
  });
  const fieldError = (field: string) =>
    save.error instanceof ApiError && save.error.field === field ? save.error.message : undefined;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate();
  };
  return (
    <Dialog
      open={open}
      onClose={onClose}
      title={item ? `${kindLabels[item.kind]}: ${item.title}` : `Add ${kindLabels[kind].toLowerCase()}`}
      onSubmit={submit}
      readOnly={!canEdit}
      footer={
        <DialogActions onCancel={onClose} disabled={save.isPending || title.trim() === ''}>
          {item ? 'Save' : `Add ${kindLabels[kind].toLowerCase()}`}
        </DialogActions>
      }
    >
      <div className="stack risk-form">
        <FormAlert
          message={
            save.error && !(save.error instanceof ApiError && save.error.field)
              ? messageOf(save.error)
              : undefined
          }
        />
        {item?.riskId ? (
          <div className="alert alert--warning row" role="status">
            <span style={{ flex: 1 }}>Raised when a risk of the register occurred.</span>
            <button
              type="button"
              className="button button--small"
              onClick={() => void navigate({ to: '.', search: { view: 'risks' } })}
            >
              Open the risk register
            </button>
          </div>
        ) : null}
        <div className="risk-form__pair">
          <SelectField
            label="Kind"
            value={kind}
            onChange={(value) => setKind(value as RaidKind)}
            options={optionsOf(kindLabels)}
          />
          <SelectField
            label="Status"
            value={status}
            onChange={(value) => setStatus(value as RaidStatus)}
            options={optionsOf(raidStatusLabels)}
          />
        </div>
        <TextField
          label="Title"
          required
          value={title}
          onChange={(event) => setTitle(event.target.value)}
          error={fieldError('title')}
        />
        <TextAreaField
          label="Description"
          rows={3}
          value={description}
          onChange={(event) => setDescription(event.target.value)}
          error={fieldError('description')}
        />
        <div className="risk-form__pair">
          <SelectField
            label="Severity"
            value={severity}
            onChange={(value) => setSeverity(value as RaidSeverity)}
            options={optionsOf(severityLabels)}
          />
          <SelectField
            label="Priority"
            value={priority}
            onChange={(value) => setPriority(value as RaidPriority)}
            options={optionsOf(priorityLabels)}
          />
        </div>
        <div className="risk-form__pair">
          <OwnerField
            workspaceId={workspaceId}
            value={ownerId}
            onChange={setOwnerId}
            error={fieldError('ownerId')}
          />
          <TextField
            label="Due date"
            type="date"
            value={dueDate}
            onChange={(event) => setDueDate(event.target.value)}
            error={fieldError('dueDate')}
          />
        </div>
        <TextAreaField
          label={kind === 'decision' ? 'Decision and rationale' : 'Resolution'}
          rows={2}
          value={resolution}
          onChange={(event) => setResolution(event.target.value)}
          error={fieldError('resolution')}
        />
        {item ? <RaidLinksPanel projectId={projectId} item={item} /> : null}
      </div>
    </Dialog>
  );
}
