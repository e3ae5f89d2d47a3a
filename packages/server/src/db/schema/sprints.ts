import { date, index, integer, jsonb, pgTable, real, text, timestamp } from 'drizzle-orm/pg-core';
import { projects } from './projects';
import { workspaces } from './workspaces';

/** A sprint's lifecycle: planned, then active (at most one per project), then completed. */
export type SprintState = 'planned' | 'active' | 'completed';

/** What a sprint held when it started or ended, for burndown, burnup and velocity. */
export interface SprintSnapshot {
  /** Story points committed (at start) or done (at completion). */
  points: number;
  /** Task ids in the sprint at that moment. */
  taskIds: string[];
}

/** A time-box of a project's agile plan. */
export const sprints = pgTable(
  'sprints',
  {
    id: text('id').primaryKey(),
    workspaceId: text('workspace_id')
      .notNull()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
    projectId: text('project_id')
      .notNull()
      .references(() => projects.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    goal: text('goal').notNull().default(''),
    startDate: date('start_date', { mode: 'string' }).notNull(),
    finishDate: date('finish_date', { mode: 'string' }).notNull(),
    state: text('state').$type<SprintState>().notNull().default('planned'),
    /** Story points the team expects to finish; null when not planned by capacity. */
    capacityPoints: real('capacity_points'),
    startedAt: timestamp('started_at', { withTimezone: true, precision: 3 }),
    completedAt: timestamp('completed_at', { withTimezone: true, precision: 3 }),
    committed: jsonb('committed').$type<SprintSnapshot>(),
    done: jsonb('done').$type<SprintSnapshot>(),
    createdAt: timestamp('created_at', { withTimezone: true, precision: 3 }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true, precision: 3 }).notNull().defaultNow(),
    version: integer('version').notNull().default(1),
  },
  (table) => [index('sprints_project_idx').on(table.projectId, table.startDate)],
);
