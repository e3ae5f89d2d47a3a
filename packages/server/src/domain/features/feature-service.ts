import { and, eq, inArray, max, sql } from 'drizzle-orm';
import type { Database, Transaction } from '../../db/client';
import { newId } from '../../db/ids';
import { featureDemand } from '../../db/schema/feature-demand';
import { type FeatureStatus, features } from '../../db/schema/features';
import type { Page } from '../../http/pagination';
import { assertVersion } from '../../http/version';
import { assertProductAccess, assertProductPartAccess } from '../products/product-scope';
import { recordChange } from '../shared/change-log';
import type { Changes } from '../shared/changes';
import { definedOnly } from '../shared/defined-only';
import { notFound } from '../shared/errors';
import { containsText } from '../shared/text-search';
import { writeTransaction } from '../shared/write-transaction';
import { demandByFeature } from './feature-demand';
import { featureOrder } from './feature-order';
import { type FeatureView, featureRecord, featureSubject, toFeatureView } from './feature-view';

type FeatureRow = typeof features.$inferSelect;

/** Fields a client sets on a feature. */
export interface FeatureInput {
  title: string;
  spec?: string | undefined;
  status?: FeatureStatus | undefined;
  customFields?: Record<string, string> | undefined;
  rank?: string | undefined;
}

/** The orders a product's features list in: rank, most demanded, title, newest. */
export type FeatureSort = 'rank' | 'demand' | 'title' | 'createdAt';

/** How a product's features are listed, one page at a time. */
export interface FeatureListQuery {
  status?: FeatureStatus | undefined;
  q?: string | undefined;
  /** Only these features (those of other products match nothing), for a view naming the features it links. */
  ids?: string[] | undefined;
  sort?: FeatureSort | undefined;
  limit: number;
  cursor?: string | undefined;
}

const rankWidth = 12;

/** The rank after `last`: ranks are fixed-width numbers in text, so they sort as text and leave room in between. */
export function rankAfter(last: string | null): string {
  const next = last && /^\d+$/.test(last) ? Number(last) + 1024 : 1024;
  return String(next).padStart(rankWidth, '0');
}

/** A feature the caller may see (or change); 404 for one that does not exist or that they may not see. */
export async function visibleFeature(
  db: Database | Transaction,
  userId: string,
  featureId: string,
  action: 'see' | 'edit',
  lock = false,
): Promise<FeatureRow> {
  const query = db.select().from(features).where(eq(features.id, featureId));
  const [row] = lock ? await query.for('update') : await query;
  if (!row) throw notFound('Feature', featureId);
  await assertProductPartAccess(db, userId, { label: 'Feature', ...row }, action);
  return row;
}

/** The features of a product with their stored demand, a page at a time, in rank order unless asked otherwise. */
export async function listFeatures(
  db: Database,
  userId: string,
  productId: string,
  query: FeatureListQuery,
): Promise<Page<FeatureView>> {
  await assertProductAccess(db, userId, productId, 'see');
  const order = featureOrder(query.sort ?? 'rank', query.cursor);
  const rows = await db
    .select({ row: features, demand: featureDemand })
    .from(features)
    .leftJoin(featureDemand, eq(featureDemand.featureId, features.id))
    .where(
      and(
        eq(features.productId, productId),
        query.status ? eq(features.status, query.status) : undefined,
        containsText(features.title, query.q),
        query.ids ? inArray(features.id, query.ids) : undefined,
        order.where,
      ),
    )
    .orderBy(...order.orderBy)
    .limit(query.limit + 1);
  const page = rows.slice(0, query.limit);
  const last = page[page.length - 1];
  return {
    items: page.map(({ row, demand }) => toFeatureView(row, demand ?? undefined)),
    nextCursor: rows.length > query.limit && last ? order.cursorAfter(last.row, last.demand) : null,
  };
}

/** One feature with its demand. */
export async function getFeature(db: Database, userId: string, featureId: string): Promise<FeatureView> {
  const row = await visibleFeature(db, userId, featureId, 'see');
  const demand = await demandByFeature(db, { featureIds: [row.id] });
  return toFeatureView(row, demand.get(row.id));
}

/** Adds a feature to a product, at the end of the ranking unless a rank is given. */
export async function createFeature(
  db: Database,
  userId: string,
  productId: string,
  input: FeatureInput,
): Promise<FeatureView> {
  return writeTransaction(db, async (tx) => createFeatureIn(tx, userId, productId, input));
}

/** `createFeature` inside a transaction the caller holds (the feedback triage creates one while it links it). */
export async function createFeatureIn(
  tx: Transaction,
  userId: string,
  productId: string,
  input: FeatureInput,
): Promise<FeatureView> {
  const ref = await assertProductAccess(tx, userId, productId, 'edit');
  let rank = input.rank;
  if (rank === undefined) {
    // Serialises ranking within the product, so two features added at once get two ranks.
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`feature-rank:${productId}`}))`);
    const [last] = await tx
      .select({ rank: max(features.rank) })
      .from(features)
      .where(eq(features.productId, productId));
    rank = rankAfter(last?.rank ?? null);
  }
  const [row] = await tx
    .insert(features)
    .values({
      id: newId('fea'),
      workspaceId: ref.workspaceId,
      productId,
      title: input.title,
      spec: input.spec ?? '',
      status: input.status ?? 'new',
      customFields: input.customFields ?? {},
      rank,
      createdBy: userId,
    })
    .returning();
  if (!row) throw new Error('insert into features returned no row');
  await recordChange(tx, userId, featureSubject(row), 'create', null, featureRecord(row));
  return toFeatureView(row, undefined);
}

/** Changes a feature at the expected version; a stale version is a 409 carrying the current one. */
export async function updateFeature(
  db: Database,
  userId: string,
  featureId: string,
  expectedVersion: number,
  changes: Changes<FeatureInput>,
): Promise<FeatureView> {
  const updated = await writeTransaction(db, async (tx) => {
    const row = await visibleFeature(tx, userId, featureId, 'edit', true);
    const before = featureRecord(row);
    assertVersion(`Feature ${featureId}`, before, expectedVersion);
    const [next] = await tx
      .update(features)
      .set({ ...definedOnly(changes), version: sql`${features.version} + 1`, updatedAt: sql`now()` })
      .where(eq(features.id, featureId))
      .returning();
    if (!next) throw new Error(`feature ${featureId} vanished while locked`);
    await recordChange(tx, userId, featureSubject(next), 'update', before, featureRecord(next));
    return next;
  });
  const demand = await demandByFeature(db, { featureIds: [featureId] });
  return toFeatureView(updated, demand.get(featureId));
}

/** Deletes a feature at the expected version; its feedback links and KPI links go with it. */
export async function deleteFeature(
  db: Database,
  userId: string,
  featureId: string,
  expectedVersion: number,
): Promise<void> {
  await writeTransaction(db, async (tx) => {
    const row = await visibleFeature(tx, userId, featureId, 'edit', true);
    const before = featureRecord(row);
    assertVersion(`Feature ${featureId}`, before, expectedVersion);
    await tx.delete(features).where(eq(features.id, featureId));
    await recordChange(tx, userId, featureSubject(row), 'delete', before, null);
  });
}
