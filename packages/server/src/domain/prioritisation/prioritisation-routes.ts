import { createRoute, z } from '@hono/zod-openapi';
import { and, eq, isNotNull } from 'drizzle-orm';
import { callerId } from '../../auth/caller';
import { policy } from '../../auth/policy';
import { features } from '../../db/schema/features';
import { featureScores } from '../../db/schema/prioritisation';
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
import { rankedBacklog } from './backlog-service';
import { productScope } from './product-scope';
import { valueEffortOf } from './score-inputs';
import { getFeatureScores, pinFeature, putFeatureScores } from './score-service';
import { createCriterion, deleteCriterion, listCriteria, updateCriterion } from './scorecard-service';

const json = <T extends z.ZodType>(schema: T) => ({ content: { 'application/json': { schema } } });
const productParams = z.object({ productId: idSchema });
const featureParams = z.object({ featureId: idSchema });
const criterionParams = z.object({ criterionId: idSchema });

// Ranges are core's to check (one rule, one message naming e.g. `rice.confidence`); the schema only asks for numbers.
const riceInput = z.strictObject({
  reach: z.number(),
  impact: z.number(),
  confidence: z.number(),
  effort: z.number(),
});
const wsjfInput = z.strictObject({
  businessValue: z.number(),
  timeCriticality: z.number(),
  riskReduction: z.number(),
  jobSize: z.number(),
});
const valueEffortInput = z.strictObject({ value: z.number(), effort: z.number() });
const scorecardInput = z.record(z.string().max(100), z.number());

const scoreView = (input: z.ZodType) =>
  z.object({ input, score: z.number().nullable(), formula: z.string(), explanation: z.string() });
const scoresSchema = z
  .object({
    featureId: z.string(),
    productId: z.string(),
    rice: scoreView(riceInput).nullable(),
    wsjf: scoreView(wsjfInput).nullable(),
    valueEffort: scoreView(valueEffortInput).extend({ quadrant: z.string() }).nullable(),
    scorecard: scoreView(scorecardInput).nullable(),
    pinnedPosition: z.number().nullable(),
    version: z.number().int(),
  })
  .openapi('FeatureScores');

const criterionSchema = z
  .object({
    id: z.string(),
    productId: z.string(),
    name: z.string(),
    weight: z.number(),
    scaleMax: z.number().int(),
    direction: z.enum(['benefit', 'cost']),
    position: z.number().int(),
    version: z.number().int(),
  })
  .openapi('ScorecardCriterion');
const criterionFields = {
  name: nameSchema,
  weight: z.number(),
  scaleMax: z.number().int().min(1).max(100).optional(),
  direction: z.enum(['benefit', 'cost']).optional(),
  position: z.number().int().min(0).max(10_000).optional(),
};

const rankBy = z.enum(['rice', 'wsjf', 'value_effort', 'scorecard', 'demand']);
const backlogItem = z
  .object({
    position: z.number().int(),
    reason: z.enum(['pinned', 'score', 'unscored']),
    featureId: z.string(),
    title: z.string(),
    status: z.string(),
    initiativeId: z.string().nullable(),
    initiativeTitle: z.string().nullable(),
    score: z.number().nullable(),
    explanation: z.string(),
    pinnedPosition: z.number().nullable(),
    scores: z.object({
      rice: z.number().nullable(),
      wsjf: z.number().nullable(),
      valueEffort: z.number().nullable(),
      scorecard: z.number().nullable(),
      demand: z.number(),
    }),
    valueEffort: z.object({ value: z.number(), effort: z.number(), quadrant: z.string() }).nullable(),
    demand: z.object({ customers: z.number(), feedback: z.number(), revenueCents: z.number() }),
    scoreVersion: z.number().int(),
  })
  .openapi('BacklogItem');

