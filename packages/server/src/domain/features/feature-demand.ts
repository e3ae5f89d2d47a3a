import type { FeatureDemand } from '@tandem/core';
import { type SQL, sql } from 'drizzle-orm';
import type { Queryable } from '../../db/client';
import { customers } from '../../db/schema/customers';
import { features } from '../../db/schema/features';
import { feedback, feedbackLinks } from '../../db/schema/feedback';

/** Which features to weigh: every feature of a product, or the given ones. */
export type DemandScope = { productId: string } | { featureIds: readonly string[] };

/** The demand of a feature nobody asked for yet. */
export const noDemand = (featureId: string): FeatureDemand => ({
  featureId,
  customers: 0,
  feedback: 0,
  revenueCents: 0,
  score: 0,
});

/**
 * The demand rule of core's `featureDemand`, in SQL so that ranking thousands of features reads one grouped query:
 * first each (feature, feedback) pair once at its highest importance, then each customer once per feature at the
 * highest importance they gave (each piece of feedback from no customer on its own), then weighed by tier with the
 * revenue summed. Every step is a hash aggregate: no sort of text keys, which cost most of the time at 60,000 links.
 */
export function demandQuery(filter: SQL): SQL {
  return sql`
    select askers.feature_id as "featureId",
           count(askers.customer_id)::int as "customers",
           sum(askers.feedback_count)::int as "feedback",
           coalesce(sum(${customers.revenueCents}), 0)::bigint as "revenueCents",
           sum(askers.top * case ${customers.tier} when 'strategic' then 3 when 'key' then 2 else 1 end)::int as "score"
    from (
      select pairs.feature_id,
             ${feedback.customerId} as customer_id,
             coalesce(${feedback.customerId}, ${feedback.id}) as asker,
             count(*) as feedback_count,
             max(pairs.weight) as top
      from (
        select ${feedbackLinks.featureId} as feature_id,
               ${feedbackLinks.feedbackId} as feedback_id,
               max(case ${feedbackLinks.importance} when 'critical' then 3 when 'important' then 2 else 1 end) as weight
        from ${feedbackLinks}
        where ${filter}
        group by 1, 2
      ) pairs
      join ${feedback} on ${feedback.id} = pairs.feedback_id
      group by 1, 2, 3
    ) askers
    left join ${customers} on ${customers.id} = askers.customer_id
    group by askers.feature_id`;
}

function scopeFilter(scope: DemandScope): SQL {
  if ('productId' in scope) {
    return sql`${feedbackLinks.featureId} in (select ${features.id} from ${features} where ${features.productId} = ${scope.productId})`;
  }
  return sql`${feedbackLinks.featureId} = any(${sql.param([...scope.featureIds])}::text[])`;
}

/**
 * The demand for each feature in scope: distinct customers who asked, linked feedback, their revenue and the score
 * weighted by tier (3/2/1) and importance (3/2/1). Features nobody asked for are absent; read them as `noDemand`.
 * @example const demand = await demandByFeature(db, { productId }); demand.get(featureId)?.score ?? 0
 */
export async function demandByFeature(
  db: Queryable,
  scope: DemandScope,
): Promise<Map<string, FeatureDemand>> {
  if ('featureIds' in scope && scope.featureIds.length === 0) return new Map();
  const result = await db.execute<{
    featureId: string;
    customers: number;
    feedback: number;
    revenueCents: string | number;
    score: number;
  }>(demandQuery(scopeFilter(scope)));
  const map = new Map<string, FeatureDemand>();
  for (const row of result.rows) {
    map.set(row.featureId, {
      featureId: row.featureId,
      customers: Number(row.customers),
      feedback: Number(row.feedback),
      revenueCents: Number(row.revenueCents),
      score: Number(row.score),
    });
  }
  return map;
}
