import { createRoute, z } from '@hono/zod-openapi';
import { callerId } from '../../auth/caller';
import { policy } from '../../auth/policy';
import type { App, AppDeps } from '../../http/context';
import { defineRoute } from '../../http/route-rule';
import { setVersionTag, versionedChanges } from '../../http/version';
import {
  errorResponses,
  idSchema,
  longTextSchema,
  versionSchema,
  writeErrorResponses,
} from '../shared/api-schemas';
import { getStrategy, updateStrategy } from './strategy-service';

const json = <T extends z.ZodType>(schema: T) => ({ content: { 'application/json': { schema } } });
const params = z.object({ productId: idSchema });
const short = z.string().trim().max(200);
const medium = z.string().max(4000);

const personaSchema = z
  .strictObject({ name: short.min(1), description: medium.default(''), needs: medium.default('') })
  .openapi('Persona');
const competitorSchema = z
  .strictObject({
    name: short.min(1),
    strengths: medium.default(''),
    weaknesses: medium.default(''),
    url: z.union([z.literal(''), z.url({ protocol: /^https?$/ }).max(2000)]).default(''),
  })
  .openapi('Competitor');

const strategySchema = z
  .object({
    productId: z.string(),
    name: z.string(),
    vision: z.string(),
    strategy: z.string(),
    targetMarket: z.string(),
    personas: z.array(personaSchema),
    competitors: z.array(competitorSchema),
    researchNotes: z.string(),
    updatedAt: z.string(),
    version: z.number().int(),
  })
  .openapi('ProductStrategy');

const updateBody = z.strictObject({
  vision: longTextSchema.optional(),
  strategy: longTextSchema.optional(),
  targetMarket: longTextSchema.optional(),
  personas: z.array(personaSchema).max(50).optional(),
  competitors: z.array(competitorSchema).max(50).optional(),
  researchNotes: longTextSchema.optional(),
  version: versionSchema.optional(),
});

const get = createRoute({
  method: 'get',
  path: '/api/products/{productId}/strategy',
  summary: "A product's vision, strategy narrative, target market, personas, competitors and research notes",
  request: { params },
  responses: { 200: { description: 'The strategy', ...json(strategySchema) }, ...errorResponses },
});
const update = createRoute({
  method: 'patch',
  path: '/api/products/{productId}/strategy',
  summary: "Change a product's strategy at the product's version (lists are replaced whole)",
  request: { params, body: { required: true, ...json(updateBody) } },
  responses: { 200: { description: 'Updated', ...json(strategySchema) }, ...writeErrorResponses },
});

/** Registers the product strategy routes. */
export function registerStrategyRoutes(app: App, deps: AppDeps): void {
  defineRoute(app, policy.signedIn, get, async (c) => {
    const found = await getStrategy(deps.db, callerId(c), c.req.valid('param').productId);
    setVersionTag(c, found.version);
    return c.json(found, 200);
  });
  defineRoute(app, policy.signedIn, update, async (c) => {
    const { expected, changes } = versionedChanges(c, c.req.valid('json'));
    const updated = await updateStrategy(
      deps.db,
      callerId(c),
      c.req.valid('param').productId,
      expected,
      changes,
    );
    setVersionTag(c, updated.version);
    return c.json(updated, 200);
  });
}
