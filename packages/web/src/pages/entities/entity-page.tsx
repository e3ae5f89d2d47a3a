import { useQuery } from '@tanstack/react-query';
import { Link, useNavigate, useParams, useSearch } from '@tanstack/react-router';
import { useEffect } from 'react';
import { api, unwrapEntity } from '../../api/endpoints';
import { keys } from '../../api/query-keys';
import type { EntityKind } from '../../api/types';
import { EmptyState, Skeleton } from '../../components/feedback';
import { Icons } from '../../components/icons';
import { kindLabels } from '../../lib/kinds';
import { EntityAccessContext, readOnlyReason, useEntityPermissions } from '../../lib/permissions';
import { useDocumentTitle } from '../../lib/use-document-title';
import { productViews } from '../product/product-views';
import { projectViewGroups, projectViews } from '../project/project-views';
import { ScheduleSettings } from '../project/settings/schedule-settings';
import { EntityDetails } from './entity-details';
import { EntityHistory } from './entity-history';
import { EntityMembers } from './entity-members';

/** Overview, Members, History, or the id of a project view (Gantt, board, …). */
type Tab = string;

/**
 * One product, program or project: its details, the people with a role on it, and its history; a project also shows
 * its views (Gantt, board, backlog, …) and a product its own (strategy, feedback, roadmap, …). The open tab is the `view` search parameter, so every view has its own link.
 */
export function EntityPage({ kind }: { kind: EntityKind }) {
  const { workspaceId = '', entityId = '' } = useParams({ strict: false }) as {
    workspaceId?: string;
    entityId?: string;
  };
  const label = kindLabels[kind];
  const { view } = useSearch({ strict: false }) as { view?: string };
  const navigate = useNavigate();
  const views: readonly { id: string; label: string; wide?: boolean }[] =
    kind === 'projects' ? projectViews : kind === 'products' ? productViews : [];
  const entity = useQuery({
    queryKey: keys.entity(kind, entityId),
    queryFn: async () => unwrapEntity(kind, await api.entity(kind, entityId)),
    retry: (count, error) => count < 2 && !('status' in error && error.status === 404),
  });
  const permissions = useEntityPermissions(kind, entityId);
  const access = permissions.data ? { kind, permissions: permissions.data } : null;
  const readOnly = permissions.data ? readOnlyReason(kind, permissions.data) : null;
  useDocumentTitle(entity.data?.name, label.plural);
  // A tab that opens a group (after the first) gets a divider before it, so a long row of tabs reads in sections.
  const groupStarts = new Set(
    kind === 'projects' ? projectViewGroups.map((group) => group[0]?.id).filter(Boolean) : [],
  );
  const tabs: { id: Tab; label: string; divided?: boolean }[] = [
    { id: 'overview', label: 'Overview' },
    ...views.map((v) => ({ id: v.id, label: v.label, divided: groupStarts.has(v.id) })),
    ...(kind === 'programs' ? [] : [{ id: 'members', label: 'Members', divided: views.length > 0 }]),
    { id: 'history', label: 'History' },
  ];
  const tab: Tab = tabs.some((t) => t.id === view) && view ? view : 'overview';
  const openView = views.find((v) => v.id === tab);
  // The tab row scrolls sideways when it is wider than the page: the open tab is kept in sight.
  useEffect(() => {
    document.getElementById(`tab-${tab}`)?.scrollIntoView({ block: 'nearest', inline: 'nearest' });
  }, [tab]);
  const setTab = (next: Tab) =>
    void navigate({ to: '.', search: next === 'overview' ? {} : { view: next }, replace: false });
  if (entity.isError) {
    return (
      <div className="page">
        <EmptyState
          icon={<Icons.search width={22} height={22} />}
          title={`${label.singular} not found`}
          action={
            <Link to={`/w/$workspaceId/${kind}`} params={{ workspaceId }} className="button">
              Back to {label.plural.toLowerCase()}
            </Link>
          }
        >
          It may have been deleted, or you may not have access to it.
        </EmptyState>
      </div>
    );
  }
  return (
    <div className={openView?.wide ? 'page page--wide' : 'page'}>
      <nav className="breadcrumbs" aria-label="Breadcrumb">
        <Link to={`/w/$workspaceId/${kind}`} params={{ workspaceId }}>
          {label.plural}
        </Link>
        <Icons.chevronRight width={14} />
        <strong>{entity.data?.name ?? '…'}</strong>
      </nav>
      <header className="page-header">
        <div className="page-header__text">
          {entity.data ? (
            <div className="row" style={{ gap: 12 }}>
              <span
                className={`entity-icon entity-icon--${kind}`}
                style={{ width: 32, height: 32, fontSize: 14 }}
              >
                {entity.data.name.slice(0, 1).toUpperCase()}
              </span>
              <h1>{entity.data.name}</h1>
              <span className="badge">{label.singular}</span>
              {readOnly ? (
                <span className="badge badge--view-only" title={readOnly} data-testid="view-only">
                  <Icons.eye width={12} height={12} aria-hidden="true" /> View only
                </span>
              ) : null}
            </div>
          ) : (
            <Skeleton width={280} height={28} />
          )}
          {readOnly ? <p role="note">{readOnly}</p> : null}
        </div>
      </header>
      <div className="tabs" role="tablist" aria-label={`${label.singular} sections`}>
        {tabs.map((t) => [
          t.divided ? <span key={`${t.id}-divider`} className="tabs__divider" aria-hidden="true" /> : null,
          <button
            key={t.id}
            type="button"
            role="tab"
            id={`tab-${t.id}`}
            aria-selected={tab === t.id}
            aria-controls={`panel-${t.id}`}
            className="tab"
            onClick={() => setTab(t.id)}
          >
            {t.label}
          </button>,
        ])}
      </div>
      <EntityAccessContext.Provider value={access}>
        <section id={`panel-${tab}`} role="tabpanel" aria-labelledby={`tab-${tab}`}>
          {/* Controls follow the caller's permissions, so the views wait for them as for the entity. */}
          {!entity.data || permissions.isPending ? (
            <div className="card card__body">
              <Skeleton width="40%" />
              <Skeleton width="70%" />
              <Skeleton width="55%" />
            </div>
          ) : openView && kind === 'projects' ? (
            projectViews
              .find((v) => v.id === tab)
              ?.render({ workspaceId, projectId: entityId, project: entity.data })
          ) : openView && kind === 'products' ? (
            productViews
              .find((v) => v.id === tab)
              ?.render({ workspaceId, productId: entityId, product: entity.data })
          ) : tab === 'overview' ? (
            <div className="stack">
              <EntityDetails kind={kind} workspaceId={workspaceId} entity={entity.data} />
              {kind === 'projects' ? (
                <ScheduleSettings key={entity.data.version} project={entity.data} />
              ) : null}
            </div>
          ) : tab === 'members' ? (
            <EntityMembers kind={kind} workspaceId={workspaceId} entityId={entityId} />
          ) : (
            <EntityHistory entityType={kind.slice(0, -1)} entityId={entityId} />
          )}
        </section>
      </EntityAccessContext.Provider>
    </div>
  );
}
