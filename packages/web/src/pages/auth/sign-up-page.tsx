import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate, useSearch } from '@tanstack/react-router';
import { useState } from 'react';
import { api } from '../../api/endpoints';
import { keys } from '../../api/query-keys';
import { FormAlert } from '../../components/feedback';
import { NewPasswordField, TextField } from '../../components/field';
import { formFailure } from '../../components/form-error';
import { AuthLayout } from './auth-layout';

/** Account creation; on a fresh server the first account becomes the instance owner, and the page says so. */
export function SignUpPage() {
  const search = useSearch({ strict: false }) as { next?: string };
  const navigate = useNavigate();
  const client = useQueryClient();
  const setup = useQuery({ queryKey: keys.setup, queryFn: api.setup, retry: false });
  const [name, setName] = useState('');
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const signUp = useMutation({
    mutationFn: api.signUp,
    onSuccess: async () => {
      client.removeQueries({ queryKey: keys.setup });
      await client.fetchQuery({ queryKey: keys.me, queryFn: api.me, staleTime: 0 });
      await navigate({ to: search.next ?? '/' });
    },
  });
  const failure = formFailure(signUp.error, ['name', 'email', 'password']);
  const owner = setup.data?.needsOwner === true;
  return (
    <AuthLayout
      title={owner ? 'Set up Tandem' : 'Create your account'}
      subtitle={
        owner
          ? 'This is a new Tandem server. The first account you create becomes its owner.'
          : 'Plan products, programs and projects together with your team.'
      }
      footer={
        owner ? undefined : (
          <>
            Already have an account?{' '}
            <Link to="/sign-in" search={search.next ? { next: search.next } : {}}>
              Sign in
            </Link>
          </>
        )
      }
    >
      <form
        className="stack"
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          signUp.mutate({ name, email, password });
        }}
      >
        <FormAlert message={failure.form} />
        <TextField
          label="Full name"
          autoComplete="name"
          required
          autoFocus
          value={name}
          onChange={(e) => setName(e.target.value)}
          error={failure.fields.name}
        />
        <TextField
          label="Work email"
          type="email"
          autoComplete="email"
          required
          value={email}
          onChange={(e) => setEmail(e.target.value)}
          error={failure.fields.email}
        />
        <NewPasswordField
          label="Password"
          required
          value={password}
          onChange={(e) => setPassword(e.target.value)}
          error={failure.fields.password}
          hint="At least 10 characters. A short sentence is easy to remember and hard to guess."
        />
        <button type="submit" className="button button--primary button--block" disabled={signUp.isPending}>
          {signUp.isPending ? 'Creating account…' : owner ? 'Create owner account' : 'Create account'}
        </button>
      </form>
    </AuthLayout>
  );
}
