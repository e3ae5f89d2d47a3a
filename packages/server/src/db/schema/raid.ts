import { date, index, integer, pgTable, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { projects } from './projects';
import { risks } from './risks';
import { users } from './users';
import { workspaces } from './workspaces';

/** The kinds of the RAID log kept here (risks have their own register). */
export type RaidKind = 'issue' | 'assumption' | 'decision';

/** How bad an issue is, or how much rides on an assumption or decision. */
export type RaidSeverity = 'low' | 'medium' | 'high' | 'critical';

/** How soon it must be dealt with. */
export type RaidPriority = 'low' | 'medium' | 'high' | 'urgent';

/** Where an item stands; a decision is `resolved` once taken. */
export type RaidStatus = 'open' | 'in_progress' | 'resolved' | 'closed';

/** What a RAID link may point at or from. */
export type RaidLinkType = 'task' | 'risk' | 'raid' | 'change_request';

/** An issue, assumption or decision of a project's RAID log. */
export const raidItems = pgTable(
  'raid_items',
  {
    id: text('id').primaryKey(),
    workspaceId: text('workspace_id')
      .notNull()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
    projectId: text('project_id')
      .notNull()
      .references(() => projects.id, { onDelete: 'cascade' }),
    kind: text('kind').$type<RaidKind>().notNull(),
    title: text('title').notNull(),
    /** Markdown, sanitised when rendered. */
    description: text('description').notNull().default(''),
    severity: text('severity').$type<RaidSeverity>().notNull().default('medium'),
    priority: text('priority').$type<RaidPriority>().notNull().default('medium'),
    ownerId: text('owner_id').references(() => users.id, { onDelete: 'set null' }),
    dueDate: date('due_date', { mode: 'string' }),
    status: text('status').$type<RaidStatus>().notNull().default('open'),
    resolution: text('resolution').notNull().default(''),
    /** The risk this issue came from, when a risk occurred. */
    riskId: text('risk_id').references(() => risks.id, { onDelete: 'set null' }),
    createdBy: text('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true, precision: 3 }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true, precision: 3 }).notNull().defaultNow(),
    version: integer('version').notNull().default(1),
  },
  (table) => [index('raid_items_project_idx').on(table.projectId, table.kind, table.status)],
);

/** A link from a RAID item (or risk) to a task, risk, RAID item or change request of the same project. */
export const raidLinks = pgTable(
  'raid_links',
  {
    id: text('id').primaryKey(),
    workspaceId: text('workspace_id')
      .notNull()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
    fromType: text('from_type').$type<RaidLinkType>().notNull(),
    fromId: text('from_id').notNull(),
    toType: text('to_type').$type<RaidLinkType>().notNull(),
    toId: text('to_id').notNull(),
    createdBy: text('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true, precision: 3 }).notNull().defaultNow(),
  },
  (table) => [
    uniqueIndex('raid_links_pair_idx').on(table.fromType, table.fromId, table.toType, table.toId),
    index('raid_links_to_idx').on(table.toType, table.toId),
  ],
);
