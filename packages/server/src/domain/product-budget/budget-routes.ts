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
  nameSchema,
  versionSchema,
  writeErrorResponses,
} from '../shared/api-schemas';
import { createBudgetLine, deleteBudgetLine, productBudget, updateBudgetLine } from './budget-service';

const categorySchema = z.enum(['labour', 'materials', 'marketing', 'other']);
// Ten billion in major units is a budget no product has; a larger number is a typo.
const amountSchema = z.number().int().min(0).max(1_000_000_000_000);

const lineSchema = z
  .object({
    id: z.string(),
    productId: z.string(),
    initiativeId: z.string().nullable(),
    category: categorySchema,
    name: z.string(),
    amountCents: z.number().int(),
    createdAt: z.string(),
    updatedAt: z.string(),
    version: z.number().int(),
  })
  .openapi('ProductBudgetLine');
const budgetSchema = z
  .object({
    productId: z.string(),
    lines: z.array(lineSchema),
    initiatives: z.array(
      z.object({
        initiativeId: z.string(),
        title: z.string(),
        projectId: z.string().nullable(),
        projectName: z.string().nullable(),
        budgetCents: z.number().int(),
        actualCents: z.number().int(),
        varianceCents: z.number().int(),
      }),
    ),
    totals: z.object({
      budgetCents: z.number().int(),
      productLevelCents: z.number().int(),
      actualCents: z.number().int(),
      varianceCents: z.number().int(),
    }),
  })
  .openapi('ProductBudget');

const createBody = z.strictObject({
  name: nameSchema,
  category: categorySchema,
  amountCents: amountSchema,
  initiativeId: idSchema.nullable().optional(),
});
const updateBody = z.strictObject({
  name: nameSchema.optional(),
  category: categorySchema.optional(),
  amountCents: amountSchema.optional(),
  initiativeId: idSchema.nullable().optional(),
  version: versionSchema.optional(),
});

const json = <T extends z.ZodType>(schema: T) => ({ content: { 'application/json': { schema } } });
const productParams = z.object({ productId: idSchema });
const lineParams = z.object({ lineId: idSchema });

const get = createRoute({
  method: 'get',
  path: '/api/products/{productId}/budget',
  summary: "A product's budget lines and, per initiative, budget against its project's actual cost",
  request: { params: productParams },
  responses: { 200: { description: 'The budget', ...json(budgetSchema) }, ...errorResponses },
});
const create = createRoute({
  method: 'post',
  path: '/api/products/{productId}/budget-lines',
  request: { params: productParams, body: { required: true, ...json(createBody) } },
  responses: { 201: { description: 'Created', ...json(lineSchema) }, ...writeErrorResponses },
});
const update = createRoute({
  method: 'patch',
  path: '/api/product-budget-lines/{lineId}',
  request: { params: lineParams, body: { required: true, ...json(updateBody) } },
  responses: { 200: { description: 'Updated', ...json(lineSchema) }, ...writeErrorResponses },
});
const remove = createRoute({
  method: 'delete',
  path: '/api/product-budget-lines/{lineId}',
  request: { params: lineParams, body: { required: false, ...json(deleteBodySchema) } },
  responses: { 204: { description: 'Deleted' }, ...writeErrorResponses },
});

/** Registers the product budget routes. */
export function registerProductBudgetRoutes(app: App, deps: AppDeps): void {
  defineRoute(app, policy.signedIn, get, async (c) => {
    return c.json(await productBudget(deps.db, callerId(c), c.req.valid('param').productId), 200);
  });
  defineRoute(app, policy.signedIn, create, async (c) => {
    const created = await createBudgetLine(
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
    const updated = await updateBudgetLine(
      deps.db,
      callerId(c),
      c.req.valid('param').lineId,
      expected,
      changes,
    );
    setVersionTag(c, updated.version);
    return c.json(updated, 200);
  });
  defineRoute(app, policy.signedIn, remove, async (c) => {
    const expected = optionalBodyVersion(c, c.req.valid('json'));
    await deleteBudgetLine(deps.db, callerId(c), c.req.valid('param').lineId, expected);
    return c.body(null, 204);
  });
}
