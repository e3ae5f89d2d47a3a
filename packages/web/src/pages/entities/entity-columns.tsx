import type { ReactNode } from 'react';
import type { Entity, EntityKind } from '../../api/types';
import { formatDate, relativeTime } from '../../lib/format';

/** A field the API sorts lists by. */
export type SortField = 'name' | 'startDate' | 'createdAt' | 'updatedAt';

/** One column of an entity table: its heading, its CSS grid width, how a cell reads, and the sort it offers. */
export interface EntityColumn {
  label: string;
  width: string;
  sort?: SortField;
  tone?: 'muted' | 'subtle';
  cell: (entity: Entity, names: ReadonlyMap<string, string>) => ReactNode;
}

const dash = '—';

const updated: EntityColumn = {
  label: 'Updated',
  width: '120px',
  sort: 'updatedAt',
  tone: 'subtle',
  cell: (e) => (e.updatedAt ? relativeTime(e.updatedAt) : e.createdAt ? relativeTime(e.createdAt) : dash),
};

/** The columns after the name, per kind: what a reader scans a list of that kind for. */
export function columnsFor(kind: EntityKind): EntityColumn[] {
  switch (kind) {
    case 'products':
      return [
        { label: 'Vision', width: 'minmax(160px, 3fr)', tone: 'muted', cell: (e) => e.vision || dash },
        updated,
      ];
    case 'programs':
      return [
        { label: 'Objective', width: 'minmax(160px, 3fr)', tone: 'muted', cell: (e) => e.objective || dash },
        updated,
      ];
    case 'projects':
      return [
        {
          label: 'Program',
          width: 'minmax(120px, 1.3fr)',
          tone: 'muted',
          cell: (e, names) => (e.programId ? (names.get(e.programId) ?? dash) : dash),
        },
        {
          label: 'Product',
          width: 'minmax(120px, 1.1fr)',
          tone: 'muted',
          cell: (e, names) => (e.productId ? (names.get(e.productId) ?? dash) : dash),
        },
        {
          label: 'Start',
          width: '120px',
          sort: 'startDate',
          cell: (e) => (e.startDate ? formatDate(e.startDate) : dash),
        },
        updated,
      ];
  }
}
