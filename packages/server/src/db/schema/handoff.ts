import { index, pgTable, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { changeRequests } from './changes';
import { initiatives } from './initiatives';
import { projects } from './projects';
import { workspaces } from './workspaces';

/**
 * A change of scope seen on the project side of a hand-off (a feature's work removed, a feature's work added, the
 * finish moved past the initiative's), kept once per initiative and key so the same change is raised once, with the
 * change request it raised.
 */
export const handoffScopeChanges = pgTable(
  'handoff_scope_changes',
  {
    id: text('id').primaryKey(),
    workspaceId: text('workspace_id')
      .notNull()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
    initiativeId: text('initiative_id')
      .notNull()
      .references(() => initiatives.id, { onDelete: 'cascade' }),
    projectId: text('project_id')
      .notNull()
      .references(() => projects.id, { onDelete: 'cascade' }),
    /** `removed:<featureId>`, `added:<featureId>` or `finish`. */
    key: text('key').notNull(),
    /** For a finish change, the forecast finish it was raised at: a later slip beyond the threshold is raised again. */
    forecastFinish: text('forecast_finish'),
    changeRequestId: text('change_request_id').references(() => changeRequests.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true, precision: 3 }).notNull().defaultNow(),
  },
  (table) => [
    uniqueIndex('handoff_scope_changes_key').on(table.initiativeId, table.key, table.forecastFinish),
    index('handoff_scope_changes_project_idx').on(table.projectId),
  ],
);
