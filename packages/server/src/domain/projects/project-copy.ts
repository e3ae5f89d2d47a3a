import { createRoute, z } from '@hono/zod-openapi';
import { asc, eq } from 'drizzle-orm';
import { callerId } from '../../auth/caller';
import { policy } from '../../auth/policy';
import type { Database } from '../../db/client';
import { assignments } from '../../db/schema/assignments';
import { projects } from '../../db/schema/projects';
import { taskLinks } from '../../db/schema/task-links';
import { tasks } from '../../db/schema/tasks';
import type { App, AppDeps } from '../../http/context';
import { defineRoute } from '../../http/route-rule';
import { setVersionTag } from '../../http/version';
import type { PlanImage, TaskImage } from '../imports/plan-image';
import { insertPlan } from '../imports/plan-insert';
import { instantOf, storedWallClock } from '../imports/wall-time';
import { dateSchema, errorResponses, idSchema, nameSchema } from '../shared/api-schemas';
import { notFound } from '../shared/errors';
import { writeTransaction } from '../shared/write-transaction';
import type { ProjectView } from './project-view';

/** What a copy is called and where it starts; `asTemplate` makes the copy a template. */
export interface ProjectCopyInput {
  name: string;
  /** The copy's first day, `YYYY-MM-DD`; every plan date moves by the days between the two starts. */
  startDate?: string | undefined;
  asTemplate?: boolean | undefined;
}

const DAY = 1440;
const dayIndex = (day: string) => Math.round(instantOf(`${day}T00:00`) / DAY);

type TaskRow = typeof tasks.$inferSelect;

/** Tasks in outline order: each parent before its children, siblings by position. */
function outlineOrder(rows: readonly TaskRow[]): TaskRow[] {
  const children = new Map<string | null, TaskRow[]>();
  const ids = new Set(rows.map((row) => row.id));
  for (const row of rows) {
    const parent = row.parentId !== null && ids.has(row.parentId) ? row.parentId : null;
    const list = children.get(parent) ?? [];
    list.push(row);
    children.set(parent, list);
  }
  const ordered: TaskRow[] = [];
  const stack = [...(children.get(null) ?? [])].reverse();
  while (stack.length > 0) {
    const row = stack.pop() as TaskRow;
    ordered.push(row);
    stack.push(...[...(children.get(row.id) ?? [])].reverse());
  }
  return ordered;
}

/**
 * Copies a project into a new one of the same workspace: its tasks (tree, every scheduling and agile field), links,
 * assignments (to the same workspace resources), workflow, custom fields and calendar, with every plan date moved by
 * the days between the two start dates. Starting a project from a template is a copy of the template.
 * @example await copyProject(db, userId, templateId, { name: 'Launch 2027', startDate: '2027-01-04' });
 */
export async function copyProject(
  db: Database,
  userId: string,
  projectId: string,
  input: ProjectCopyInput,
): Promise<ProjectView> {
  const [source] = await db.select().from(projects).where(eq(projects.id, projectId));
  if (!source) throw notFound('Project', projectId);
  await policy.assertCanSee(db, userId, { kind: 'project', id: source.id, workspaceId: source.workspaceId });
  await policy.assertCanCreate(db, userId, source.workspaceId, 'project');
  const startDate = input.startDate ?? source.startDate;
  const shift = (dayIndex(startDate) - dayIndex(source.startDate)) * DAY;
  const move = (stored: string | null) =>
    stored === null ? null : storedWallClock(instantOf(stored) + shift);
  const moveDay = (day: string | null) =>
    day === null ? null : (move(`${day} 00:00:00`)?.slice(0, 10) ?? null);

  return writeTransaction(db, async (tx) => {
    // One snapshot of the source: rows read inside the transaction that writes the copy.
    const taskRows = outlineOrder(
      await tx.select().from(tasks).where(eq(tasks.projectId, projectId)).orderBy(asc(tasks.position)),
    );
    const linkRows = await tx.select().from(taskLinks).where(eq(taskLinks.projectId, projectId));
    const assignmentRows = await tx.select().from(assignments).where(eq(assignments.projectId, projectId));
    const taskImages: TaskImage[] = taskRows.map((row) => {
      const {
        id,
        workspaceId,
        projectId: _p,
        parentId,
        position,
        createdBy,
        createdAt,
        updatedAt,
        version,
        sprintId,
        ...fields
      } = row;
      return {
        key: id,
        parentKey: parentId,
        fields: {
          ...fields,
          manualStart: move(row.manualStart),
          manualFinish: move(row.manualFinish),
          constraintDate: move(row.constraintDate),
          deadline: move(row.deadline),
          actualStart: move(row.actualStart),
          actualFinish: move(row.actualFinish),
        },
      };
    });
    const image: PlanImage = {
      project: {
        name: input.name,
        description: source.description,
        startDate,
        statusDate: moveDay(source.statusDate),
        calendar: source.calendar,
        programId: source.programId,
        productId: source.productId,
        isTemplate: input.asTemplate ?? false,
        workflow: source.workflow,
        customFields: source.customFields,
      },
      tasks: taskImages,
      links: linkRows.map((link) => ({
        predecessorKey: link.predecessorId,
        successorKey: link.successorId,
        type: link.type,
        lagMinutes: link.lagMinutes,
        lagPercent: link.lagPercent,
      })),
      resources: [],
      assignments: assignmentRows.map((assignment) => ({
        taskKey: assignment.taskId,
        resource: { id: assignment.resourceId },
        units: assignment.units,
        workMinutes: assignment.workMinutes,
        contour: assignment.contour,
        overtimeWorkMinutes: assignment.overtimeWorkMinutes,
        delayMinutes: assignment.delayMinutes,
      })),
    };
    return (await insertPlan(tx, userId, source.workspaceId, image)).project;
  });
}

const copyBody = z.strictObject({
  name: nameSchema,
  startDate: dateSchema.optional(),
  asTemplate: z.boolean().optional(),
});

const copy = createRoute({
  method: 'post',
  path: '/api/projects/{projectId}/copy',
  summary:
    'Copy a project (or start one from a template): tasks, links, assignments, workflow, fields and calendar',
  request: {
    params: z.object({ projectId: idSchema }),
    body: { required: true, content: { 'application/json': { schema: copyBody } } },
  },
  responses: {
    201: {
      description: 'The new project',
      content: {
        'application/json': { schema: z.object({ id: z.string(), name: z.string() }).passthrough() },
      },
    },
    ...errorResponses,
  },
});

/** Registers the copy route. */
export function registerProjectCopyRoutes(app: App, deps: AppDeps): void {
  defineRoute(app, policy.signedIn, copy, async (c) => {
    const project = await copyProject(
      deps.db,
      callerId(c),
      c.req.valid('param').projectId,
      c.req.valid('json'),
    );
    setVersionTag(c, project.version);
    return c.json(project, 201);
  });
}
