import { index, integer, jsonb, pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import { users } from './users';
import { workspaces } from './workspaces';

/** Someone the product is for: who they are and what they need. */
export interface Persona {
  name: string;
  description: string;
  needs: string;
}

/** Another product the market compares this one with. */
export interface Competitor {
  name: string;
  strengths: string;
  weaknesses: string;
  url: string;
}

/** A product: the *what* and *why* (vision, description) that roadmaps, features and projects hang from. */
export const products = pgTable(
  'products',
  {
    id: text('id').primaryKey(),
    workspaceId: text('workspace_id')
      .notNull()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    vision: text('vision').notNull().default(''),
    description: text('description').notNull().default(''),
    /** Strategy narrative, Markdown. */
    strategy: text('strategy').notNull().default(''),
    targetMarket: text('target_market').notNull().default(''),
    personas: jsonb('personas').$type<Persona[]>().notNull().default([]),
    competitors: jsonb('competitors').$type<Competitor[]>().notNull().default([]),
    /** Market-research notes, Markdown. */
    researchNotes: text('research_notes').notNull().default(''),
    createdBy: text('created_by').references(() => users.id, { onDelete: 'set null' }),
    // Millisecond precision so a timestamp read into a JS Date and sent back in a cursor compares exactly.
    createdAt: timestamp('created_at', { withTimezone: true, precision: 3 }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true, precision: 3 }).notNull().defaultNow(),
    version: integer('version').notNull().default(1),
  },
  (table) => [index('products_workspace_idx').on(table.workspaceId, table.name, table.id)],
);
