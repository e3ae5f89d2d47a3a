import { type ScheduleProject, scheduleProject } from '@tandem/core';
import { and, eq, inArray, sql } from 'drizzle-orm';
import { policy } from '../../auth/policy';
import type { Database, Transaction } from '../../db/client';
import { newId } from '../../db/ids';
import { projects } from '../../db/schema/projects';
import { taskLinks } from '../../db/schema/task-links';
import { tasks } from '../../db/schema/tasks';
import { ApiError } from '../../http/errors';
import { keyset, type ListQuery, type Page, parseSort, toPage } from '../../http/pagination';
import { assertVersion } from '../../http/version';
import { engineLink, loadPlanInput } from '../schedule/build-input';
import { planCache } from '../schedule/plan-cache';
import { touchPlan } from '../schedule/plan-revision';
import { recordChange } from '../shared/change-log';
import { invalid, notFound } from '../shared/errors';
import { writeTransaction } from '../shared/write-transaction';
import type { LinkChanges, LinkInput } from './link-schemas';
import { type LinkView, toLinkView } from './link-view';

type LinkRow = typeof taskLinks.$inferSelect;

function subjectOf(row: { id: string; workspaceId: string; projectId: string }) {
  return {
    entityType: 'link' as const,
    entityId: row.id,
    workspaceId: row.workspaceId,
    projectId: row.projectId,
  };
}

async function visibleProject(db: Database | Transaction, userId: string, projectId: string) {
  const [project] = await db
    .select({ id: projects.id, workspaceId: projects.workspaceId })
    .from(projects)
    .where(eq(projects.id, projectId));
  if (!project) throw notFound('Project', projectId);
  const ref = { kind: 'project' as const, id: project.id, workspaceId: project.workspaceId };
  await policy.assertCanSee(db, userId, ref);
  return ref;
}

/** The links of a project the caller may see, oldest first, one page at a time. */
export async function listLinks(
  db: Database,
  userId: string,
  projectId: string,
  query: ListQuery,
): Promise<Page<LinkView>> {
  await visibleProject(db, userId, projectId);
  const sort = parseSort(query.sort, ['createdAt'] as const, { field: 'createdAt', direction: 'asc' });
  const page = keyset(taskLinks.createdAt, taskLinks.id, sort, query.cursor);
  const rows = await db
    .select()
    .from(taskLinks)
    .where(and(eq(taskLinks.projectId, projectId), page.where))
    .orderBy(...page.orderBy)
    .limit(query.limit + 1);
  return toPage(rows, query.limit, sort, (row) => row.createdAt, toLinkView);
}

/**
 * Checks both ends: each a task of this project. A task the caller cannot see is a 404; a visible task of another
 * project is a 422 naming the end.
 */
async function checkEnds(tx: Transaction, userId: string, projectId: string, input: LinkInput) {
  if (input.predecessorId === input.successorId) {
    throw invalid('successorId', `Task ${input.successorId} cannot depend on itself`);
  }
  const found = await tx
    .select({ id: tasks.id, projectId: tasks.projectId, workspaceId: tasks.workspaceId, name: tasks.name })
    .from(tasks)
    .where(inArray(tasks.id, [input.predecessorId, input.successorId]))
    // Held until commit, so neither end can be deleted between this check and the insert.
    .for('key share');
  const ends = { predecessorId: input.predecessorId, successorId: input.successorId };
  for (const [field, id] of Object.entries(ends)) {
    const task = found.find((candidate) => candidate.id === id);
    if (!task) throw notFound('Task', id);
    if (task.projectId === projectId) continue;
    const ref = { kind: 'project' as const, id: task.projectId, workspaceId: task.workspaceId };
    if (!(await policy.canSee(tx, userId, ref))) throw notFound('Task', id);
    throw new ApiError(
      422,
      'INVALID_LINK',
      `Task "${task.name}" belongs to project ${task.projectId}; a link joins two tasks of project ${projectId}`,
      field,
    );
  }
}

/** The engine input of the plan as it stands before this write: the cached state when current, else read here. */
async function planBefore(tx: Transaction, projectId: string, revision: number): Promise<ScheduleProject> {
  const cached = planCache.peek(projectId, revision - 1);
  return cached ?? (await loadPlanInput(tx, projectId)).project;
}

/** Refuses a link that closes a dependency cycle, naming its tasks in link order (core finds the cycle). */
function assertNoCycle(
  plan: ScheduleProject,
  row: Pick<LinkRow, 'predecessorId' | 'successorId' | 'type' | 'lagMinutes' | 'lagPercent'>,
): void {
  const link = engineLink(row);
  const links = plan.links.filter(
    (l) => !(l.predecessorId === link.predecessorId && l.successorId === link.successorId),
  );
  const result = scheduleProject({ ...plan, links: [...links, link] });
  if (result.ok || result.code !== 'DEPENDENCY_CYCLE') return;
  const ids = result.cycle.taskIds.map(String);
  // A cycle the plan already had (an imported file) is not this link's doing.
  const at = ids.indexOf(row.predecessorId);
  const closesIt = at >= 0 && ids[(at + 1) % ids.length] === row.successorId;
  if (!closesIt && ids.length > 0) {
    const without = scheduleProject({ ...plan, links });
    if (!without.ok && without.code === 'DEPENDENCY_CYCLE') return;
  }
  const names = [...result.cycle.names, result.cycle.names[0] ?? ''];
  throw new ApiError(
    422,
    'dependency_cycle',
    `The link would make a cycle: ${names.join(' → ')}`,
    'successorId',
  );
}

