import { draftReleaseNotes, releaseForecast } from '@tandem/core';
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import { policy } from '../../auth/policy';
import type { Database, Transaction } from '../../db/client';
import { newId } from '../../db/ids';
import { features } from '../../db/schema/features';
import { type ReleaseStatus, releaseFeatures, releases } from '../../db/schema/releases';
import { ApiError } from '../../http/errors';
import { assertVersion } from '../../http/version';
import { projectsVisibleTo } from '../handoff/initiative-delivery';
import { recordChange } from '../shared/change-log';
import type { Changes } from '../shared/changes';
import { definedOnly } from '../shared/defined-only';
import { writeTransaction } from '../shared/write-transaction';
import { linkedWork } from './linked-work';
import { productOfEntity, visibleProduct } from './product-access';
import { featuresOfReleases, setReleaseFeatures } from './release-features';
import { type ReleaseView, releaseRecord, releaseSubject, toReleaseView } from './release-view';
import { isUniqueViolation } from './unique-violation';

type ReleaseRow = typeof releases.$inferSelect;

/** Fields a client sets on a release. */
export interface ReleaseInput {
  versionName: string;
  name?: string | undefined;
  targetDate?: string | null | undefined;
  status?: ReleaseStatus | undefined;
  notes?: string | undefined;
  featureIds?: string[] | undefined;
}

const versionTaken = (versionName: string) =>
  new ApiError(409, 'CONFLICT', `This product already has a release ${versionName}`, 'versionName');

/** Runs a release write, turning the unique index on (product, version name) into a 409. */
async function guarded<T>(
  db: Database,
  versionName: string | undefined,
  fn: (tx: Transaction) => Promise<T>,
) {
  try {
    return await writeTransaction(db, fn);
  } catch (error) {
    if (isUniqueViolation(error, 'releases_product_version_name_key')) throw versionTaken(versionName ?? '');
    if (isUniqueViolation(error, 'release_features_feature_key')) {
      throw new ApiError(
        409,
        'CONFLICT',
        'A feature of this release was just put in another release',
        'featureIds',
      );
    }
    throw error;
  }
}

/**
 * Views of releases with their features and forecasts. The forecast counts all the linked work, but only the tasks of
 * projects the caller may see are listed: the others show as a count, so no project they cannot open is named.
 */
async function viewsOf(db: Database, userId: string, rows: ReleaseRow[]): Promise<ReleaseView[]> {
  const featureMap = await featuresOfReleases(
    db,
    rows.map((row) => row.id),
  );
  const allFeatures = [...featureMap.values()].flat().map((feature) => feature.id);
  const work = await linkedWork(db, allFeatures);
  // The releases listed together are one product's, so of one workspace.
  const workspaceId = rows[0]?.workspaceId ?? '';
  const visible = await projectsVisibleTo(
    db,
    { userId },
    workspaceId,
    work.map((task) => task.projectId),
  );
  return rows.map((row) => {
    const releaseFeatureList = featureMap.get(row.id) ?? [];
    const ids = new Set(releaseFeatureList.map((feature) => feature.id));
    const releaseWork = work.filter((task) => ids.has(task.featureId));
    const linkedTasks = releaseWork.filter((task) => visible.has(task.projectId));
    const forecast = releaseForecast({
      targetDate: row.targetDate,
      taskFinishes: releaseWork.map((task) => task.finish),
    });
    return toReleaseView(row, releaseFeatureList, {
      ...forecast,
      linkedTasks,
      hiddenTaskCount: releaseWork.length - linkedTasks.length,
    });
  });
}

async function visibleRelease(db: Database | Transaction, userId: string, releaseId: string, lock = false) {
  const query = db.select().from(releases).where(eq(releases.id, releaseId));
  const [row] = lock ? await query.for('update') : await query;
  const product = await productOfEntity(db, userId, 'Release', releaseId, row);
  return { row: row as ReleaseRow, product };
}

/** The releases of a product the caller may see, by target date (undated last) then version. */
export async function listReleases(db: Database, userId: string, productId: string): Promise<ReleaseView[]> {
  await visibleProduct(db, userId, productId);
  const rows = await db
    .select()
    .from(releases)
    .where(eq(releases.productId, productId))
    .orderBy(sql`${releases.targetDate} asc nulls last`, asc(releases.versionName));
  return viewsOf(db, userId, rows);
}

/** One release with its features and its forecast from the linked project work. */
export async function getRelease(db: Database, userId: string, releaseId: string): Promise<ReleaseView> {
  const { row } = await visibleRelease(db, userId, releaseId);
  const [view] = await viewsOf(db, userId, [row]);
  return view as ReleaseView;
}