const backlog = createRoute({
  method: 'get',
  path: '/api/products/{productId}/backlog',
  summary:
    "The product's features ranked by a score (pins by hand win), each with its scores and the chosen score explained",
  request: {
    params: productParams,
    query: z.object({
      by: rankBy.default('rice'),
      status: z.string().max(500).optional().openapi({ description: 'Comma-separated feature statuses' }),
      initiativeId: idSchema.optional().openapi({ description: 'An initiative id, or `none`' }),
      q: z.string().max(200).optional(),
      limit: z.coerce.number().int().min(1).max(500).default(100),
      offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
      cursor: z.string().max(1000).optional().openapi({ description: "The previous page's nextCursor" }),
    }),
  },
  responses: {
    200: {
      description: 'A page of the ranked backlog',
      ...json(
        z.object({
          by: rankBy,
          total: z.number().int(),
          items: z.array(backlogItem),
          nextCursor: z.string().nullable(),
        }),
      ),
    },
    ...errorResponses,
  },
});

const valueEffortChart = createRoute({
  method: 'get',
  path: '/api/products/{productId}/value-effort',
  summary: 'Every feature rated on value and effort, with its quadrant of the 2×2',
  request: { params: productParams },
  responses: {
    200: {
      description: 'The points of the chart',
      ...json(
        z.object({
          items: z.array(
            z.object({
              featureId: z.string(),
              title: z.string(),
              value: z.number(),
              effort: z.number(),
              quadrant: z.string(),
            }),
          ),
        }),
      ),
    },
    ...errorResponses,
  },
});

const getScores = createRoute({
  method: 'get',
  path: '/api/features/{featureId}/scores',
  summary: "A feature's RICE, WSJF, value/effort and scorecard scores, each explained",
  request: { params: featureParams },
  responses: { 200: { description: 'The scores', ...json(scoresSchema) }, ...errorResponses },
});

const putScores = createRoute({
  method: 'put',
  path: '/api/features/{featureId}/scores',
  summary: "Sets a feature's score inputs (absent keeps, null clears); version 0 before the first score",
  request: {
    params: featureParams,
    body: {
      required: true,
      ...json(
        z.strictObject({
          rice: riceInput.nullable().optional(),
          wsjf: wsjfInput.nullable().optional(),
          valueEffort: valueEffortInput.nullable().optional(),
          scorecard: scorecardInput.nullable().optional(),
          version: z.number().int().min(0).optional(),
        }),
      ),
    },
  },
  responses: { 200: { description: 'The new scores', ...json(scoresSchema) }, ...writeErrorResponses },
});

const pin = createRoute({
  method: 'put',
  path: '/api/features/{featureId}/rank',
  summary: 'Pins a feature at a position of the ranked backlog, or unpins it with null',
  request: {
    params: featureParams,
    body: {
      required: true,
      ...json(
        z.strictObject({
          pinnedPosition: z.number().nullable(),
          version: z.number().int().min(0).optional(),
        }),
      ),
    },
  },
  responses: { 200: { description: 'The new scores', ...json(scoresSchema) }, ...writeErrorResponses },
});

const listCriteriaRoute = createRoute({
  method: 'get',
  path: '/api/products/{productId}/scorecard-criteria',
  summary: "The criteria of the product's weighted scorecard",
  request: { params: productParams },
  responses: {
    200: { description: 'The criteria', ...json(z.object({ items: z.array(criterionSchema) })) },
    ...errorResponses,
  },
});

const createCriterionRoute = createRoute({
  method: 'post',
  path: '/api/products/{productId}/scorecard-criteria',
  summary: 'Adds a weighted criterion (rated 0 to scaleMax) to the scorecard',
  request: { params: productParams, body: { required: true, ...json(z.strictObject(criterionFields)) } },
  responses: { 201: { description: 'Added', ...json(criterionSchema) }, ...errorResponses },
});

const updateCriterionRoute = createRoute({
  method: 'patch',
  path: '/api/scorecard-criteria/{criterionId}',
  request: {
    params: criterionParams,
    body: {
      required: true,
      ...json(
        z.strictObject({
          name: nameSchema.optional(),
          weight: z.number().optional(),
          scaleMax: criterionFields.scaleMax,
          direction: criterionFields.direction,
          position: criterionFields.position,
          version: versionSchema.optional(),
        }),
      ),
    },
  },
  responses: { 200: { description: 'Changed', ...json(criterionSchema) }, ...writeErrorResponses },
});

