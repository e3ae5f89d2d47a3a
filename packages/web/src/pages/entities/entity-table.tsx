import { Link } from '@tanstack/react-router';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useRef } from 'react';
import type { Entity, EntityKind } from '../../api/types';
import { Icons } from '../../components/icons';
import { formatDate, relativeTime } from '../../lib/format';
import { kindLabels } from '../../lib/kinds';

/** A sort the table can ask for, in the API's `field` / `-field` form. */
export type EntitySort = 'name' | '-name' | 'createdAt' | '-createdAt' | 'updatedAt' | '-updatedAt';

const rowHeight = 44;
const columns = 'minmax(220px, 2fr) minmax(160px, 3fr) 140px';

function SortButton({
  field,
  label,
  sort,
  onSort,
}: {
  field: 'name' | 'createdAt' | 'updatedAt';
  label: string;
  sort: EntitySort;
  onSort: (sort: EntitySort) => void;
}) {
  const active = sort === field ? 'ascending' : sort === `-${field}` ? 'descending' : undefined;
  return (
    <button
      type="button"
      className="table__sort"
      aria-label={`${label}${active ? `, sorted ${active}` : ''}. Sort`}
      onClick={() => onSort(active === 'ascending' ? (`-${field}` as EntitySort) : field)}
    >
      {label}
      {active === 'ascending' ? (
        <Icons.arrowUp width={12} />
      ) : active === 'descending' ? (
        <Icons.arrowDown width={12} />
      ) : null}
    </button>
  );
}

/** The list of one kind as a table whose rows are virtualised, so thousands scroll as smoothly as ten. */
export function EntityTable({
  kind,
  workspaceId,
  items,
  sort,
  onSort,
}: {
  kind: EntityKind;
  workspaceId: string;
  items: readonly Entity[];
  sort: EntitySort;
  onSort: (sort: EntitySort) => void;
}) {
  const scroller = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: items.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => rowHeight,
    overscan: 12,
  });
  const secondLabel = kind === 'products' ? 'Vision' : kind === 'programs' ? 'Objective' : 'Start';
  const second = (entity: Entity) =>
    kind === 'products'
      ? entity.vision || entity.description
      : kind === 'programs'
        ? entity.objective || entity.description
        : entity.startDate
          ? formatDate(entity.startDate)
          : entity.description;
  return (
    <section className="table" aria-label={kindLabels[kind].plural}>
      <div className="table__head" style={{ gridTemplateColumns: columns }}>
        <span>
          <SortButton field="name" label="Name" sort={sort} onSort={onSort} />
        </span>
        <span>{secondLabel}</span>
        <span>
          <SortButton field="updatedAt" label="Updated" sort={sort} onSort={onSort} />
        </span>
      </div>
      <div ref={scroller} className="table__scroll">
        <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
          {virtualizer.getVirtualItems().map((row) => {
            const entity = items[row.index];
            if (!entity) return null;
            return (
              <Link
                key={entity.id}
                to={`/w/$workspaceId/${kind}/$entityId`}
                params={{ workspaceId, entityId: entity.id }}
                className="table__row"
                style={{ transform: `translateY(${row.start}px)`, gridTemplateColumns: columns }}
              >
                <span className="table__cell table__cell--name">
                  <span className={`entity-icon entity-icon--${kind}`} aria-hidden="true">
                    {entity.name.slice(0, 1).toUpperCase()}
                  </span>
                  <span className="table__cell">{entity.name}</span>
                </span>
                <span className="table__cell muted">{second(entity) || '—'}</span>
                <span className="table__cell subtle">
                  {entity.updatedAt
                    ? relativeTime(entity.updatedAt)
                    : entity.createdAt
                      ? relativeTime(entity.createdAt)
                      : '—'}
                </span>
              </Link>
            );
          })}
        </div>
      </div>
      <div className="table__footer">
        {items.length}{' '}
        {items.length === 1 ? kindLabels[kind].singular.toLowerCase() : kindLabels[kind].plural.toLowerCase()}
      </div>
    </section>
  );
}
