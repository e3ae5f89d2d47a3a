import { type Horizon, horizonOf } from '@tandem/core';
import { asc, eq, sql } from 'drizzle-orm';
import type { Queryable } from '../../db/client';
import { initiatives } from '../../db/schema/initiatives';
import { objectives } from '../../db/schema/okrs';
import { products } from '../../db/schema/products';
import { releases } from '../../db/schema/releases';
import {
  type DeliveryReader,
  type InitiativeDelivery,
  initiativeDeliveries,
} from '../handoff/initiative-delivery';
import { type InitiativeView, toInitiativeView } from '../initiatives/initiative-view';

/** An initiative as the roadmap draws it: planned dates, the delivering project's forecast, progress and column. */
export interface RoadmapInitiative extends InitiativeView {
  featureCount: number;
  releasedCount: number;
  /** 0–1: the delivering project's progress, else the share of its features released. */
  progress: number;
  /** The forecast finish from the delivering project's schedule; null without a project. */
  forecastFinish: string | null;
  /** The delivering project's name; null without one and when the reader may not see it (then `projectId` is too). */
  projectName: string | null;
  horizon: Horizon | null;
  /** The delivering project's progress, forecast and health, as the initiative reply shows it; null without one. */
  delivery: InitiativeDelivery | null;
}

/** A release on the release plan, with the features it ships. */
export interface RoadmapRelease {
  id: string;
  versionName: string;
  name: string;
  targetDate: string | null;
  status: string;
  features: { featureId: string; title: string; status: string; initiativeId: string | null }[];
}

/** Everything the roadmap views draw. */
export interface RoadmapView {
  product: { id: string; name: string };
  asOf: string;
  objectives: { id: string; title: string; period: string }[];
  initiatives: RoadmapInitiative[];
  releases: RoadmapRelease[];
}

/** Today in UTC, the roadmap's reference day. */
export const todayUtc = (now: Date = new Date()): string => now.toISOString().slice(0, 10);

/**
 * The roadmap of a product, as a member (`{ userId }`) or a share link's stakeholders see it. The caller checks access
 * to the product; the delivering projects the reader may not see are shown by their forecast alone, without their
 * name or id. Null when the product does not exist.
 */
export async function buildRoadmap(
  db: Queryable,
  productId: string,
  reader: DeliveryReader,
  asOf = todayUtc(),
): Promise<RoadmapView | null> {
  const [product] = await db
    .select({ id: products.id, name: products.name })
    .from(products)
    .where(eq(products.id, productId));
  if (!product) return null;
  const [objectiveRows, rows, counts, releaseRows, releaseFeatures] = await Promise.all([
    db
      .select({ id: objectives.id, title: objectives.title, period: objectives.period })
      .from(objectives)
      .where(eq(objectives.productId, productId))
      .orderBy(asc(objectives.period), asc(objectives.title), asc(objectives.id)),
    db
      .select()
      .from(initiatives)
      .where(eq(initiatives.productId, productId))
      .orderBy(sql`${initiatives.plannedStart} asc nulls last`, asc(initiatives.title), asc(initiatives.id)),
    db.execute<{ initiative_id: string; features: string; released: string }>(sql`
      select inf.initiative_id, count(*) as features, count(*) filter (where f.status = 'released') as released
      from initiative_features inf
      join initiatives i on i.id = inf.initiative_id and i.product_id = ${productId}
      join features f on f.id = inf.feature_id
      group by inf.initiative_id`),
    db
      .select()
      .from(releases)
      .where(eq(releases.productId, productId))
      .orderBy(sql`${releases.targetDate} asc nulls last`, asc(releases.versionName)),
    db.execute<{
      release_id: string;
      feature_id: string;
      title: string;
      status: string;
      initiative_id: string | null;
    }>(sql`
      select rf.release_id, f.id as feature_id, f.title, f.status, inf.initiative_id
      from release_features rf
      join releases r on r.id = rf.release_id and r.product_id = ${productId}
      join features f on f.id = rf.feature_id
      left join initiative_features inf on inf.feature_id = f.id
      order by f.title, f.id`),
  ]);
  const countOf = new Map(counts.rows.map((row) => [row.initiative_id, row]));
  const deliveries = await initiativeDeliveries(db, rows, reader);
  const items = rows.map((initiative): RoadmapInitiative => {
    const view = toInitiativeView(initiative);
    const count = countOf.get(initiative.id);
    const featureCount = Number(count?.features ?? 0);
    const releasedCount = Number(count?.released ?? 0);
    const delivery = deliveries.get(initiative.id) ?? null;
    return {
      ...view,
      projectId: delivery ? delivery.projectId : view.projectId,
      featureCount,
      releasedCount,
      progress: delivery ? delivery.progress / 100 : featureCount === 0 ? 0 : releasedCount / featureCount,
      forecastFinish: delivery?.forecastFinish ?? null,
      projectName: delivery?.projectName ?? null,
      horizon: horizonOf(view, asOf),
      delivery,
    };
  });
  const byRelease = new Map<string, RoadmapRelease['features']>();
  for (const row of releaseFeatures.rows) {
    const list = byRelease.get(row.release_id) ?? [];
    list.push({
      featureId: row.feature_id,
      title: row.title,
      status: row.status,
      initiativeId: row.initiative_id,
    });
    byRelease.set(row.release_id, list);
  }
  return {
    product,
    asOf,
    objectives: objectiveRows,
    initiatives: items,
    releases: releaseRows.map((release) => ({
      id: release.id,
      versionName: release.versionName,
      name: release.name,
      targetDate: release.targetDate,
      status: release.status,
      features: byRelease.get(release.id) ?? [],
    })),
  };
}
