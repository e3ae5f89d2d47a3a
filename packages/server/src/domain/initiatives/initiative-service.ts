import { nestingCycle } from '@tandem/core';
import { and, asc, eq, sql } from 'drizzle-orm';
import { policy } from '../../auth/policy';
import type { Database, Transaction } from '../../db/client';
import { newId } from '../../db/ids';
import { features } from '../../db/schema/features';
import { type InitiativeStatus, initiativeFeatures, initiatives } from '../../db/schema/initiatives';
import { objectives } from '../../db/schema/okrs';
import { projects } from '../../db/schema/projects';
import { ApiError } from '../../http/errors';
import { assertVersion } from '../../http/version';
import { productScope } from '../prioritisation/product-scope';
import { recordChange } from '../shared/change-log';
import type { Changes } from '../shared/changes';
import { definedOnly } from '../shared/defined-only';
import { invalid, notFound } from '../shared/errors';
import { writeTransaction } from '../shared/write-transaction';
import {
  type InitiativeReply,
  initiativeAsSeen,
  initiativeReplies,
  initiativeReply,
} from './initiative-reply';
import { initiativeSubject, toInitiativeView } from './initiative-view';

type InitiativeRow = typeof initiatives.$inferSelect;

/** Fields of an initiative a client sets. */
export interface InitiativeInput {
  title: string;
  description?: string | undefined;
  theme?: string | undefined;
  team?: string | undefined;
  parentId?: string | null | undefined;
  objectiveId?: string | null | undefined;
  plannedStart?: string | null | undefined;
  plannedFinish?: string | null | undefined;
  status?: InitiativeStatus | undefined;
  projectId?: string | null | undefined;
}

/** Checks what an initiative points at belongs with it, and that the dates run forwards (400 naming the field). */
async function checkReferences(
  tx: Transaction,
  userId: string,
  row: { id: string; productId: string; workspaceId: string },
  fields: Changes<InitiativeInput>,
  dates: { plannedStart: string | null; plannedFinish: string | null },
): Promise<void> {
  if (dates.plannedStart && dates.plannedFinish && dates.plannedFinish < dates.plannedStart) {
    throw invalid(
      'plannedFinish',
      `plannedFinish ${dates.plannedFinish} is before plannedStart ${dates.plannedStart}`,
    );
  }
  if (fields.objectiveId) {
    const [objective] = await tx
      .select({ productId: objectives.productId })
      .from(objectives)
      .where(eq(objectives.id, fields.objectiveId));
    if (objective?.productId !== row.productId) {
      throw invalid('objectiveId', `Objective ${fields.objectiveId} is not an objective of this product`);
    }
  }
  if (fields.parentId) {
    // Lock the product's initiatives so that two concurrent re-nestings cannot together close a loop.
    const tree = await tx
      .select({ id: initiatives.id, parentId: initiatives.parentId })
      .from(initiatives)
      .where(eq(initiatives.productId, row.productId))
      .for('update');
    if (!tree.some((other) => other.id === fields.parentId)) {
      throw invalid('parentId', `Initiative ${fields.parentId} is not an initiative of this product`);
    }
    const loop = nestingCycle(
      new Map(tree.map((other) => [other.id, other.parentId])),
      row.id,
      fields.parentId,
    );
    if (loop) {
      throw new ApiError(
        422,
        'NESTING_CYCLE',
        `Initiative ${row.id} cannot sit under ${fields.parentId}: that would nest it in itself (${loop.join(' → ')})`,
        'parentId',
        { cycle: loop },
      );
    }
  }
  if (fields.projectId) {
    const [project] = await tx
      .select({ id: projects.id, workspaceId: projects.workspaceId })
      .from(projects)
      .where(eq(projects.id, fields.projectId));
    const ref = project && { kind: 'project' as const, id: project.id, workspaceId: project.workspaceId };
    if (!ref || ref.workspaceId !== row.workspaceId || !(await policy.canSee(tx, userId, ref))) {
      throw invalid('projectId', `Project ${fields.projectId} was not found in this workspace`);
    }
  }
}

