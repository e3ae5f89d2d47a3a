import { policy } from '../../auth/policy';
import type { Transaction } from '../../db/client';
import { newId } from '../../db/ids';
import { assignments } from '../../db/schema/assignments';
import { baselines } from '../../db/schema/baselines';
import { projects } from '../../db/schema/projects';
import { resources } from '../../db/schema/resources';
import { taskLinks } from '../../db/schema/task-links';
import { tasks } from '../../db/schema/tasks';
import { ApiError } from '../../http/errors';
import { type ProjectView, projectSubject, toProjectView } from '../projects/project-view';
import { recordChange } from '../shared/change-log';
import { bulkInsert } from './bulk-insert';
import { imageSummary, type PlanImage } from './plan-image';

/** Reports how far a write has come, 0–1. */
export type ProgressReport = (fraction: number) => Promise<void> | void;

/** Where the rows of a plan image go: a project of a workspace, written by a user. */
export interface PlanTarget {
  projectId: string;
  workspaceId: string;
  userId: string;
  /** Top-level tasks are positioned after this one (appending to a plan that has tasks). */
  positionAfter?: number;
}

/** An image whose rows point at things it does not hold: a bug of the importer, refused before anything commits. */
function brokenImage(message: string): ApiError {
  return new ApiError(400, 'VALIDATION_FAILED', message, 'file');
}

/**
 * Writes the tasks, links, resources and assignments of a plan image into an existing project, with a handful of bulk
 * inserts; returns the new task id of every task key. Run inside the caller's transaction: a failure part-way leaves
 * nothing behind.
 */
export async function writePlanRows(
  tx: Transaction,
  target: PlanTarget,
  image: Omit<PlanImage, 'project'>,
  onProgress?: ProgressReport,
): Promise<Map<string, string>> {
  const total =
    image.tasks.length + image.links.length + image.resources.length + image.assignments.length || 1;
  let done = 0;
  const advance = async (count: number) => {
    done += count;
    await onProgress?.(done / total);
  };
  const taskIds = new Map<string, string>();
  const base = target.positionAfter ?? 0;
  const rows = image.tasks.map((task, index) => {
    const id = newId('tsk');
    if (taskIds.has(task.key)) throw brokenImage(`Two tasks share the key ${task.key}`);
    const parentId = task.parentKey === null ? null : taskIds.get(task.parentKey);
    if (parentId === undefined) throw brokenImage(`Task ${task.key} names a parent that comes after it`);
    taskIds.set(task.key, id);
    return {
      ...task.fields,
      id,
      workspaceId: target.workspaceId,
      projectId: target.projectId,
      parentId,
      position: base + index + 1,
      createdBy: target.userId,
    };
  });
  let written = 0;
  const step = async (count: number) => {
    await advance(count - written);
    written = count;
  };
  await bulkInsert(tx, tasks, rows, step);

  const idOf = (key: string, what: string) => {
    const id = taskIds.get(key);
    if (id === undefined) throw brokenImage(`${what} names task ${key}, which is not in the plan`);
    return id;
  };
  const linkRows = image.links.map((link) => ({
    id: newId('lnk'),
    workspaceId: target.workspaceId,
    projectId: target.projectId,
    predecessorId: idOf(link.predecessorKey, 'A link'),
    successorId: idOf(link.successorKey, 'A link'),
    type: link.type,
    lagMinutes: link.lagMinutes,
    lagPercent: link.lagPercent,
  }));
  written = 0;
  await bulkInsert(tx, taskLinks, linkRows, step);

  const resourceIds = new Map<string, string>();
  const resourceRows = image.resources.map((resource) => {
    const id = newId('res');
    resourceIds.set(resource.key, id);
    return { ...resource.fields, id, workspaceId: target.workspaceId };
  });
  await bulkInsert(tx, resources, resourceRows);
  await advance(resourceRows.length);

  const assignmentRows = image.assignments.map((assignment) => {
    const resourceId =
      'id' in assignment.resource ? assignment.resource.id : resourceIds.get(assignment.resource.key);
    if (resourceId === undefined) throw brokenImage('An assignment names a resource that is not in the plan');
    return {
      id: newId('asg'),
      workspaceId: target.workspaceId,
      projectId: target.projectId,
      taskId: idOf(assignment.taskKey, 'An assignment'),
      resourceId,
      units: assignment.units,
      workMinutes: assignment.workMinutes,
      contour: assignment.contour ?? 'flat',
      overtimeWorkMinutes: assignment.overtimeWorkMinutes ?? 0,
      delayMinutes: assignment.delayMinutes ?? 0,
    };
  });
  await bulkInsert(tx, assignments, assignmentRows);
  await advance(assignmentRows.length);
  return taskIds;
}

/**
 * Creates a project from a plan image in the caller's transaction: the project row (its creator becomes its project
 * manager), then every row of the plan in bulk, then one audit entry and change notification for the new project.
 */
export async function insertPlan(
  tx: Transaction,
  userId: string,
  workspaceId: string,
  image: PlanImage,
  onProgress?: ProgressReport,
): Promise<{ project: ProjectView; taskIds: Map<string, string> }> {
  const { project } = image;
  const [row] = await tx
    .insert(projects)
    .values({
      id: newId('prj'),
      workspaceId,
      name: project.name,
      description: project.description,
      programId: project.programId ?? null,
      productId: project.productId ?? null,
      startDate: project.startDate,
      statusDate: project.statusDate,
      calendar: project.calendar,
      isTemplate: project.isTemplate ?? false,
      ...(project.workflow === undefined ? {} : { workflow: project.workflow }),
      ...(project.customFields === undefined ? {} : { customFields: project.customFields }),
      createdBy: userId,
    })
    .returning();
  if (!row) throw new Error('insert into projects returned no row');
  await policy.grantCreatorRole(tx, userId, workspaceId, 'project', row.id);
  const taskIds = await writePlanRows(tx, { projectId: row.id, workspaceId, userId }, image, onProgress);
  const saved = (image.baselines ?? []).map((baseline) => ({
    id: newId('bsl'),
    workspaceId,
    projectId: row.id,
    name: baseline.name,
    note: 'Imported with the plan',
    planRevision: row.planRevision,
    tasks: Object.fromEntries(
      Object.entries(baseline.tasks).flatMap(([key, task]) => {
        const id = taskIds.get(key);
        return id === undefined ? [] : [[id, task]];
      }),
    ),
    createdBy: userId,
  }));
  await bulkInsert(tx, baselines, saved);
  const view = toProjectView(row);
  await recordChange(tx, userId, projectSubject(row), 'create', null, {
    ...view,
    imported: imageSummary(image),
  });
  return { project: view, taskIds };
}
