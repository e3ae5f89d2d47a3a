import { asc, eq, sql } from 'drizzle-orm';
import type { Database, Queryable, Transaction } from '../../db/client';
import {
  featureScores,
  type StoredRice,
  type StoredValueEffort,
  type StoredWsjf,
  scorecardCriteria,
} from '../../db/schema/prioritisation';
import { assertVersion } from '../../http/version';
import { recordChange } from '../shared/change-log';
import { invalid } from '../shared/errors';
import { writeTransaction } from '../shared/write-transaction';
import { featureScope } from './product-scope';
import {
  checkScorecardRatings,
  riceOf,
  type ScoreView,
  scorecardOf,
  valueEffortOf,
  wsjfOf,
} from './score-inputs';

type ScoreRow = typeof featureScores.$inferSelect;
type CriterionRow = typeof scorecardCriteria.$inferSelect;

/** A feature's scores as the API shows them: each method's inputs, result and explanation (null until scored). */
export interface FeatureScoresView {
  featureId: string;
  productId: string;
  rice: ScoreView<StoredRice> | null;
  wsjf: ScoreView<StoredWsjf> | null;
  valueEffort: (ScoreView<StoredValueEffort> & { quadrant: string }) | null;
  scorecard: ScoreView<Record<string, number>> | null;
  /** The position pinned by hand, or null when the feature follows its score. */
  pinnedPosition: number | null;
  /** 0 until the feature is first scored or pinned. */
  version: number;
}

/** What a client sets: each method's inputs (null clears them, absent keeps them). */
export interface ScoresInput {
  rice?: StoredRice | null | undefined;
  wsjf?: StoredWsjf | null | undefined;
  valueEffort?: StoredValueEffort | null | undefined;
  scorecard?: Record<string, number> | null | undefined;
}

/** The criteria of a product's scorecard, in their order. */
export function productCriteria(db: Queryable, productId: string): Promise<CriterionRow[]> {
  return db
    .select()
    .from(scorecardCriteria)
    .where(eq(scorecardCriteria.productId, productId))
    .orderBy(asc(scorecardCriteria.position), asc(scorecardCriteria.createdAt), asc(scorecardCriteria.id));
}

/** A stored score row as the API shows it. */
export function toScoresView(
  featureId: string,
  productId: string,
  row: ScoreRow | undefined,
  criteria: readonly CriterionRow[],
): FeatureScoresView {
  return {
    featureId,
    productId,
    rice: row?.rice ? riceOf(row.rice) : null,
    wsjf: row?.wsjf ? wsjfOf(row.wsjf) : null,
    valueEffort: row?.valueEffort ? valueEffortOf(row.valueEffort) : null,
    scorecard: row?.scorecard ? scorecardOf(criteria, row.scorecard) : null,
    pinnedPosition: row?.manualRank == null ? null : Number(row.manualRank),
    version: row?.version ?? 0,
  };
}

/** The scores of a feature the caller may see. */
export async function getFeatureScores(
  db: Database,
  userId: string,
  featureId: string,
): Promise<FeatureScoresView> {
  const scope = await featureScope(db, userId, featureId);
  const [row] = await db.select().from(featureScores).where(eq(featureScores.featureId, featureId));
  return toScoresView(featureId, scope.productId, row, await productCriteria(db, scope.productId));
}

/** Locks the feature's score row, creating it at version 0 first so the version check works the same for both. */
async function lockScores(
  tx: Transaction,
  scope: { featureId: string; productId: string; workspaceId: string },
): Promise<ScoreRow> {
  await tx
    .insert(featureScores)
    .values({
      featureId: scope.featureId,
      productId: scope.productId,
      workspaceId: scope.workspaceId,
      version: 0,
    })
    .onConflictDoNothing();
  const [row] = await tx
    .select()
    .from(featureScores)
    .where(eq(featureScores.featureId, scope.featureId))
    .for('update');
  if (!row) throw new Error(`feature_scores row of ${scope.featureId} vanished while locked`);
  return row;
}

/** The computed score columns of a row's inputs. */
export function scoreColumns(
  inputs: Pick<ScoreRow, 'rice' | 'wsjf' | 'valueEffort' | 'scorecard'>,
  criteria: readonly CriterionRow[],
) {
  return {
    riceScore: inputs.rice ? riceOf(inputs.rice).score : null,
    wsjfScore: inputs.wsjf ? wsjfOf(inputs.wsjf).score : null,
    valueEffortScore: inputs.valueEffort ? valueEffortOf(inputs.valueEffort).score : null,
    scorecardScore: inputs.scorecard ? scorecardOf(criteria, inputs.scorecard).score : null,
  };
}

async function writeScores(
  db: Database,
  userId: string,
  featureId: string,
  expectedVersion: number,
  change: (row: ScoreRow, criteria: CriterionRow[]) => Partial<ScoreRow>,
): Promise<FeatureScoresView> {
  const scope = await featureScope(db, userId, featureId, 'edit');
  return writeTransaction(db, async (tx) => {
    const row = await lockScores(tx, scope);
    const criteria = await productCriteria(tx, scope.productId);
    const before = toScoresView(featureId, scope.productId, row, criteria);
    assertVersion(`The scores of feature ${featureId}`, before, expectedVersion);
    const values = change(row, criteria);
    const [updated] = await tx
      .update(featureScores)
      .set({ ...values, version: sql`${featureScores.version} + 1`, updatedAt: sql`now()` })
      .where(eq(featureScores.featureId, featureId))
      .returning();
    if (!updated) throw new Error(`feature_scores row of ${featureId} vanished while locked`);
    const after = toScoresView(featureId, scope.productId, updated, criteria);
    await recordChange(
      tx,
      userId,
      {
        entityType: 'featureScore',
        entityId: featureId,
        workspaceId: scope.workspaceId,
        productId: scope.productId,
      },
      'update',
      before,
      after,
    );
    return after;
  });
}

/**
 * Sets a feature's score inputs at the expected version (0 before its first score): each method given is validated by
 * core (400 naming e.g. `rice.confidence`), computed and stored beside its inputs so the backlog ranks in SQL.
 */
export function putFeatureScores(
  db: Database,
  userId: string,
  featureId: string,
  expectedVersion: number,
  input: ScoresInput,
): Promise<FeatureScoresView> {
  return writeScores(db, userId, featureId, expectedVersion, (row, criteria) => {
    if (input.scorecard) checkScorecardRatings(criteria, input.scorecard);
    const inputs = {
      rice: input.rice === undefined ? row.rice : input.rice,
      wsjf: input.wsjf === undefined ? row.wsjf : input.wsjf,
      valueEffort: input.valueEffort === undefined ? row.valueEffort : input.valueEffort,
      scorecard: input.scorecard === undefined ? row.scorecard : input.scorecard,
    };
    return { ...inputs, ...scoreColumns(inputs, criteria) };
  });
}

/** Pins a feature at a position of the ranked backlog (a fraction sits before the pins of the next place), or unpins it. */
export function pinFeature(
  db: Database,
  userId: string,
  featureId: string,
  expectedVersion: number,
  pinnedPosition: number | null,
): Promise<FeatureScoresView> {
  if (
    pinnedPosition !== null &&
    !(Number.isFinite(pinnedPosition) && pinnedPosition > 0 && pinnedPosition < 1e9)
  ) {
    throw invalid('pinnedPosition', `pinnedPosition must be a position from 1, not ${pinnedPosition}`);
  }
  return writeScores(db, userId, featureId, expectedVersion, () => ({
    manualRank: pinnedPosition === null ? null : String(pinnedPosition),
  }));
}
