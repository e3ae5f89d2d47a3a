import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate, useSearch } from '@tanstack/react-router';
import { useEffect, useState } from 'react';
import { api } from '../../api/endpoints';
import { keys } from '../../api/query-keys';
import { FormAlert } from '../../components/feedback';
import { TextField } from '../../components/field';
import { formFailure } from '../../components/form-error';
import { AuthLayout } from './auth-layout';

/** Email and password sign-in; sends a brand-new server to the owner set-up instead. */
export function SignInPage() {
  const search = useSearch({ strict: false }) as { next?: string };
  const navigate = useNavigate();
  const client = useQueryClient();
  const setup = useQuery({ queryKey: keys.setup, queryFn: api.setup, retry: false });
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const signIn = useMutation({
    mutationFn: api.signIn,
    onSuccess: async () => {
      // Load the new session before leaving, so no page sees the cached "signed out" answer.
      await client.fetchQuery({ queryKey: keys.me, queryFn: api.me, staleTime: 0 });
      await navigate({ to: search.next ?? '/' });
    },
  });
  useEffect(() => {
    if (setup.data?.needsOwner) void navigate({ to: '/setup' });
  }, [setup.data, navigate]);
  const failure = formFailure(signIn.error, ['email', 'password']);
  return (
    <AuthLayout
      title="Sign in to Tandem"
      subtitle="Welcome back. Pick up where your team left off."
      footer={
        <>
          New here?{' '}
          <Link to="/sign-up" search={search.next ? { next: search.next } : {}}>
            Create an account
          </Link>
        </>
      }
    >
      <form
        className="stack"
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          signIn.mutate({ email, password });
        }}
      >
        <FormAlert message={failure.form} />
        <TextField
          label="Email"
          type="email"
          autoComplete="email"
          required
          autoFocus
          value={email}
          onChange={(e) => setEmail(e.target.value)}
          error={failure.fields.email}
        />
        <TextField
          label="Password"
          type="password"
          autoComplete="current-password"
          required
          value={password}
          onChange={(e) => setPassword(e.target.value)}
          error={failure.fields.password}
          hint={<Link to="/forgot-password">Forgot your password?</Link>}
        />
        <button type="submit" className="button button--primary button--block" disabled={signIn.isPending}>
          {signIn.isPending ? 'Signing in…' : 'Sign in'}
        </button>
      </form>
    </AuthLayout>
  );
}
