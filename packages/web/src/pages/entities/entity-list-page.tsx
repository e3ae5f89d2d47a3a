import { keepPreviousData, useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { useNavigate, useParams, useSearch } from '@tanstack/react-router';
import { useCallback, useMemo, useState } from 'react';
import { api } from '../../api/endpoints';
import { keys } from '../../api/query-keys';
import type { EntityKind } from '../../api/types';
import { EmptyState, FormAlert, SkeletonRows } from '../../components/feedback';
import { Icons } from '../../components/icons';
import { kindLabels } from '../../lib/kinds';
import { useWorkspaceCan } from '../../lib/permissions';
import { useDebounced } from '../../lib/use-debounced';
import { useDocumentTitle } from '../../lib/use-document-title';
import { ImportMspdiDialog } from '../project/imports/import-mspdi-dialog';
import { CreateEntityDialog } from './create-entity-dialog';
import { type EntitySort, EntityTable } from './entity-table';

const kindIcons = { products: Icons.product, programs: Icons.program, projects: Icons.project };

/** Products, programs or projects of the workspace: search, sort, create, open. */
export function EntityListPage({ kind }: { kind: EntityKind }) {
  const { workspaceId = '' } = useParams({ strict: false }) as { workspaceId?: string };
  const search = useSearch({ strict: false }) as { create?: boolean };
  const navigate = useNavigate();
  // Everyone but guests may start products, programs and projects (becoming their manager), as the server says.
  const mayCreate = useWorkspaceCan(workspaceId, 'create');
  const label = kindLabels[kind];
  useDocumentTitle(label.plural);
  const [query, setQuery] = useState('');
  const [sort, setSort] = useState<EntitySort>('name');
  // Project templates are listed apart from live projects.
  const [templates, setTemplates] = useState(false);
  const [importing, setImporting] = useState(false);
  const q = useDebounced(query.trim(), 200);
  const list = useInfiniteQuery({
    queryKey: [...keys.entities(kind, workspaceId, q, sort), templates ? 'templates' : 'live'],
    queryFn: ({ pageParam }) =>
      api.entities(kind, workspaceId, {
        q,
        sort,
        ...(templates ? { template: 'true' } : {}),
        ...(pageParam ? { cursor: pageParam } : {}),
      }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (page) => page.nextCursor ?? undefined,
    placeholderData: keepPreviousData,
  });
  // Projects show the names of their program and product; both lists are small and cached for the palette too.
  const related = (other: EntityKind) => ({
    queryKey: keys.entityNames(other, workspaceId, ''),
    queryFn: () => api.entities(other, workspaceId, { sort: 'name' }),
    enabled: kind === 'projects',
  });
  const programs = useQuery(related('programs'));
  const products = useQuery(related('products'));
  const names = useMemo(
    () =>
      new Map([...(programs.data?.items ?? []), ...(products.data?.items ?? [])].map((e) => [e.id, e.name])),
    [programs.data, products.data],
  );
  const creating = search.create === true;
  const setCreating = (open: boolean) =>
    void navigate({
      to: `/w/$workspaceId/${kind}`,
      params: { workspaceId },
      search: open ? { create: true } : {},
      replace: true,
    });
  const Icon = kindIcons[kind];
  const { hasNextPage, isFetchingNextPage, fetchNextPage } = list;
  const loadMore = useCallback(() => {
    if (hasNextPage && !isFetchingNextPage) void fetchNextPage();
  }, [hasNextPage, isFetchingNextPage, fetchNextPage]);
  const items = useMemo(() => list.data?.pages.flatMap((page) => page.items) ?? [], [list.data]);
  const unfiltered = q === '' && items.length === 0 && !templates;
  return (
    <div className="page">
      <header className="page-header">
        <div className="page-header__text">
          <h1>{label.plural}</h1>
          <p>{label.blurb}</p>
        </div>
        {mayCreate ? (
          <div className="row">
            {kind === 'projects' ? (
              <button type="button" className="button" onClick={() => setImporting(true)}>
                Import from MS Project
              </button>
            ) : null}
            <button type="button" className="button button--primary" onClick={() => setCreating(true)}>
              <Icons.plus />
              New {label.singular.toLowerCase()}
            </button>
          </div>
        ) : null}
      </header>
      {list.isPending ? (
        <SkeletonRows />
      ) : list.isError ? (
        <FormAlert message={list.error.message} />
      ) : unfiltered ? (
        <EmptyState
          icon={<Icon width={22} height={22} />}
          title={`No ${label.plural.toLowerCase()} yet`}
          action={
            mayCreate ? (
              <button type="button" className="button button--primary" onClick={() => setCreating(true)}>
                <Icons.plus />
                Create your first {label.singular.toLowerCase()}
              </button>
            ) : undefined
          }
        >
          {mayCreate
            ? label.empty
            : `Nothing here is shared with you yet. Ask a workspace admin to add you to a ${label.singular.toLowerCase()}.`}
        </EmptyState>
      ) : (
        <>
          <div className="toolbar">
            <label className="visually-hidden" htmlFor={`search-${kind}`}>
              Search {label.plural.toLowerCase()}
            </label>
            <input
              id={`search-${kind}`}
              className="input input--search"
              type="search"
              placeholder={`Search ${label.plural.toLowerCase()}…`}
              value={query}
              onChange={(e) => setQuery(e.target.value)}
            />
            {kind === 'projects' ? (
              <>
                <label className="visually-hidden" htmlFor="project-kind">
                  Show
                </label>
                <select
                  id="project-kind"
                  className="select select--small"
                  value={templates ? 'templates' : 'live'}
                  onChange={(e) => setTemplates(e.target.value === 'templates')}
                >
                  <option value="live">Projects</option>
                  <option value="templates">Templates</option>
                </select>
              </>
            ) : null}
            <span className="spacer" />
            <label className="visually-hidden" htmlFor={`sort-${kind}`}>
              Sort by
            </label>
            <select
              id={`sort-${kind}`}
              className="select select--small"
              value={sort}
              onChange={(e) => setSort(e.target.value as EntitySort)}
            >
              <option value="name">Name A–Z</option>
              <option value="-name">Name Z–A</option>
              <option value="-updatedAt">Recently updated</option>
              <option value="updatedAt">Least recently updated</option>
              {kind === 'projects' ? <option value="startDate">Starting first</option> : null}
              {kind === 'projects' ? <option value="-startDate">Starting last</option> : null}
              <option value="-createdAt">Newest first</option>
              <option value="createdAt">Oldest first</option>
            </select>
          </div>
          {items.length === 0 ? (
            <p className="muted" role="status">
              {templates && q === ''
                ? 'No templates yet. Save a project as a template from its Import & export tab.'
                : `No ${label.plural.toLowerCase()} match “${q}”.`}
            </p>
          ) : (
            <EntityTable
              kind={kind}
              workspaceId={workspaceId}
              items={items}
              names={names}
              sort={sort}
              onSort={setSort}
              more={list.hasNextPage}
              onNearEnd={loadMore}
            />
          )}
        </>
      )}
      {kind === 'projects' ? (
        <ImportMspdiDialog workspaceId={workspaceId} open={importing} onClose={() => setImporting(false)} />
      ) : null}
      <CreateEntityDialog
        kind={kind}
        workspaceId={workspaceId}
        open={creating && mayCreate}
        onClose={() => setCreating(false)}
      />
    </div>
  );
}
