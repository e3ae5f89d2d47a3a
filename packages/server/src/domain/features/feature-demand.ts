import { featureDemand as computeDemand, type DemandLink, type FeatureDemand } from '@tandem/core';
import { eq, inArray, sql } from 'drizzle-orm';
import type { Queryable, Transaction } from '../../db/client';
import { customers } from '../../db/schema/customers';
import { featureDemand } from '../../db/schema/feature-demand';
import { features } from '../../db/schema/features';
import { feedback, feedbackLinks } from '../../db/schema/feedback';

/** Which features to read: every feature of a product, or the given ones. */
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
 * The stored demand for each feature in scope: distinct customers who asked, linked feedback, their revenue and the
 * score weighted by tier and importance, as core's `featureDemand` computed it at the last write. Features nobody
 * asked for are absent; read them as `noDemand`.
 * @example const demand = await demandByFeature(db, { productId }); demand.get(featureId)?.score ?? 0
 */
export async function demandByFeature(
  db: Queryable,
  scope: DemandScope,
): Promise<Map<string, FeatureDemand>> {
  if ('featureIds' in scope && scope.featureIds.length === 0) return new Map();
  const rows = await db
    .select()
    .from(featureDemand)
    .where(
      'productId' in scope
        ? eq(featureDemand.productId, scope.productId)
        : inArray(featureDemand.featureId, [...scope.featureIds]),
    );
  return new Map(rows.map(({ productId: _, ...row }) => [row.featureId, row]));
}

/** Every link of the given features (or of a product's features), as core's demand rule reads them. */
async function demandLinks(tx: Queryable, scope: DemandScope): Promise<DemandLink[]> {
  const rows = await tx
    .select({
      featureId: feedbackLinks.featureId,
      feedbackId: feedbackLinks.feedbackId,
      importance: feedbackLinks.importance,
      customerId: customers.id,
      tier: customers.tier,
      revenueCents: customers.revenueCents,
    })
    .from(feedbackLinks)
    .innerJoin(feedback, eq(feedback.id, feedbackLinks.feedbackId))
    .leftJoin(customers, eq(customers.id, feedback.customerId))
    .where(
      'productId' in scope
        ? sql`${feedbackLinks.featureId} in (select ${features.id} from ${features} where ${features.productId} = ${scope.productId})`
        : sql`${feedbackLinks.featureId} = any(${sql.param([...scope.featureIds])}::text[])`,
    );
  return rows.map((row) => ({
    featureId: row.featureId,
    feedbackId: row.feedbackId,
    importance: row.importance,
    customer:
      row.customerId !== null && row.tier !== null && row.revenueCents !== null
        ? { id: row.customerId, tier: row.tier, revenueCents: row.revenueCents }
        : null,
  }));
}

/** Replaces the stored demand of `featureIds` (each of `productOf`'s product) with what core computes from `links`. */
async function storeDemand(
  tx: Transaction,
  featureIds: readonly string[],
  productOf: ReadonlyMap<string, string>,
  links: readonly DemandLink[],
): Promise<void> {
  await tx.delete(featureDemand).where(inArray(featureDemand.featureId, [...featureIds]));
  const rows = [...computeDemand(links).values()].flatMap((demand) => {
    const productId = productOf.get(demand.featureId);
    return productId ? [{ ...demand, productId }] : [];
  });
  // A few thousand rows per statement keeps the parameter count under PostgreSQL's limit of 65,535.
  for (let start = 0; start < rows.length; start += 5000) {
    await tx.insert(featureDemand).values(rows.slice(start, start + 5000));
  }
}

/**
 * Recomputes the stored demand of the given features with core's `featureDemand`, inside the transaction of the write
 * that changed their links, customers or feedback. The features are locked first, in id order, so two writes touching
 * one feature queue and the second counts the first's links: the stored demand always equals a full recomputation.
 */
export async function refreshDemand(tx: Transaction, featureIds: Iterable<string>): Promise<void> {
  const ids = [...new Set(featureIds)].sort();
  if (ids.length === 0) return;
  const locked = await tx.execute<{ id: string; product_id: string }>(sql`
    select id, product_id from features where id = any(${sql.param(ids)}::text[])
    order by id for no key update`);
  const productOf = new Map(locked.rows.map((row) => [row.id, row.product_id]));
  const present = ids.filter((id) => productOf.has(id));
  if (present.length === 0) return;
  await storeDemand(tx, present, productOf, await demandLinks(tx, { featureIds: present }));
}

/** Recomputes the stored demand of every feature of a product (after a bulk load that wrote links with SQL). */
export async function refreshProductDemand(tx: Transaction, productId: string): Promise<void> {
  const locked = await tx.execute<{ id: string }>(sql`
    select id from features where product_id = ${productId} order by id for no key update`);
  const ids = locked.rows.map((row) => row.id);
  await storeDemand(tx, ids, new Map(ids.map((id) => [id, productId])), await demandLinks(tx, { productId }));
}

/** The features a piece of feedback, or a customer's feedback, is linked to: those whose demand it weighs on. */
export async function featuresAskedFor(
  tx: Queryable,
  by: { feedbackId: string } | { customerId: string },
): Promise<string[]> {
  const rows = await tx
    .selectDistinct({ featureId: feedbackLinks.featureId })
    .from(feedbackLinks)
    .where(
      'feedbackId' in by
        ? eq(feedbackLinks.feedbackId, by.feedbackId)
        : sql`${feedbackLinks.feedbackId} in (select ${feedback.id} from ${feedback} where ${feedback.customerId} = ${by.customerId})`,
    );
  return rows.map((row) => row.featureId);
}
