import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useNavigate, useParams } from '@tanstack/react-router';
import { useEffect, useState } from 'react';
import { ApiError } from '../../api/client';
import { api, unwrapWorkspace } from '../../api/endpoints';
import { keys } from '../../api/query-keys';
import { ConflictAlert, FormAlert, Skeleton } from '../../components/feedback';
import { TextField } from '../../components/field';
import { FormCard } from '../../components/form-card';
import { formFailure } from '../../components/form-error';
import { useToast } from '../../components/toast';
import { useWorkspacePermissions } from '../../lib/permissions';
import { useDocumentTitle } from '../../lib/use-document-title';
import { ConfirmDelete } from '../entities/confirm-delete';
import { WorkspaceActivity } from './workspace-activity';

/** Workspace settings: its name, and the danger zone where the owner deletes it. */
export function SettingsPage() {
  const { workspaceId = '' } = useParams({ strict: false }) as { workspaceId?: string };
  const client = useQueryClient();
  const navigate = useNavigate();
  const toast = useToast();
  const can = useWorkspacePermissions(workspaceId).data;
  const workspace = useQuery({
    queryKey: keys.workspace(workspaceId),
    queryFn: async () => unwrapWorkspace(await api.workspace(workspaceId)),
  });
  const [name, setName] = useState('');
  const [deleting, setDeleting] = useState(false);
  useDocumentTitle('Settings');
  useEffect(() => {
    if (workspace.data) setName(workspace.data.name);
  }, [workspace.data]);
  const rename = useMutation({
    mutationFn: () => api.updateWorkspace(workspaceId, { name: name.trim() }, workspace.data?.version ?? 0),
    onSuccess: async () => {
      await client.invalidateQueries({ queryKey: keys.workspace(workspaceId) });
      await client.invalidateQueries({ queryKey: keys.me });
      toast.success('Workspace renamed');
    },
  });
  const remove = useMutation({
    mutationFn: () => api.deleteWorkspace(workspaceId, workspace.data?.version ?? 0),
    onSuccess: async () => {
      await client.invalidateQueries({ queryKey: keys.me });
      toast.success('Workspace deleted');
      await navigate({ to: '/' });
    },
  });
  const conflict = rename.error instanceof ApiError && rename.error.code === 'VERSION_CONFLICT';
  const failure = conflict ? { fields: {}, form: undefined } : formFailure(rename.error, ['name']);
  const manage = can?.rename ?? false;
  return (
    <div className="page page--narrow">
      <header className="page-header">
        <div className="page-header__text">
          <h1>Settings</h1>
          <p>How this workspace is named and kept.</p>
        </div>
      </header>
      <FormCard
        title="General"
        onSubmit={() => rename.mutate()}
        footer={
          manage ? (
            <button
              type="submit"
              className="button button--primary"
              disabled={rename.isPending || !workspace.data || name.trim() === workspace.data.name}
            >
              Save
            </button>
          ) : undefined
        }
      >
        {conflict ? (
          <ConflictAlert
            onReload={() => {
              rename.reset();
              void workspace.refetch();
            }}
          >
            The workspace was changed by someone else — reload to see the new name.
          </ConflictAlert>
        ) : null}
        <FormAlert message={failure.form} />
        {workspace.isPending ? (
          <Skeleton height={34} />
        ) : (
          <TextField
            label="Workspace name"
            value={name}
            onChange={(e) => setName(e.target.value)}
            disabled={!manage}
            error={failure.fields.name}
            hint={manage ? undefined : 'Only owners and admins can rename the workspace.'}
          />
        )}
      </FormCard>
      {can?.seeAudit ? <WorkspaceActivity workspaceId={workspaceId} /> : null}
      {can?.delete && workspace.data ? (
        <section className="card card--danger" aria-labelledby="danger-heading">
          <div className="card__header">
            <div style={{ flex: 1 }}>
              <h2 id="danger-heading">Danger zone</h2>
              <p>Deleting the workspace removes its products, programs, projects and members for everyone.</p>
            </div>
            <button type="button" className="button button--danger" onClick={() => setDeleting(true)}>
              Delete workspace
            </button>
          </div>
        </section>
      ) : null}
      {workspace.data ? (
        <ConfirmDelete
          open={deleting}
          onClose={() => {
            remove.reset();
            setDeleting(false);
          }}
          what={`workspace “${workspace.data.name}”`}
          confirmText={workspace.data.name}
          pending={remove.isPending}
          error={remove.error}
          onConfirm={() => remove.mutate()}
        />
      ) : null}
    </div>
  );
}
