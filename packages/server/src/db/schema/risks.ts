import { date, index, integer, pgTable, primaryKey, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { projects } from './projects';
import { tasks } from './tasks';
import { users } from './users';
import { workspaces } from './workspaces';

/** How a project answers a risk (PMBOK's strategies for threats and opportunities). */
export type RiskResponse = 'avoid' | 'mitigate' | 'transfer' | 'accept' | 'exploit';

/** Where a risk stands: `occurred` means it happened and became an issue of the RAID log. */
export type RiskStatus = 'open' | 'closed' | 'occurred';

/** A risk of a project's register, scored as probability × impact on the project's `riskScale`. */
export const risks = pgTable(
  'risks',
  {
    id: text('id').primaryKey(),
    workspaceId: text('workspace_id')
      .notNull()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
    projectId: text('project_id')
      .notNull()
      .references(() => projects.id, { onDelete: 'cascade' }),
    title: text('title').notNull(),
    /** Markdown, sanitised when rendered. */
    description: text('description').notNull().default(''),
    category: text('category').notNull().default(''),
    ownerId: text('owner_id').references(() => users.id, { onDelete: 'set null' }),
    probability: integer('probability').notNull(),
    impact: integer('impact').notNull(),
    /** probability × impact, stored so lists sort and filter on it. */
    score: integer('score').notNull(),
    residualProbability: integer('residual_probability'),
    residualImpact: integer('residual_impact'),
    response: text('response').$type<RiskResponse>().notNull().default('mitigate'),
    /** What signals the risk is about to happen. */
    triggers: text('triggers').notNull().default(''),
    reviewDate: date('review_date', { mode: 'string' }),
    status: text('status').$type<RiskStatus>().notNull().default('open'),
    /** The RAID issue raised when the risk occurred (a `raid_items` id; no FK so the two tables stay independent). */
    issueId: text('issue_id'),
    createdBy: text('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true, precision: 3 }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true, precision: 3 }).notNull().defaultNow(),
    version: integer('version').notNull().default(1),
  },
  (table) => [
    index('risks_project_idx').on(table.projectId, table.status, table.score),
    index('risks_owner_idx').on(table.ownerId),
  ],
);

/** A mitigation action of a risk: a task of the same project's plan. */
export const riskActions = pgTable(
  'risk_actions',
  {
    workspaceId: text('workspace_id')
      .notNull()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
    riskId: text('risk_id')
      .notNull()
      .references(() => risks.id, { onDelete: 'cascade' }),
    taskId: text('task_id')
      .notNull()
      .references(() => tasks.id, { onDelete: 'cascade' }),
    createdAt: timestamp('created_at', { withTimezone: true, precision: 3 }).notNull().defaultNow(),
  },
  (table) => [
    primaryKey({ columns: [table.riskId, table.taskId] }),
    index('risk_actions_task_idx').on(table.taskId),
  ],
);

/** The register's totals at the end of one day, rewritten on every write of the register that day: the trend. */
export const riskSnapshots = pgTable(
  'risk_snapshots',
  {
    id: text('id').primaryKey(),
    workspaceId: text('workspace_id')
      .notNull()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
    projectId: text('project_id')
      .notNull()
      .references(() => projects.id, { onDelete: 'cascade' }),
    day: date('day', { mode: 'string' }).notNull(),
    openCount: integer('open_count').notNull(),
    highCount: integer('high_count').notNull(),
    /** Sum of the scores of the open risks. */
    totalScore: integer('total_score').notNull(),
    /** Sum of the residual scores of the open risks (the score where no residual is given). */
    residualScore: integer('residual_score').notNull(),
    closedCount: integer('closed_count').notNull(),
    occurredCount: integer('occurred_count').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true, precision: 3 }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true, precision: 3 }).notNull().defaultNow(),
  },
  (table) => [uniqueIndex('risk_snapshots_project_day_idx').on(table.projectId, table.day)],
);
