import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useState } from 'react';
import { api } from '../../api/endpoints';
import { keys } from '../../api/query-keys';
import type { EntityKind, EntityRole } from '../../api/types';
import { EmptyState, FormAlert, initials, SkeletonRows } from '../../components/feedback';
import { Icons } from '../../components/icons';
import { MemberRoleSelect } from '../../components/member-role-select';
import { useToast } from '../../components/toast';
import { kindLabels } from '../../lib/kinds';
import { useCan } from '../../lib/permissions';
import { entityRoleLabels, entityRolesFor } from '../../lib/roles';

/** The members tab: who holds which role on this product or project, and adding or changing them. */
export function EntityMembers({
  kind,
  workspaceId,
  entityId,
}: {
  kind: EntityKind;
  workspaceId: string;
  entityId: string;
}) {
  const client = useQueryClient();
  const toast = useToast();
  const label = kindLabels[kind];
  const roles = entityRolesFor(kind);
  const canManage = useCan('manage');
  const members = useQuery({
    queryKey: keys.entityMembers(kind, entityId),
    queryFn: () => api.entityMembers(kind, entityId),
  });
  const people = useQuery({
    queryKey: keys.members(workspaceId),
    queryFn: () => api.members(workspaceId),
    retry: false,
  });
  const [userId, setUserId] = useState('');
  const [role, setRole] = useState<EntityRole>('contributor');
  const refresh = () => {
    void client.invalidateQueries({ queryKey: keys.entityMembers(kind, entityId) });
    void client.invalidateQueries({ queryKey: keys.history(kind.slice(0, -1), entityId) });
  };
  const put = useMutation({
    mutationFn: (input: { userId: string; role: EntityRole }) =>
      api.setEntityMember(kind, entityId, input.userId, input.role),
    onSuccess: () => {
      refresh();
      setUserId('');
      toast.success('Role saved');
    },
    onError: (error) => toast.error(error.message),
  });
  const remove = useMutation({
    mutationFn: (id: string) => api.removeEntityMember(kind, entityId, id),
    onSuccess: () => {
      refresh();
      toast.success('Removed');
    },
    onError: (error) => toast.error(error.message),
  });
  if (members.isPending) return <SkeletonRows rows={3} />;
  if (members.isError) return <FormAlert message={members.error.message} />;
  const list = members.data.items;
  const candidates = (people.data?.items ?? []).filter((p) => !list.some((m) => m.user.id === p.user.id));
  return (
    <div className="stack">
      {!canManage ? null : candidates.length > 0 ? (
        <form
          className="card"
          onSubmit={(event) => {
            event.preventDefault();
            if (userId) put.mutate({ userId, role });
          }}
        >
          <div className="card__body row" style={{ alignItems: 'flex-end' }}>
            <div className="field" style={{ flex: 2 }}>
              <label className="field__label" htmlFor="entity-member-user">
                Add a person
              </label>
              <select
                id="entity-member-user"
                className="select"
                value={userId}
                onChange={(e) => setUserId(e.target.value)}
              >
                <option value="">Choose a workspace member…</option>
                {candidates.map((p) => (
                  <option key={p.user.id} value={p.user.id}>
                    {p.user.name} ({p.user.email})
                  </option>
                ))}
              </select>
            </div>
            <div className="field" style={{ flex: 1 }}>
              <label className="field__label" htmlFor="entity-member-role">
                Role
              </label>
              <select
                id="entity-member-role"
                className="select"
                value={role}
                onChange={(e) => setRole(e.target.value as EntityRole)}
              >
                {roles.map((r) => (
                  <option key={r} value={r}>
                    {entityRoleLabels[r]}
                  </option>
                ))}
              </select>
            </div>
            <button type="submit" className="button button--primary" disabled={!userId || put.isPending}>
              Add
            </button>
          </div>
        </form>
      ) : people.isSuccess ? (
        <p className="muted">
          Everyone in the workspace already has a role here.{' '}
          <Link to="/w/$workspaceId/people" params={{ workspaceId }}>
            Invite people
          </Link>{' '}
          to the workspace to add more.
        </p>
      ) : null}
      {list.length === 0 ? (
        <EmptyState icon={<Icons.people width={22} height={22} />} title="No one has a role here yet">
          {canManage ? `Give people a role on this ${label.singular.toLowerCase()}: ` : 'On this '}
          {canManage ? '' : `${label.singular.toLowerCase()}, `}managers run it, contributors edit it, viewers
          follow along. Workspace admins and members see it anyway; guests only see it once they have a role.
        </EmptyState>
      ) : (
        <ul className="card list" aria-label={`${label.singular} members`}>
          {list.map((member) => (
            <li key={member.user.id} className="list__item">
              <span className="avatar">{initials(member.user.name)}</span>
              <div className="list__main">
                <span>{member.user.name}</span>
                <span>{member.user.email}</span>
              </div>
              {canManage ? (
                <>
                  <MemberRoleSelect
                    member={member.user}
                    value={member.role}
                    roles={roles}
                    labels={entityRoleLabels}
                    onChange={(role) => put.mutate({ userId: member.user.id, role })}
                  />
                  <button
                    type="button"
                    className="button button--ghost button--small"
                    onClick={() => remove.mutate(member.user.id)}
                    aria-label={`Remove ${member.user.name}`}
                  >
                    Remove
                  </button>
                </>
              ) : (
                <span className="badge">{entityRoleLabels[member.role]}</span>
              )}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
