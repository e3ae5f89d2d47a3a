import { and, eq, isNotNull, sql } from 'drizzle-orm';
import type { Database, Transaction } from '../../db/client';
import { newId } from '../../db/ids';
import { type CriterionDirection, featureScores, scorecardCriteria } from '../../db/schema/prioritisation';
import { assertVersion } from '../../http/version';
import type { ChangeSubject } from '../shared/change-log';
import { recordChange } from '../shared/change-log';
import type { Changes } from '../shared/changes';
import { definedOnly } from '../shared/defined-only';
import { invalid, notFound } from '../shared/errors';
import { writeTransaction } from '../shared/write-transaction';
import { productScope } from './product-scope';
import { scorecardOf } from './score-inputs';
import { productCriteria } from './score-service';

type CriterionRow = typeof scorecardCriteria.$inferSelect;

/** A scorecard criterion as the API shows it. */
export interface CriterionView {
  id: string;
  productId: string;
  name: string;
  weight: number;
  scaleMax: number;
  direction: CriterionDirection;
  position: number;
  version: number;
}

/** Fields of a criterion a client sets. */
export interface CriterionInput {
  name: string;
  weight: number;
  scaleMax?: number | undefined;
  direction?: CriterionDirection | undefined;
  position?: number | undefined;
}

const toView = (row: CriterionRow): CriterionView => ({
  id: row.id,
  productId: row.productId,
  name: row.name,
  weight: row.weight,
  scaleMax: row.scaleMax,
  direction: row.direction,
  position: row.position,
  version: row.version,
});

const subject = (row: CriterionRow): ChangeSubject => ({
  entityType: 'scorecardCriterion',
  entityId: row.id,
  workspaceId: row.workspaceId,
  productId: row.productId,
});

/**
 * Recomputes the scorecard score of every rated feature of the product after its criteria changed, in one statement:
 * a feature missing a rating on a new criterion drops to unscored until it is rated.
 */
async function rescore(tx: Transaction, productId: string): Promise<void> {
  const criteria = await productCriteria(tx, productId);
  const rows = await tx
    .select({ featureId: featureScores.featureId, scorecard: featureScores.scorecard })
    .from(featureScores)
    .where(and(eq(featureScores.productId, productId), isNotNull(featureScores.scorecard)));
  if (rows.length === 0) return;
  const ids = rows.map((row) => row.featureId);
  const scores = rows.map((row) => scorecardOf(criteria, row.scorecard ?? {}).score);
  await tx.execute(sql`
    update feature_scores s set scorecard_score = v.score
    from unnest(${sql.param(ids)}::text[], ${sql.param(scores)}::float8[]) as v(id, score)
    where s.feature_id = v.id`);
}

/** The criteria of a product's weighted scorecard, in order. */
export async function listCriteria(
  db: Database,
  userId: string,
  productId: string,
): Promise<CriterionView[]> {
  await productScope(db, userId, productId);
  return (await productCriteria(db, productId)).map(toView);
}

function checkScale(input: Changes<CriterionInput>): void {
  if (input.weight !== undefined && !(input.weight > 0 && input.weight <= 1000)) {
    throw invalid('weight', `weight must be more than 0 and at most 1000, not ${input.weight}`);
  }
}

/** Adds a criterion to the product's scorecard. */
export async function createCriterion(
  db: Database,
  userId: string,
  productId: string,
  input: CriterionInput,
): Promise<CriterionView> {
  const product = await productScope(db, userId, productId, 'edit');
  checkScale(input);
  return writeTransaction(db, async (tx) => {
    const [last] = await tx
      .select({ max: sql<number>`coalesce(max(${scorecardCriteria.position}), -1)` })
      .from(scorecardCriteria)
      .where(eq(scorecardCriteria.productId, productId));
    const [row] = await tx
      .insert(scorecardCriteria)
      .values({
        id: newId('scc'),
        workspaceId: product.workspaceId,
        productId,
        name: input.name,
        weight: input.weight,
        scaleMax: input.scaleMax ?? 5,
        direction: input.direction ?? 'benefit',
        position: input.position ?? Number(last?.max ?? -1) + 1,
      })
      .returning();
    if (!row) throw new Error('insert into scorecard_criteria returned no row');
    await rescore(tx, productId);
    await recordChange(tx, userId, subject(row), 'create', null, toView(row));
    return toView(row);
  });
}

async function lockCriterion(tx: Transaction, userId: string, criterionId: string): Promise<CriterionRow> {
  const [row] = await tx
    .select()
    .from(scorecardCriteria)
    .where(eq(scorecardCriteria.id, criterionId))
    .for('update');
  if (!row) throw notFound('Scorecard criterion', criterionId);
  try {
    await productScope(tx, userId, row.productId, 'edit');
  } catch (error) {
    if ((error as { status?: number }).status === 404) throw notFound('Scorecard criterion', criterionId);
    throw error;
  }
  return row;
}

/** Changes a criterion at the expected version; the product's scorecard scores follow. */
export async function updateCriterion(
  db: Database,
  userId: string,
  criterionId: string,
  expectedVersion: number,
  changes: Changes<CriterionInput>,
): Promise<CriterionView> {
  checkScale(changes);
  return writeTransaction(db, async (tx) => {
    const row = await lockCriterion(tx, userId, criterionId);
    assertVersion(`Scorecard criterion ${criterionId}`, row, expectedVersion);
    const [updated] = await tx
      .update(scorecardCriteria)
      .set({ ...definedOnly(changes), version: sql`${scorecardCriteria.version} + 1`, updatedAt: sql`now()` })
      .where(eq(scorecardCriteria.id, criterionId))
      .returning();
    if (!updated) throw new Error(`scorecard criterion ${criterionId} vanished while locked`);
    await rescore(tx, row.productId);
    await recordChange(tx, userId, subject(row), 'update', toView(row), toView(updated));
    return toView(updated);
  });
}

/** Removes a criterion; ratings on it are dropped from every feature and the scores follow. */
export async function deleteCriterion(
  db: Database,
  userId: string,
  criterionId: string,
  expectedVersion: number,
): Promise<void> {
  await writeTransaction(db, async (tx) => {
    const row = await lockCriterion(tx, userId, criterionId);
    assertVersion(`Scorecard criterion ${criterionId}`, row, expectedVersion);
    await tx.delete(scorecardCriteria).where(eq(scorecardCriteria.id, criterionId));
    await tx.execute(sql`
      update feature_scores set scorecard = scorecard - ${criterionId}::text
      where product_id = ${row.productId} and scorecard ? ${criterionId}::text`);
    await rescore(tx, row.productId);
    await recordChange(tx, userId, subject(row), 'delete', toView(row), null);
  });
}
