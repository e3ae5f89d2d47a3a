/** Seeds a product for the product benchmark with SQL: scored features, customers, feedback, objectives, initiatives. */
import { riceScore, valueEffortScore, wsjfScale, wsjfScore } from '@tandem/core';
import { drizzle } from 'drizzle-orm/node-postgres';
import pg from 'pg';
import type { Transaction } from '../packages/server/src/db/client';
import { newId } from '../packages/server/src/db/ids';
import { refreshProductDemand } from '../packages/server/src/domain/features/feature-demand';
import { seededRandom } from './seeded-random';

/** How big the seeded product is. */
export const productSize = {
  featureCount: 10_000,
  feedbackCount: 50_000,
  customerCount: 500,
  initiativeCount: 500,
};
const { featureCount, feedbackCount, customerCount, initiativeCount } = productSize;

const random = seededRandom(6);
const pick = <T>(values: readonly T[]): T => values[Math.floor(random() * values.length)] as T;
const words = [
  'maps',
  'sync',
  'export',
  'search',
  'alerts',
  'billing',
  'sharing',
  'reports',
  'mobile',
  'teams',
  'audit',
  'api',
];
const statuses = ['new', 'under_consideration', 'planned', 'in_progress', 'released', 'declined'];

/** Inserts rows column by column through `unnest`, a few thousand at a time. */
async function insert(
  client: pg.Client,
  table: string,
  columns: [string, string][],
  rows: unknown[][],
): Promise<void> {
  for (let from = 0; from < rows.length; from += 5000) {
    const chunk = rows.slice(from, from + 5000);
    const params = columns.map((_, c) => chunk.map((row) => row[c]));
    const list = columns.map(([name]) => name).join(', ');
    const unnest = columns.map(([, type], c) => `$${c + 1}::${type}[]`).join(', ');
    await client.query(`insert into ${table} (${list}) select * from unnest(${unnest})`, params);
  }
}