const deleteCriterionRoute = createRoute({
  method: 'delete',
  path: '/api/scorecard-criteria/{criterionId}',
  request: { params: criterionParams, body: { required: false, ...json(deleteBodySchema) } },
  responses: { 204: { description: 'Deleted' }, ...writeErrorResponses },
});

/** Registers the prioritisation routes: scores, pins, the scorecard criteria, the ranked backlog and the 2×2. */
export function registerPrioritisationRoutes(app: App, deps: AppDeps): void {
  defineRoute(app, policy.signedIn, backlog, async (c) => {
    const { by, status, initiativeId, q, limit, offset, cursor } = c.req.valid('query');
    const statuses = status
      ?.split(',')
      .map((part) => part.trim())
      .filter(Boolean);
    const page = await rankedBacklog(
      deps.db,
      callerId(c),
      c.req.valid('param').productId,
      by,
      { statuses, initiativeId, q },
      { limit, offset, cursor },
    );
    return c.json(page, 200);
  });
  defineRoute(app, policy.signedIn, valueEffortChart, async (c) => {
    const { productId } = c.req.valid('param');
    await productScope(deps.db, callerId(c), productId);
    const rows = await deps.db
      .select({ featureId: features.id, title: features.title, valueEffort: featureScores.valueEffort })
      .from(featureScores)
      .innerJoin(features, eq(features.id, featureScores.featureId))
      .where(and(eq(featureScores.productId, productId), isNotNull(featureScores.valueEffort)))
      .orderBy(features.id);
    const items = rows.flatMap((row) => {
      if (!row.valueEffort) return [];
      const scored = valueEffortOf(row.valueEffort);
      return [{ featureId: row.featureId, title: row.title, ...row.valueEffort, quadrant: scored.quadrant }];
    });
    return c.json({ items }, 200);
  });
  defineRoute(app, policy.signedIn, getScores, async (c) => {
    const scores = await getFeatureScores(deps.db, callerId(c), c.req.valid('param').featureId);
    setVersionTag(c, scores.version);
    return c.json(scores, 200);
  });
  defineRoute(app, policy.signedIn, putScores, async (c) => {
    const { expected, changes } = versionedChanges(c, c.req.valid('json'));
    const scores = await putFeatureScores(
      deps.db,
      callerId(c),
      c.req.valid('param').featureId,
      expected,
      changes,
    );
    setVersionTag(c, scores.version);
    return c.json(scores, 200);
  });
  defineRoute(app, policy.signedIn, pin, async (c) => {
    const { expected, changes } = versionedChanges(c, c.req.valid('json'));
    const scores = await pinFeature(
      deps.db,
      callerId(c),
      c.req.valid('param').featureId,
      expected,
      changes.pinnedPosition,
    );
    setVersionTag(c, scores.version);
    return c.json(scores, 200);
  });
  defineRoute(app, policy.signedIn, listCriteriaRoute, async (c) => {
    return c.json({ items: await listCriteria(deps.db, callerId(c), c.req.valid('param').productId) }, 200);
  });
  defineRoute(app, policy.signedIn, createCriterionRoute, async (c) => {
    const criterion = await createCriterion(
      deps.db,
      callerId(c),
      c.req.valid('param').productId,
      c.req.valid('json'),
    );
    setVersionTag(c, criterion.version);
    return c.json(criterion, 201);
  });
  defineRoute(app, policy.signedIn, updateCriterionRoute, async (c) => {
    const { expected, changes } = versionedChanges(c, c.req.valid('json'));
    const criterion = await updateCriterion(
      deps.db,
      callerId(c),
      c.req.valid('param').criterionId,
      expected,
      changes,
    );
    setVersionTag(c, criterion.version);
    return c.json(criterion, 200);
  });
  defineRoute(app, policy.signedIn, deleteCriterionRoute, async (c) => {
    await deleteCriterion(
      deps.db,
      callerId(c),
      c.req.valid('param').criterionId,
      optionalBodyVersion(c, c.req.valid('json')),
    );
    return c.body(null, 204);
  });
}