/** The initiatives of a product, earliest planned first, then by title. */
export async function listInitiatives(
  db: Database,
  userId: string,
  productId: string,
): Promise<InitiativeReply[]> {
  await productScope(db, userId, productId);
  const rows = await db
    .select()
    .from(initiatives)
    .where(eq(initiatives.productId, productId))
    .orderBy(sql`${initiatives.plannedStart} asc nulls last`, asc(initiatives.title), asc(initiatives.id));
  return initiativeReplies(db, userId, rows);
}

/** Creates an initiative of a product. */
export async function createInitiative(
  db: Database,
  userId: string,
  productId: string,
  input: InitiativeInput,
): Promise<InitiativeReply> {
  const product = await productScope(db, userId, productId, 'edit');
  const created = await writeTransaction(db, async (tx) => {
    const id = newId('ini');
    const row = { id, productId, workspaceId: product.workspaceId };
    await checkReferences(tx, userId, row, input, {
      plannedStart: input.plannedStart ?? null,
      plannedFinish: input.plannedFinish ?? null,
    });
    const [created] = await tx
      .insert(initiatives)
      .values({
        ...row,
        title: input.title,
        description: input.description ?? '',
        theme: input.theme ?? '',
        team: input.team ?? '',
        parentId: input.parentId ?? null,
        objectiveId: input.objectiveId ?? null,
        plannedStart: input.plannedStart ?? null,
        plannedFinish: input.plannedFinish ?? null,
        status: input.status ?? 'proposed',
        projectId: input.projectId ?? null,
        createdBy: userId,
      })
      .returning();
    if (!created) throw new Error('insert into initiatives returned no row');
    await recordChange(tx, userId, initiativeSubject(created), 'create', null, toInitiativeView(created));
    return created;
  });
  return initiativeReply(db, userId, created);
}

async function visibleInitiative(
  db: Database | Transaction,
  userId: string,
  initiativeId: string,
  access: 'see' | 'edit',
  lock = false,
): Promise<InitiativeRow> {
  const query = db.select().from(initiatives).where(eq(initiatives.id, initiativeId));
  const [row] = lock ? await query.for('update') : await query;
  if (!row) throw notFound('Initiative', initiativeId);
  const ref = { kind: 'product' as const, id: row.productId, workspaceId: row.workspaceId };
  if (!(await policy.canSee(db, userId, ref))) throw notFound('Initiative', initiativeId);
  if (access === 'edit') await policy.assertCanEdit(db, userId, ref);
  return row;
}

/** One initiative the caller may see. */
export async function getInitiative(
  db: Database,
  userId: string,
  initiativeId: string,
): Promise<InitiativeReply> {
  return initiativeReply(db, userId, await visibleInitiative(db, userId, initiativeId, 'see'));
}

/** Changes an initiative at the expected version; nesting it under itself or a descendant is a 422 naming parentId. */
export async function updateInitiative(
  db: Database,
  userId: string,
  initiativeId: string,
  expectedVersion: number,
  changes: Changes<InitiativeInput>,
): Promise<InitiativeReply> {
  const updated = await writeTransaction(db, async (tx) => {
    const row = await visibleInitiative(tx, userId, initiativeId, 'edit', true);
    const before = toInitiativeView(row);
    if (before.version !== expectedVersion) {
      assertVersion(`Initiative ${initiativeId}`, await initiativeAsSeen(tx, userId, row), expectedVersion);
    }
    await checkReferences(tx, userId, row, changes, {
      plannedStart: changes.plannedStart === undefined ? row.plannedStart : changes.plannedStart,
      plannedFinish: changes.plannedFinish === undefined ? row.plannedFinish : changes.plannedFinish,
    });
    const [updated] = await tx
      .update(initiatives)
      .set({ ...definedOnly(changes), version: sql`${initiatives.version} + 1`, updatedAt: sql`now()` })
      .where(eq(initiatives.id, initiativeId))
      .returning();
    if (!updated) throw new Error(`initiative ${initiativeId} vanished while locked`);
    await recordChange(tx, userId, initiativeSubject(row), 'update', before, toInitiativeView(updated));
    return updated;
  });
  return initiativeReply(db, userId, updated);
}

