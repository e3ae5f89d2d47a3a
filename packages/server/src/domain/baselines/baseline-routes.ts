import { createRoute, z } from '@hono/zod-openapi';
import { callerId } from '../../auth/caller';
import { policy } from '../../auth/policy';
import type { App, AppDeps } from '../../http/context';
import { defineRoute } from '../../http/route-rule';
import { optionalBodyVersion, setVersionTag } from '../../http/version';
import {
  deleteBodySchema,
  errorResponses,
  idSchema,
  longTextSchema,
  nameSchema,
  writeErrorResponses,
} from '../shared/api-schemas';
import {
  baselineVarianceReport,
  compareBaselines,
  createBaseline,
  deleteBaseline,
  getBaseline,
  listBaselines,
} from './baseline-service';

const summaryShape = {
  id: z.string(),
  projectId: z.string(),
  name: z.string(),
  note: z.string(),
  planRevision: z.number().int(),
  start: z.string().nullable(),
  finish: z.string().nullable(),
  taskCount: z.number().int(),
  createdBy: z.string().nullable(),
  createdAt: z.string(),
  version: z.number().int(),
};
const summarySchema = z.object(summaryShape).openapi('BaselineSummary');
const baselineTaskSchema = z.object({
  start: z.string(),
  finish: z.string(),
  durationMinutes: z.number(),
  workMinutes: z.number(),
  costCents: z.number(),
});
const baselineSchema = z
  .object({ ...summaryShape, tasks: z.record(z.string(), baselineTaskSchema) })
  .openapi('Baseline');
const varianceSchema = z
  .object({
    taskId: z.string(),
    name: z.string(),
    outline: z.string(),
    baselineStart: z.string(),
    baselineFinish: z.string(),
    start: z.string(),
    finish: z.string(),
    startVariance: z.number().int(),
    finishVariance: z.number().int(),
    durationVariance: z.number().int(),
    workVariance: z.number().int(),
    costVariance: z.number().int(),
  })
  .openapi('TaskVariance');
const span = z.object({ start: z.string(), finish: z.string() }).nullable();
const comparisonSchema = z.object({
  taskId: z.string(),
  name: z.string(),
  a: span,
  b: span,
  startDifference: z.number().int().nullable(),
  finishDifference: z.number().int().nullable(),
});

const json = <T extends z.ZodType>(schema: T) => ({ content: { 'application/json': { schema } } });
const projectParams = z.object({ projectId: idSchema });
const baselineParams = z.object({ baselineId: idSchema });
const createBody = z.strictObject({ name: nameSchema, note: longTextSchema.optional() });

const list = createRoute({
  method: 'get',
  path: '/api/projects/{projectId}/baselines',
  summary: 'Baselines of a project, newest first',
  request: { params: projectParams },
  responses: {
    200: { description: 'The baselines', ...json(z.object({ items: z.array(summarySchema) })) },
    ...errorResponses,
  },
});

const create = createRoute({
  method: 'post',
  path: '/api/projects/{projectId}/baselines',
  summary: "Save the project's current schedule as a named baseline",
  request: { params: projectParams, body: { required: true, ...json(createBody) } },
  responses: { 201: { description: 'Saved', ...json(baselineSchema) }, ...errorResponses },
});

const compare = createRoute({
  method: 'get',
  path: '/api/baselines/compare',
  summary:
    'Two baselines of one project side by side: per task both starts and finishes and the differences (b − a)',
  request: { query: z.object({ a: idSchema, b: idSchema }) },
  responses: {
    200: {
      description: 'The comparison',
      ...json(z.object({ a: summarySchema, b: summarySchema, items: z.array(comparisonSchema) })),
    },
    ...errorResponses,
  },
});

const get = createRoute({
  method: 'get',
  path: '/api/baselines/{baselineId}',
  summary: 'A baseline with the snapshot of every task, by task id',
  request: { params: baselineParams },
  responses: { 200: { description: 'The baseline', ...json(baselineSchema) }, ...errorResponses },
});

const remove = createRoute({
  method: 'delete',
  path: '/api/baselines/{baselineId}',
  request: { params: baselineParams, body: { required: false, ...json(deleteBodySchema) } },
  responses: { 204: { description: 'Deleted' }, ...writeErrorResponses },
});

const variances = createRoute({
  method: 'get',
  path: '/api/baselines/{baselineId}/variances',
  summary:
    'Per task: start, finish, duration, work and cost variance of the current schedule against the baseline',
  request: { params: baselineParams },
  responses: {
    200: {
      description: 'The variances, in outline order',
      ...json(z.object({ baseline: summarySchema, items: z.array(varianceSchema) })),
    },
    ...errorResponses,
  },
});

/** Registers the baseline routes. */
export function registerBaselineRoutes(app: App, deps: AppDeps): void {
  defineRoute(app, policy.signedIn, list, async (c) => {
    return c.json({ items: await listBaselines(deps.db, callerId(c), c.req.valid('param').projectId) }, 200);
  });
  defineRoute(app, policy.signedIn, create, async (c) => {
    const baseline = await createBaseline(
      deps.db,
      callerId(c),
      c.req.valid('param').projectId,
      c.req.valid('json'),
    );
    setVersionTag(c, baseline.version);
    return c.json(baseline, 201);
  });
  // Registered before `/api/baselines/{baselineId}`, which would otherwise take "compare" for an id.
  defineRoute(app, policy.signedIn, compare, async (c) => {
    const { a, b } = c.req.valid('query');
    return c.json(await compareBaselines(deps.db, callerId(c), a, b), 200);
  });
  defineRoute(app, policy.signedIn, get, async (c) => {
    const baseline = await getBaseline(deps.db, callerId(c), c.req.valid('param').baselineId);
    setVersionTag(c, baseline.version);
    return c.json(baseline, 200);
  });
  defineRoute(app, policy.signedIn, remove, async (c) => {
    await deleteBaseline(
      deps.db,
      callerId(c),
      c.req.valid('param').baselineId,
      optionalBodyVersion(c, c.req.valid('json')),
    );
    return c.body(null, 204);
  });
  defineRoute(app, policy.signedIn, variances, async (c) => {
    return c.json(await baselineVarianceReport(deps.db, callerId(c), c.req.valid('param').baselineId), 200);
  });
}
