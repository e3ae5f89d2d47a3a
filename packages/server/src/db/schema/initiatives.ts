import {
  type AnyPgColumn,
  date,
  index,
  integer,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import { features } from './features';
import { objectives } from './okrs';
import { products } from './products';
import { projects } from './projects';
import { users } from './users';
import { workspaces } from './workspaces';

/** Where an initiative stands. */
export type InitiativeStatus = 'proposed' | 'planned' | 'in_progress' | 'done' | 'cancelled';

/**
 * A body of work on a product's roadmap: features grouped under an objective, with a theme, a team and planned dates;
 * initiatives nest through `parent_id`, and `project_id` names the project that delivers it once handed off.
 */
export const initiatives = pgTable(
  'initiatives',
  {
    id: text('id').primaryKey(),
    workspaceId: text('workspace_id')
      .notNull()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
    productId: text('product_id')
      .notNull()
      .references(() => products.id, { onDelete: 'cascade' }),
    parentId: text('parent_id').references((): AnyPgColumn => initiatives.id, { onDelete: 'set null' }),
    objectiveId: text('objective_id').references(() => objectives.id, { onDelete: 'set null' }),
    title: text('title').notNull(),
    description: text('description').notNull().default(''),
    theme: text('theme').notNull().default(''),
    team: text('team').notNull().default(''),
    plannedStart: date('planned_start', { mode: 'string' }),
    plannedFinish: date('planned_finish', { mode: 'string' }),
    status: text('status').$type<InitiativeStatus>().notNull().default('proposed'),
    projectId: text('project_id').references(() => projects.id, { onDelete: 'set null' }),
    createdBy: text('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true, precision: 3 }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true, precision: 3 }).notNull().defaultNow(),
    version: integer('version').notNull().default(1),
  },
  (table) => [
    index('initiatives_product_idx').on(table.productId, table.plannedStart, table.id),
    index('initiatives_parent_idx').on(table.parentId),
    index('initiatives_project_idx').on(table.projectId),
  ],
);

/** A feature placed in an initiative; a feature sits in at most one. */
export const initiativeFeatures = pgTable(
  'initiative_features',
  {
    id: text('id').primaryKey(),
    workspaceId: text('workspace_id')
      .notNull()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
    initiativeId: text('initiative_id')
      .notNull()
      .references(() => initiatives.id, { onDelete: 'cascade' }),
    featureId: text('feature_id')
      .notNull()
      .references(() => features.id, { onDelete: 'cascade' }),
    createdAt: timestamp('created_at', { withTimezone: true, precision: 3 }).notNull().defaultNow(),
  },
  (table) => [
    uniqueIndex('initiative_features_feature_key').on(table.featureId),
    index('initiative_features_initiative_idx').on(table.initiativeId),
  ],
);
