import { createRoute, z } from '@hono/zod-openapi';
import { callerId } from '../../auth/caller';
import { policy } from '../../auth/policy';
import type { App, AppDeps } from '../../http/context';
import { listQuerySchema, pageSchema } from '../../http/pagination';
import { defineRoute } from '../../http/route-rule';
import { optionalBodyVersion, setVersionTag, versionedChanges } from '../../http/version';
import { uploadOf, uploadText } from '../imports/upload';
import {
  deleteBodySchema,
  errorResponses,
  idSchema,
  versionSchema,
  writeErrorResponses,
} from '../shared/api-schemas';
import { importFeedbackCsv } from './feedback-csv';
import { customerRequests, feedbackOfFeature, linkFeedback, unlinkFeedback } from './feedback-links';
import {
  emailSchema,
  feedbackBodySchema,
  feedbackSchema,
  feedbackStateSchema,
  feedbackTitleSchema,
  linkBodySchema,
  receivedAtSchema,
  sourceSchema,
} from './feedback-schemas';
import {
  createFeedback,
  deleteFeedback,
  getFeedback,
  listFeedback,
  updateFeedback,
} from './feedback-service';

const json = <T extends z.ZodType>(schema: T) => ({ content: { 'application/json': { schema } } });
const productParams = z.object({ productId: idSchema });
const feedbackParams = z.object({ feedbackId: idSchema });
const items = z.object({ items: z.array(feedbackSchema) });

const createBody = z.strictObject({
  title: feedbackTitleSchema,
  body: feedbackBodySchema.optional(),
  customerId: idSchema.nullable().optional(),
  source: sourceSchema.optional(),
  email: emailSchema.optional(),
  receivedAt: receivedAtSchema.optional(),
});
const updateBody = z.strictObject({
  title: feedbackTitleSchema.optional(),
  body: feedbackBodySchema.optional(),
  customerId: idSchema.nullable().optional(),
  source: sourceSchema.optional(),
  email: emailSchema.optional(),
  receivedAt: receivedAtSchema.optional(),
  state: feedbackStateSchema.optional(),
  version: versionSchema.optional(),
});
const listQuery = listQuerySchema.extend({
  state: z.enum(['new', 'triaged', 'archived', 'open', 'all']).optional(),
  customerId: idSchema.optional(),
  sort: listQuerySchema.shape.sort.openapi({
    description: 'receivedAt or title, "-" first for descending; -receivedAt by default',
  }),
});
const importResult = z.object({
  imported: z.number().int(),
  createdCustomers: z.array(z.string()),
  ignoredColumns: z.array(z.string()),
});

const list = createRoute({
  method: 'get',
  path: '/api/products/{productId}/feedback',
  summary: "A page of a product's feedback inbox, newest first (open = not archived, by default)",
  request: { params: productParams, query: listQuery },
  responses: {
    200: { description: 'A page of feedback', ...json(pageSchema(feedbackSchema)) },
    ...errorResponses,
  },
});
const create = createRoute({
  method: 'post',
  path: '/api/products/{productId}/feedback',
  summary: "Add a piece of feedback to a product's inbox (source 'api' unless given)",
  request: {
    params: productParams,
    query: z.object({ channel: z.enum(['ui', 'api']).optional() }),
    body: { required: true, ...json(createBody) },
  },
  responses: { 201: { description: 'Created', ...json(feedbackSchema) }, ...errorResponses },
});
const importCsv = createRoute({
  method: 'post',
  path: '/api/products/{productId}/feedback/import',
  summary:
    'Import feedback from CSV (columns title, body, customer, email, source, date), all or nothing; unknown customers are created',
  request: { params: productParams },
  responses: { 201: { description: 'Imported', ...json(importResult) }, ...errorResponses },
});
const get = createRoute({
  method: 'get',
  path: '/api/feedback/{feedbackId}',
  request: { params: feedbackParams },
  responses: { 200: { description: 'The feedback', ...json(feedbackSchema) }, ...errorResponses },
});
const update = createRoute({
  method: 'patch',
  path: '/api/feedback/{feedbackId}',
  summary: 'Change a piece of feedback: its text, customer, or state (archive it)',
  request: { params: feedbackParams, body: { required: true, ...json(updateBody) } },
  responses: { 200: { description: 'Updated', ...json(feedbackSchema) }, ...writeErrorResponses },
});
const remove = createRoute({
  method: 'delete',
  path: '/api/feedback/{feedbackId}',
  request: { params: feedbackParams, body: { required: false, ...json(deleteBodySchema) } },
  responses: { 204: { description: 'Deleted' }, ...writeErrorResponses },
});
const link = createRoute({
  method: 'post',
  path: '/api/feedback/{feedbackId}/links',
  summary:
    'Link a highlighted passage to a feature (existing, or new) with an importance; the feedback becomes triaged',
  request: { params: feedbackParams, body: { required: true, ...json(linkBodySchema) } },
  responses: { 201: { description: 'Linked', ...json(feedbackSchema) }, ...errorResponses },
});
const unlink = createRoute({
  method: 'delete',
  path: '/api/feedback-links/{linkId}',
  request: { params: z.object({ linkId: idSchema }) },
  responses: {
    200: { description: 'The feedback, without the link', ...json(feedbackSchema) },
    ...errorResponses,
  },
});
const ofFeature = createRoute({
  method: 'get',
  path: '/api/features/{featureId}/feedback',
  summary: 'The feedback that asked for a feature, with the linked passages and customers',
  request: { params: z.object({ featureId: idSchema }) },
  responses: { 200: { description: 'The feedback', ...json(items) }, ...errorResponses },
});
const ofCustomer = createRoute({
  method: 'get',
  path: '/api/customers/{customerId}/feedback',
  summary: 'What a customer asked for: their feedback and the features it is linked to',
  request: { params: z.object({ customerId: idSchema }) },
  responses: { 200: { description: 'The feedback', ...json(items) }, ...errorResponses },
});

