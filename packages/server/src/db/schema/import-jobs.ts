import { index, integer, jsonb, pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import { projects } from './projects';
import { users } from './users';
import { workspaces } from './workspaces';

/** Where an import stands: parsed and being written, finished with a project, or refused with an error. */
export type ImportJobState = 'running' | 'succeeded' | 'failed';

/** The error an import failed with, as the API reports it. */
export interface ImportJobError {
  code: string;
  message: string;
  field?: string;
}

/**
 * One file import, so that a long import can be followed (state, progress) from any server instance while it runs and
 * its outcome read afterwards. The rows it writes are committed in one transaction at its end.
 */
export const importJobs = pgTable(
  'import_jobs',
  {
    id: text('id').primaryKey(),
    workspaceId: text('workspace_id')
      .notNull()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
    /** The file format: `mspdi` or `csv`. */
    format: text('format').notNull(),
    /** The file's name as uploaded, for the list and messages. */
    fileName: text('file_name').notNull().default(''),
    state: text('state').$type<ImportJobState>().notNull().default('running'),
    /** 0–100. */
    progress: integer('progress').notNull().default(0),
    projectId: text('project_id').references(() => projects.id, { onDelete: 'set null' }),
    error: jsonb('error').$type<ImportJobError>(),
    /** What was imported: counts of tasks, links, resources, assignments and calendars. */
    summary: jsonb('summary').$type<Record<string, number>>(),
    createdBy: text('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true, precision: 3 }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true, precision: 3 }).notNull().defaultNow(),
  },
  (table) => [index('import_jobs_workspace_idx').on(table.workspaceId, table.createdAt)],
);
