import { useMutation } from '@tanstack/react-query';
import { Link, useSearch } from '@tanstack/react-router';
import { useState } from 'react';
import { api } from '../../api/endpoints';
import { FormAlert } from '../../components/feedback';
import { NewPasswordField, TextField } from '../../components/field';
import { formFailure } from '../../components/form-error';
import { AuthLayout } from './auth-layout';

/** Asks for a reset link; the reply is the same whether or not the address has an account. */
export function ForgotPasswordPage() {
  const [email, setEmail] = useState('');
  const reset = useMutation({ mutationFn: api.requestPasswordReset });
  const failure = formFailure(reset.error, ['email']);
  return (
    <AuthLayout
      title="Reset your password"
      subtitle="Enter your email and we will send you a link to choose a new password."
      footer={<Link to="/sign-in">Back to sign in</Link>}
    >
      {reset.isSuccess ? (
        <div className="alert alert--success" role="status">
          If an account exists for <strong>{email}</strong>, a reset link is on its way. The link works once
          and expires soon.
        </div>
      ) : (
        <form
          className="stack"
          noValidate
          onSubmit={(event) => {
            event.preventDefault();
            reset.mutate({ email });
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
          <button type="submit" className="button button--primary button--block" disabled={reset.isPending}>
            Send reset link
          </button>
        </form>
      )}
    </AuthLayout>
  );
}

/** Sets a new password with the one-time token from the emailed link. */
export function ResetPasswordPage() {
  const { token = '' } = useSearch({ strict: false }) as { token?: string };
  const [password, setPassword] = useState('');
  const confirm = useMutation({ mutationFn: api.confirmPasswordReset });
  const failure = formFailure(confirm.error, ['newPassword', 'token']);
  return (
    <AuthLayout title="Choose a new password" footer={<Link to="/sign-in">Back to sign in</Link>}>
      {confirm.isSuccess ? (
        <div className="stack">
          <div className="alert alert--success" role="status">
            Your password has been changed. Every other session was signed out.
          </div>
          <Link to="/sign-in" className="button button--primary button--block">
            Sign in
          </Link>
        </div>
      ) : !token ? (
        <div className="alert alert--warning">
          This page needs the link from the reset email. <Link to="/forgot-password">Ask for a new link</Link>
          .
        </div>
      ) : (
        <form
          className="stack"
          noValidate
          onSubmit={(event) => {
            event.preventDefault();
            confirm.mutate({ token, newPassword: password });
          }}
        >
          <FormAlert message={failure.form ?? failure.fields.token} />
          <NewPasswordField
            label="New password"
            required
            autoFocus
            value={password}
            onChange={(e) => setPassword(e.target.value)}
            error={failure.fields.newPassword}
          />
          <button type="submit" className="button button--primary button--block" disabled={confirm.isPending}>
            Set new password
          </button>
        </form>
      )}
    </AuthLayout>
  );
}
