import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import { api, unwrapWorkspace } from '../api/endpoints';
import { keys } from '../api/query-keys';
import { FormAlert } from '../components/feedback';
import { TextField } from '../components/field';
import { formFailure } from '../components/form-error';
import { useMe, useSignOut } from '../lib/session';
import { AuthLayout } from './auth/auth-layout';

/** The first stop of a new account with no workspace: name one, and become its owner. */
export function WelcomePage() {
  const me = useMe();
  const client = useQueryClient();
  const navigate = useNavigate();
  const signOut = useSignOut();
  const [name, setName] = useState('');
  const create = useMutation({
    mutationFn: () => api.createWorkspace({ name: name.trim() }),
    onSuccess: async (reply) => {
      const workspace = unwrapWorkspace(reply);
      await client.invalidateQueries({ queryKey: keys.me });
      await navigate({ to: '/w/$workspaceId', params: { workspaceId: workspace.id } });
    },
  });
  const failure = formFailure(create.error, ['name']);
  const firstName = me.data?.user.name.split(' ')[0] ?? '';
  return (
    <AuthLayout
      title={`Welcome${firstName ? `, ${firstName}` : ''}`}
      subtitle="Create a workspace for your team. Products, programs, projects and people live inside it."
      footer={
        <>
          Waiting for an invitation? Open the link you were sent, or{' '}
          <button type="button" className="button--ghost" style={linkButton} onClick={() => signOut.mutate()}>
            sign out
          </button>
          .
        </>
      }
    >
      <form
        className="stack"
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          create.mutate();
        }}
      >
        <FormAlert message={failure.form} />
        <TextField
          label="Workspace name"
          placeholder="Acme Inc."
          autoFocus
          value={name}
          onChange={(e) => setName(e.target.value)}
          error={failure.fields.name}
          hint="Usually your company or team. You can rename it later."
        />
        <button type="submit" className="button button--primary button--block" disabled={create.isPending}>
          Create workspace
        </button>
      </form>
    </AuthLayout>
  );
}

const linkButton = {
  border: 0,
  padding: 0,
  background: 'none',
  color: 'var(--accent-text)',
  font: 'inherit',
  cursor: 'pointer',
};
