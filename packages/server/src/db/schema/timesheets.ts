import { date, index, integer, pgTable, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { users } from './users';
import { workspaces } from './workspaces';

/** A week of time: open for edits, submitted for approval, then approved or sent back (rejected, editable again). */
export type TimesheetState = 'open' | 'submitted' | 'approved' | 'rejected';

/** One person's week of time entries in one workspace, and where it stands in approval. */
export const timesheets = pgTable(
  'timesheets',
  {
    id: text('id').primaryKey(),
    workspaceId: text('workspace_id')
      .notNull()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
    userId: text('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    /** The Monday the week starts on, `YYYY-MM-DD`. */
    weekStart: date('week_start', { mode: 'string' }).notNull(),
    state: text('state').$type<TimesheetState>().notNull().default('open'),
    submittedAt: timestamp('submitted_at', { withTimezone: true, precision: 3 }),
    decidedBy: text('decided_by').references(() => users.id, { onDelete: 'set null' }),
    decidedAt: timestamp('decided_at', { withTimezone: true, precision: 3 }),
    /** Why a week was sent back, or a note with the approval. */
    comment: text('comment').notNull().default(''),
    createdAt: timestamp('created_at', { withTimezone: true, precision: 3 }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true, precision: 3 }).notNull().defaultNow(),
    version: integer('version').notNull().default(1),
  },
  (table) => [
    uniqueIndex('timesheets_user_week_idx').on(table.workspaceId, table.userId, table.weekStart),
    index('timesheets_state_idx').on(table.workspaceId, table.state, table.weekStart),
  ],
);
