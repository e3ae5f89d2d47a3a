import { createRoute, z } from '@hono/zod-openapi';
import { callerId } from '../../auth/caller';
import { policy } from '../../auth/policy';
import type { App, AppDeps } from '../../http/context';
import { pageSchema } from '../../http/pagination';
import { defineRoute } from '../../http/route-rule';
import { expectedVersion, setVersionTag } from '../../http/version';
import {
  deleteBodySchema,
  errorResponses,
  idSchema,
  listQuery,
  versionSchema,
  writeErrorResponses,
} from '../shared/api-schemas';
import { bulkDeleteTasks, bulkUpdateTasks } from './task-bulk';
import { createTask } from './task-create';
import { createTaskBody, taskChangesBody } from './task-fields';
import { deleteTask, getTask, listTasks, updateTask } from './task-service';

const wallClock = z.string().nullable();

/** The Task view in the OpenAPI document. */
export const taskSchema = z
  .object({
    id: z.string(),
    workspaceId: z.string(),
    projectId: z.string(),
    parentId: z.string().nullable(),
    name: z.string(),
    description: z.string(),
    durationMinutes: z.number().int(),
    durationUnit: z.string(),
    elapsed: z.boolean(),
    position: z.number(),
    scheduling: z.enum(['auto', 'manual']),
    manualStart: wallClock,
    manualFinish: wallClock,
    isMilestone: z.boolean(),
    constraintType: z.enum(['asap', 'alap', 'snet', 'snlt', 'fnet', 'fnlt', 'mso', 'mfo']),
    constraintDate: wallClock,
    deadline: wallClock,
    percentComplete: z.number().int(),
    actualStart: wallClock,
    actualFinish: wallClock,
    workMinutes: z.number().int().nullable(),
    taskType: z.enum(['fixedUnits', 'fixedWork', 'fixedDuration']),
    effortDriven: z.boolean(),
    active: z.boolean(),
    fixedCostCents: z.number().int(),
    storyPoints: z.number().nullable(),
    status: z.string(),
    completedAt: z.string().nullable(),
    priority: z.enum(['lowest', 'low', 'medium', 'high', 'highest']),
    labels: z.array(z.string()),
    customFields: z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()])),
    rank: z.number(),
    sprintId: z.string().nullable(),
    featureId: z.string().nullable().openapi({
      description:
        "The product feature the task delivers: a feature of the project's product (any product of the workspace when the project has none)",
    }),
    createdBy: z.string().nullable(),
    createdAt: z.string(),
    updatedAt: z.string(),
    version: z.number().int(),
  })
  .openapi('Task');

const createBody = createTaskBody;
const updateBody = taskChangesBody.extend({ version: versionSchema.optional() });

const json = <T extends z.ZodType>(schema: T) => ({ content: { 'application/json': { schema } } });
const projectParams = z.object({ projectId: idSchema });
const taskParams = z.object({ taskId: idSchema });
/** The most tasks one page holds: a whole plan of the size Tandem is built for, so the board reads it in one request. */
export const taskPageLimit = 10_000;

const listParams = listQuery.extend({
  limit: z.coerce
    .number()
    .int()
    .min(1)
    .max(taskPageLimit)
    .default(50)
    .openapi({ description: `Tasks per page, up to ${taskPageLimit}` }),
  parentId: idSchema.optional().openapi({ description: 'Children of this task; `none` for the top level' }),
});

const list = createRoute({
  method: 'get',
  path: '/api/projects/{projectId}/tasks',
  summary: 'Tasks of a project (default order: position among siblings)',
  request: { params: projectParams, query: listParams },
  responses: { 200: { description: 'A page of tasks', ...json(pageSchema(taskSchema)) }, ...errorResponses },
});

const create = createRoute({
  method: 'post',
  path: '/api/projects/{projectId}/tasks',
  request: { params: projectParams, body: { required: true, ...json(createBody) } },
  responses: { 201: { description: 'Created', ...json(taskSchema) }, ...errorResponses },
});

