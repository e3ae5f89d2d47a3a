import { type CustomerTier, type DemandLink, type FeatureDemand, featureDemand } from '@tandem/core';
import { sql } from './domain-world';
import type { TestServer } from './server';

/**
 * The demand core's `featureDemand` computes from every feedback link in the test database, by feature, each with its
 * feature's product: the oracle the stored demand is compared with.
 */
export async function recomputedDemand(
  t: TestServer,
): Promise<Map<string, FeatureDemand & { productId: string }>> {
  const rows = (await sql(
    t,
    `select l.feature_id, f.product_id, l.feedback_id, l.importance, c.id as customer_id, c.tier, c.revenue_cents
     from feedback_links l join feedback fb on fb.id = l.feedback_id join features f on f.id = l.feature_id
     left join customers c on c.id = fb.customer_id`,
  )) as {
    feature_id: string;
    product_id: string;
    feedback_id: string;
    importance: DemandLink['importance'];
    customer_id: string | null;
    tier: CustomerTier | null;
    revenue_cents: string | number | null;
  }[];
  const productOf = new Map(rows.map((row) => [row.feature_id, row.product_id]));
  const demand = featureDemand(
    rows.map((row) => ({
      featureId: row.feature_id,
      feedbackId: row.feedback_id,
      importance: row.importance,
      customer:
        row.customer_id && row.tier
          ? { id: row.customer_id, tier: row.tier, revenueCents: Number(row.revenue_cents) }
          : null,
    })),
  );
  return new Map([...demand].map(([id, value]) => [id, { ...value, productId: productOf.get(id) ?? '' }]));
}
