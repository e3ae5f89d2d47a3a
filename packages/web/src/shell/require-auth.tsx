import { useNavigate } from '@tanstack/react-router';
import { type ReactNode, useEffect, useState } from 'react';
import { isUnauthenticated } from '../api/client';
import { FormAlert, Skeleton } from '../components/feedback';
import { Logo } from '../components/logo';
import { useMe } from '../lib/session';

/** A quiet full-page placeholder while the session is checked. */
export function FullPageLoading() {
  return (
    <div className="auth" aria-busy="true">
      <span className="visually-hidden">Loading Tandem…</span>
      <div className="auth__panel" style={{ alignItems: 'center' }}>
        <Logo size={36} />
        <Skeleton width={160} />
      </div>
    </div>
  );
}

/** Renders its children only for a signed-in user; sends anyone else to sign in and back here afterwards. */
export function RequireAuth({ children }: { children: ReactNode }) {
  const me = useMe();
  // The address this page was opened at, read once: during the redirect the location already shows the sign-in page,
  // and following it would send the user back to sign-in after signing in (and redirect forever).
  const [from] = useState(() => window.location.pathname + window.location.search);
  const navigate = useNavigate();
  const signedOut = me.isError && isUnauthenticated(me.error);
  useEffect(() => {
    if (signedOut)
      void navigate({ to: '/sign-in', search: from === '/' ? {} : { next: from }, replace: true });
  }, [signedOut, from, navigate]);
  if (me.isPending || signedOut) return <FullPageLoading />;
  if (me.isError) {
    return (
      <div className="auth">
        <div className="auth__panel">
          <FormAlert message={me.error.message} />
          <button type="button" className="button" onClick={() => void me.refetch()}>
            Try again
          </button>
        </div>
      </div>
    );
  }
  return <>{children}</>;
}
