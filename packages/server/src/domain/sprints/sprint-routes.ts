import { createRoute, z } from '@hono/zod-openapi';
import { callerId } from '../../auth/caller';
import { policy } from '../../auth/policy';
import type { App, AppDeps } from '../../http/context';
import { defineRoute } from '../../http/route-rule';
import { expectedVersion, optionalBodyVersion, setVersionTag, versionedChanges } from '../../http/version';
import {
  dateSchema,
  deleteBodySchema,
  errorResponses,
  idSchema,
  longTextSchema,
  nameSchema,
  versionSchema,
  writeErrorResponses,
} from '../shared/api-schemas';
import { projectVelocity, sprintBurndown } from './sprint-charts';
import { completeSprint, startSprint } from './sprint-lifecycle';
import { createSprint, deleteSprint, listSprints, updateSprint } from './sprint-service';

const snapshotSchema = z
  .object({ points: z.number(), taskIds: z.array(z.string()) })
  .openapi('SprintSnapshot');

const sprintSchema = z
  .object({
    id: z.string(),
    workspaceId: z.string(),
    projectId: z.string(),
    name: z.string(),
    goal: z.string(),
    startDate: z.string(),
    finishDate: z.string(),
    state: z.enum(['planned', 'active', 'completed']),
    capacityPoints: z.number().nullable(),
    startedAt: z.string().nullable(),
    completedAt: z.string().nullable(),
    committed: snapshotSchema.nullable(),
    done: snapshotSchema.nullable(),
    taskCount: z.number().int(),
    points: z.number(),
    doneCount: z.number().int(),
    donePoints: z.number(),
    createdAt: z.string(),
    updatedAt: z.string(),
    version: z.number().int(),
  })
  .openapi('Sprint');

const burnDaySchema = z.object({
  date: z.string(),
  ideal: z.number(),
  remaining: z.number().nullable(),
  completed: z.number().nullable(),
  scope: z.number(),
});

const burndownSchema = z
  .object({
    sprint: sprintSchema,
    series: z.object({ committed: z.number(), scope: z.number(), days: z.array(burnDaySchema) }),
  })
  .openapi('SprintBurndown');

const velocitySchema = z
  .object({
    sprints: z.array(
      z.object({
        id: z.string(),
        name: z.string(),
        committedPoints: z.number(),
        completedPoints: z.number(),
      }),
    ),
    average: z.number(),
    sayDoRatio: z.number().nullable(),
  })
  .openapi('Velocity');

const capacitySchema = z.number().finite().min(0).max(100_000).nullable();
const goalSchema = longTextSchema.refine((text) => text.length <= 2000, 'a goal is at most 2000 characters');

const createBody = z.strictObject({
  name: nameSchema,
  goal: goalSchema.optional(),
  startDate: dateSchema,
  finishDate: dateSchema,
  capacityPoints: capacitySchema.optional(),
});

const updateBody = z.strictObject({
  name: nameSchema.optional(),
  goal: goalSchema.optional(),
  startDate: dateSchema.optional(),
  finishDate: dateSchema.optional(),
  capacityPoints: capacitySchema.optional(),
  version: versionSchema.optional(),
});

const startBody = z.strictObject({ version: versionSchema.optional() });
const completeBody = z.strictObject({
  carryOverTo: idSchema.openapi({ description: "A planned sprint's id, or `backlog`" }),
  version: versionSchema.optional(),
});

const json = <T extends z.ZodType>(schema: T) => ({ content: { 'application/json': { schema } } });
const projectParams = z.object({ projectId: idSchema });
const sprintParams = z.object({ sprintId: idSchema });

const list = createRoute({
  method: 'get',
  path: '/api/projects/{projectId}/sprints',
  summary: 'The sprints of a project in the order they run, each with the tasks and points it holds',
  request: { params: projectParams },
  responses: {
    200: {
      description: 'Every sprint',
      ...json(z.object({ items: z.array(sprintSchema), nextCursor: z.string().nullable() })),
    },
    ...errorResponses,
  },
});

const create = createRoute({
  method: 'post',
  path: '/api/projects/{projectId}/sprints',
  request: { params: projectParams, body: { required: true, ...json(createBody) } },
  responses: { 201: { description: 'Created', ...json(sprintSchema) }, ...errorResponses },
});

