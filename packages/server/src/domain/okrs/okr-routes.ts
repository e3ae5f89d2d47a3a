import { createRoute, z } from '@hono/zod-openapi';
import { callerId } from '../../auth/caller';
import { policy } from '../../auth/policy';
import type { App, AppDeps } from '../../http/context';
import { defineRoute } from '../../http/route-rule';
import { optionalBodyVersion, setVersionTag, versionedChanges } from '../../http/version';
import {
  deleteBodySchema,
  errorResponses,
  idSchema,
  longTextSchema,
  versionSchema,
  writeErrorResponses,
} from '../shared/api-schemas';
import { createKeyResult, deleteKeyResult, updateKeyResult } from './key-result-service';
import {
  createObjective,
  deleteObjective,
  getObjective,
  listObjectives,
  updateObjective,
} from './objective-service';

const json = <T extends z.ZodType>(schema: T) => ({ content: { 'application/json': { schema } } });
const productParams = z.object({ productId: idSchema });
const objectiveParams = z.object({ objectiveId: idSchema });
const keyResultParams = z.object({ keyResultId: idSchema });
const statusSchema = z.enum(['active', 'achieved', 'missed', 'cancelled']);
const directionSchema = z.enum(['increase', 'decrease']);
const titleSchema = z.string().trim().min(1).max(300);
const periodSchema = z.string().trim().max(40);
const valueSchema = z.number().finite();

const keyResultSchema = z
  .object({
    id: z.string(),
    objectiveId: z.string(),
    title: z.string(),
    unit: z.string(),
    startValue: z.number(),
    targetValue: z.number(),
    currentValue: z.number(),
    direction: directionSchema,
    progress: z.number(),
    updatedAt: z.string(),
    version: z.number().int(),
  })
  .openapi('KeyResult');
const objectiveSchema = z
  .object({
    id: z.string(),
    workspaceId: z.string(),
    productId: z.string(),
    parentId: z.string().nullable(),
    title: z.string(),
    description: z.string(),
    period: z.string(),
    ownerId: z.string().nullable(),
    status: statusSchema,
    progress: z.number().nullable(),
    keyResults: z.array(keyResultSchema),
    createdAt: z.string(),
    updatedAt: z.string(),
    version: z.number().int(),
  })
  .openapi('Objective');

const objectiveFields = {
  description: longTextSchema.optional(),
  period: periodSchema.optional(),
  ownerId: idSchema.nullable().optional(),
  status: statusSchema.optional(),
  parentId: idSchema.nullable().optional(),
};
const createObjectiveBody = z.strictObject({ title: titleSchema, ...objectiveFields });
const updateObjectiveBody = z.strictObject({
  title: titleSchema.optional(),
  ...objectiveFields,
  version: versionSchema.optional(),
});
const createKeyResultBody = z.strictObject({
  title: titleSchema,
  unit: z.string().trim().max(40).optional(),
  startValue: valueSchema,
  targetValue: valueSchema,
  currentValue: valueSchema.optional(),
  direction: directionSchema.optional(),
});
const updateKeyResultBody = z.strictObject({
  title: titleSchema.optional(),
  unit: z.string().trim().max(40).optional(),
  startValue: valueSchema.optional(),
  targetValue: valueSchema.optional(),
  currentValue: valueSchema.optional(),
  direction: directionSchema.optional(),
  version: versionSchema.optional(),
});

