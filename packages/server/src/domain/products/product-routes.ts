import { createRoute, z } from '@hono/zod-openapi';
import { callerId } from '../../auth/caller';
import { policy } from '../../auth/policy';
import type { App, AppDeps } from '../../http/context';
import { pageSchema } from '../../http/pagination';
import { defineRoute } from '../../http/route-rule';
import { expectedVersion, setVersionTag } from '../../http/version';
import {
  deleteBodySchema,
  errorResponses,
  idSchema,
  listQuery,
  longTextSchema,
  nameSchema,
  versionSchema,
  writeErrorResponses,
} from '../shared/api-schemas';
import { createProduct, deleteProduct, getProduct, listProducts, updateProduct } from './product-service';

const productSchema = z
  .object({
    id: z.string(),
    workspaceId: z.string(),
    name: z.string(),
    vision: z.string(),
    description: z.string(),
    createdBy: z.string().nullable(),
    createdAt: z.string(),
    updatedAt: z.string(),
    version: z.number().int(),
  })
  .openapi('Product');

const createBody = z.strictObject({
  name: nameSchema,
  vision: longTextSchema.optional(),
  description: longTextSchema.optional(),
});

const updateBody = z.strictObject({
  name: nameSchema.optional(),
  vision: longTextSchema.optional(),
  description: longTextSchema.optional(),
  version: versionSchema.optional(),
});

const json = <T extends z.ZodType>(schema: T) => ({ content: { 'application/json': { schema } } });
const workspaceParams = z.object({ workspaceId: idSchema });
const productParams = z.object({ productId: idSchema });

const list = createRoute({
  method: 'get',
  path: '/api/workspaces/{workspaceId}/products',
  summary: 'Products of a workspace the caller may see',
  request: { params: workspaceParams, query: listQuery },
  responses: {
    200: { description: 'A page of products', ...json(pageSchema(productSchema)) },
    ...errorResponses,
  },
});

const create = createRoute({
  method: 'post',
  path: '/api/workspaces/{workspaceId}/products',
  summary: 'Create a product; the creator becomes its product manager',
  request: { params: workspaceParams, body: { required: true, ...json(createBody) } },
  responses: { 201: { description: 'Created', ...json(productSchema) }, ...errorResponses },
});

const get = createRoute({
  method: 'get',
  path: '/api/products/{productId}',
  request: { params: productParams },
  responses: { 200: { description: 'The product', ...json(productSchema) }, ...errorResponses },
});

const update = createRoute({
  method: 'patch',
  path: '/api/products/{productId}',
  request: { params: productParams, body: { required: true, ...json(updateBody) } },
  responses: { 200: { description: 'Updated', ...json(productSchema) }, ...writeErrorResponses },
});

const remove = createRoute({
  method: 'delete',
  path: '/api/products/{productId}',
  request: { params: productParams, body: { required: false, ...json(deleteBodySchema) } },
  responses: { 204: { description: 'Deleted' }, ...writeErrorResponses },
});

/** Registers the product routes. */
export function registerProductRoutes(app: App, deps: AppDeps): void {
  defineRoute(app, policy.workspaceMember, list, async (c) => {
    const { workspaceId } = c.req.valid('param');
    return c.json(
      await listProducts(deps.db, callerId(c), workspaceId, c.req.valid('query'), c.get('workspaceRole')),
      200,
    );
  });
  defineRoute(app, policy.workspaceMember, create, async (c) => {
    const product = await createProduct(
      deps.db,
      callerId(c),
      c.req.valid('param').workspaceId,
      c.req.valid('json'),
    );
    setVersionTag(c, product.version);
    return c.json(product, 201);
  });
  defineRoute(app, policy.signedIn, get, async (c) => {
    const product = await getProduct(deps.db, callerId(c), c.req.valid('param').productId);
    setVersionTag(c, product.version);
    return c.json(product, 200);
  });
  defineRoute(app, policy.signedIn, update, async (c) => {
    const { version, ...changes } = c.req.valid('json');
    const expected = expectedVersion(c, version);
    const product = await updateProduct(
      deps.db,
      callerId(c),
      c.req.valid('param').productId,
      expected,
      changes,
    );
    setVersionTag(c, product.version);
    return c.json(product, 200);
  });
  defineRoute(app, policy.signedIn, remove, async (c) => {
    const body = (c.req.valid('json') as z.infer<typeof deleteBodySchema> | undefined) ?? {};
    const expected = expectedVersion(c, body.version);
    await deleteProduct(deps.db, callerId(c), c.req.valid('param').productId, expected);
    return c.body(null, 204);
  });
}