const update = createRoute({
  method: 'patch',
  path: '/api/sprints/{sprintId}',
  request: { params: sprintParams, body: { required: true, ...json(updateBody) } },
  responses: { 200: { description: 'Updated', ...json(sprintSchema) }, ...writeErrorResponses },
});

const remove = createRoute({
  method: 'delete',
  path: '/api/sprints/{sprintId}',
  summary: 'Delete a sprint that is not active; its tasks return to the backlog',
  request: { params: sprintParams, body: { required: false, ...json(deleteBodySchema) } },
  responses: { 204: { description: 'Deleted' }, ...writeErrorResponses },
});

const start = createRoute({
  method: 'post',
  path: '/api/sprints/{sprintId}/start',
  summary: 'Start a planned sprint (one active sprint per project), snapshotting its committed points',
  request: { params: sprintParams, body: { required: false, ...json(startBody) } },
  responses: { 200: { description: 'Started', ...json(sprintSchema) }, ...writeErrorResponses },
});

const complete = createRoute({
  method: 'post',
  path: '/api/sprints/{sprintId}/complete',
  summary: 'Complete the active sprint, moving unfinished tasks to another sprint or the backlog',
  request: { params: sprintParams, body: { required: true, ...json(completeBody) } },
  responses: { 200: { description: 'Completed', ...json(sprintSchema) }, ...writeErrorResponses },
});

const burndown = createRoute({
  method: 'get',
  path: '/api/sprints/{sprintId}/burndown',
  summary: 'Remaining and completed points per day of a sprint, with the ideal line',
  request: { params: sprintParams },
  responses: { 200: { description: 'The series', ...json(burndownSchema) }, ...errorResponses },
});

const velocityRoute = createRoute({
  method: 'get',
  path: '/api/projects/{projectId}/velocity',
  summary: 'Points committed and completed in the last completed sprints',
  request: {
    params: projectParams,
    query: z.object({ count: z.coerce.number().int().min(1).max(50).default(6) }),
  },
  responses: { 200: { description: 'The velocity', ...json(velocitySchema) }, ...errorResponses },
});

/** Registers the sprint routes: planning, starting and completing sprints, and their charts. */
export function registerSprintRoutes(app: App, deps: AppDeps): void {
  defineRoute(app, policy.signedIn, list, async (c) => {
    const items = await listSprints(deps.db, callerId(c), c.req.valid('param').projectId);
    return c.json({ items, nextCursor: null }, 200);
  });
  defineRoute(app, policy.signedIn, create, async (c) => {
    const sprint = await createSprint(
      deps.db,
      callerId(c),
      c.req.valid('param').projectId,
      c.req.valid('json'),
    );
    setVersionTag(c, sprint.version);
    return c.json(sprint, 201);
  });
  defineRoute(app, policy.signedIn, update, async (c) => {
    const { expected, changes } = versionedChanges(c, c.req.valid('json'));
    const sprint = await updateSprint(deps.db, callerId(c), c.req.valid('param').sprintId, expected, changes);
    setVersionTag(c, sprint.version);
    return c.json(sprint, 200);
  });
  defineRoute(app, policy.signedIn, remove, async (c) => {
    await deleteSprint(
      deps.db,
      callerId(c),
      c.req.valid('param').sprintId,
      optionalBodyVersion(c, c.req.valid('json')),
    );
    return c.body(null, 204);
  });
  defineRoute(app, policy.signedIn, start, async (c) => {
    const sprint = await startSprint(
      deps.db,
      callerId(c),
      c.req.valid('param').sprintId,
      optionalBodyVersion(c, c.req.valid('json')),
    );
    setVersionTag(c, sprint.version);
    return c.json(sprint, 200);
  });
  defineRoute(app, policy.signedIn, complete, async (c) => {
    const { version, carryOverTo } = c.req.valid('json');
    const expected = expectedVersion(c, version);
    const sprint = await completeSprint(
      deps.db,
      callerId(c),
      c.req.valid('param').sprintId,
      expected,
      carryOverTo,
    );
    setVersionTag(c, sprint.version);
    return c.json(sprint, 200);
  });
  defineRoute(app, policy.signedIn, burndown, async (c) => {
    return c.json(await sprintBurndown(deps.db, callerId(c), c.req.valid('param').sprintId), 200);
  });
  defineRoute(app, policy.signedIn, velocityRoute, async (c) => {
    const { count } = c.req.valid('query');
    return c.json(await projectVelocity(deps.db, callerId(c), c.req.valid('param').projectId, count), 200);
  });
}
