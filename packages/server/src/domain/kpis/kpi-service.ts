import { type KpiMeasurement, type KpiReading, kpiReading } from '@tandem/core';
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { Database, Queryable, Transaction } from '../../db/client';
import { newId } from '../../db/ids';
import { features } from '../../db/schema/features';
import { type KpiDirection, kpiFeatures, kpiMeasurements, kpis } from '../../db/schema/kpis';
import { objectives } from '../../db/schema/okrs';
import { ApiError } from '../../http/errors';
import { assertVersion } from '../../http/version';
import { assertProductAccess, assertProductPartAccess } from '../products/product-scope';
import { type ChangeSubject, recordChange } from '../shared/change-log';
import type { Changes } from '../shared/changes';
import { definedOnly } from '../shared/defined-only';
import { notFound } from '../shared/errors';
import { writeTransaction } from '../shared/write-transaction';

type KpiRow = typeof kpis.$inferSelect;

/** Fields a client sets on a KPI. */
export interface KpiInput {
  name: string;
  definition?: string | undefined;
  unit?: string | undefined;
  target?: number | null | undefined;
  direction?: KpiDirection | undefined;
  objectiveId?: string | null | undefined;
  featureIds?: string[] | undefined;
}

/** A KPI with its measurements over time (oldest first), its reading against the target and its linked features. */
export interface KpiView {
  id: string;
  workspaceId: string;
  productId: string;
  name: string;
  definition: string;
  unit: string;
  target: number | null;
  direction: KpiDirection;
  objectiveId: string | null;
  featureIds: string[];
  measurements: KpiMeasurement[];
  reading: KpiReading;
  updatedAt: string;
  version: number;
}

function kpiRecord(row: KpiRow) {
  return {
    id: row.id,
    productId: row.productId,
    name: row.name,
    definition: row.definition,
    unit: row.unit,
    target: row.target,
    direction: row.direction,
    objectiveId: row.objectiveId,
    version: row.version,
  };
}

const subjectOf = (row: KpiRow): ChangeSubject => ({
  entityType: 'kpi',
  entityId: row.id,
  workspaceId: row.workspaceId,
  productId: row.productId,
});

async function viewsOf(db: Queryable, rows: KpiRow[]): Promise<KpiView[]> {
  const ids = rows.map((row) => row.id);
  const [points, links] =
    ids.length === 0
      ? [[], []]
      : await Promise.all([
          db
            .select({ kpiId: kpiMeasurements.kpiId, at: kpiMeasurements.at, value: kpiMeasurements.value })
            .from(kpiMeasurements)
            .where(inArray(kpiMeasurements.kpiId, ids))
            .orderBy(asc(kpiMeasurements.at)),
          db
            .select({ kpiId: kpiFeatures.kpiId, featureId: kpiFeatures.featureId })
            .from(kpiFeatures)
            .where(inArray(kpiFeatures.kpiId, ids)),
        ]);
  return rows.map((row) => {
    const measurements = points.filter((p) => p.kpiId === row.id).map(({ at, value }) => ({ at, value }));
    return {
      ...kpiRecord(row),
      workspaceId: row.workspaceId,
      featureIds: links.filter((l) => l.kpiId === row.id).map((l) => l.featureId),
      measurements,
      reading: kpiReading({ target: row.target, direction: row.direction, measurements }),
      updatedAt: row.updatedAt.toISOString(),
    };
  });
}

async function visibleKpi(
  db: Queryable,
  userId: string,
  kpiId: string,
  action: 'see' | 'edit',
  lock = false,
) {
  const query = db.select().from(kpis).where(eq(kpis.id, kpiId));
  const [row] = lock ? await query.for('update') : await query;
  if (!row) throw notFound('KPI', kpiId);
  await assertProductPartAccess(db, userId, { label: 'KPI', ...row }, action);
  return row;
}

async function checkObjective(db: Queryable, productId: string, objectiveId: string): Promise<void> {
  const [found] = await db
    .select({ id: objectives.id })
    .from(objectives)
    .where(and(eq(objectives.id, objectiveId), eq(objectives.productId, productId)));
  if (!found) {
    throw new ApiError(
      422,
      'VALIDATION_FAILED',
      `Objective ${objectiveId} is not an objective of this product`,
      'objectiveId',
    );
  }
}

/** Replaces the KPI's linked features; each must be a feature of the KPI's product (422 naming `featureIds`). */
async function setFeatures(tx: Transaction, row: KpiRow, featureIds: readonly string[]): Promise<void> {
  const unique = [...new Set(featureIds)];
  if (unique.length > 0) {
    const found = await tx
      .select({ id: features.id })
      .from(features)
      .where(and(inArray(features.id, unique), eq(features.productId, row.productId)));
    const missing = unique.filter((id) => !found.some((f) => f.id === id));
    if (missing.length > 0) {
      throw new ApiError(
        422,
        'VALIDATION_FAILED',
        `Not features of this product: ${missing.join(', ')}`,
        'featureIds',
      );
    }
  }
  await tx.delete(kpiFeatures).where(eq(kpiFeatures.kpiId, row.id));
  if (unique.length > 0) {
    await tx
      .insert(kpiFeatures)
      .values(unique.map((featureId) => ({ workspaceId: row.workspaceId, kpiId: row.id, featureId })));
  }
}

/** A product's KPIs by name, each with its measurements and reading. */
export async function listKpis(db: Database, userId: string, productId: string): Promise<KpiView[]> {
  await assertProductAccess(db, userId, productId, 'see');
  const rows = await db
    .select()
    .from(kpis)
    .where(eq(kpis.productId, productId))
    .orderBy(asc(kpis.name), asc(kpis.id));
  return viewsOf(db, rows);
}