function checkLag(lagMinutes: number, lagPercent: number | null): void {
  if (lagPercent !== null && lagMinutes !== 0) {
    throw invalid(
      'lagMinutes',
      'A link has its lag in minutes or in percent, not both: send lagMinutes 0 with lagPercent',
    );
  }
}

/** Links two tasks of a project; a link that would make a cycle, cross projects or repeat a pair is refused. */
export async function createLink(
  db: Database,
  userId: string,
  projectId: string,
  input: LinkInput,
): Promise<LinkView> {
  const written = await writeTransaction(db, async (tx) => {
    const ref = await visibleProject(tx, userId, projectId);
    await policy.assertCanEdit(tx, userId, ref);
    await checkEnds(tx, userId, projectId, input);
    const lagPercent = input.lagPercent ?? null;
    const lagMinutes = input.lagMinutes ?? 0;
    checkLag(lagMinutes, lagPercent);
    const [existing] = await tx
      .select({ id: taskLinks.id })
      .from(taskLinks)
      .where(
        and(eq(taskLinks.predecessorId, input.predecessorId), eq(taskLinks.successorId, input.successorId)),
      );
    if (existing) {
      throw new ApiError(
        409,
        'CONFLICT',
        `Task ${input.predecessorId} is already linked to task ${input.successorId} (link ${existing.id})`,
        'successorId',
      );
    }
    // The plan's lock after the tasks' (the order every plan write takes), and before reading the plan it checks.
    const revision = await touchPlan(tx, projectId);
    const values = {
      predecessorId: input.predecessorId,
      successorId: input.successorId,
      type: input.type ?? 'FS',
      lagMinutes,
      lagPercent,
    };
    assertNoCycle(await planBefore(tx, projectId, revision), values);
    const [row] = await tx
      .insert(taskLinks)
      .values({ ...values, id: newId('lnk'), workspaceId: ref.workspaceId, projectId })
      .returning();
    if (!row) throw new Error('insert into task_links returned no row');
    const view = toLinkView(row);
    await recordChange(tx, userId, subjectOf(row), 'create', null, view);
    planCache.note(projectId, revision, { linkPairs: [[row.predecessorId, row.successorId]] });
    return { view, revision };
  });
  await planCache.advance(db, projectId, written.revision);
  return written.view;
}

async function lockLink(tx: Transaction, userId: string, linkId: string) {
  const [found] = await tx
    .select({ projectId: taskLinks.projectId, workspaceId: taskLinks.workspaceId })
    .from(taskLinks)
    .where(eq(taskLinks.id, linkId));
  if (!found) throw notFound('Link', linkId);
  const ref = { kind: 'project' as const, id: found.projectId, workspaceId: found.workspaceId };
  if (!(await policy.canSee(tx, userId, ref))) throw notFound('Link', linkId);
  await policy.assertCanEdit(tx, userId, ref);
  const [row] = await tx.select().from(taskLinks).where(eq(taskLinks.id, linkId)).for('update');
  if (!row) throw notFound('Link', linkId);
  const revision = await touchPlan(tx, found.projectId);
  return { row, revision };
}

/** Changes a link's type or lag at the expected version. */
export async function updateLink(
  db: Database,
  userId: string,
  linkId: string,
  expectedVersion: number,
  changes: LinkChanges,
): Promise<LinkView> {
  const written = await writeTransaction(db, async (tx) => {
    const { row, revision } = await lockLink(tx, userId, linkId);
    const before = toLinkView(row);
    assertVersion(`Link ${linkId}`, before, expectedVersion);
    // A lag in one unit replaces a lag in the other unless both are sent.
    const lagPercent =
      changes.lagPercent !== undefined
        ? changes.lagPercent
        : changes.lagMinutes !== undefined
          ? null
          : row.lagPercent;
    const lagMinutes = changes.lagMinutes ?? (changes.lagPercent != null ? 0 : row.lagMinutes);
    checkLag(lagMinutes, lagPercent);
    const [updated] = await tx
      .update(taskLinks)
      .set({
        type: changes.type ?? row.type,
        lagMinutes,
        lagPercent,
        version: sql`${taskLinks.version} + 1`,
        updatedAt: sql`now()`,
      })
      .where(eq(taskLinks.id, linkId))
      .returning();
    if (!updated) throw new Error(`link ${linkId} vanished while locked`);
    const after = toLinkView(updated);
    await recordChange(tx, userId, subjectOf(updated), 'update', before, after);
    planCache.note(row.projectId, revision, { linkPairs: [[row.predecessorId, row.successorId]] });
    return { after, revision, projectId: row.projectId };
  });
  await planCache.advance(db, written.projectId, written.revision);
  return written.after;
}

/** Removes a link at the expected version. */
export async function deleteLink(
  db: Database,
  userId: string,
  linkId: string,
  expectedVersion: number,
): Promise<void> {
  const written = await writeTransaction(db, async (tx) => {
    const { row, revision } = await lockLink(tx, userId, linkId);
    const before = toLinkView(row);
    assertVersion(`Link ${linkId}`, before, expectedVersion);
    await tx.delete(taskLinks).where(eq(taskLinks.id, linkId));
    await recordChange(tx, userId, subjectOf(row), 'delete', before, null);
    planCache.note(row.projectId, revision, { linkPairs: [[row.predecessorId, row.successorId]] });
    return { revision, projectId: row.projectId };
  });
  await planCache.advance(db, written.projectId, written.revision);
}
