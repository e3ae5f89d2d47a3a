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
  nameSchema,
  versionSchema,
  writeErrorResponses,
} from '../shared/api-schemas';
import {
  createCustomer,
  deleteCustomer,
  getCustomer,
  listCustomers,
  updateCustomer,
} from './customer-service';

const json = <T extends z.ZodType>(schema: T) => ({ content: { 'application/json': { schema } } });
const workspaceParams = z.object({ workspaceId: idSchema });
const customerParams = z.object({ customerId: idSchema });
const tierSchema = z.enum(['strategic', 'key', 'standard']);
const revenueSchema = z.number().int().min(0).max(Number.MAX_SAFE_INTEGER);
const segmentSchema = z.string().trim().max(100);

const customerShape = {
  id: z.string(),
  workspaceId: z.string(),
  name: z.string(),
  segment: z.string(),
  revenueCents: z.number().int(),
  tier: tierSchema,
  notes: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
  version: z.number().int(),
};
const customerSchema = z.object(customerShape).openapi('Customer');
const listItemSchema = z
  .object({ ...customerShape, feedbackCount: z.number().int(), featureCount: z.number().int() })
  .openapi('CustomerListItem');

const createBody = z.strictObject({
  name: nameSchema,
  segment: segmentSchema.optional(),
  revenueCents: revenueSchema.optional(),
  tier: tierSchema.optional(),
  notes: longTextSchema.optional(),
});
const updateBody = z.strictObject({
  name: nameSchema.optional(),
  segment: segmentSchema.optional(),
  revenueCents: revenueSchema.optional(),
  tier: tierSchema.optional(),
  notes: longTextSchema.optional(),
  version: versionSchema.optional(),
});

const list = createRoute({
  method: 'get',
  path: '/api/workspaces/{workspaceId}/customers',
  summary: "The workspace's customers by name, with how much feedback and how many features each asked for",
  request: { params: workspaceParams, query: z.object({ q: z.string().max(200).optional() }) },
  responses: {
    200: { description: 'The customers', ...json(z.object({ items: z.array(listItemSchema) })) },
    ...errorResponses,
  },
});
const create = createRoute({
  method: 'post',
  path: '/api/workspaces/{workspaceId}/customers',
  summary: 'Add a customer (names are unique in a workspace, whatever the case)',
  request: { params: workspaceParams, body: { required: true, ...json(createBody) } },
  responses: {
    201: { description: 'Created', ...json(customerSchema) },
    409: { description: 'The name is taken' },
    ...errorResponses,
  },
});
const get = createRoute({
  method: 'get',
  path: '/api/customers/{customerId}',
  request: { params: customerParams },
  responses: { 200: { description: 'The customer', ...json(customerSchema) }, ...errorResponses },
});
const update = createRoute({
  method: 'patch',
  path: '/api/customers/{customerId}',
  request: { params: customerParams, body: { required: true, ...json(updateBody) } },
  responses: { 200: { description: 'Updated', ...json(customerSchema) }, ...writeErrorResponses },
});
const remove = createRoute({
  method: 'delete',
  path: '/api/customers/{customerId}',
  summary: 'Delete a customer; their feedback stays, from no known customer',
  request: { params: customerParams, body: { required: false, ...json(deleteBodySchema) } },
  responses: { 204: { description: 'Deleted' }, ...writeErrorResponses },
});

/** Registers the customer routes. */
export function registerCustomerRoutes(app: App, deps: AppDeps): void {
  defineRoute(app, policy.workspaceMember, list, async (c) => {
    const items = await listCustomers(
      deps.db,
      callerId(c),
      c.req.valid('param').workspaceId,
      c.req.valid('query').q,
    );
    return c.json({ items }, 200);
  });
  defineRoute(app, policy.workspaceMember, create, async (c) => {
    const created = await createCustomer(
      deps.db,
      callerId(c),
      c.req.valid('param').workspaceId,
      c.req.valid('json'),
    );
    setVersionTag(c, created.version);
    return c.json(created, 201);
  });
  defineRoute(app, policy.signedIn, get, async (c) => {
    const found = await getCustomer(deps.db, callerId(c), c.req.valid('param').customerId);
    setVersionTag(c, found.version);
    return c.json(found, 200);
  });
  defineRoute(app, policy.signedIn, update, async (c) => {
    const { expected, changes } = versionedChanges(c, c.req.valid('json'));
    const updated = await updateCustomer(
      deps.db,
      callerId(c),
      c.req.valid('param').customerId,
      expected,
      changes,
    );
    setVersionTag(c, updated.version);
    return c.json(updated, 200);
  });
  defineRoute(app, policy.signedIn, remove, async (c) => {
    const expected = optionalBodyVersion(c, c.req.valid('json'));
    await deleteCustomer(deps.db, callerId(c), c.req.valid('param').customerId, expected);
    return c.body(null, 204);
  });
}
