import { compareScope, type ScopeComparison, type ScopePackage } from '@tandem/core';
import { and, desc, eq, inArray } from 'drizzle-orm';
import { policy } from '../../auth/policy';
import type { Database } from '../../db/client';
import { auditEntries } from '../../db/schema/audit';
import { baselines } from '../../db/schema/baselines';
import { baselineResets } from '../../db/schema/changes';
import { tasks } from '../../db/schema/tasks';
import { users } from '../../db/schema/users';
import { type BaselineSummary, toBaselineSummary } from '../baselines/baseline-view';
import { computeSchedule } from '../schedule/schedule-service';
import { notFound } from '../shared/errors';
import { changeProject } from './change-access';

/** A re-set of the baseline: which baseline, why, by whom, and the change request behind it. */
export interface BaselineResetView {
  id: string;
  baselineId: string;
  changeRequestId: string | null;
  reason: string;
  by: string | null;
  byName: string | null;
  at: string;
}

/** The scope baseline against the current scope, with the history of baseline re-sets. */
export interface ScopeView {
  /** The baseline compared with (the newest unless one was asked for); null when the project has none. */
  baseline: BaselineSummary | null;
  comparison: ScopeComparison | null;
  resets: BaselineResetView[];
}

/** What the audit log remembers of deleted tasks: their names and parents. */
async function deletedTasks(db: Database, ids: readonly string[]) {
  if (ids.length === 0) return new Map<string, { name: string; parentId: string | null }>();
  const rows = await db
    .select({ id: auditEntries.entityId, before: auditEntries.before })
    .from(auditEntries)
    .where(
      and(
        eq(auditEntries.entityType, 'task'),
        eq(auditEntries.action, 'delete'),
        inArray(auditEntries.entityId, ids),
      ),
    );
  const out = new Map<string, { name: string; parentId: string | null }>();
  for (const row of rows) {
    const before = (row.before ?? {}) as { name?: unknown; parentId?: unknown };
    out.set(row.id, {
      name: typeof before.name === 'string' ? before.name : '(deleted task)',
      parentId: typeof before.parentId === 'string' ? before.parentId : null,
    });
  }
  return out;
}

/**
 * The work packages (leaf tasks) of the project's baseline against those of the plan now: added, removed, re-sized
 * (core's `compareScope`). A package deleted since the baseline is named from the audit log, which also tells a
 * deleted summary (not a package) from a deleted leaf.
 */
export async function projectScope(
  db: Database,
  userId: string,
  projectId: string,
  baselineId?: string,
): Promise<ScopeView> {
  const project = await changeProject(db, projectId);
  await policy.assertCanSee(db, userId, project.ref);
  const resets = await db
    .select({
      id: baselineResets.id,
      baselineId: baselineResets.baselineId,
      changeRequestId: baselineResets.changeRequestId,
      reason: baselineResets.reason,
      by: baselineResets.by,
      byName: users.name,
      at: baselineResets.at,
    })
    .from(baselineResets)
    .leftJoin(users, eq(users.id, baselineResets.by))
    .where(eq(baselineResets.projectId, projectId))
    .orderBy(desc(baselineResets.at));
  const resetViews = resets.map((reset) => ({ ...reset, at: reset.at.toISOString() }));
  const [baseline] = await db
    .select()
    .from(baselines)
    .where(
      baselineId === undefined
        ? eq(baselines.projectId, projectId)
        : and(eq(baselines.projectId, projectId), eq(baselines.id, baselineId)),
    )
    .orderBy(desc(baselines.createdAt))
    .limit(1);
  if (!baseline) {
    if (baselineId !== undefined) throw notFound('Baseline', baselineId);
    return { baseline: null, comparison: null, resets: resetViews };
  }
  const schedule = await computeSchedule(db, projectId);
  const names = new Map(
    (
      await db
        .select({ id: tasks.id, name: tasks.name, parentId: tasks.parentId })
        .from(tasks)
        .where(eq(tasks.projectId, projectId))
    ).map((row) => [row.id, row] as const),
  );
  const current: ScopePackage[] = schedule.tasks
    .filter((task) => !task.summary)
    .map((task) => ({
      taskId: task.id,
      name: names.get(task.id)?.name ?? '',
      durationMinutes: task.durationMinutes,
      workMinutes: task.workMinutes,
    }));
  const leaves = new Set(current.map((item) => item.taskId));
  const gone = Object.keys(baseline.tasks).filter((id) => !names.has(id));
  const deleted = await deletedTasks(db, gone);
  const deletedParents = new Set([...deleted.values()].map((task) => task.parentId));
  const baselinePackages: ScopePackage[] = [];
  for (const [id, saved] of Object.entries(baseline.tasks)) {
    const isPackage = leaves.has(id) || (!names.has(id) && !deletedParents.has(id));
    if (!isPackage) continue;
    baselinePackages.push({
      taskId: id,
      name: names.get(id)?.name ?? deleted.get(id)?.name ?? '(deleted task)',
      durationMinutes: saved.durationMinutes,
      workMinutes: saved.workMinutes,
    });
  }
  return {
    baseline: toBaselineSummary(baseline),
    comparison: compareScope(baselinePackages, current),
    resets: resetViews,
  };
}