const get = createRoute({
  method: 'get',
  path: '/api/tasks/{taskId}',
  request: { params: taskParams },
  responses: { 200: { description: 'The task', ...json(taskSchema) }, ...errorResponses },
});

const update = createRoute({
  method: 'patch',
  path: '/api/tasks/{taskId}',
  request: { params: taskParams, body: { required: true, ...json(updateBody) } },
  responses: { 200: { description: 'Updated', ...json(taskSchema) }, ...writeErrorResponses },
});

const remove = createRoute({
  method: 'delete',
  path: '/api/tasks/{taskId}',
  summary: 'Delete a task and every task below it',
  request: { params: taskParams, body: { required: false, ...json(deleteBodySchema) } },
  responses: { 204: { description: 'Deleted' }, ...writeErrorResponses },
});

const bulkTarget = {
  taskIds: z.array(idSchema).min(1).max(1000),
  versions: z
    .record(idSchema, versionSchema)
    .optional()
    .openapi({ description: 'Expected version per task id; a stale one fails the whole write with 409' }),
};

const bulkUpdate = createRoute({
  method: 'post',
  path: '/api/projects/{projectId}/tasks/bulk',
  summary: 'Apply the same changes to many tasks, all or nothing',
  request: {
    params: projectParams,
    body: { required: true, ...json(z.strictObject({ ...bulkTarget, changes: taskChangesBody })) },
  },
  responses: {
    200: { description: 'The changed tasks', ...json(z.object({ items: z.array(taskSchema) })) },
    ...writeErrorResponses,
  },
});

const bulkDelete = createRoute({
  method: 'post',
  path: '/api/projects/{projectId}/tasks/bulk-delete',
  summary: 'Delete many tasks and everything below them, all or nothing',
  request: { params: projectParams, body: { required: true, ...json(z.strictObject(bulkTarget)) } },
  responses: {
    200: {
      description: 'The ids of every removed task',
      ...json(z.object({ deletedIds: z.array(z.string()) })),
    },
    ...writeErrorResponses,
  },
});

/** Registers the task routes. */
export function registerTaskRoutes(app: App, deps: AppDeps): void {
  defineRoute(app, policy.signedIn, list, async (c) => {
    const { projectId } = c.req.valid('param');
    return c.json(await listTasks(deps.db, callerId(c), projectId, c.req.valid('query')), 200);
  });
  defineRoute(app, policy.signedIn, create, async (c) => {
    const task = await createTask(deps.db, callerId(c), c.req.valid('param').projectId, c.req.valid('json'));
    setVersionTag(c, task.version);
    return c.json(task, 201);
  });
  defineRoute(app, policy.signedIn, bulkUpdate, async (c) => {
    const { changes, ...target } = c.req.valid('json');
    const items = await bulkUpdateTasks(
      deps.db,
      callerId(c),
      c.req.valid('param').projectId,
      target,
      changes,
    );
    return c.json({ items }, 200);
  });
  defineRoute(app, policy.signedIn, bulkDelete, async (c) => {
    const deletedIds = await bulkDeleteTasks(
      deps.db,
      callerId(c),
      c.req.valid('param').projectId,
      c.req.valid('json'),
    );
    return c.json({ deletedIds }, 200);
  });
  defineRoute(app, policy.signedIn, get, async (c) => {
    const task = await getTask(deps.db, callerId(c), c.req.valid('param').taskId);
    setVersionTag(c, task.version);
    return c.json(task, 200);
  });
  defineRoute(app, policy.signedIn, update, async (c) => {
    const { version, ...changes } = c.req.valid('json');
    const expected = expectedVersion(c, version);
    const task = await updateTask(deps.db, callerId(c), c.req.valid('param').taskId, expected, changes);
    setVersionTag(c, task.version);
    return c.json(task, 200);
  });
  defineRoute(app, policy.signedIn, remove, async (c) => {
    const body = (c.req.valid('json') as z.infer<typeof deleteBodySchema> | undefined) ?? {};
    const expected = expectedVersion(c, body.version);
    await deleteTask(deps.db, callerId(c), c.req.valid('param').taskId, expected);
    return c.body(null, 204);
  });
}
