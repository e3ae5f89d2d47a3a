import { createRoute, z } from '@hono/zod-openapi';
import { callerId } from '../../auth/caller';
import { policy } from '../../auth/policy';
import type { App, AppDeps } from '../../http/context';
import { defineRoute } from '../../http/route-rule';
import { optionalBodyVersion, versionedChanges, versionedReply } from '../../http/version';
import {
  errorResponses,
  errorSchema,
  idSchema,
  longTextSchema,
  nameSchema,
  versionSchema,
  writeErrorResponses,
} from '../shared/api-schemas';
import {
  createDeliverable,
  deleteDeliverable,
  listDeliverables,
  moveDeliverable,
  updateDeliverable,
} from './deliverable-service';

const json = <T extends z.ZodType>(schema: T) => ({ content: { 'application/json': { schema } } });
const projectParams = z.object({ projectId: idSchema });
const deliverableParams = z.object({ deliverableId: idSchema });
const states = z.enum(['pending', 'submitted', 'accepted', 'rejected']);

const deliverableSchema = z
  .object({
    id: z.string(),
    projectId: z.string(),
    title: z.string(),
    description: z.string(),
    acceptanceCriteria: z.string(),
    criteria: z.object({ done: z.number().int(), total: z.number().int() }),
    milestoneTaskId: z.string().nullable(),
    milestoneName: z.string().nullable(),
    milestoneDate: z.string().nullable(),
    late: z.boolean(),
    state: states,
    decidedBy: z.string().nullable(),
    decidedByName: z.string().nullable(),
    decidedAt: z.string().nullable(),
    decisionComment: z.string(),
    submittedAt: z.string().nullable(),
    createdAt: z.string(),
    updatedAt: z.string(),
    version: z.number().int(),
  })
  .openapi('Deliverable');

const fields = {
  title: nameSchema,
  description: longTextSchema.optional(),
  acceptanceCriteria: longTextSchema.optional(),
  milestoneTaskId: idSchema.nullable().optional(),
};
const createBody = z.strictObject(fields);
const updateBody = z.strictObject({
  ...fields,
  title: nameSchema.optional(),
  version: versionSchema.optional(),
});
const moveBody = z.strictObject({ comment: longTextSchema.default(''), version: versionSchema.optional() });
const refused = {
  409: { description: 'Not allowed from its state, or a closed project or template', ...json(errorSchema) },
  422: { description: 'The milestone is not a milestone of this project', ...json(errorSchema) },
};

const list = createRoute({
  method: 'get',
  path: '/api/projects/{projectId}/deliverables',
  summary: 'Deliverables of a project with their milestone dates; late ones are flagged',
  request: { params: projectParams },
  responses: {
    200: { description: 'The deliverables', ...json(z.object({ items: z.array(deliverableSchema) })) },
    ...errorResponses,
  },
});
const create = createRoute({
  method: 'post',
  path: '/api/projects/{projectId}/deliverables',
  request: { params: projectParams, body: { required: true, ...json(createBody) } },
  responses: { 201: { description: 'Created', ...json(deliverableSchema) }, ...errorResponses, ...refused },
});
const update = createRoute({
  method: 'patch',
  path: '/api/deliverables/{deliverableId}',
  request: { params: deliverableParams, body: { required: true, ...json(updateBody) } },
  responses: {
    200: { description: 'Updated', ...json(deliverableSchema) },
    ...writeErrorResponses,
    ...refused,
  },
});
const remove = createRoute({
  method: 'delete',
  path: '/api/deliverables/{deliverableId}',
  request: {
    params: deliverableParams,
    body: { required: false, ...json(z.strictObject({ version: versionSchema.optional() })) },
  },
  responses: { 204: { description: 'Deleted' }, ...writeErrorResponses },
});
const move = (action: 'submit' | 'accept' | 'reject', summary: string) =>
  createRoute({
    method: 'post',
    path: `/api/deliverables/{deliverableId}/${action}`,
    summary,
    request: { params: deliverableParams, body: { required: false, ...json(moveBody) } },
    responses: {
      200: { description: 'Moved', ...json(deliverableSchema) },
      ...writeErrorResponses,
      ...refused,
    },
  });
const actions = [
  ['submit', 'submitted', 'Submit a deliverable for acceptance'],
  ['accept', 'accepted', 'Accept a submitted deliverable (project manager or sponsor), with a comment'],
  ['reject', 'rejected', 'Reject a submitted deliverable (project manager or sponsor), saying why'],
] as const;

/** Registers the deliverable routes. */
export function registerDeliverableRoutes(app: App, deps: AppDeps): void {
  defineRoute(app, policy.signedIn, list, async (c) => {
    const items = await listDeliverables(deps.db, callerId(c), c.req.valid('param').projectId);
    return c.json({ items }, 200);
  });
  defineRoute(app, policy.signedIn, create, async (c) => {
    const { projectId } = c.req.valid('param');
    return versionedReply(
      c,
      await createDeliverable(deps.db, callerId(c), projectId, c.req.valid('json')),
      201,
    );
  });
  defineRoute(app, policy.signedIn, update, async (c) => {
    const { expected, changes } = versionedChanges(c, c.req.valid('json'));
    const { deliverableId } = c.req.valid('param');
    return versionedReply(
      c,
      await updateDeliverable(deps.db, callerId(c), deliverableId, expected, changes),
      200,
    );
  });
  defineRoute(app, policy.signedIn, remove, async (c) => {
    const expected = optionalBodyVersion(c, c.req.valid('json'));
    await deleteDeliverable(deps.db, callerId(c), c.req.valid('param').deliverableId, expected);
    return c.body(null, 204);
  });
  for (const [action, state, summary] of actions) {
    defineRoute(app, policy.signedIn, move(action, summary), async (c) => {
      const body = c.req.valid('json');
      const expected = optionalBodyVersion(c, body);
      const { deliverableId } = c.req.valid('param');
      const comment = body?.comment ?? '';
      return versionedReply(
        c,
        await moveDeliverable(deps.db, callerId(c), deliverableId, expected, state, comment),
        200,
      );
    });
  }
}
