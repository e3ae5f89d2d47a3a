import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api } from '../../api/endpoints';
import { keys } from '../../api/query-keys';
import type { WorkspaceRole } from '../../api/types';
import { CopyButton } from '../../components/copy-button';
import { Dialog, DialogActions } from '../../components/dialog';
import { FormAlert } from '../../components/feedback';
import { TextField } from '../../components/field';
import { formFailure } from '../../components/form-error';
import { roleHints, roleLabels } from '../../lib/roles';

/**
 * Invites someone by email and shows the accept link, so it can be shared even without a mail server; `roles` are the
 * roles the server lets the caller invite with.
 */
export function InviteDialog({
  workspaceId,
  roles,
  open,
  onClose,
}: {
  workspaceId: string;
  roles: WorkspaceRole[];
  open: boolean;
  onClose: () => void;
}) {
  const client = useQueryClient();
  const [email, setEmail] = useState('');
  const [role, setRole] = useState<WorkspaceRole>('member');
  const invite = useMutation({
    mutationFn: () => api.invite(workspaceId, { email: email.trim(), role }),
    onSuccess: () => void client.invalidateQueries({ queryKey: keys.invitations(workspaceId) }),
  });
  const close = () => {
    invite.reset();
    setEmail('');
    onClose();
  };
  const failure = formFailure(invite.error, ['email', 'role']);
  if (invite.isSuccess) {
    return (
      <Dialog
        open={open}
        onClose={close}
        title="Invitation sent"
        description={`${invite.data.invitation.email} can join as ${roleLabels[invite.data.invitation.role].toLowerCase()} with this link. It was also sent by email if a mail server is set up.`}
        footer={
          <button type="button" className="button button--primary" onClick={close}>
            Done
          </button>
        }
      >
        <div className="field">
          <span className="field__label">Accept link</span>
          <div className="secret">
            <code data-testid="accept-url">{invite.data.acceptUrl}</code>
            <CopyButton text={invite.data.acceptUrl} label="Copy link" />
          </div>
          <span className="field__hint">
            Anyone with this link can accept the invitation, so share it privately.
          </span>
        </div>
      </Dialog>
    );
  }
  return (
    <Dialog
      open={open}
      onClose={close}
      title="Invite people"
      description="They get a link to join this workspace. Roles can be changed later."
      onSubmit={() => invite.mutate()}
      footer={
        <DialogActions onCancel={close} disabled={invite.isPending}>
          Send invitation
        </DialogActions>
      }
    >
      <FormAlert message={failure.form} />
      <TextField
        label="Email address"
        type="email"
        autoFocus
        required
        placeholder="name@company.com"
        value={email}
        onChange={(e) => setEmail(e.target.value)}
        error={failure.fields.email}
      />
      <fieldset className="field" style={{ border: 0, padding: 0, margin: 0 }}>
        <legend className="field__label" style={{ marginBottom: 6 }}>
          Role
        </legend>
        <div className="stack-sm">
          {roles.map((r) => (
            <label key={r} className="row" style={{ alignItems: 'flex-start', cursor: 'pointer' }}>
              <input
                type="radio"
                name="role"
                value={r}
                checked={role === r}
                onChange={() => setRole(r)}
                style={{ marginTop: 4 }}
              />
              <span>
                <strong style={{ fontWeight: 550 }}>{roleLabels[r]}</strong>
                <span className="muted" style={{ display: 'block', fontSize: 13 }}>
                  {roleHints[r]}
                </span>
              </span>
            </label>
          ))}
        </div>
        {failure.fields.role ? <span className="field__error">{failure.fields.role}</span> : null}
      </fieldset>
    </Dialog>
  );
}