/** One KPI. */
export async function getKpi(db: Queryable, userId: string, kpiId: string): Promise<KpiView> {
  const [view] = await viewsOf(db, [await visibleKpi(db, userId, kpiId, 'see')]);
  if (!view) throw notFound('KPI', kpiId);
  return view;
}

/** Adds a KPI to a product. */
export async function createKpi(
  db: Database,
  userId: string,
  productId: string,
  input: KpiInput,
): Promise<KpiView> {
  return writeTransaction(db, async (tx) => {
    const ref = await assertProductAccess(tx, userId, productId, 'edit');
    if (input.objectiveId) await checkObjective(tx, productId, input.objectiveId);
    const [row] = await tx
      .insert(kpis)
      .values({
        id: newId('kpi'),
        workspaceId: ref.workspaceId,
        productId,
        name: input.name,
        definition: input.definition ?? '',
        unit: input.unit ?? '',
        target: input.target ?? null,
        direction: input.direction ?? 'up',
        objectiveId: input.objectiveId ?? null,
      })
      .returning();
    if (!row) throw new Error('insert into kpis returned no row');
    if (input.featureIds) await setFeatures(tx, row, input.featureIds);
    await recordChange(tx, userId, subjectOf(row), 'create', null, {
      ...kpiRecord(row),
      featureIds: input.featureIds ?? [],
    });
    return getKpi(tx, userId, row.id);
  });
}

/** Changes a KPI at the expected version; `featureIds` replaces its linked features. */
export async function updateKpi(
  db: Database,
  userId: string,
  kpiId: string,
  expectedVersion: number,
  changes: Changes<KpiInput>,
): Promise<KpiView> {
  return writeTransaction(db, async (tx) => {
    const row = await visibleKpi(tx, userId, kpiId, 'edit', true);
    const before = kpiRecord(row);
    assertVersion(`KPI ${kpiId}`, before, expectedVersion);
    if (changes.objectiveId) await checkObjective(tx, row.productId, changes.objectiveId);
    const { featureIds, ...own } = changes;
    const [next] = await tx
      .update(kpis)
      .set({
        ...definedOnly(own),
        ...(changes.objectiveId === null ? { objectiveId: null } : {}),
        ...(changes.target === null ? { target: null } : {}),
        version: sql`${kpis.version} + 1`,
        updatedAt: sql`now()`,
      })
      .where(eq(kpis.id, kpiId))
      .returning();
    if (!next) throw new Error(`KPI ${kpiId} vanished while locked`);
    if (featureIds) await setFeatures(tx, next, featureIds);
    await recordChange(tx, userId, subjectOf(next), 'update', before, {
      ...kpiRecord(next),
      ...(featureIds ? { featureIds } : {}),
    });
    return getKpi(tx, userId, kpiId);
  });
}

/** Deletes a KPI with its measurements. */
export async function deleteKpi(
  db: Database,
  userId: string,
  kpiId: string,
  expectedVersion: number,
): Promise<void> {
  await writeTransaction(db, async (tx) => {
    const row = await visibleKpi(tx, userId, kpiId, 'edit', true);
    const before = kpiRecord(row);
    assertVersion(`KPI ${kpiId}`, before, expectedVersion);
    await tx.delete(kpis).where(eq(kpis.id, kpiId));
    await recordChange(tx, userId, subjectOf(row), 'delete', before, null);
  });
}

/** Records the KPI's value on a day; a second value for the same day replaces the first. */
export async function recordMeasurement(
  db: Database,
  userId: string,
  kpiId: string,
  point: KpiMeasurement,
): Promise<KpiView> {
  return writeTransaction(db, async (tx) => {
    const row = await visibleKpi(tx, userId, kpiId, 'edit', true);
    await tx
      .insert(kpiMeasurements)
      .values({ id: newId('kpm'), workspaceId: row.workspaceId, kpiId, at: point.at, value: point.value })
      .onConflictDoUpdate({
        target: [kpiMeasurements.kpiId, kpiMeasurements.at],
        set: { value: point.value },
      });
    const [next] = await tx
      .update(kpis)
      .set({ version: sql`${kpis.version} + 1`, updatedAt: sql`now()` })
      .where(eq(kpis.id, kpiId))
      .returning();
    if (!next) throw new Error(`KPI ${kpiId} vanished while locked`);
    await recordChange(tx, userId, subjectOf(next), 'update', kpiRecord(row), {
      ...kpiRecord(next),
      measured: point,
    });
    return getKpi(tx, userId, kpiId);
  });
}

/** Removes the KPI's value of a day; 404 when there is none. */
export async function deleteMeasurement(
  db: Database,
  userId: string,
  kpiId: string,
  at: string,
): Promise<KpiView> {
  return writeTransaction(db, async (tx) => {
    const row = await visibleKpi(tx, userId, kpiId, 'edit', true);
    const removed = await tx
      .delete(kpiMeasurements)
      .where(and(eq(kpiMeasurements.kpiId, kpiId), eq(kpiMeasurements.at, at)))
      .returning();
    if (removed.length === 0) throw notFound('Measurement', `${kpiId}@${at}`);
    const [next] = await tx
      .update(kpis)
      .set({ version: sql`${kpis.version} + 1`, updatedAt: sql`now()` })
      .where(eq(kpis.id, kpiId))
      .returning();
    if (!next) throw new Error(`KPI ${kpiId} vanished while locked`);
    await recordChange(tx, userId, subjectOf(next), 'update', kpiRecord(row), {
      ...kpiRecord(next),
      unmeasured: at,
    });
    return getKpi(tx, userId, kpiId);
  });
}
