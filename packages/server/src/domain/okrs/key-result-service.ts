import { type KeyResultValues, keyResultProblem } from '@tandem/core';
import { eq, sql } from 'drizzle-orm';
import type { Database, Queryable } from '../../db/client';
import { newId } from '../../db/ids';
import { type KeyResultDirection, keyResults, objectives } from '../../db/schema/okrs';
import { assertVersion } from '../../http/version';
import { assertProductPartAccess } from '../products/product-scope';
import { recordChange } from '../shared/change-log';
import type { Changes } from '../shared/changes';
import { definedOnly } from '../shared/defined-only';
import { invalid, notFound } from '../shared/errors';
import { writeTransaction } from '../shared/write-transaction';
import { visibleObjective } from './objective-service';
import { type KeyResultView, okrSubject, toKeyResultView } from './okr-view';

/** Fields a client sets on a key result; the direction defaults to the way from start to target. */
export interface KeyResultInput {
  title: string;
  unit?: string | undefined;
  startValue: number;
  targetValue: number;
  currentValue?: number | undefined;
  direction?: KeyResultDirection | undefined;
}

const problemMessages = {
  TARGET_EQUALS_START: 'The target must differ from the start, or progress cannot be measured',
  TARGET_AGAINST_DIRECTION:
    'The direction does not match the target: increase needs a target above the start, decrease one below',
  NOT_FINITE: 'must be a finite number',
} as const;

/** 400 naming the field unless the numbers can measure progress (core's `keyResultProblem`). */
function assertMeasurable(values: KeyResultValues): void {
  const problem = keyResultProblem(values);
  if (problem) throw invalid(problem.field, problemMessages[problem.code]);
}

async function visibleKeyResult(db: Queryable, userId: string, id: string, action: 'see' | 'edit') {
  const [found] = await db
    .select({ result: keyResults, objective: objectives })
    .from(keyResults)
    .innerJoin(objectives, eq(objectives.id, keyResults.objectiveId))
    .where(eq(keyResults.id, id))
    .for('update', { of: keyResults });
  if (!found) throw notFound('Key result', id);
  await assertProductPartAccess(db, userId, { label: 'Key result', ...found.objective, id }, action);
  return found;
}

/** Adds a key result to an objective. */
export async function createKeyResult(
  db: Database,
  userId: string,
  objectiveId: string,
  input: KeyResultInput,
): Promise<KeyResultView> {
  const values: KeyResultValues = {
    startValue: input.startValue,
    targetValue: input.targetValue,
    currentValue: input.currentValue ?? input.startValue,
    direction: input.direction ?? (input.targetValue < input.startValue ? 'decrease' : 'increase'),
  };
  assertMeasurable(values);
  return writeTransaction(db, async (tx) => {
    const objective = await visibleObjective(tx, userId, objectiveId, 'edit');
    const [row] = await tx
      .insert(keyResults)
      .values({
        id: newId('kr'),
        workspaceId: objective.workspaceId,
        objectiveId,
        title: input.title,
        unit: input.unit ?? '',
        ...values,
      })
      .returning();
    if (!row) throw new Error('insert into key_results returned no row');
    const view = toKeyResultView(row);
    await recordChange(tx, userId, okrSubject('keyResult', row.id, objective), 'create', null, view);
    return view;
  });
}

/** Changes a key result at the expected version (most often its current value). */
export async function updateKeyResult(
  db: Database,
  userId: string,
  keyResultId: string,
  expectedVersion: number,
  changes: Changes<KeyResultInput>,
): Promise<KeyResultView> {
  return writeTransaction(db, async (tx) => {
    const { result, objective } = await visibleKeyResult(tx, userId, keyResultId, 'edit');
    const before = toKeyResultView(result);
    assertVersion(`Key result ${keyResultId}`, before, expectedVersion);
    const set = definedOnly(changes);
    assertMeasurable({ ...result, ...set });
    const [next] = await tx
      .update(keyResults)
      .set({ ...set, version: sql`${keyResults.version} + 1`, updatedAt: sql`now()` })
      .where(eq(keyResults.id, keyResultId))
      .returning();
    if (!next) throw new Error(`key result ${keyResultId} vanished while locked`);
    const after = toKeyResultView(next);
    await recordChange(tx, userId, okrSubject('keyResult', next.id, objective), 'update', before, after);
    return after;
  });
}

/** Deletes a key result at the expected version. */
export async function deleteKeyResult(
  db: Database,
  userId: string,
  keyResultId: string,
  expectedVersion: number,
): Promise<void> {
  await writeTransaction(db, async (tx) => {
    const { result, objective } = await visibleKeyResult(tx, userId, keyResultId, 'edit');
    const before = toKeyResultView(result);
    assertVersion(`Key result ${keyResultId}`, before, expectedVersion);
    await tx.delete(keyResults).where(eq(keyResults.id, keyResultId));
    await recordChange(tx, userId, okrSubject('keyResult', result.id, objective), 'delete', before, null);
  });
}
