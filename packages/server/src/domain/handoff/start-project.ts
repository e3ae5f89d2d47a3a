import { and, eq, sql } from 'drizzle-orm';
import { policy } from '../../auth/policy';
import type { Database, Transaction } from '../../db/client';
import { newId } from '../../db/ids';
import { entityMembers } from '../../db/schema/entity-members';
import { features } from '../../db/schema/features';
import { initiativeFeatures, initiatives } from '../../db/schema/initiatives';
import { defaultCalendarSettings, projects } from '../../db/schema/projects';
import { tasks } from '../../db/schema/tasks';
import { workspaceMembers } from '../../db/schema/workspaces';
import { ApiError } from '../../http/errors';
import { initiativeSubject, toInitiativeView } from '../initiatives/initiative-view';
import { type ProjectView, projectSubject, toProjectView } from '../projects/project-view';
import { recordChange } from '../shared/change-log';
import { invalid, notFound } from '../shared/errors';
import { writeTransaction } from '../shared/write-transaction';
import { taskSubject, toTaskView } from '../tasks/task-view';

/** What a product manager gives to start a project from an initiative. */
export interface StartProjectInput {
  name: string;
  projectManagerId: string;
  /** `YYYY-MM-DD`. */
  startDate: string;
}

/** The project started from an initiative, with the task made for each of its features. */
export interface StartedProject {
  project: ProjectView;
  initiative: { id: string; projectId: string; status: string; version: number };
  tasks: { id: string; name: string; featureId: string }[];
}

/**
 * The estimate each feature's task starts with: five working days, for the project manager to break down. A feature
 * becomes one top-level task (MS Project's summary task, Jira's epic) that the plan's detail work goes under.
 */
const featureTaskMinutes = 5 * 480;

/** An initiative the caller may see, locked for the hand-off; 404 names the initiative. */
async function lockInitiative(tx: Transaction, userId: string, initiativeId: string) {
  const [row] = await tx.select().from(initiatives).where(eq(initiatives.id, initiativeId)).for('update');
  if (!row) throw notFound('Initiative', initiativeId);
  const product = { kind: 'product' as const, id: row.productId, workspaceId: row.workspaceId };
  if (!(await policy.canSee(tx, userId, product))) throw notFound('Initiative', initiativeId);
  await policy.assertCanEdit(tx, userId, product);
  return row;
}

/** The project manager must be a full member of the workspace (guests may not run projects). */
async function checkProjectManager(tx: Transaction, workspaceId: string, userId: string): Promise<void> {
  const [member] = await tx
    .select({ role: workspaceMembers.role })
    .from(workspaceMembers)
    .where(and(eq(workspaceMembers.workspaceId, workspaceId), eq(workspaceMembers.userId, userId)));
  if (!member || member.role === 'guest') {
    throw invalid(
      'projectManagerId',
      `User ${userId} is not a member of this workspace who can manage a project`,
    );
  }
}

/**
 * Starts a project from an initiative in one transaction: the project (linked to the initiative's product), one
 * top-level task per feature of the initiative carrying `feature_id`, the project manager role for the named user, and
 * `initiatives.project_id`. An initiative handed off already is a 409; one the caller may not see is a 404.
 */
export async function startProject(
  db: Database,
  userId: string,
  initiativeId: string,
  input: StartProjectInput,
): Promise<StartedProject> {
  return writeTransaction(db, async (tx) => {
    const initiative = await lockInitiative(tx, userId, initiativeId);
    if (initiative.projectId !== null) {
      throw new ApiError(
        409,
        'CONFLICT',
        `Initiative "${initiative.title}" was already handed off to project ${initiative.projectId}`,
        undefined,
        { projectId: initiative.projectId },
      );
    }
    await policy.assertCanCreate(tx, userId, initiative.workspaceId, 'project');
    await checkProjectManager(tx, initiative.workspaceId, input.projectManagerId);
    const scope = await tx
      .select({ id: features.id, title: features.title, spec: features.spec })
      .from(initiativeFeatures)
      .innerJoin(features, eq(features.id, initiativeFeatures.featureId))
      .where(eq(initiativeFeatures.initiativeId, initiativeId))
      .orderBy(features.rank, features.title, features.id);
    const [project] = await tx
      .insert(projects)
      .values({
        id: newId('prj'),
        workspaceId: initiative.workspaceId,
        name: input.name,
        description: initiative.description,
        productId: initiative.productId,
        startDate: input.startDate,
        calendar: defaultCalendarSettings,
        createdBy: userId,
      })
      .returning();
    if (!project) throw new Error('insert into projects returned no row');
    await tx
      .insert(entityMembers)
      .values({
        entityType: 'project',
        entityId: project.id,
        userId: input.projectManagerId,
        workspaceId: initiative.workspaceId,
        role: 'project_manager',
      })
      .onConflictDoNothing();
    await recordChange(tx, userId, projectSubject(project), 'create', null, toProjectView(project));
    const made: StartedProject['tasks'] = [];
    for (const [index, feature] of scope.entries()) {
      const [task] = await tx
        .insert(tasks)
        .values({
          id: newId('tsk'),
          workspaceId: initiative.workspaceId,
          projectId: project.id,
          name: feature.title,
          description: feature.spec,
          durationMinutes: featureTaskMinutes,
          position: index + 1,
          featureId: feature.id,
          createdBy: userId,
        })
        .returning();
      if (!task) throw new Error('insert into tasks returned no row');
      await recordChange(tx, userId, taskSubject(task), 'create', null, toTaskView(task));
      made.push({ id: task.id, name: task.name, featureId: feature.id });
    }
    const status =
      initiative.status === 'proposed' || initiative.status === 'planned' ? 'in_progress' : initiative.status;
    const [updated] = await tx
      .update(initiatives)
      .set({ projectId: project.id, status, version: sql`${initiatives.version} + 1`, updatedAt: sql`now()` })
      .where(eq(initiatives.id, initiativeId))
      .returning();
    if (!updated) throw new Error(`initiative ${initiativeId} vanished while locked`);
    await recordChange(
      tx,
      userId,
      initiativeSubject(updated),
      'update',
      toInitiativeView(initiative),
      toInitiativeView(updated),
    );
    return {
      project: toProjectView(project),
      initiative: { id: updated.id, projectId: project.id, status: updated.status, version: updated.version },
      tasks: made,
    };
  });
}
