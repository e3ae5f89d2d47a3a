import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate, useParams } from '@tanstack/react-router';
import { isUnauthenticated } from '../../api/client';
import { api } from '../../api/endpoints';
import { keys } from '../../api/query-keys';
import { FormAlert, Skeleton } from '../../components/feedback';
import { formFailure } from '../../components/form-error';
import { roleLabels } from '../../lib/roles';
import { rememberWorkspace, useMe, useSignOut } from '../../lib/session';
import { AuthLayout } from './auth-layout';

/** The page an invitation link opens: who invited you where, then sign up or sign in, then join. */
export function AcceptInvitationPage() {
  const { token = '' } = useParams({ strict: false }) as { token?: string };
  const navigate = useNavigate();
  const client = useQueryClient();
  const preview = useQuery({
    queryKey: ['invitation', token],
    queryFn: () => api.invitation(token),
    retry: false,
  });
  const me = useMe();
  const signOut = useSignOut();
  const accept = useMutation({
    mutationFn: () => api.acceptInvitation(token),
    onSuccess: async ({ workspace }) => {
      rememberWorkspace(workspace.id);
      await client.fetchQuery({ queryKey: keys.me, queryFn: api.me, staleTime: 0 });
      await navigate({ to: '/w/$workspaceId', params: { workspaceId: workspace.id } });
    },
  });
  const here = `/invite/${token}`;
  if (preview.isPending || me.isPending) {
    return (
      <AuthLayout title="Opening your invitation">
        <Skeleton height={18} />
        <Skeleton width="60%" />
      </AuthLayout>
    );
  }
  if (preview.isError) {
    return (
      <AuthLayout title="This invitation cannot be used" footer={<Link to="/sign-in">Go to sign in</Link>}>
        <div className="alert alert--warning">
          The link may have expired, been revoked or been used already. Ask the person who invited you to send
          a new one.
        </div>
      </AuthLayout>
    );
  }
  const { workspaceName, email, role } = preview.data;
  const signedIn = me.isSuccess;
  const failure = formFailure(accept.error, []);
  return (
    <AuthLayout
      title={`Join ${workspaceName}`}
      subtitle={
        <>
          <strong>{email}</strong> was invited to join <strong>{workspaceName}</strong> on Tandem as{' '}
          {roleLabels[role].toLowerCase()}.
        </>
      }
    >
      <FormAlert message={failure.form} />
      {signedIn ? (
        <div className="stack">
          <p className="muted">
            You are signed in as <strong>{me.data.user.email}</strong>.
          </p>
          <button
            type="button"
            className="button button--primary button--block"
            onClick={() => accept.mutate()}
            disabled={accept.isPending}
          >
            Accept invitation
          </button>
          {me.data.user.email.toLowerCase() !== email.toLowerCase() ? (
            <button type="button" className="button button--block" onClick={() => signOut.mutate()}>
              Sign out and use {email}
            </button>
          ) : null}
        </div>
      ) : (
        <div className="stack">
          {isUnauthenticated(me.error) ? null : <FormAlert message={me.error?.message} />}
          <Link to="/sign-up" search={{ next: here }} className="button button--primary button--block">
            Create an account to join
          </Link>
          <Link to="/sign-in" search={{ next: here }} className="button button--block">
            I already have an account
          </Link>
        </div>
      )}
    </AuthLayout>
  );
}
