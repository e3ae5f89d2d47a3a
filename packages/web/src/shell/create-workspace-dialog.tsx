import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import { api, unwrapWorkspace } from '../api/endpoints';
import { keys } from '../api/query-keys';
import { Dialog, DialogActions } from '../components/dialog';
import { FormAlert } from '../components/feedback';
import { TextField } from '../components/field';
import { formFailure } from '../components/form-error';
import { useToast } from '../components/toast';

/** Names a new workspace and opens it; the creator becomes its owner. */
export function CreateWorkspaceDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const [name, setName] = useState('');
  const client = useQueryClient();
  const navigate = useNavigate();
  const toast = useToast();
  const create = useMutation({
    mutationFn: () => api.createWorkspace({ name: name.trim() }),
    onSuccess: async (reply) => {
      const workspace = unwrapWorkspace(reply);
      await client.invalidateQueries({ queryKey: keys.me });
      toast.success(`Workspace “${workspace.name}” created`);
      setName('');
      onClose();
      await navigate({ to: '/w/$workspaceId', params: { workspaceId: workspace.id } });
    },
  });
  const failure = formFailure(create.error, ['name']);
  const close = () => {
    create.reset();
    onClose();
  };
  return (
    <Dialog
      open={open}
      onClose={close}
      title="Create a workspace"
      description="A workspace holds your products, programs, projects and the people who work on them."
      onSubmit={() => create.mutate()}
      footer={
        <DialogActions onCancel={close} disabled={create.isPending}>
          Create workspace
        </DialogActions>
      }
    >
      <FormAlert message={failure.form} />
      <TextField
        label="Workspace name"
        placeholder="Acme Inc."
        autoFocus
        value={name}
        onChange={(e) => setName(e.target.value)}
        error={failure.fields.name}
      />
    </Dialog>
  );
}
