import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import { policy } from '../../auth/policy';
import type { Database, Queryable } from '../../db/client';
import { newId } from '../../db/ids';
import { keyResults, type ObjectiveStatus, objectives } from '../../db/schema/okrs';
import { ApiError } from '../../http/errors';
import { assertVersion } from '../../http/version';
import { assertProductAccess, assertProductPartAccess } from '../products/product-scope';
import { recordChange } from '../shared/change-log';
import type { Changes } from '../shared/changes';
import { definedOnly } from '../shared/defined-only';
import { invalid, notFound } from '../shared/errors';
import { writeTransaction } from '../shared/write-transaction';
import { type ObjectiveView, objectiveRecord, okrSubject, toObjectiveView } from './okr-view';

type ObjectiveRow = typeof objectives.$inferSelect;

/** Fields a client sets on an objective. */
export interface ObjectiveInput {
  title: string;
  description?: string | undefined;
  period?: string | undefined;
  ownerId?: string | null | undefined;
  status?: ObjectiveStatus | undefined;
  parentId?: string | null | undefined;
}

/** An objective the caller may see (or change); 404 otherwise. */
export async function visibleObjective(
  db: Queryable,
  userId: string,
  objectiveId: string,
  action: 'see' | 'edit',
  lock = false,
): Promise<ObjectiveRow> {
  const query = db.select().from(objectives).where(eq(objectives.id, objectiveId));
  const [row] = lock ? await query.for('update') : await query;
  if (!row) throw notFound('Objective', objectiveId);
  await assertProductPartAccess(db, userId, { label: 'Objective', ...row }, action);
  return row;
}

async function checkOwner(db: Queryable, workspaceId: string, ownerId: string): Promise<void> {
  if ((await policy.workspaceRole(db, ownerId, workspaceId)) === null) {
    throw new ApiError(
      422,
      'VALIDATION_FAILED',
      `User ${ownerId} is not a member of this workspace`,
      'ownerId',
    );
  }
}

/** A parent must be an objective of the same product, and not the objective itself or one under it. */
async function checkParent(
  db: Queryable,
  productId: string,
  parentId: string,
  selfId?: string,
): Promise<void> {
  let current: string | null = parentId;
  for (let depth = 0; current !== null; depth++) {
    if (current === selfId || depth > 50) throw invalid('parentId', 'An objective cannot sit under itself');
    const [parent]: { productId: string; parentId: string | null }[] = await db
      .select({ productId: objectives.productId, parentId: objectives.parentId })
      .from(objectives)
      .where(eq(objectives.id, current));
    if (!parent || parent.productId !== productId) {
      throw new ApiError(
        422,
        'VALIDATION_FAILED',
        `Objective ${parentId} is not an objective of this product`,
        'parentId',
      );
    }
    current = parent.parentId;
  }
}

async function viewsOf(db: Queryable, rows: ObjectiveRow[]): Promise<ObjectiveView[]> {
  const ids = rows.map((row) => row.id);
  const results =
    ids.length === 0
      ? []
      : await db
          .select()
          .from(keyResults)
          .where(inArray(keyResults.objectiveId, ids))
          .orderBy(asc(keyResults.createdAt), asc(keyResults.id));
  return rows.map((row) =>
    toObjectiveView(
      row,
      results.filter((result) => result.objectiveId === row.id),
    ),
  );
}

/** A product's objectives with their key results and progress, by period then creation. */
export async function listObjectives(
  db: Database,
  userId: string,
  productId: string,
  period?: string | undefined,
): Promise<ObjectiveView[]> {
  await assertProductAccess(db, userId, productId, 'see');
  const conditions = [eq(objectives.productId, productId)];
  if (period) conditions.push(eq(objectives.period, period));
  const rows = await db
    .select()
    .from(objectives)
    .where(and(...conditions))
    .orderBy(asc(objectives.period), asc(objectives.createdAt), asc(objectives.id));
  return viewsOf(db, rows);
}

/** One objective with its key results. */
export async function getObjective(
  db: Queryable,
  userId: string,
  objectiveId: string,
): Promise<ObjectiveView> {
  const row = await visibleObjective(db, userId, objectiveId, 'see');
  const [view] = await viewsOf(db, [row]);
  if (!view) throw notFound('Objective', objectiveId);
  return view;
}

/** Adds an objective to a product. */
export async function createObjective(
  db: Database,
  userId: string,
  productId: string,
  input: ObjectiveInput,
): Promise<ObjectiveView> {
  return writeTransaction(db, async (tx) => {
    const ref = await assertProductAccess(tx, userId, productId, 'edit');
    if (input.ownerId) await checkOwner(tx, ref.workspaceId, input.ownerId);
    if (input.parentId) await checkParent(tx, productId, input.parentId);
    const [row] = await tx
      .insert(objectives)
      .values({
        id: newId('obj'),
        workspaceId: ref.workspaceId,
        productId,
        parentId: input.parentId ?? null,
        title: input.title,
        description: input.description ?? '',
        period: input.period ?? '',
        ownerId: input.ownerId ?? null,
        status: input.status ?? 'active',
      })
      .returning();
    if (!row) throw new Error('insert into objectives returned no row');
    await recordChange(
      tx,
      userId,
      okrSubject('objective', row.id, row),
      'create',
      null,
      objectiveRecord(row),
    );
    return toObjectiveView(row, []);
  });
}

/** Changes an objective at the expected version. */
export async function updateObjective(
  db: Database,
  userId: string,
  objectiveId: string,
  expectedVersion: number,
  changes: Changes<ObjectiveInput>,
): Promise<ObjectiveView> {
  return writeTransaction(db, async (tx) => {
    const row = await visibleObjective(tx, userId, objectiveId, 'edit', true);
    const before = objectiveRecord(row);
    assertVersion(`Objective ${objectiveId}`, before, expectedVersion);
    if (changes.ownerId) await checkOwner(tx, row.workspaceId, changes.ownerId);
    if (changes.parentId) await checkParent(tx, row.productId, changes.parentId, row.id);
    const [next] = await tx
      .update(objectives)
      .set({
        ...definedOnly(changes),
        ...(changes.ownerId === null ? { ownerId: null } : {}),
        ...(changes.parentId === null ? { parentId: null } : {}),
        version: sql`${objectives.version} + 1`,
        updatedAt: sql`now()`,
      })
      .where(eq(objectives.id, objectiveId))
      .returning();
    if (!next) throw new Error(`objective ${objectiveId} vanished while locked`);
    await recordChange(
      tx,
      userId,
      okrSubject('objective', next.id, next),
      'update',
      before,
      objectiveRecord(next),
    );
    return getObjective(tx, userId, objectiveId);
  });
}

/** Deletes an objective and its key results; objectives under it move up to the top level. */
export async function deleteObjective(
  db: Database,
  userId: string,
  objectiveId: string,
  expectedVersion: number,
): Promise<void> {
  await writeTransaction(db, async (tx) => {
    const row = await visibleObjective(tx, userId, objectiveId, 'edit', true);
    const before = objectiveRecord(row);
    assertVersion(`Objective ${objectiveId}`, before, expectedVersion);
    await tx.delete(objectives).where(eq(objectives.id, objectiveId));
    await recordChange(tx, userId, okrSubject('objective', row.id, row), 'delete', before, null);
  });
}
