import { useMutation, useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { messageOf } from '../../../api/client';
import type { PlanLink, PlanTask } from '../../../api/plan';
import { Dialog } from '../../../components/dialog';
import { FormAlert } from '../../../components/feedback';
import { TextAreaField, TextField } from '../../../components/field';
import { type ChangeDraft, type ChangeEdit, type ChangeRequest, changesApi } from './changes-api';
import { ImpactPanel } from './impact-panel';
import { ProposalBuilder } from './proposal-builder';

interface EditorProps {
  projectId: string;
  /** The draft being edited; null raises a new change request. */
  change: ChangeRequest | null;
  tasks: readonly PlanTask[];
  links: readonly PlanLink[];
  onClose: () => void;
  onSaved: (change: ChangeRequest) => void;
}

/** Waits until the value stops changing for `ms`, so the impact is asked once per pause in typing. */
function useSettled<T>(value: T, ms: number): T {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return settled;
}

/** Raises or edits a change request: what and why, the plan edits, and their impact computed as they are chosen. */
export function ChangeEditor({ projectId, change, tasks, links, onClose, onSaved }: EditorProps) {
  const [title, setTitle] = useState(change?.title ?? '');
  const [reason, setReason] = useState(change?.reason ?? '');
  const [description, setDescription] = useState(change?.description ?? '');
  const [proposal, setProposal] = useState<ChangeEdit[]>(change?.proposal ?? []);
  const settled = useSettled(proposal, 300);
  const preview = useQuery({
    queryKey: ['change-impact-preview', projectId, JSON.stringify(settled)],
    queryFn: () => changesApi.preview(projectId, settled),
    enabled: settled.length > 0,
    retry: false,
  });
  const save = useMutation({
    mutationFn: (submit: boolean) => {
      const draft: ChangeDraft = { title: title.trim(), reason, description, proposal };
      if (change === null) return changesApi.create(projectId, { ...draft, submit });
      return changesApi.update(change, draft).then((saved) => (submit ? changesApi.submit(saved) : saved));
    },
    onSuccess: onSaved,
  });
  return (
    <Dialog
      open
      onClose={onClose}
      title={change ? `Edit ${change.code}` : 'New change request'}
      description="Say what changes and why, list the plan edits, and see what they do to the schedule before anyone approves."
      onSubmit={(event) => {
        event.preventDefault();
        save.mutate(true);
      }}
      footer={
        <>
          <button type="button" className="button button--ghost" onClick={onClose}>
            Cancel
          </button>
          <button
            type="button"
            className="button"
            disabled={save.isPending || title.trim() === ''}
            onClick={() => save.mutate(false)}
          >
            Save draft
          </button>
          <button
            type="submit"
            className="button button--primary"
            disabled={save.isPending || title.trim() === ''}
          >
            Submit for approval
          </button>
        </>
      }
    >
      <div className="stack change-editor">
        <FormAlert message={save.error ? messageOf(save.error) : undefined} />
        <TextField
          label="Title"
          required
          value={title}
          onChange={(event) => setTitle(event.target.value)}
          placeholder="Add single sign-on"
        />
        <TextAreaField
          label="Reason"
          rows={2}
          value={reason}
          onChange={(event) => setReason(event.target.value)}
          placeholder="Why the change is needed"
        />
        <TextAreaField
          label="Description"
          rows={3}
          value={description}
          onChange={(event) => setDescription(event.target.value)}
          placeholder="What changes (Markdown)"
        />
        <section aria-label="Proposal">
          <h3 className="change-editor__heading">Proposal</h3>
          <ProposalBuilder tasks={tasks} links={links} value={proposal} onChange={setProposal} />
        </section>
        {proposal.length > 0 ? (
          <section aria-label="Impact preview">
            <h3 className="change-editor__heading">Impact</h3>
            {preview.isError ? (
              <FormAlert message={messageOf(preview.error)} />
            ) : preview.data ? (
              <ImpactPanel impact={preview.data.impact} live />
            ) : (
              <p className="muted">Computing…</p>
            )}
          </section>
        ) : null}
      </div>
    </Dialog>
  );
}
