import { createRoute, z } from '@hono/zod-openapi';
import { callerId } from '../../auth/caller';
import { policy } from '../../auth/policy';
import type { App, AppDeps } from '../../http/context';
import { defineRoute } from '../../http/route-rule';
import { optionalBodyVersion, setVersionTag, versionedChanges } from '../../http/version';
import { deliverySchema } from '../handoff/delivery-schema';
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
import {
  addInitiativeFeature,
  createInitiative,
  deleteInitiative,
  getInitiative,
  listInitiativeFeatures,
  listInitiatives,
  removeInitiativeFeature,
  updateInitiative,
} from './initiative-service';
import { initiativeStatuses } from './initiative-view';

const json = <T extends z.ZodType>(schema: T) => ({ content: { 'application/json': { schema } } });
const productParams = z.object({ productId: idSchema });
const initiativeParams = z.object({ initiativeId: idSchema });
const shortText = z.string().trim().max(100);

const initiativeSchema = z
  .object({
    id: z.string(),
    productId: z.string(),
    parentId: z.string().nullable(),
    objectiveId: z.string().nullable(),
    title: z.string(),
    description: z.string(),
    theme: z.string(),
    team: z.string(),
    plannedStart: z.string().nullable(),
    plannedFinish: z.string().nullable(),
    status: z.enum(initiativeStatuses),
    projectId: z.string().nullable().openapi({
      description:
        'The delivering project; null before the hand-off and when the caller may not see the project',
    }),
    delivery: deliverySchema.nullable().openapi({
      description:
        "The delivering project's live progress, forecast finish and health; null before the hand-off",
    }),
    createdBy: z.string().nullable(),
    createdAt: z.string(),
    updatedAt: z.string(),
    version: z.number().int(),
  })
  .openapi('Initiative');
const featureSchema = z.object({ featureId: z.string(), title: z.string(), status: z.string() });

const fields = {
  title: nameSchema,
  description: longTextSchema.optional(),
  theme: shortText.optional(),
  team: shortText.optional(),
  parentId: idSchema.nullable().optional(),
  objectiveId: idSchema.nullable().optional(),
  plannedStart: dateSchema.nullable().optional(),
  plannedFinish: dateSchema.nullable().optional(),
  status: z.enum(initiativeStatuses).optional(),
  projectId: idSchema.nullable().optional(),
};

const list = createRoute({
  method: 'get',
  path: '/api/products/{productId}/initiatives',
  summary: 'The initiatives of a product, earliest planned first',
  request: { params: productParams },
  responses: {
    200: { description: 'The initiatives', ...json(z.object({ items: z.array(initiativeSchema) })) },
    ...errorResponses,
  },
});
const create = createRoute({
  method: 'post',
  path: '/api/products/{productId}/initiatives',
  request: { params: productParams, body: { required: true, ...json(z.strictObject(fields)) } },
  responses: { 201: { description: 'Created', ...json(initiativeSchema) }, ...errorResponses },
});
const get = createRoute({
  method: 'get',
  path: '/api/initiatives/{initiativeId}',
  request: { params: initiativeParams },
  responses: { 200: { description: 'The initiative', ...json(initiativeSchema) }, ...errorResponses },
});
const update = createRoute({
  method: 'patch',
  path: '/api/initiatives/{initiativeId}',
  summary: 'Changes an initiative; nesting it in itself is a 422 naming parentId',
  request: {
    params: initiativeParams,
    body: {
      required: true,
      ...json(z.strictObject({ ...fields, title: nameSchema.optional(), version: versionSchema.optional() })),
    },
  },
  responses: {
    200: { description: 'Changed', ...json(initiativeSchema) },
    ...writeErrorResponses,
    422: { description: 'The nesting would make a cycle', ...json(z.object({ error: z.object({}) })) },
  },
});
const remove = createRoute({
  method: 'delete',
  path: '/api/initiatives/{initiativeId}',
  summary: 'Deletes an initiative; its children move up to its parent',
  request: { params: initiativeParams, body: { required: false, ...json(deleteBodySchema) } },
  responses: { 204: { description: 'Deleted' }, ...writeErrorResponses },
});
const listFeatures = createRoute({
  method: 'get',
  path: '/api/initiatives/{initiativeId}/features',
  request: { params: initiativeParams },
  responses: {
    200: { description: 'Its features', ...json(z.object({ items: z.array(featureSchema) })) },
    ...errorResponses,
  },
});
const addFeature = createRoute({
  method: 'post',
  path: '/api/initiatives/{initiativeId}/features',
  summary: 'Puts a feature in the initiative (out of any other it was in)',
  request: {
    params: initiativeParams,
    body: { required: true, ...json(z.strictObject({ featureId: idSchema })) },
  },
  responses: { 201: { description: 'Added', ...json(featureSchema) }, ...errorResponses },
});
const removeFeature = createRoute({
  method: 'delete',
  path: '/api/initiatives/{initiativeId}/features/{featureId}',
  request: { params: z.object({ initiativeId: idSchema, featureId: idSchema }) },
  responses: { 204: { description: 'Removed' }, ...errorResponses },
});

/** Registers the initiative routes. */
export function registerInitiativeRoutes(app: App, deps: AppDeps): void {
  defineRoute(app, policy.signedIn, list, async (c) => {
    return c.json(
      { items: await listInitiatives(deps.db, callerId(c), c.req.valid('param').productId) },
      200,
    );
  });
  defineRoute(app, policy.signedIn, create, async (c) => {
    const initiative = await createInitiative(
      deps.db,
      callerId(c),
      c.req.valid('param').productId,
      c.req.valid('json'),
    );
    setVersionTag(c, initiative.version);
    return c.json(initiative, 201);
  });
  defineRoute(app, policy.signedIn, get, async (c) => {
    const initiative = await getInitiative(deps.db, callerId(c), c.req.valid('param').initiativeId);
    setVersionTag(c, initiative.version);
    return c.json(initiative, 200);
  });
  defineRoute(app, policy.signedIn, update, async (c) => {
    const { expected, changes } = versionedChanges(c, c.req.valid('json'));
    const initiative = await updateInitiative(
      deps.db,
      callerId(c),
      c.req.valid('param').initiativeId,
      expected,
      changes,
    );
    setVersionTag(c, initiative.version);
    return c.json(initiative, 200);
  });
  defineRoute(app, policy.signedIn, remove, async (c) => {
    await deleteInitiative(
      deps.db,
      callerId(c),
      c.req.valid('param').initiativeId,
      optionalBodyVersion(c, c.req.valid('json')),
    );
    return c.body(null, 204);
  });
  defineRoute(app, policy.signedIn, listFeatures, async (c) => {
    const items = await listInitiativeFeatures(deps.db, callerId(c), c.req.valid('param').initiativeId);
    return c.json({ items }, 200);
  });
  defineRoute(app, policy.signedIn, addFeature, async (c) => {
    const added = await addInitiativeFeature(
      deps.db,
      callerId(c),
      c.req.valid('param').initiativeId,
      c.req.valid('json').featureId,
    );
    return c.json(added, 201);
  });
  defineRoute(app, policy.signedIn, removeFeature, async (c) => {
    const { initiativeId, featureId } = c.req.valid('param');
    await removeInitiativeFeature(deps.db, callerId(c), initiativeId, featureId);
    return c.body(null, 204);
  });
}
