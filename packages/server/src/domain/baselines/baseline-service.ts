import {
  type Baseline,
  baselineVariances,
  formatInstant,
  money,
  parseInstant,
  takeBaseline,
  taskId,
} from '@tandem/core';
import { desc, eq } from 'drizzle-orm';
import { policy } from '../../auth/policy';
import type { Database } from '../../db/client';
import { newId } from '../../db/ids';
import { type BaselineTask, baselines } from '../../db/schema/baselines';
import { projects } from '../../db/schema/projects';
import { tasks } from '../../db/schema/tasks';
import { assertVersion } from '../../http/version';
import { computeSchedule } from '../schedule/schedule-service';
import { recordChange } from '../shared/change-log';
import { invalid, notFound } from '../shared/errors';
import { writeTransaction } from '../shared/write-transaction';
import {
  type BaselineSummary,
  type BaselineView,
  baselineSubject,
  toBaselineSummary,
  toBaselineView,
} from './baseline-view';
import { projectWorkingTime, scheduleSuccessOf } from './core-schedule';

type BaselineRow = typeof baselines.$inferSelect;

const wallText = (t: number) => formatInstant(t as Parameters<typeof formatInstant>[0]).slice(0, 16);

async function projectRef(db: Database, projectId: string) {
  const [project] = await db
    .select({ id: projects.id, workspaceId: projects.workspaceId })
    .from(projects)
    .where(eq(projects.id, projectId));
  if (!project) throw notFound('Project', projectId);
  return { kind: 'project' as const, id: project.id, workspaceId: project.workspaceId };
}

/** A baseline of a project the caller may see (404 otherwise, as for a baseline that does not exist). */
async function visibleBaseline(db: Database, userId: string, baselineId: string): Promise<BaselineRow> {
  const [row] = await db.select().from(baselines).where(eq(baselines.id, baselineId));
  if (!row) throw notFound('Baseline', baselineId);
  const ref = { kind: 'project' as const, id: row.projectId, workspaceId: row.workspaceId };
  if (!(await policy.canSee(db, userId, ref))) throw notFound('Baseline', baselineId);
  return row;
}

/** The baselines of a project, newest first. */
export async function listBaselines(
  db: Database,
  userId: string,
  projectId: string,
): Promise<BaselineSummary[]> {
  await policy.assertCanSee(db, userId, await projectRef(db, projectId));
  const rows = await db
    .select()
    .from(baselines)
    .where(eq(baselines.projectId, projectId))
    .orderBy(desc(baselines.createdAt));
  // Baselines saved together (an import's Baseline … Baseline10) keep their numbers' order.
  const byName = (a: BaselineRow, b: BaselineRow) => a.name.localeCompare(b.name, 'en', { numeric: true });
  rows.sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime() || byName(a, b));
  return rows.map(toBaselineSummary);
}

/** Fields of a new baseline. */
export interface BaselineInput {
  name: string;
  note?: string | undefined;
}

/** Saves the project's current schedule as a named baseline (core's `takeBaseline` over the schedule service). */
export async function createBaseline(
  db: Database,
  userId: string,
  projectId: string,
  input: BaselineInput,
): Promise<BaselineView> {
  const ref = await projectRef(db, projectId);
  await policy.assertCanEdit(db, userId, ref);
  const view = await computeSchedule(db, projectId);
  const snapshot = takeBaseline(scheduleSuccessOf(view), input.name);
  const taskMap: Record<string, BaselineTask> = {};
  for (const task of snapshot.tasks) {
    taskMap[task.id] = {
      start: wallText(task.start),
      finish: wallText(task.finish),
      durationMinutes: task.durationMinutes,
      workMinutes: task.work,
      costCents: task.cost,
    };
  }
  return writeTransaction(db, async (tx) => {
    const [row] = await tx
      .insert(baselines)
      .values({
        id: newId('bsl'),
        workspaceId: ref.workspaceId,
        projectId,
        name: input.name,
        note: input.note ?? '',
        planRevision: view.planRevision,
        tasks: taskMap,
        createdBy: userId,
      })
      .returning();
    if (!row) throw new Error('insert into baselines returned no row');
    const summary = toBaselineSummary(row);
    await recordChange(tx, userId, baselineSubject(row), 'create', null, summary);
    return toBaselineView(row);
  });
}

/** One baseline with its snapshot of every task (what the Gantt draws baseline bars from). */
export async function getBaseline(db: Database, userId: string, baselineId: string): Promise<BaselineView> {
  return toBaselineView(await visibleBaseline(db, userId, baselineId));
}

/** Deletes a baseline at the expected version. */
export async function deleteBaseline(
  db: Database,
  userId: string,
  baselineId: string,
  expectedVersion: number,
): Promise<void> {
  await writeTransaction(db, async (tx) => {
    const [row] = await tx.select().from(baselines).where(eq(baselines.id, baselineId)).for('update');
    if (!row) throw notFound('Baseline', baselineId);
    const ref = { kind: 'project' as const, id: row.projectId, workspaceId: row.workspaceId };
    if (!(await policy.canSee(tx, userId, ref))) throw notFound('Baseline', baselineId);
    await policy.assertCanEdit(tx, userId, ref);
    const before = toBaselineSummary(row);
    assertVersion(`Baseline ${baselineId}`, before, expectedVersion);
    await tx.delete(baselines).where(eq(baselines.id, baselineId));
    await recordChange(tx, userId, baselineSubject(row), 'delete', before, null);
  });
}

