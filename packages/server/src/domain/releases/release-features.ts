import { and, eq, inArray, ne } from 'drizzle-orm';
import type { Queryable, Transaction } from '../../db/client';
import { newId } from '../../db/ids';
import { features } from '../../db/schema/features';
import { releaseFeatures, releases } from '../../db/schema/releases';
import { ApiError } from '../../http/errors';
import { invalid } from '../shared/errors';
import type { ReleaseFeatureView } from './release-view';

/** The features of releases, by release id, in title order. */
export async function featuresOfReleases(
  db: Queryable,
  releaseIds: readonly string[],
): Promise<Map<string, ReleaseFeatureView[]>> {
  const byRelease = new Map<string, ReleaseFeatureView[]>(releaseIds.map((id) => [id, []]));
  if (releaseIds.length === 0) return byRelease;
  const rows = await db
    .select({
      releaseId: releaseFeatures.releaseId,
      id: features.id,
      title: features.title,
      status: features.status,
    })
    .from(releaseFeatures)
    .innerJoin(features, eq(features.id, releaseFeatures.featureId))
    .where(inArray(releaseFeatures.releaseId, [...releaseIds]))
    .orderBy(features.title, features.id);
  for (const { releaseId, ...feature } of rows) byRelease.get(releaseId)?.push(feature);
  return byRelease;
}

/**
 * Replaces a release's features. Each must be a feature of the release's product (400 naming `featureIds`) and in no
 * other release of it (409: a feature ships once); the unique index settles two writers racing for one feature.
 */
export async function setReleaseFeatures(
  tx: Transaction,
  release: { id: string; workspaceId: string; productId: string },
  featureIds: readonly string[],
): Promise<void> {
  const wanted = [...new Set(featureIds)];
  if (wanted.length > 0) {
    const found = await tx
      .select({ id: features.id })
      .from(features)
      .where(and(inArray(features.id, wanted), eq(features.productId, release.productId)))
      .for('key share');
    const known = new Set(found.map((row) => row.id));
    const missing = wanted.find((id) => !known.has(id));
    if (missing !== undefined) invalidFeature(missing);
    const [taken] = await tx
      .select({ featureId: releaseFeatures.featureId, versionName: releases.versionName })
      .from(releaseFeatures)
      .innerJoin(releases, eq(releases.id, releaseFeatures.releaseId))
      .where(and(inArray(releaseFeatures.featureId, wanted), ne(releaseFeatures.releaseId, release.id)))
      .limit(1);
    if (taken) {
      throw new ApiError(
        409,
        'CONFLICT',
        `Feature ${taken.featureId} is already in release ${taken.versionName}; a feature ships in one release`,
        'featureIds',
      );
    }
  }
  await tx.delete(releaseFeatures).where(eq(releaseFeatures.releaseId, release.id));
  if (wanted.length === 0) return;
  await tx.insert(releaseFeatures).values(
    wanted.map((featureId) => ({
      id: newId('rlf'),
      workspaceId: release.workspaceId,
      releaseId: release.id,
      featureId,
    })),
  );
}

function invalidFeature(id: string): never {
  throw invalid('featureIds', `Feature ${id} is not a feature of this product`);
}
