import { useQuery } from '@tanstack/react-query';
import { useParams } from '@tanstack/react-router';
import { ApiError, messageOf, request } from '../../api/client';
import { EmptyState, SkeletonRows } from '../../components/feedback';
import { Icons } from '../../components/icons';
import { Logo } from '../../components/logo';
import { useDocumentTitle } from '../../lib/use-document-title';
import { sharedViews } from './shared-views';
import './shared.css';

interface Shared {
  entityType: string;
  entity: unknown;
}

/** The page a share link opens (`/s/{token}`): the shared entity, read-only, with no sign-in. */
export function SharedPage() {
  const { token } = useParams({ strict: false }) as { token?: string };
  const shared = useQuery({
    queryKey: ['shared', token],
    queryFn: () => request<Shared>('GET', `/api/shared/${encodeURIComponent(token ?? '')}`),
    retry: false,
  });
  const view = shared.data ? sharedViews[shared.data.entityType] : undefined;
  useDocumentTitle(shared.data && view ? view.title(shared.data.entity) : 'Shared');
  const gone = shared.error instanceof ApiError && shared.error.status === 404;
  return (
    <div className="shared">
      <header className="shared__bar">
        <span className="shared__brand">
          <Logo size={22} /> Tandem
        </span>
        <span className="muted">Read-only shared view</span>
      </header>
      <main className="shared__page">
        {shared.isPending ? (
          <SkeletonRows rows={8} />
        ) : gone ? (
          <EmptyState icon={<Icons.search width={22} height={22} />} title="This link does not open anything">
            It may have been revoked by whoever shared it, or the address may be mistyped. Ask them for a new
            link.
          </EmptyState>
        ) : shared.isError ? (
          <EmptyState
            icon={<Icons.close width={22} height={22} />}
            title="The shared page could not be loaded"
          >
            {messageOf(shared.error)}
          </EmptyState>
        ) : shared.data ? (
          <>
            <div className="shared__actions">
              <a className="button button--small" href={`/api/shared/${encodeURIComponent(token ?? '')}/pdf`}>
                Download PDF
              </a>
            </div>
            <div className="shared__sheet">
              {view ? (
                view.render(shared.data.entity)
              ) : (
                // A type whose page this version of the app does not know still offers what the server renders.
                <EmptyState icon={<Icons.project width={22} height={22} />} title="Shared with you">
                  This page cannot be shown here; download it as a PDF instead.
                </EmptyState>
              )}
            </div>
          </>
        ) : null}
      </main>
    </div>
  );
}