/** Deletes an initiative; its children move up to its parent and its features leave it. */
export async function deleteInitiative(
  db: Database,
  userId: string,
  initiativeId: string,
  expectedVersion: number,
): Promise<void> {
  await writeTransaction(db, async (tx) => {
    const row = await visibleInitiative(tx, userId, initiativeId, 'edit', true);
    const before = toInitiativeView(row);
    if (before.version !== expectedVersion) {
      assertVersion(`Initiative ${initiativeId}`, await initiativeAsSeen(tx, userId, row), expectedVersion);
    }
    await tx
      .update(initiatives)
      .set({ parentId: row.parentId, version: sql`${initiatives.version} + 1`, updatedAt: sql`now()` })
      .where(eq(initiatives.parentId, initiativeId));
    await tx.delete(initiatives).where(eq(initiatives.id, initiativeId));
    await recordChange(tx, userId, initiativeSubject(row), 'delete', before, null);
  });
}

/** A feature of an initiative, as listed. */
export interface InitiativeFeatureView {
  featureId: string;
  title: string;
  status: string;
}

/** The features of an initiative. */
export async function listInitiativeFeatures(
  db: Database,
  userId: string,
  initiativeId: string,
): Promise<InitiativeFeatureView[]> {
  await visibleInitiative(db, userId, initiativeId, 'see');
  return db
    .select({ featureId: features.id, title: features.title, status: features.status })
    .from(initiativeFeatures)
    .innerJoin(features, eq(features.id, initiativeFeatures.featureId))
    .where(eq(initiativeFeatures.initiativeId, initiativeId))
    .orderBy(asc(features.title), asc(features.id));
}

/** Puts a feature of the same product in the initiative, taking it out of any other (a feature sits in one). */
export async function addInitiativeFeature(
  db: Database,
  userId: string,
  initiativeId: string,
  featureId: string,
): Promise<InitiativeFeatureView> {
  return writeTransaction(db, async (tx) => {
    const row = await visibleInitiative(tx, userId, initiativeId, 'edit', true);
    const [feature] = await tx
      .select({
        id: features.id,
        productId: features.productId,
        title: features.title,
        status: features.status,
      })
      .from(features)
      .where(eq(features.id, featureId));
    if (feature?.productId !== row.productId) {
      throw invalid('featureId', `Feature ${featureId} is not a feature of this product`);
    }
    const [previous] = await tx
      .delete(initiativeFeatures)
      .where(eq(initiativeFeatures.featureId, featureId))
      .returning({ initiativeId: initiativeFeatures.initiativeId });
    await tx
      .insert(initiativeFeatures)
      .values({ id: newId('inf'), workspaceId: row.workspaceId, initiativeId, featureId });
    await recordChange(
      tx,
      userId,
      initiativeSubject(row),
      'update',
      { featureId, initiativeId: previous?.initiativeId ?? null },
      { featureId, initiativeId },
    );
    return { featureId, title: feature.title, status: feature.status };
  });
}

/** Takes a feature out of the initiative; 404 when it is not in it. */
export async function removeInitiativeFeature(
  db: Database,
  userId: string,
  initiativeId: string,
  featureId: string,
): Promise<void> {
  await writeTransaction(db, async (tx) => {
    const row = await visibleInitiative(tx, userId, initiativeId, 'edit', true);
    const removed = await tx
      .delete(initiativeFeatures)
      .where(
        and(eq(initiativeFeatures.initiativeId, initiativeId), eq(initiativeFeatures.featureId, featureId)),
      )
      .returning({ id: initiativeFeatures.id });
    if (removed.length === 0) throw notFound('Feature of the initiative', featureId);
    await recordChange(
      tx,
      userId,
      initiativeSubject(row),
      'update',
      { featureId, initiativeId },
      { featureId, initiativeId: null },
    );
  });
}
