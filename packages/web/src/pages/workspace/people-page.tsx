import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useParams } from '@tanstack/react-router';
import { useState } from 'react';
import { api } from '../../api/endpoints';
import { keys } from '../../api/query-keys';
import type { WorkspaceMember, WorkspaceRole } from '../../api/types';
import { ConfirmDialog } from '../../components/confirm-dialog';
import { FormAlert, initials, SkeletonRows } from '../../components/feedback';
import { Icons } from '../../components/icons';
import { MemberRoleSelect } from '../../components/member-role-select';
import { useToast } from '../../components/toast';
import { formatDate } from '../../lib/format';
import { useWorkspacePermissions } from '../../lib/permissions';
import { roleLabels } from '../../lib/roles';
import { useMe } from '../../lib/session';
import { useDocumentTitle } from '../../lib/use-document-title';
import { InviteDialog } from './invite-dialog';

/** People of the workspace: members with their roles, pending invitations, invite and remove. */
export function PeoplePage() {
  const { workspaceId = '' } = useParams({ strict: false }) as { workspaceId?: string };
  const client = useQueryClient();
  const toast = useToast();
  const me = useMe();
  const permissions = useWorkspacePermissions(workspaceId).data;
  const manage = permissions?.manageMembers ?? false;
  const [inviting, setInviting] = useState(false);
  useDocumentTitle('People');
  const [removing, setRemoving] = useState<WorkspaceMember | null>(null);
  const members = useQuery({ queryKey: keys.members(workspaceId), queryFn: () => api.members(workspaceId) });
  const invitations = useQuery({
    queryKey: keys.invitations(workspaceId),
    queryFn: () => api.invitations(workspaceId),
    enabled: manage,
  });
  const refresh = () => void client.invalidateQueries({ queryKey: keys.members(workspaceId) });
  const changeRole = useMutation({
    mutationFn: (input: { member: WorkspaceMember; role: WorkspaceRole }) =>
      api.updateMember(workspaceId, input.member.user.id, input.role, input.member.version),
    onSuccess: () => {
      refresh();
      toast.success('Role changed');
    },
    onError: (error) => {
      refresh();
      toast.error(error.message);
    },
  });
  const remove = useMutation({
    mutationFn: (member: WorkspaceMember) => api.removeMember(workspaceId, member.user.id, member.version),
    onSuccess: (_, member) => {
      refresh();
      setRemoving(null);
      toast.success(`${member.user.name} was removed from the workspace`);
    },
  });
  const revoke = useMutation({
    mutationFn: (id: string) => api.revokeInvitation(workspaceId, id),
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: keys.invitations(workspaceId) });
      toast.success('Invitation revoked');
    },
    onError: (error) => toast.error(error.message),
  });
  const pending = invitations.data?.items ?? [];
  return (
    <div className="page">
      <header className="page-header">
        <div className="page-header__text">
          <h1>People</h1>
          <p>Who is in this workspace and what they may do.</p>
        </div>
        {manage ? (
          <button type="button" className="button button--primary" onClick={() => setInviting(true)}>
            <Icons.mail />
            Invite people
          </button>
        ) : null}
      </header>
      {members.isPending ? (
        <SkeletonRows rows={4} />
      ) : members.isError ? (
        <FormAlert message={members.error.message} />
      ) : (
        <section className="card" aria-labelledby="members-heading">
          <div className="card__header">
            <h2 id="members-heading" style={{ flex: 1 }}>
              Members
            </h2>
            <span className="badge">{members.data.items.length}</span>
          </div>
          <ul className="list" aria-label="Workspace members">
            {members.data.items.map((member) => {
              const self = member.user.id === me.data?.user.id;
              // Which roles the caller may give this member, and whether they may remove them, is the server's
              // answer; nobody changes their own role here (leaving is on the account page).
              const choices = self ? [] : (permissions?.assignableRoles[member.role] ?? []);
              const removable = !self && (permissions?.removableRoles.includes(member.role) ?? false);
              return (
                <li key={member.user.id} className="list__item">
                  <span className="avatar">{initials(member.user.name)}</span>
                  <div className="list__main">
                    <span>
                      {member.user.name} {self ? <span className="badge">You</span> : null}
                    </span>
                    <span>{member.user.email}</span>
                  </div>
                  {choices.length > 0 || removable ? (
                    <>
                      {choices.length > 0 ? (
                        <MemberRoleSelect
                          member={member.user}
                          value={member.role}
                          roles={choices}
                          labels={roleLabels}
                          onChange={(role) => changeRole.mutate({ member, role })}
                        />
                      ) : (
                        <span className="badge">{roleLabels[member.role]}</span>
                      )}
                      {removable ? (
                        <button
                          type="button"
                          className="button button--ghost button--small"
                          aria-label={`Remove ${member.user.name}`}
                          onClick={() => setRemoving(member)}
                        >
                          Remove
                        </button>
                      ) : null}
                    </>
                  ) : (
                    <span className={`badge${member.role === 'owner' ? ' badge--accent' : ''}`}>
                      {roleLabels[member.role]}
                    </span>
                  )}
                </li>
              );
            })}
          </ul>
        </section>
      )}
      {manage && pending.length > 0 ? (
        <section className="card" aria-labelledby="invitations-heading">
          <div className="card__header">
            <h2 id="invitations-heading" style={{ flex: 1 }}>
              Pending invitations
            </h2>
            <span className="badge">{pending.length}</span>
          </div>
          <ul className="list" aria-label="Pending invitations">
            {pending.map((invitation) => (
              <li key={invitation.id} className="list__item">
                <span
                  className="avatar"
                  style={{ background: 'var(--bg-muted)', color: 'var(--text-subtle)' }}
                >
                  <Icons.mail />
                </span>
                <div className="list__main">
                  <span>{invitation.email}</span>
                  <span>
                    {roleLabels[invitation.role]} · expires {formatDate(invitation.expiresAt)}
                  </span>
                </div>
                <button
                  type="button"
                  className="button button--ghost button--small"
                  onClick={() => revoke.mutate(invitation.id)}
                  aria-label={`Revoke the invitation of ${invitation.email}`}
                >
                  Revoke
                </button>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {manage && members.data?.items.length === 1 && pending.length === 0 ? (
        <p className="muted">
          Tandem works best with your team. Invite a product manager, a project manager or a stakeholder:
          guests see only what you share with them.
        </p>
      ) : null}
      <InviteDialog
        workspaceId={workspaceId}
        roles={permissions?.invitableRoles ?? []}
        open={inviting}
        onClose={() => setInviting(false)}
      />
      <ConfirmDialog
        open={removing !== null}
        title={`Remove ${removing?.user.name ?? ''}?`}
        confirmLabel="Remove from workspace"
        pending={remove.isPending}
        error={remove.error}
        onConfirm={() => removing && remove.mutate(removing)}
        onClose={() => {
          remove.reset();
          setRemoving(null);
        }}
      >
        They lose access to everything in this workspace at once, including what they were given a role on.
        Their past changes stay in the history.
      </ConfirmDialog>
    </div>
  );
}
