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
import { deliverySchema } from '../webhooks/webhook-schemas';
import { announceRelease, changeRelease } from './release-announce';
import { customersCsv, customersToTell } from './release-customers';
import { createRelease, deleteRelease, draftNotesOf, getRelease, listReleases } from './release-service';

const statusSchema = z.enum(['planned', 'in_progress', 'released', 'cancelled']);

/** Semver-like: `1`, `1.4`, `1.4.0`, `2026.11`, `v2.0.0-beta.1`. */
const versionNameSchema = z
  .string()
  .trim()
  .max(50)
  .regex(
    /^v?\d+(\.\d+){0,3}([-+][0-9A-Za-z.-]+)?$/,
    'must look like a version number, e.g. 1.4.0 or 2026.11',
  );

const releaseSchema = z
  .object({
    id: z.string(),
    workspaceId: z.string(),
    productId: z.string(),
    versionName: z.string(),
    name: z.string(),
    targetDate: z.string().nullable(),
    status: statusSchema,
    notes: z.string(),
    releasedAt: z.string().nullable(),
    features: z.array(z.object({ id: z.string(), title: z.string(), status: z.string() })),
    forecast: z.object({
      forecastDate: z.string().nullable(),
      late: z.boolean(),
      slipDays: z.number().int().nullable(),
      linkedTasks: z.array(
        z.object({
          taskId: z.string(),
          projectId: z.string(),
          projectName: z.string(),
          featureId: z.string(),
          name: z.string(),
          finish: z.string(),
          percentComplete: z.number(),
        }),
      ),
      hiddenTaskCount: z.number().int().openapi({
        description:
          'Linked tasks in projects the caller may not see: counted in the forecast, not listed (their names stay hidden)',
      }),
    }),
    createdAt: z.string(),
    updatedAt: z.string(),
    version: z.number().int(),
  })
  .openapi('Release');

const customerSchema = z
  .object({
    customerId: z.string().nullable(),
    name: z.string(),
    segment: z.string(),
    tier: z.string(),
    revenueCents: z.number().int(),
    emails: z.array(z.string()),
    features: z.array(z.string()),
    feedbackCount: z.number().int(),
  })
  .openapi('ReleaseCustomer');

const fields = {
  name: z.string().trim().max(200).optional(),
  targetDate: dateSchema.nullable().optional(),
  status: statusSchema.optional(),
  notes: longTextSchema.optional(),
  featureIds: z.array(idSchema).max(500).optional(),
};
const createBody = z.strictObject({ versionName: versionNameSchema, ...fields });
const updateBody = z.strictObject({
  versionName: versionNameSchema.optional(),
  ...fields,
  version: versionSchema.optional(),
});

const json = <T extends z.ZodType>(schema: T) => ({ content: { 'application/json': { schema } } });
const productParams = z.object({ productId: idSchema });
const releaseParams = z.object({ releaseId: idSchema });
const releasePath = '/api/releases/{releaseId}';