/** Creates a release of a product (product managers and contributors); its version name is unique in the product. */
export async function createRelease(
  db: Database,
  userId: string,
  productId: string,
  input: ReleaseInput,
): Promise<ReleaseView> {
  const product = await visibleProduct(db, userId, productId);
  await policy.assertCanEdit(db, userId, product);
  const row = await guarded(db, input.versionName, async (tx) => {
    const status = input.status ?? 'planned';
    const [created] = await tx
      .insert(releases)
      .values({
        id: newId('rel'),
        workspaceId: product.workspaceId,
        productId,
        versionName: input.versionName,
        name: input.name ?? '',
        targetDate: input.targetDate ?? null,
        status,
        notes: input.notes ?? '',
        releasedAt: status === 'released' ? sql`now()` : null,
        createdBy: userId,
      })
      .returning();
    if (!created) throw new Error('insert into releases returned no row');
    const featureIds = input.featureIds ?? [];
    await setReleaseFeatures(tx, created, featureIds);
    if (status === 'released') await markFeaturesReleased(tx, created.id);
    await recordChange(
      tx,
      userId,
      releaseSubject(created),
      'create',
      null,
      releaseRecord(created, featureIds),
    );
    return created;
  });
  return getRelease(db, userId, row.id);
}

/** The features of a released release are released too: the pipeline shows what shipped. */
async function markFeaturesReleased(tx: Transaction, releaseId: string): Promise<void> {
  const ids = tx
    .select({ id: releaseFeatures.featureId })
    .from(releaseFeatures)
    .where(eq(releaseFeatures.releaseId, releaseId));
  await tx
    .update(features)
    .set({ status: 'released', version: sql`${features.version} + 1`, updatedAt: sql`now()` })
    .where(and(inArray(features.id, ids), sql`${features.status} <> 'released'`));
}

/** Changes a release at the expected version; moving it to `released` stamps the day and releases its features. */
export async function updateRelease(
  db: Database,
  userId: string,
  releaseId: string,
  expectedVersion: number,
  changes: Changes<ReleaseInput>,
): Promise<ReleaseView> {
  await guarded(db, changes.versionName, async (tx) => {
    const { row, product } = await visibleRelease(tx, userId, releaseId, true);
    await policy.assertCanEdit(tx, userId, product);
    const beforeFeatures = (await featuresOfReleases(tx, [row.id])).get(row.id) ?? [];
    const before = releaseRecord(
      row,
      beforeFeatures.map((feature) => feature.id),
    );
    assertVersion(`Release ${releaseId}`, before, expectedVersion);
    const { featureIds, ...fields } = changes;
    const releasing = fields.status === 'released' && row.status !== 'released';
    const reopening = fields.status !== undefined && fields.status !== 'released';
    const [updated] = await tx
      .update(releases)
      .set({
        ...definedOnly(fields),
        ...(releasing ? { releasedAt: sql`now()` } : {}),
        ...(reopening ? { releasedAt: null } : {}),
        version: sql`${releases.version} + 1`,
        updatedAt: sql`now()`,
      })
      .where(eq(releases.id, releaseId))
      .returning();
    if (!updated) throw new Error(`release ${releaseId} vanished while locked`);
    if (featureIds !== undefined) await setReleaseFeatures(tx, updated, featureIds);
    if (updated.status === 'released') await markFeaturesReleased(tx, updated.id);
    const after = releaseRecord(updated, featureIds ?? before.featureIds);
    await recordChange(tx, userId, releaseSubject(updated), 'update', before, after);
  });
  return getRelease(db, userId, releaseId);
}

/** Deletes a release at the expected version; its features stay, free for another release. */
export async function deleteRelease(
  db: Database,
  userId: string,
  releaseId: string,
  expectedVersion: number,
): Promise<void> {
  await writeTransaction(db, async (tx) => {
    const { row, product } = await visibleRelease(tx, userId, releaseId, true);
    await policy.assertCanEdit(tx, userId, product);
    const featureIds = ((await featuresOfReleases(tx, [row.id])).get(row.id) ?? []).map(
      (feature) => feature.id,
    );
    const before = releaseRecord(row, featureIds);
    assertVersion(`Release ${releaseId}`, before, expectedVersion);
    await tx.delete(releases).where(eq(releases.id, releaseId));
    await recordChange(tx, userId, releaseSubject(row), 'delete', before, null);
  });
}

/** Release notes drafted from the release's features (core), for the product manager to edit; nothing is saved. */
export async function draftNotesOf(
  db: Database,
  userId: string,
  releaseId: string,
): Promise<{ notes: string }> {
  const { row } = await visibleRelease(db, userId, releaseId);
  const rows = await db
    .select({ title: features.title, spec: features.spec })
    .from(releaseFeatures)
    .innerJoin(features, eq(features.id, releaseFeatures.featureId))
    .where(eq(releaseFeatures.releaseId, releaseId));
  const date = row.releasedAt ? row.releasedAt.toISOString().slice(0, 10) : row.targetDate;
  return {
    notes: draftReleaseNotes({
      versionName: row.versionName,
      name: row.name,
      date,
      released: row.releasedAt !== null,
      features: rows,
    }),
  };
}