/** The largest feedback CSV an import reads. */
const csvLimitBytes = 16 * 1024 * 1024;

/** Registers the feedback routes. */
export function registerFeedbackRoutes(app: App, deps: AppDeps): void {
  defineRoute(app, policy.signedIn, list, async (c) => {
    const page = await listFeedback(
      deps.db,
      callerId(c),
      c.req.valid('param').productId,
      c.req.valid('query'),
    );
    return c.json(page, 200);
  });
  defineRoute(app, policy.signedIn, create, async (c) => {
    const channel = c.req.valid('query').channel ?? 'api';
    const created = await createFeedback(
      deps.db,
      callerId(c),
      c.req.valid('param').productId,
      c.req.valid('json'),
      channel,
    );
    setVersionTag(c, created.version);
    return c.json(created, 201);
  });
  defineRoute(app, policy.signedIn, importCsv, async (c) => {
    const text = await uploadText(await uploadOf(c), csvLimitBytes);
    return c.json(await importFeedbackCsv(deps.db, callerId(c), c.req.valid('param').productId, text), 201);
  });
  defineRoute(app, policy.signedIn, get, async (c) => {
    const found = await getFeedback(deps.db, callerId(c), c.req.valid('param').feedbackId);
    setVersionTag(c, found.version);
    return c.json(found, 200);
  });
  defineRoute(app, policy.signedIn, update, async (c) => {
    const { expected, changes } = versionedChanges(c, c.req.valid('json'));
    const updated = await updateFeedback(
      deps.db,
      callerId(c),
      c.req.valid('param').feedbackId,
      expected,
      changes,
    );
    setVersionTag(c, updated.version);
    return c.json(updated, 200);
  });
  defineRoute(app, policy.signedIn, remove, async (c) => {
    const expected = optionalBodyVersion(c, c.req.valid('json'));
    await deleteFeedback(deps.db, callerId(c), c.req.valid('param').feedbackId, expected);
    return c.body(null, 204);
  });
  defineRoute(app, policy.signedIn, link, async (c) => {
    const linked = await linkFeedback(
      deps.db,
      callerId(c),
      c.req.valid('param').feedbackId,
      c.req.valid('json'),
    );
    setVersionTag(c, linked.version);
    return c.json(linked, 201);
  });
  defineRoute(app, policy.signedIn, unlink, async (c) => {
    return c.json(await unlinkFeedback(deps.db, callerId(c), c.req.valid('param').linkId), 200);
  });
  defineRoute(app, policy.signedIn, ofFeature, async (c) => {
    return c.json(
      { items: await feedbackOfFeature(deps.db, callerId(c), c.req.valid('param').featureId) },
      200,
    );
  });
  defineRoute(app, policy.signedIn, ofCustomer, async (c) => {
    return c.json(
      { items: await customerRequests(deps.db, callerId(c), c.req.valid('param').customerId) },
      200,
    );
  });
}
