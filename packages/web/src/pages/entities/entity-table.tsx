import { Link } from '@tanstack/react-router';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useRef } from 'react';
import type { Entity, EntityKind } from '../../api/types';
import { Icons } from '../../components/icons';
import { kindLabels } from '../../lib/kinds';
import { columnsFor, type SortField } from './entity-columns';

/** A sort the table can ask for, in the API's `field` / `-field` form. */
export type EntitySort = SortField | `-${SortField}`;

const rowHeight = 44;

function SortButton({
  field,
  label,
  sort,
  onSort,
}: {
  field: SortField;
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
      onClick={() => onSort(active === 'ascending' ? `-${field}` : field)}
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
  names,
  sort,
  onSort,
  more,
  onNearEnd,
}: {
  kind: EntityKind;
  workspaceId: string;
  items: readonly Entity[];
  /** Names of the programs and products that projects point at, by id. */
  names: ReadonlyMap<string, string>;
  sort: EntitySort;
  onSort: (sort: EntitySort) => void;
  /** True while the server has more rows than loaded. */
  more: boolean;
  /** Called when the user scrolls near the last loaded row, to load the next page. */
  onNearEnd: () => void;
}) {
  const scroller = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: items.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => rowHeight,
    overscan: 12,
  });
  const rows = virtualizer.getVirtualItems();
  const lastShown = rows.at(-1)?.index ?? 0;
  useEffect(() => {
    // Pages are fetched a screenful ahead, so scrolling through thousands never waits at the bottom.
    if (more && lastShown >= items.length - 20) onNearEnd();
  }, [more, lastShown, items.length, onNearEnd]);
  const columns = columnsFor(kind);
  const template = ['minmax(220px, 2fr)', ...columns.map((c) => c.width)].join(' ');
  const label = kindLabels[kind];
  return (
    <section className="table" aria-label={label.plural}>
      <div className="table__head" style={{ gridTemplateColumns: template }}>
        <span>
          <SortButton field="name" label="Name" sort={sort} onSort={onSort} />
        </span>
        {columns.map((column) => (
          <span key={column.label}>
            {column.sort ? (
              <SortButton field={column.sort} label={column.label} sort={sort} onSort={onSort} />
            ) : (
              column.label
            )}
          </span>
        ))}
      </div>
      <div ref={scroller} className="table__scroll">
        <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
          {rows.map((row) => {
            const entity = items[row.index];
            if (!entity) return null;
            return (
              <Link
                key={entity.id}
                to={`/w/$workspaceId/${kind}/$entityId`}
                params={{ workspaceId, entityId: entity.id }}
                className="table__row"
                style={{ transform: `translateY(${row.start}px)`, gridTemplateColumns: template }}
              >
                <span className="table__cell table__cell--name">
                  <span className={`entity-icon entity-icon--${kind}`} aria-hidden="true">
                    {entity.name.slice(0, 1).toUpperCase()}
                  </span>
                  <span className="table__cell">{entity.name}</span>
                </span>
                {columns.map((column) => (
                  <span key={column.label} className={`table__cell${column.tone ? ` ${column.tone}` : ''}`}>
                    {column.cell(entity, names)}
                  </span>
                ))}
              </Link>
            );
          })}
        </div>
      </div>
      <div className="table__footer">
        {items.length}
        {more ? '+' : ''} {items.length === 1 ? label.singular.toLowerCase() : label.plural.toLowerCase()}
      </div>
    </section>
  );
}