/** A task's dates and amounts now against the baseline; variances are working minutes (dates) or minutes and cents. */
export interface TaskVarianceView {
  taskId: string;
  name: string;
  outline: string;
  baselineStart: string;
  baselineFinish: string;
  start: string;
  finish: string;
  startVariance: number;
  finishVariance: number;
  durationVariance: number;
  workVariance: number;
  costVariance: number;
}

function coreBaseline(row: BaselineRow): Baseline {
  const entries = Object.entries(row.tasks);
  return {
    name: row.name,
    start: parseInstant(entries[0]?.[1].start ?? '1970-01-01T00:00'),
    finish: parseInstant(entries[0]?.[1].finish ?? '1970-01-01T00:00'),
    tasks: entries.map(([id, task]) => ({
      id: taskId(id),
      start: parseInstant(task.start),
      finish: parseInstant(task.finish),
      durationMinutes: task.durationMinutes,
      work: task.workMinutes,
      cost: money(task.costCents),
    })),
  };
}

async function taskNames(db: Database, projectId: string): Promise<Map<string, string>> {
  const rows = await db
    .select({ id: tasks.id, name: tasks.name })
    .from(tasks)
    .where(eq(tasks.projectId, projectId));
  return new Map(rows.map((row) => [row.id, row.name]));
}

/**
 * Per task of the current plan that the baseline holds: start, finish, duration, work and cost variance (core's
 * `baselineVariances`, dates in working minutes on the project calendar), in outline order.
 */
export async function baselineVarianceReport(
  db: Database,
  userId: string,
  baselineId: string,
): Promise<{ baseline: BaselineSummary; items: TaskVarianceView[] }> {
  const row = await visibleBaseline(db, userId, baselineId);
  const view = await computeSchedule(db, row.projectId);
  const time = await projectWorkingTime(db, row.projectId);
  const variances = new Map(
    baselineVariances(scheduleSuccessOf(view), coreBaseline(row), time).map((variance) => [
      variance.id as string,
      variance,
    ]),
  );
  const names = await taskNames(db, row.projectId);
  const items: TaskVarianceView[] = [];
  for (const task of view.tasks) {
    const variance = variances.get(task.id);
    const saved = row.tasks[task.id];
    if (!variance || !saved) continue;
    items.push({
      taskId: task.id,
      name: names.get(task.id) ?? '',
      outline: task.outline,
      baselineStart: saved.start,
      baselineFinish: saved.finish,
      start: task.start,
      finish: task.finish,
      startVariance: Math.round(variance.startVariance),
      finishVariance: Math.round(variance.finishVariance),
      durationVariance: Math.round(variance.durationVariance),
      workVariance: Math.round(variance.workVariance),
      costVariance: Math.round(variance.costVariance),
    });
  }
  return { baseline: toBaselineSummary(row), items };
}

/** One task in two baselines: each one's dates (null where it does not hold the task) and the differences b − a. */
export interface BaselineComparisonItem {
  taskId: string;
  name: string;
  a: { start: string; finish: string } | null;
  b: { start: string; finish: string } | null;
  /** Working minutes on the project calendar from a's date to b's; null unless both hold the task. */
  startDifference: number | null;
  finishDifference: number | null;
}

/** Two baselines of one project side by side, task by task. */
export async function compareBaselines(
  db: Database,
  userId: string,
  aId: string,
  bId: string,
): Promise<{ a: BaselineSummary; b: BaselineSummary; items: BaselineComparisonItem[] }> {
  const a = await visibleBaseline(db, userId, aId);
  const b = await visibleBaseline(db, userId, bId);
  if (a.projectId !== b.projectId)
    throw invalid('b', `Baselines ${aId} and ${bId} belong to different projects`);
  const time = await projectWorkingTime(db, a.projectId);
  const names = await taskNames(db, a.projectId);
  const ids = [...new Set([...Object.keys(a.tasks), ...Object.keys(b.tasks)])];
  const difference = (from: string | undefined, to: string | undefined) =>
    from === undefined || to === undefined
      ? null
      : Math.round(time.workBetween(parseInstant(from), parseInstant(to)));
  const items = ids.map((id): BaselineComparisonItem => {
    const inA = a.tasks[id];
    const inB = b.tasks[id];
    return {
      taskId: id,
      name: names.get(id) ?? '(deleted task)',
      a: inA ? { start: inA.start, finish: inA.finish } : null,
      b: inB ? { start: inB.start, finish: inB.finish } : null,
      startDifference: difference(inA?.start, inB?.start),
      finishDifference: difference(inA?.finish, inB?.finish),
    };
  });
  return { a: toBaselineSummary(a), b: toBaselineSummary(b), items };
}
