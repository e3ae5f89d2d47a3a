import { createRoute, z } from '@hono/zod-openapi';
import { callerId } from '../../auth/caller';
import { policy } from '../../auth/policy';
import type { App, AppDeps } from '../../http/context';
import { defineRoute } from '../../http/route-rule';
import { optionalBodyVersion, setVersionTag, versionedChanges } from '../../http/version';
import {
  dateSchema,
  deleteBodySchema,
  errorResponses,
  idSchema,
  longTextSchema,
  versionSchema,
  writeErrorResponses,
} from '../shared/api-schemas';
import {
  createKpi,
  deleteKpi,
  deleteMeasurement,
  getKpi,
  listKpis,
  recordMeasurement,
  updateKpi,
} from './kpi-service';

const json = <T extends z.ZodType>(schema: T) => ({ content: { 'application/json': { schema } } });
const productParams = z.object({ productId: idSchema });
const kpiParams = z.object({ kpiId: idSchema });
const directionSchema = z.enum(['up', 'down']);
const nameSchema = z.string().trim().min(1).max(200);
const featureIdsSchema = z.array(idSchema).max(500);
const numberSchema = z.number().finite();

const measurementSchema = z.object({ at: z.string(), value: z.number() }).openapi('KpiMeasurement');
const kpiSchema = z
  .object({
    id: z.string(),
    workspaceId: z.string(),
    productId: z.string(),
    name: z.string(),
    definition: z.string(),
    unit: z.string(),
    target: z.number().nullable(),
    direction: directionSchema,
    objectiveId: z.string().nullable(),
    featureIds: z.array(z.string()),
    measurements: z.array(measurementSchema),
    reading: z.object({
      latest: measurementSchema.nullable(),
      status: z.enum(['on_target', 'near_target', 'off_target', 'no_target', 'no_data']),
      trend: z.enum(['improving', 'worsening', 'flat', 'unknown']),
      gap: z.number().nullable(),
    }),
    updatedAt: z.string(),
    version: z.number().int(),
  })
  .openapi('Kpi');

const fields = {
  definition: longTextSchema.optional(),
  unit: z.string().trim().max(40).optional(),
  target: numberSchema.nullable().optional(),
  direction: directionSchema.optional(),
  objectiveId: idSchema.nullable().optional(),
  featureIds: featureIdsSchema.optional(),
};
const createBody = z.strictObject({ name: nameSchema, ...fields });
const updateBody = z.strictObject({
  name: nameSchema.optional(),
  ...fields,
  version: versionSchema.optional(),
});
const measurementBody = z.strictObject({ at: dateSchema, value: numberSchema });

const list = createRoute({
  method: 'get',
  path: '/api/products/{productId}/kpis',
  summary: "A product's KPIs with their measurements over time and where each stands against its target",
  request: { params: productParams },
  responses: {
    200: { description: 'The KPIs', ...json(z.object({ items: z.array(kpiSchema) })) },
    ...errorResponses,
  },
});
const create = createRoute({
  method: 'post',
  path: '/api/products/{productId}/kpis',
  request: { params: productParams, body: { required: true, ...json(createBody) } },
  responses: { 201: { description: 'Created', ...json(kpiSchema) }, ...errorResponses },
});
const get = createRoute({
  method: 'get',
  path: '/api/kpis/{kpiId}',
  request: { params: kpiParams },
  responses: { 200: { description: 'The KPI', ...json(kpiSchema) }, ...errorResponses },
});
const update = createRoute({
  method: 'patch',
  path: '/api/kpis/{kpiId}',
  summary: 'Change a KPI; featureIds replaces its linked features',
  request: { params: kpiParams, body: { required: true, ...json(updateBody) } },
  responses: { 200: { description: 'Updated', ...json(kpiSchema) }, ...writeErrorResponses },
});
const remove = createRoute({
  method: 'delete',
  path: '/api/kpis/{kpiId}',
  request: { params: kpiParams, body: { required: false, ...json(deleteBodySchema) } },
  responses: { 204: { description: 'Deleted' }, ...writeErrorResponses },
});
const measure = createRoute({
  method: 'post',
  path: '/api/kpis/{kpiId}/measurements',
  summary: "Record the KPI's value on a day (replaces that day's value)",
  request: { params: kpiParams, body: { required: true, ...json(measurementBody) } },
  responses: { 201: { description: 'Recorded; the KPI', ...json(kpiSchema) }, ...errorResponses },
});
const unmeasure = createRoute({
  method: 'delete',
  path: '/api/kpis/{kpiId}/measurements/{at}',
  request: { params: z.object({ kpiId: idSchema, at: dateSchema }) },
  responses: { 200: { description: 'Removed; the KPI', ...json(kpiSchema) }, ...errorResponses },
});

/** Registers the KPI routes. */
export function registerKpiRoutes(app: App, deps: AppDeps): void {
  defineRoute(app, policy.signedIn, list, async (c) => {
    return c.json({ items: await listKpis(deps.db, callerId(c), c.req.valid('param').productId) }, 200);
  });
  defineRoute(app, policy.signedIn, create, async (c) => {
    const created = await createKpi(
      deps.db,
      callerId(c),
      c.req.valid('param').productId,
      c.req.valid('json'),
    );
    setVersionTag(c, created.version);
    return c.json(created, 201);
  });
  defineRoute(app, policy.signedIn, get, async (c) => {
    const found = await getKpi(deps.db, callerId(c), c.req.valid('param').kpiId);
    setVersionTag(c, found.version);
    return c.json(found, 200);
  });
  defineRoute(app, policy.signedIn, update, async (c) => {
    const { expected, changes } = versionedChanges(c, c.req.valid('json'));
    const updated = await updateKpi(deps.db, callerId(c), c.req.valid('param').kpiId, expected, changes);
    setVersionTag(c, updated.version);
    return c.json(updated, 200);
  });
  defineRoute(app, policy.signedIn, remove, async (c) => {
    const expected = optionalBodyVersion(c, c.req.valid('json'));
    await deleteKpi(deps.db, callerId(c), c.req.valid('param').kpiId, expected);
    return c.body(null, 204);
  });
  defineRoute(app, policy.signedIn, measure, async (c) => {
    const kpi = await recordMeasurement(
      deps.db,
      callerId(c),
      c.req.valid('param').kpiId,
      c.req.valid('json'),
    );
    setVersionTag(c, kpi.version);
    return c.json(kpi, 201);
  });
  defineRoute(app, policy.signedIn, unmeasure, async (c) => {
    const { kpiId, at } = c.req.valid('param');
    return c.json(await deleteMeasurement(deps.db, callerId(c), kpiId, at), 200);
  });
}
