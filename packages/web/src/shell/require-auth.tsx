import { Navigate, useLocation } from '@tanstack/react-router';
import type { ReactNode } from 'react';
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
  const location = useLocation();
  if (me.isPending) return <FullPageLoading />;
  if (me.isError) {
    if (isUnauthenticated(me.error))
      return <Navigate to="/sign-in" search={{ next: location.href }} replace />;
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