const list = createRoute({
  method: 'get',
  path: '/api/products/{productId}/releases',
  summary: 'Releases of a product with their forecast from the linked project work',
  request: { params: productParams },
  responses: {
    200: { description: 'Releases', ...json(z.object({ items: z.array(releaseSchema) })) },
    ...errorResponses,
  },
});
const create = createRoute({
  method: 'post',
  path: '/api/products/{productId}/releases',
  summary: 'Create a release; its version name is unique in the product (409)',
  request: { params: productParams, body: { required: true, ...json(createBody) } },
  responses: { 201: { description: 'Created', ...json(releaseSchema) }, ...writeErrorResponses },
});
const get = createRoute({
  method: 'get',
  path: releasePath,
  request: { params: releaseParams },
  responses: { 200: { description: 'The release', ...json(releaseSchema) }, ...errorResponses },
});
const update = createRoute({
  method: 'patch',
  path: releasePath,
  summary: 'Change a release; status `released` stamps the day, releases its features and tells the webhooks',
  request: { params: releaseParams, body: { required: true, ...json(updateBody) } },
  responses: { 200: { description: 'Updated', ...json(releaseSchema) }, ...writeErrorResponses },
});
const remove = createRoute({
  method: 'delete',
  path: releasePath,
  request: { params: releaseParams, body: { required: false, ...json(deleteBodySchema) } },
  responses: { 204: { description: 'Deleted' }, ...writeErrorResponses },
});
const draft = createRoute({
  method: 'get',
  path: `${releasePath}/notes-draft`,
  summary: 'Release notes drafted in Markdown from the release features (not saved)',
  request: { params: releaseParams },
  responses: {
    200: { description: 'The draft', ...json(z.object({ notes: z.string() })) },
    ...errorResponses,
  },
});
const customers = createRoute({
  method: 'get',
  path: `${releasePath}/customers`,
  summary: 'Customers whose feedback is linked to the release features',
  request: { params: releaseParams },
  responses: {
    200: { description: 'Customers to tell', ...json(z.object({ items: z.array(customerSchema) })) },
    ...errorResponses,
  },
});
const customersExport = createRoute({
  method: 'get',
  path: `${releasePath}/customers.csv`,
  summary: 'The customers to tell as CSV',
  request: { params: releaseParams },
  responses: {
    200: { description: 'CSV', content: { 'text/csv': { schema: z.string() } } },
    ...errorResponses,
  },
});
const announce = createRoute({
  method: 'post',
  path: `${releasePath}/announce`,
  summary: 'Send the release, its notes and customers to the product webhooks (`release.announced`)',
  request: { params: releaseParams },
  responses: {
    200: { description: 'Delivery attempts', ...json(z.object({ deliveries: z.array(deliverySchema) })) },
    ...errorResponses,
  },
});

/** Registers the release routes. */
export function registerReleaseRoutes(app: App, deps: AppDeps): void {
  defineRoute(app, policy.signedIn, list, async (c) => {
    const items = await listReleases(deps.db, callerId(c), c.req.valid('param').productId);
    return c.json({ items }, 200);
  });
  defineRoute(app, policy.signedIn, create, async (c) => {
    const created = await createRelease(
      deps.db,
      callerId(c),
      c.req.valid('param').productId,
      c.req.valid('json'),
    );
    setVersionTag(c, created.version);
    return c.json(created, 201);
  });
  defineRoute(app, policy.signedIn, get, async (c) => {
    const found = await getRelease(deps.db, callerId(c), c.req.valid('param').releaseId);
    setVersionTag(c, found.version);
    return c.json(found, 200);
  });
  defineRoute(app, policy.signedIn, update, async (c) => {
    const { expected, changes } = versionedChanges(c, c.req.valid('json'));
    const updated = await changeRelease(
      deps.db,
      callerId(c),
      c.req.valid('param').releaseId,
      expected,
      changes,
    );
    setVersionTag(c, updated.version);
    return c.json(updated, 200);
  });
  defineRoute(app, policy.signedIn, remove, async (c) => {
    const expected = optionalBodyVersion(c, c.req.valid('json'));
    await deleteRelease(deps.db, callerId(c), c.req.valid('param').releaseId, expected);
    return c.body(null, 204);
  });
  defineRoute(app, policy.signedIn, draft, async (c) => {
    return c.json(await draftNotesOf(deps.db, callerId(c), c.req.valid('param').releaseId), 200);
  });
  defineRoute(app, policy.signedIn, customers, async (c) => {
    return c.json(
      { items: await customersToTell(deps.db, callerId(c), c.req.valid('param').releaseId) },
      200,
    );
  });
  defineRoute(app, policy.signedIn, customersExport, async (c) => {
    const { releaseId } = c.req.valid('param');
    const csv = customersCsv(await customersToTell(deps.db, callerId(c), releaseId));
    c.header('Content-Disposition', `attachment; filename="release-${releaseId}-customers.csv"`);
    return c.body(csv, 200, { 'Content-Type': 'text/csv; charset=utf-8' });
  });
  defineRoute(app, policy.signedIn, announce, async (c) => {
    const deliveries = await announceRelease(deps.db, callerId(c), c.req.valid('param').releaseId);
    return c.json({ deliveries }, 200);
  });
}
