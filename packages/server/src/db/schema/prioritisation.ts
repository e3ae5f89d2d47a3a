import { sql } from 'drizzle-orm';
import { doublePrecision, index, integer, jsonb, pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import { features } from './features';
import { products } from './products';
import { workspaces } from './workspaces';

/** RICE inputs as stored: reach per period, impact on Intercom's scale, confidence in percent, effort in person-months. */
export interface StoredRice {
  reach: number;
  impact: number;
  confidence: number;
  effort: number;
}

/** WSJF inputs on the modified Fibonacci scale. */
export interface StoredWsjf {
  businessValue: number;
  timeCriticality: number;
  riskReduction: number;
  jobSize: number;
}

/** Value and effort, each 1–10. */
export interface StoredValueEffort {
  value: number;
  effort: number;
}

/**
 * A feature's prioritisation: the inputs of each method (null until scored), the computed scores beside them so the
 * backlog is ranked in SQL, and a pinned position set by hand.
 */
export const featureScores = pgTable(
  'feature_scores',
  {
    featureId: text('feature_id')
      .primaryKey()
      .references(() => features.id, { onDelete: 'cascade' }),
    workspaceId: text('workspace_id')
      .notNull()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
    productId: text('product_id')
      .notNull()
      .references(() => products.id, { onDelete: 'cascade' }),
    rice: jsonb('rice').$type<StoredRice>(),
    wsjf: jsonb('wsjf').$type<StoredWsjf>(),
    valueEffort: jsonb('value_effort').$type<StoredValueEffort>(),
    /** Ratings by scorecard criterion id. */
    scorecard: jsonb('scorecard').$type<Record<string, number>>(),
    riceScore: doublePrecision('rice_score'),
    wsjfScore: doublePrecision('wsjf_score'),
    valueEffortScore: doublePrecision('value_effort_score'),
    /** Null while a criterion of the product's scorecard has no rating. */
    scorecardScore: doublePrecision('scorecard_score'),
    /**
     * A position in the ranked backlog pinned by hand, as a decimal number in text ("3", "2.5"): a fraction places a
     * feature between two pins without moving them. Null follows the chosen score.
     */
    manualRank: text('manual_rank'),
    updatedAt: timestamp('updated_at', { withTimezone: true, precision: 3 }).notNull().defaultNow(),
    version: integer('version').notNull().default(1),
  },
  (table) => [
    index('feature_scores_product_idx').on(table.productId),
    // Every backlog read places the pins first: a few rows, found without reading every score of the product.
    index('feature_scores_pinned_idx').on(table.productId).where(sql`${table.manualRank} is not null`),
  ],
);

/** Whether a higher rating on a criterion counts for a feature or against it. */
export type CriterionDirection = 'benefit' | 'cost';

/** A criterion of a product's weighted scorecard: features are rated 0–`scale_max` on it. */
export const scorecardCriteria = pgTable(
  'scorecard_criteria',
  {
    id: text('id').primaryKey(),
    workspaceId: text('workspace_id')
      .notNull()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
    productId: text('product_id')
      .notNull()
      .references(() => products.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    weight: doublePrecision('weight').notNull(),
    scaleMax: integer('scale_max').notNull().default(5),
    direction: text('direction').$type<CriterionDirection>().notNull().default('benefit'),
    position: integer('position').notNull().default(0),
    createdAt: timestamp('created_at', { withTimezone: true, precision: 3 }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true, precision: 3 }).notNull().defaultNow(),
    version: integer('version').notNull().default(1),
  },
  (table) => [index('scorecard_criteria_product_idx').on(table.productId, table.position)],
);
