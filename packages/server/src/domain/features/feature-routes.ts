import { createRoute, z } from '@hono/zod-openapi';
import { callerId } from '../../auth/caller';
import { policy } from '../../auth/policy';
import type { App, AppDeps } from '../../http/context';
import { listQuerySchema, pageSchema } from '../../http/pagination';
import { defineRoute } from '../../http/route-rule';
import { optionalBodyVersion, setVersionTag, versionedChanges } from '../../http/version';
import {
  deleteBodySchema,
  errorResponses,
  idSchema,
  versionSchema,
  writeErrorResponses,
} from '../shared/api-schemas';
import {
  customFieldsSchema,
  featureIdsFilterSchema,
  featureSchema,
  featureStatusSchema,
  featureTitleSchema,
  rankSchema,
  specSchema,
} from './feature-schemas';
import { createFeature, deleteFeature, getFeature, listFeatures, updateFeature } from './feature-service';

const json = <T extends z.ZodType>(schema: T) => ({ content: { 'application/json': { schema } } });
const productParams = z.object({ productId: idSchema });
const featureParams = z.object({ featureId: idSchema });

const createBody = z.strictObject({
  title: featureTitleSchema,
  spec: specSchema.optional(),
  status: featureStatusSchema.optional(),
  customFields: customFieldsSchema.optional(),
  rank: rankSchema.optional(),
});
const updateBody = z.strictObject({
  title: featureTitleSchema.optional(),
  spec: specSchema.optional(),
  status: featureStatusSchema.optional(),
  customFields: customFieldsSchema.optional(),
  rank: rankSchema.optional(),
  version: versionSchema.optional(),
});
const listQuery = listQuerySchema.pick({ limit: true, cursor: true, q: true }).extend({
  status: featureStatusSchema.optional(),
  ids: featureIdsFilterSchema.optional(),
  sort: z
    .enum(['rank', 'demand', 'title', 'createdAt'])
    .optional()
    .openapi({ description: 'rank (default), demand (most first), title, createdAt (newest first)' }),
});

const list = createRoute({
  method: 'get',
  path: '/api/products/{productId}/features',
  summary:
    "A page of a product's ideas and features with their demand, in rank order (or by demand, title, newest); `q` searches titles, `ids` picks given features",
  request: { params: productParams, query: listQuery },
  responses: {
    200: { description: 'A page of features', ...json(pageSchema(featureSchema)) },
    ...errorResponses,
  },
});
const create = createRoute({
  method: 'post',
  path: '/api/products/{productId}/features',
  summary: 'Add an idea or feature to a product',
  request: { params: productParams, body: { required: true, ...json(createBody) } },
  responses: { 201: { description: 'Created', ...json(featureSchema) }, ...errorResponses },
});
const get = createRoute({
  method: 'get',
  path: '/api/features/{featureId}',
  request: { params: featureParams },
  responses: { 200: { description: 'The feature', ...json(featureSchema) }, ...errorResponses },
});
const update = createRoute({
  method: 'patch',
  path: '/api/features/{featureId}',
  summary: "Change a feature's title, spec, status, custom fields or rank",
  request: { params: featureParams, body: { required: true, ...json(updateBody) } },
  responses: { 200: { description: 'Updated', ...json(featureSchema) }, ...writeErrorResponses },
});
const remove = createRoute({
  method: 'delete',
  path: '/api/features/{featureId}',
  request: { params: featureParams, body: { required: false, ...json(deleteBodySchema) } },
  responses: { 204: { description: 'Deleted' }, ...writeErrorResponses },
});

/** Registers the feature routes. */
export function registerFeatureRoutes(app: App, deps: AppDeps): void {
  defineRoute(app, policy.signedIn, list, async (c) => {
    const { ids, ...query } = c.req.valid('query');
    const page = await listFeatures(deps.db, callerId(c), c.req.valid('param').productId, {
      ...query,
      ids: ids?.split(','),
    });
    return c.json(page, 200);
  });
  defineRoute(app, policy.signedIn, create, async (c) => {
    const created = await createFeature(
      deps.db,
      callerId(c),
      c.req.valid('param').productId,
      c.req.valid('json'),
    );
    setVersionTag(c, created.version);
    return c.json(created, 201);
  });
  defineRoute(app, policy.signedIn, get, async (c) => {
    const found = await getFeature(deps.db, callerId(c), c.req.valid('param').featureId);
    setVersionTag(c, found.version);
    return c.json(found, 200);
  });
  defineRoute(app, policy.signedIn, update, async (c) => {
    const { expected, changes } = versionedChanges(c, c.req.valid('json'));
    const updated = await updateFeature(
      deps.db,
      callerId(c),
      c.req.valid('param').featureId,
      expected,
      changes,
    );
    setVersionTag(c, updated.version);
    return c.json(updated, 200);
  });
  defineRoute(app, policy.signedIn, remove, async (c) => {
    const expected = optionalBodyVersion(c, c.req.valid('json'));
    await deleteFeature(deps.db, callerId(c), c.req.valid('param').featureId, expected);
    return c.body(null, 204);
  });
}
