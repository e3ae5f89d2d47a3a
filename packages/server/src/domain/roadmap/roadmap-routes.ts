import { createRoute, z } from '@hono/zod-openapi';
import { callerId } from '../../auth/caller';
import { policy } from '../../auth/policy';
import type { App, AppDeps } from '../../http/context';
import { defineRawRoute, defineRoute } from '../../http/route-rule';
import { deliverySchema } from '../handoff/delivery-schema';
import { productScope } from '../prioritisation/product-scope';
import { dateSchema, errorResponses, idSchema } from '../shared/api-schemas';
import { notFound } from '../shared/errors';
import { registerSharedRenderer } from '../sharing/shared-renderers';
import { roadmapPdf } from './roadmap-pdf';
import { buildRoadmap } from './roadmap-service';

const json = <T extends z.ZodType>(schema: T) => ({ content: { 'application/json': { schema } } });

const roadmapInitiative = z.object({
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
  status: z.string(),
  projectId: z.string().nullable(),
  projectName: z.string().nullable().openapi({
    description: 'Null without a delivering project, and when the reader may not see it (so is projectId)',
  }),
  featureCount: z.number().int(),
  releasedCount: z.number().int(),
  progress: z.number(),
  forecastFinish: z.string().nullable(),
  horizon: z.enum(['now', 'next', 'later']).nullable(),
  delivery: deliverySchema.nullable(),
  version: z.number().int(),
});
const roadmapSchema = z
  .object({
    product: z.object({ id: z.string(), name: z.string() }),
    asOf: z.string(),
    objectives: z.array(z.object({ id: z.string(), title: z.string(), period: z.string() })),
    initiatives: z.array(roadmapInitiative),
    releases: z.array(
      z.object({
        id: z.string(),
        versionName: z.string(),
        name: z.string(),
        targetDate: z.string().nullable(),
        status: z.string(),
        features: z.array(
          z.object({
            featureId: z.string(),
            title: z.string(),
            status: z.string(),
            initiativeId: z.string().nullable(),
          }),
        ),
      }),
    ),
  })
  .openapi('Roadmap');

const read = createRoute({
  method: 'get',
  path: '/api/products/{productId}/roadmap',
  summary:
    'The roadmap: initiatives with planned dates, the delivering project’s forecast finish, progress and now/next/later column; objectives; releases with their features',
  request: { params: z.object({ productId: idSchema }), query: z.object({ asOf: dateSchema.optional() }) },
  responses: { 200: { description: 'The roadmap', ...json(roadmapSchema) }, ...errorResponses },
});

const lanes = z.enum(['objective', 'theme', 'team']);

/** Registers the roadmap routes and the read-only rendering of a `roadmap` share link (its id is the product's). */
export function registerRoadmapRoutes(app: App, deps: AppDeps): void {
  defineRoute(app, policy.signedIn, read, async (c) => {
    const { productId } = c.req.valid('param');
    await productScope(deps.db, callerId(c), productId);
    const view = await buildRoadmap(deps.db, productId, { userId: callerId(c) }, c.req.valid('query').asOf);
    if (!view) throw notFound('Product', productId);
    return c.json(view, 200);
  });
  defineRawRoute(app, policy.signedIn, 'get', '/api/products/:productId/roadmap.pdf', async (c) => {
    const productId = c.req.param('productId') ?? '';
    await productScope(deps.db, callerId(c), productId);
    const view = await buildRoadmap(deps.db, productId, { userId: callerId(c) });
    if (!view) throw notFound('Product', productId);
    const grouping = lanes.safeParse(c.req.query('lanes') ?? 'objective');
    const pdf = await roadmapPdf(view, grouping.success ? grouping.data : 'objective');
    c.header('Content-Type', 'application/pdf');
    c.header('Content-Disposition', 'attachment; filename="roadmap.pdf"');
    return c.body(pdf as Uint8Array<ArrayBuffer>, 200);
  });
  // A share link's readers are outside the workspace: they see the forecasts but no project's name or id.
  registerSharedRenderer('roadmap', (db, ref) => buildRoadmap(db, ref.entityId, 'stakeholders'), {
    pdf: async (db, ref) => {
      const view = await buildRoadmap(db, ref.entityId, 'stakeholders');
      return view ? roadmapPdf(view) : null;
    },
  });
}
