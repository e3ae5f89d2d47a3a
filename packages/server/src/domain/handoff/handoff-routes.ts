import { createRoute, z } from '@hono/zod-openapi';
import { callerId } from '../../auth/caller';
import { policy } from '../../auth/policy';
import type { App, AppDeps } from '../../http/context';
import { defineRoute } from '../../http/route-rule';
import { dateSchema, errorResponses, idSchema, nameSchema, writeErrorResponses } from '../shared/api-schemas';
import { deliverySchema } from './delivery-schema';
import { deliveryOf } from './initiative-delivery';
import { scopeCheckOf } from './scope-check-access';
import { watchScopeChanges } from './scope-watch';
import { startProject } from './start-project';

const startedSchema = z
  .object({
    project: z
      .object({ id: z.string(), name: z.string(), productId: z.string().nullable(), startDate: z.string() })
      .passthrough(),
    initiative: z.object({
      id: z.string(),
      projectId: z.string(),
      status: z.string(),
      version: z.number().int(),
    }),
    tasks: z.array(z.object({ id: z.string(), name: z.string(), featureId: z.string() })),
  })
  .openapi('StartedProject');
const raisedSchema = z.object({
  kind: z.enum(['feature_removed', 'feature_added', 'finish_slipped']),
  changeRequestId: z.string(),
  number: z.number().int(),
  title: z.string(),
});

const json = <T extends z.ZodType>(schema: T) => ({ content: { 'application/json': { schema } } });
const params = z.object({ initiativeId: idSchema });
const startBody = z.strictObject({ name: nameSchema, projectManagerId: idSchema, startDate: dateSchema });

const start = createRoute({
  method: 'post',
  path: '/api/initiatives/{initiativeId}/start-project',
  summary:
    "Start a project from an initiative: one task per feature, the project manager's role, the link back",
  request: { params, body: { required: true, ...json(startBody) } },
  responses: { 201: { description: 'Started', ...json(startedSchema) }, ...writeErrorResponses },
});
const delivery = createRoute({
  method: 'get',
  path: '/api/initiatives/{initiativeId}/delivery',
  summary: "Progress, forecast finish and health of the initiative's project (null before the hand-off)",
  request: { params },
  responses: {
    200: { description: 'Delivery', ...json(z.object({ delivery: deliverySchema.nullable() })) },
    ...errorResponses,
  },
});
const check = createRoute({
  method: 'post',
  path: '/api/initiatives/{initiativeId}/scope-check',
  summary: 'Compare the initiative with its project now and raise change requests for new changes of scope',
  request: { params },
  responses: {
    200: { description: 'Raised', ...json(z.object({ raised: z.array(raisedSchema) })) },
    ...errorResponses,
  },
});

/** Registers the hand-off routes and starts watching plan writes for changes of scope. */
export function registerHandoffRoutes(app: App, deps: AppDeps): void {
  watchScopeChanges(deps);
  defineRoute(app, policy.signedIn, start, async (c) => {
    const started = await startProject(
      deps.db,
      callerId(c),
      c.req.valid('param').initiativeId,
      c.req.valid('json'),
    );
    return c.json(started, 201);
  });
  defineRoute(app, policy.signedIn, delivery, async (c) => {
    return c.json(
      { delivery: await deliveryOf(deps.db, callerId(c), c.req.valid('param').initiativeId) },
      200,
    );
  });
  defineRoute(app, policy.signedIn, check, async (c) => {
    return c.json(
      { raised: await scopeCheckOf(deps.db, callerId(c), c.req.valid('param').initiativeId) },
      200,
    );
  });
}