const listObjectivesRoute = createRoute({
  method: 'get',
  path: '/api/products/{productId}/objectives',
  summary: "A product's objectives with their key results and progress (mean of the key results)",
  request: { params: productParams, query: z.object({ period: periodSchema.optional() }) },
  responses: {
    200: { description: 'The objectives', ...json(z.object({ items: z.array(objectiveSchema) })) },
    ...errorResponses,
  },
});
const createObjectiveRoute = createRoute({
  method: 'post',
  path: '/api/products/{productId}/objectives',
  request: { params: productParams, body: { required: true, ...json(createObjectiveBody) } },
  responses: { 201: { description: 'Created', ...json(objectiveSchema) }, ...errorResponses },
});
const getObjectiveRoute = createRoute({
  method: 'get',
  path: '/api/objectives/{objectiveId}',
  request: { params: objectiveParams },
  responses: { 200: { description: 'The objective', ...json(objectiveSchema) }, ...errorResponses },
});
const updateObjectiveRoute = createRoute({
  method: 'patch',
  path: '/api/objectives/{objectiveId}',
  request: { params: objectiveParams, body: { required: true, ...json(updateObjectiveBody) } },
  responses: { 200: { description: 'Updated', ...json(objectiveSchema) }, ...writeErrorResponses },
});
const deleteObjectiveRoute = createRoute({
  method: 'delete',
  path: '/api/objectives/{objectiveId}',
  request: { params: objectiveParams, body: { required: false, ...json(deleteBodySchema) } },
  responses: { 204: { description: 'Deleted' }, ...writeErrorResponses },
});
const createKeyResultRoute = createRoute({
  method: 'post',
  path: '/api/objectives/{objectiveId}/key-results',
  summary: 'Add a key result: progress runs from startValue to targetValue, which must differ',
  request: { params: objectiveParams, body: { required: true, ...json(createKeyResultBody) } },
  responses: { 201: { description: 'Created', ...json(keyResultSchema) }, ...errorResponses },
});
const updateKeyResultRoute = createRoute({
  method: 'patch',
  path: '/api/key-results/{keyResultId}',
  request: { params: keyResultParams, body: { required: true, ...json(updateKeyResultBody) } },
  responses: { 200: { description: 'Updated', ...json(keyResultSchema) }, ...writeErrorResponses },
});
const deleteKeyResultRoute = createRoute({
  method: 'delete',
  path: '/api/key-results/{keyResultId}',
  request: { params: keyResultParams, body: { required: false, ...json(deleteBodySchema) } },
  responses: { 204: { description: 'Deleted' }, ...writeErrorResponses },
});

/** Registers the objective and key result routes. */
export function registerOkrRoutes(app: App, deps: AppDeps): void {
  defineRoute(app, policy.signedIn, listObjectivesRoute, async (c) => {
    const { productId } = c.req.valid('param');
    return c.json(
      { items: await listObjectives(deps.db, callerId(c), productId, c.req.valid('query').period) },
      200,
    );
  });
  defineRoute(app, policy.signedIn, createObjectiveRoute, async (c) => {
    const created = await createObjective(
      deps.db,
      callerId(c),
      c.req.valid('param').productId,
      c.req.valid('json'),
    );
    setVersionTag(c, created.version);
    return c.json(created, 201);
  });
  defineRoute(app, policy.signedIn, getObjectiveRoute, async (c) => {
    const found = await getObjective(deps.db, callerId(c), c.req.valid('param').objectiveId);
    setVersionTag(c, found.version);
    return c.json(found, 200);
  });
  defineRoute(app, policy.signedIn, updateObjectiveRoute, async (c) => {
    const { expected, changes } = versionedChanges(c, c.req.valid('json'));
    const updated = await updateObjective(
      deps.db,
      callerId(c),
      c.req.valid('param').objectiveId,
      expected,
      changes,
    );
    setVersionTag(c, updated.version);
    return c.json(updated, 200);
  });
  defineRoute(app, policy.signedIn, deleteObjectiveRoute, async (c) => {
    const expected = optionalBodyVersion(c, c.req.valid('json'));
    await deleteObjective(deps.db, callerId(c), c.req.valid('param').objectiveId, expected);
    return c.body(null, 204);
  });
  defineRoute(app, policy.signedIn, createKeyResultRoute, async (c) => {
    const created = await createKeyResult(
      deps.db,
      callerId(c),
      c.req.valid('param').objectiveId,
      c.req.valid('json'),
    );
    setVersionTag(c, created.version);
    return c.json(created, 201);
  });
  defineRoute(app, policy.signedIn, updateKeyResultRoute, async (c) => {
    const { expected, changes } = versionedChanges(c, c.req.valid('json'));
    const updated = await updateKeyResult(
      deps.db,
      callerId(c),
      c.req.valid('param').keyResultId,
      expected,
      changes,
    );
    setVersionTag(c, updated.version);
    return c.json(updated, 200);
  });
  defineRoute(app, policy.signedIn, deleteKeyResultRoute, async (c) => {
    const expected = optionalBodyVersion(c, c.req.valid('json'));
    await deleteKeyResult(deps.db, callerId(c), c.req.valid('param').keyResultId, expected);
    return c.body(null, 204);
  });
}
