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
  versionSchema,
  writeErrorResponses,
} from '../shared/api-schemas';
import { startWebhookRetries } from './webhook-retries';
import { deliverySchema, eventSchema } from './webhook-schemas';
import {
  createWebhook,
  deleteWebhook,
  listDeliveries,
  listWebhooks,
  pingWebhook,
  updateWebhook,
} from './webhook-service';

const webhookSchema = z
  .object({
    id: z.string(),
    workspaceId: z.string(),
    productId: z.string(),
    url: z.string(),
    events: z.array(eventSchema),
    active: z.boolean(),
    secret: z.string().optional().openapi({ description: 'Only in the reply that created the hook' }),
    createdAt: z.string(),
    updatedAt: z.string(),
    version: z.number().int(),
  })
  .openapi('Webhook');

const urlSchema = z
  .string()
  .trim()
  .max(2000)
  .refine((text) => {
    try {
      const url = new URL(text);
      return (
        (url.protocol === 'http:' || url.protocol === 'https:') && url.username === '' && url.password === ''
      );
    } catch {
      return false;
    }
  }, 'must be an http or https URL without credentials');
const secretSchema = z.string().min(16, 'must be at least 16 characters').max(200);
const eventsSchema = z.array(eventSchema).min(1, 'must name at least one event');

const createBody = z.strictObject({
  url: urlSchema,
  events: eventsSchema,
  secret: secretSchema.optional(),
  active: z.boolean().optional(),
});
const updateBody = z.strictObject({
  url: urlSchema.optional(),
  events: eventsSchema.optional(),
  secret: secretSchema.optional(),
  active: z.boolean().optional(),
  version: versionSchema.optional(),
});

const json = <T extends z.ZodType>(schema: T) => ({ content: { 'application/json': { schema } } });
const productParams = z.object({ productId: idSchema });
const hookParams = z.object({ webhookId: idSchema });
const hookPath = '/api/webhooks/{webhookId}';

const list = createRoute({
  method: 'get',
  path: '/api/products/{productId}/webhooks',
  summary: 'Webhooks of a product (its managers)',
  request: { params: productParams },
  responses: {
    200: { description: 'Webhooks', ...json(z.object({ items: z.array(webhookSchema) })) },
    ...errorResponses,
  },
});
const create = createRoute({
  method: 'post',
  path: '/api/products/{productId}/webhooks',
  summary:
    'Add a webhook; the reply shows its signing secret once. A URL whose host is or resolves to a loopback, private, link-local or other internal address is a 400 naming url, unless the server sets TANDEM_WEBHOOK_ALLOW_INTERNAL=true',
  request: { params: productParams, body: { required: true, ...json(createBody) } },
  responses: { 201: { description: 'Created', ...json(webhookSchema) }, ...writeErrorResponses },
});
const update = createRoute({
  method: 'patch',
  path: hookPath,
  summary: 'Change a webhook; a new URL is checked as on creation (400 naming url for an internal target)',
  request: { params: hookParams, body: { required: true, ...json(updateBody) } },
  responses: { 200: { description: 'Updated', ...json(webhookSchema) }, ...writeErrorResponses },
});
const remove = createRoute({
  method: 'delete',
  path: hookPath,
  request: { params: hookParams, body: { required: false, ...json(deleteBodySchema) } },
  responses: { 204: { description: 'Deleted' }, ...writeErrorResponses },
});
const deliveries = createRoute({
  method: 'get',
  path: `${hookPath}/deliveries`,
  summary:
    'The last 100 deliveries, newest first, each with its attempts, last error and next attempt (failed deliveries are retried with backoff)',
  request: { params: hookParams },
  responses: {
    200: { description: 'Deliveries', ...json(z.object({ items: z.array(deliverySchema) })) },
    ...errorResponses,
  },
});
const ping = createRoute({
  method: 'post',
  path: `${hookPath}/ping`,
  summary: 'Send a signed test event and record the attempt (a ping is not retried)',
  request: { params: hookParams },
  responses: { 200: { description: 'The attempt', ...json(deliverySchema) }, ...errorResponses },
});

/** Registers the product webhook routes. */
export function registerWebhookRoutes(app: App, deps: AppDeps): void {
  startWebhookRetries(deps);
  defineRoute(app, policy.signedIn, list, async (c) => {
    return c.json({ items: await listWebhooks(deps.db, callerId(c), c.req.valid('param').productId) }, 200);
  });
  defineRoute(app, policy.signedIn, create, async (c) => {
    const created = await createWebhook(
      deps.db,
      callerId(c),
      c.req.valid('param').productId,
      c.req.valid('json'),
    );
    setVersionTag(c, created.version);
    return c.json(created, 201);
  });
  defineRoute(app, policy.signedIn, update, async (c) => {
    const { expected, changes } = versionedChanges(c, c.req.valid('json'));
    const updated = await updateWebhook(
      deps.db,
      callerId(c),
      c.req.valid('param').webhookId,
      expected,
      changes,
    );
    setVersionTag(c, updated.version);
    return c.json(updated, 200);
  });
  defineRoute(app, policy.signedIn, remove, async (c) => {
    const expected = optionalBodyVersion(c, c.req.valid('json'));
    await deleteWebhook(deps.db, callerId(c), c.req.valid('param').webhookId, expected);
    return c.body(null, 204);
  });
  defineRoute(app, policy.signedIn, deliveries, async (c) => {
    return c.json({ items: await listDeliveries(deps.db, callerId(c), c.req.valid('param').webhookId) }, 200);
  });
  defineRoute(app, policy.signedIn, ping, async (c) => {
    return c.json(await pingWebhook(deps.db, callerId(c), c.req.valid('param').webhookId), 200);
  });
}