/** Seeds the product; returns an initiative id to filter by. */
export async function seedProduct(connectionString: string, workspaceId: string, productId: string) {
  const client = new pg.Client({ connectionString });
  await client.connect();
  try {
    const features: unknown[][] = [];
    const scores: unknown[][] = [];
    for (let k = 0; k < featureCount; k++) {
      const id = newId('fea');
      features.push([id, workspaceId, productId, `${pick(words)} ${pick(words)} ${k}`, pick(statuses)]);
      const rice = {
        reach: Math.round(random() * 5000),
        impact: pick([0.25, 0.5, 1, 2, 3]),
        confidence: pick([50, 80, 100]),
        effort: 1 + Math.round(random() * 10),
      };
      const wsjf = {
        businessValue: pick(wsjfScale),
        timeCriticality: pick(wsjfScale),
        riskReduction: pick(wsjfScale),
        jobSize: pick(wsjfScale),
      };
      const valueEffort = { value: 1 + Math.floor(random() * 10), effort: 1 + Math.floor(random() * 10) };
      scores.push([
        id,
        workspaceId,
        productId,
        JSON.stringify(rice),
        JSON.stringify(wsjf),
        JSON.stringify(valueEffort),
        riceScore(rice).score,
        wsjfScore(wsjf).score,
        valueEffortScore(valueEffort).score,
        k % 2000 === 0 ? String(1 + k / 100) : null,
      ]);
    }
    await insert(
      client,
      'features',
      [
        ['id', 'text'],
        ['workspace_id', 'text'],
        ['product_id', 'text'],
        ['title', 'text'],
        ['status', 'text'],
      ],
      features,
    );
    await insert(
      client,
      'feature_scores',
      [
        ['feature_id', 'text'],
        ['workspace_id', 'text'],
        ['product_id', 'text'],
        ['rice', 'jsonb'],
        ['wsjf', 'jsonb'],
        ['value_effort', 'jsonb'],
        ['rice_score', 'float8'],
        ['wsjf_score', 'float8'],
        ['value_effort_score', 'float8'],
        ['manual_rank', 'text'],
      ],
      scores,
    );
    const customers = Array.from({ length: customerCount }, (_, k) => [
      newId('cus'),
      workspaceId,
      `Customer ${k}`,
      pick(['strategic', 'key', 'standard']),
      Math.round(random() * 1e8),
    ]);
    await insert(
      client,
      'customers',
      [
        ['id', 'text'],
        ['workspace_id', 'text'],
        ['name', 'text'],
        ['tier', 'text'],
        ['revenue_cents', 'bigint'],
      ],
      customers,
    );
    const feedback: unknown[][] = [];
    const links: unknown[][] = [];
    for (let k = 0; k < feedbackCount; k++) {
      const id = newId('fbk');
      feedback.push([
        id,
        workspaceId,
        productId,
        random() < 0.8 ? (pick(customers)[0] as string) : null,
        `Feedback ${k}`,
      ]);
      links.push([
        newId('fbl'),
        workspaceId,
        id,
        (pick(features) as string[])[0],
        pick(['nice', 'important', 'critical']),
      ]);
    }
    await insert(
      client,
      'feedback',
      [
        ['id', 'text'],
        ['workspace_id', 'text'],
        ['product_id', 'text'],
        ['customer_id', 'text'],
        ['title', 'text'],
      ],
      feedback,
    );
    await insert(
      client,
      'feedback_links',
      [
        ['id', 'text'],
        ['workspace_id', 'text'],
        ['feedback_id', 'text'],
        ['feature_id', 'text'],
        ['importance', 'text'],
      ],
      links,
    );
    const objectives = Array.from({ length: 8 }, (_, k) => [
      newId('obj'),
      workspaceId,
      productId,
      `Objective ${k + 1}`,
      '2027',
    ]);
    await insert(
      client,
      'objectives',
      [
        ['id', 'text'],
        ['workspace_id', 'text'],
        ['product_id', 'text'],
        ['title', 'text'],
        ['period', 'text'],
      ],
      objectives,
    );
    const initiatives: unknown[][] = [];
    const members: unknown[][] = [];
    for (let k = 0; k < initiativeCount; k++) {
      const id = newId('ini');
      const start = new Date(Date.UTC(2026, 9, 1) + Math.floor(random() * 540) * 86_400_000);
      const finish = new Date(start.getTime() + (14 + Math.floor(random() * 120)) * 86_400_000);
      initiatives.push([
        id,
        workspaceId,
        productId,
        pick(objectives)[0],
        `Initiative ${k + 1}`,
        pick(['Growth', 'Enterprise', 'Platform']),
        pick(['Apps', 'Core', 'Data', 'Web']),
        start.toISOString().slice(0, 10),
        finish.toISOString().slice(0, 10),
        pick(['proposed', 'planned', 'in_progress']),
      ]);
      for (let f = 0; f < 10; f++)
        members.push([newId('inf'), workspaceId, id, (features[k * 10 + f] as string[])[0]]);
    }
    await insert(
      client,
      'initiatives',
      [
        ['id', 'text'],
        ['workspace_id', 'text'],
        ['product_id', 'text'],
        ['objective_id', 'text'],
        ['title', 'text'],
        ['theme', 'text'],
        ['team', 'text'],
        ['planned_start', 'date'],
        ['planned_finish', 'date'],
        ['status', 'text'],
      ],
      initiatives,
    );
    await insert(
      client,
      'initiative_features',
      [
        ['id', 'text'],
        ['workspace_id', 'text'],
        ['initiative_id', 'text'],
        ['feature_id', 'text'],
      ],
      members,
    );
    // The links went in with SQL, past the services that keep each feature's demand stored: recompute it once.
    await drizzle(client).transaction((tx) => refreshProductDemand(tx as unknown as Transaction, productId));
    await client.query('analyze');
    return { initiativeId: (initiatives[0] as string[])[0] as string };
  } finally {
    await client.end();
  }
}
