import type { ChangeEdit } from '@tandem/core/changes/proposal';
import { sql } from 'drizzle-orm';
import { check, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { baselines } from './baselines';
import { projects } from './projects';
import { users } from './users';
import { workspaces } from './workspaces';

/** Where a change request stands: drafted, put to the approvers, decided, then applied to the plan. */
export type ChangeRequestStatus = 'draft' | 'submitted' | 'approved' | 'rejected' | 'applied';

/** How a change request was raised: by a person, or by a scope change on the product side. */
export type ChangeRequestOrigin = 'manual' | 'scope_change';

/** Who must approve a change request. */
export type ChangeApprovalRole = 'project_manager' | 'sponsor';

/** An approver's decision. */
export type ChangeApprovalDecision = 'approved' | 'rejected';

/** One concrete edit of the plan a change request proposes (core's `ChangeEdit`), kept as JSON. */
export type { ChangeEdit } from '@tandem/core/changes/proposal';

/** A request to change a project's scope, schedule or cost, with its proposed plan edits and computed impact. */
export const changeRequests = pgTable(
  'change_requests',
  {
    id: text('id').primaryKey(),
    workspaceId: text('workspace_id')
      .notNull()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
    projectId: text('project_id')
      .notNull()
      .references(() => projects.id, { onDelete: 'cascade' }),
    /** CR-1, CR-2… per project. */
    number: integer('number').notNull(),
    title: text('title').notNull(),
    /** Markdown: what changes. */
    description: text('description').notNull().default(''),
    /** Markdown: why. */
    reason: text('reason').notNull().default(''),
    requestedBy: text('requested_by').references(() => users.id, { onDelete: 'set null' }),
    status: text('status').$type<ChangeRequestStatus>().notNull().default('draft'),
    origin: text('origin').$type<ChangeRequestOrigin>().notNull().default('manual'),
    proposal: jsonb('proposal').$type<ChangeEdit[]>().notNull().default([]),
    /** The impact last computed on a what-if copy of the plan (core `ChangeImpact`), kept as it was at decision time. */
    impact: jsonb('impact').$type<Record<string, unknown>>(),
    /** The plan revision the impact was computed at. */
    impactRevision: integer('impact_revision'),
    decidedAt: timestamp('decided_at', { withTimezone: true, precision: 3 }),
    appliedAt: timestamp('applied_at', { withTimezone: true, precision: 3 }),
    appliedBy: text('applied_by').references(() => users.id, { onDelete: 'set null' }),
    createdBy: text('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true, precision: 3 }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true, precision: 3 }).notNull().defaultNow(),
    version: integer('version').notNull().default(1),
  },
  (table) => [
    uniqueIndex('change_requests_number_idx').on(table.projectId, table.number),
    check(
      'change_requests_status_check',
      sql`${table.status} in ('draft', 'submitted', 'approved', 'rejected', 'applied')`,
    ),
    check('change_requests_origin_check', sql`${table.origin} in ('manual', 'scope_change')`),
  ],
);

/** One approver's decision on a change request: the project manager's and the sponsor's are both needed. */
export const changeRequestApprovals = pgTable(
  'change_request_approvals',
  {
    id: text('id').primaryKey(),
    workspaceId: text('workspace_id')
      .notNull()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
    changeRequestId: text('change_request_id')
      .notNull()
      .references(() => changeRequests.id, { onDelete: 'cascade' }),
    role: text('role').$type<ChangeApprovalRole>().notNull(),
    userId: text('user_id').references(() => users.id, { onDelete: 'set null' }),
    decision: text('decision').$type<ChangeApprovalDecision>().notNull(),
    comment: text('comment').notNull().default(''),
    at: timestamp('at', { withTimezone: true, precision: 3 }).notNull().defaultNow(),
    createdAt: timestamp('created_at', { withTimezone: true, precision: 3 }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true, precision: 3 }).notNull().defaultNow(),
    version: integer('version').notNull().default(1),
  },
  (table) => [
    uniqueIndex('change_request_approvals_role_idx').on(table.changeRequestId, table.role),
    check('change_request_approvals_role_check', sql`${table.role} in ('project_manager', 'sponsor')`),
    check('change_request_approvals_decision_check', sql`${table.decision} in ('approved', 'rejected')`),
  ],
);

/** A record of why a project's baseline was re-set, e.g. after an approved change. */
export const baselineResets = pgTable(
  'baseline_resets',
  {
    id: text('id').primaryKey(),
    workspaceId: text('workspace_id')
      .notNull()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
    projectId: text('project_id')
      .notNull()
      .references(() => projects.id, { onDelete: 'cascade' }),
    baselineId: text('baseline_id')
      .notNull()
      .references(() => baselines.id, { onDelete: 'cascade' }),
    changeRequestId: text('change_request_id').references(() => changeRequests.id, { onDelete: 'set null' }),
    reason: text('reason').notNull().default(''),
    by: text('by').references(() => users.id, { onDelete: 'set null' }),
    at: timestamp('at', { withTimezone: true, precision: 3 }).notNull().defaultNow(),
    createdAt: timestamp('created_at', { withTimezone: true, precision: 3 }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true, precision: 3 }).notNull().defaultNow(),
    version: integer('version').notNull().default(1),
  },
  (table) => [index('baseline_resets_project_idx').on(table.projectId, table.at)],
);
