import { bigint, pgTable, primaryKey, text } from 'drizzle-orm/pg-core';
import { workspaces } from './workspaces';

/** The workspace lists whose pages a server may keep between reads, by the table they read. */
export const listKinds = ['product', 'program'] as const;

/** A workspace list whose pages a server may keep between reads. */
export type ListKind = (typeof listKinds)[number];

/**
 * A workspace list's revision: a number that changes, in the same transaction, with every row written to the list's
 * table in that workspace. Triggers on `products` and `programs` keep it (migration `list_revision_triggers`), so no
 * write path can forget it, and the values come from one sequence, so a number is never reused. A server serves a page
 * it read before while the revision the same statement reads now is still the one it read then.
 */
export const listRevisions = pgTable(
  'list_revisions',
  {
    workspaceId: text('workspace_id')
      .notNull()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
    kind: text('kind').$type<ListKind>().notNull(),
    revision: bigint('revision', { mode: 'number' }).notNull(),
  },
  (table) => [primaryKey({ columns: [table.workspaceId, table.kind] })],
);
