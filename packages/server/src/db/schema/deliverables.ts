import { sql } from 'drizzle-orm';
import { type AnyPgColumn, check, index, integer, pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import { projects } from './projects';
import { tasks } from './tasks';
import { users } from './users';
import { workspaces } from './workspaces';

/** Where a deliverable stands with its receiver. */
export type DeliverableState = 'pending' | 'submitted' | 'accepted' | 'rejected';

/** Something a project hands over, with the criteria its receiver accepts it by, due at a milestone. */
export const deliverables = pgTable(
  'deliverables',
  {
    id: text('id').primaryKey(),
    workspaceId: text('workspace_id')
      .notNull()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
    projectId: text('project_id')
      .notNull()
      .references(() => projects.id, { onDelete: 'cascade' }),
    title: text('title').notNull(),
    /** Markdown. */
    description: text('description').notNull().default(''),
    /** Markdown checklist (`- [ ] …` / `- [x] …`). */
    acceptanceCriteria: text('acceptance_criteria').notNull().default(''),
    milestoneTaskId: text('milestone_task_id').references((): AnyPgColumn => tasks.id, {
      onDelete: 'set null',
    }),
    state: text('state').$type<DeliverableState>().notNull().default('pending'),
    /** Who accepted or rejected it, when, and why. */
    acceptedBy: text('accepted_by').references(() => users.id, { onDelete: 'set null' }),
    acceptedAt: timestamp('accepted_at', { withTimezone: true, precision: 3 }),
    decisionComment: text('decision_comment').notNull().default(''),
    submittedBy: text('submitted_by').references(() => users.id, { onDelete: 'set null' }),
    submittedAt: timestamp('submitted_at', { withTimezone: true, precision: 3 }),
    createdBy: text('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true, precision: 3 }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true, precision: 3 }).notNull().defaultNow(),
    version: integer('version').notNull().default(1),
  },
  (table) => [
    index('deliverables_project_idx').on(table.projectId, table.createdAt),
    check(
      'deliverables_state_check',
      sql`${table.state} in ('pending', 'submitted', 'accepted', 'rejected')`,
    ),
  ],
);
