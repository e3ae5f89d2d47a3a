import { createRoute, z } from '@hono/zod-openapi';
import { callerId } from '../../auth/caller';
import { policy } from '../../auth/policy';
import type { App, AppDeps } from '../../http/context';
import { defineRoute } from '../../http/route-rule';
import { optionalBodyVersion, versionedChanges, versionedReply } from '../../http/version';
import { errorResponses, errorSchema, idSchema, writeErrorResponses } from '../shared/api-schemas';
import {
  actionBody,
  applyBody,
  changeEditSchema,
  createChangeBody,
  decisionBody,
  proposalSchema,
  updateChangeBody,
} from './change-schemas';
import {
  applyChangeRequest,
  changeRequestImpact,
  createChangeRequest,
  decideChangeRequest,
  deleteChangeRequest,
  getChangeRequest,
  listChangeRequests,
  previewImpact,
  submitChangeRequest,
  updateChangeRequest,
} from './change-service';
import { projectScope } from './scope-service';

const json = <T extends z.ZodType>(schema: T) => ({ content: { 'application/json': { schema } } });
const projectParams = z.object({ projectId: idSchema });
const changeParams = z.object({ changeRequestId: idSchema });

const shift = {
  before: z.string().nullable(),
  after: z.string().nullable(),
  deltaMinutes: z.number().nullable(),
};
const amount = z.object({ before: z.number(), after: z.number(), delta: z.number() });
const scopeItem = z.object({
  taskId: z.string(),
  name: z.string(),
  durationBefore: z.number().nullable(),
  durationAfter: z.number().nullable(),
});
const pathTask = z.object({ taskId: z.string(), name: z.string() });
const impactSchema = z
  .object({
    finish: z.object(shift),
    milestones: z.array(z.object({ taskId: z.string(), name: z.string(), ...shift })),
    cost: amount,
    work: amount,
    costBasis: z.enum(['cost', 'work']),
    scope: z.object({ added: z.array(scopeItem), removed: z.array(scopeItem), changed: z.array(scopeItem) }),
    criticalPath: z.object({
      before: z.array(pathTask),
      after: z.array(pathTask),
      joined: z.array(pathTask),
      left: z.array(pathTask),
      counts: z.object({ before: z.number(), after: z.number(), joined: z.number(), left: z.number() }),
    }),
  })
  .openapi('ChangeImpact');
const approvalSchema = z.object({
  role: z.enum(['project_manager', 'sponsor']),
  userId: z.string().nullable(),
  userName: z.string().nullable(),
  decision: z.enum(['approved', 'rejected']),
  comment: z.string(),
  at: z.string(),
});
const changeShape = {
  id: z.string(),
  projectId: z.string(),
  number: z.number().int(),
  code: z.string(),
  title: z.string(),
  description: z.string(),
  reason: z.string(),
  requestedBy: z.string().nullable(),
  requestedByName: z.string().nullable(),
  status: z.enum(['draft', 'submitted', 'approved', 'rejected', 'applied']),
  origin: z.enum(['manual', 'scope_change']),
  proposal: z.array(changeEditSchema),
  impact: impactSchema.nullable(),
  impactRevision: z.number().int().nullable(),
  approvals: z.array(approvalSchema),
  decidedAt: z.string().nullable(),
  appliedAt: z.string().nullable(),
  appliedBy: z.string().nullable(),
  createdBy: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  version: z.number().int(),
};
const changeSchema = z.object(changeShape).openapi('ChangeRequest');
const changeDetailSchema = z
  .object({ ...changeShape, canDecideAs: z.array(z.enum(['project_manager', 'sponsor'])) })
  .openapi('ChangeRequestDetail');
const impactReply = z.object({ impact: impactSchema, revision: z.number().int() });
const refused = {
  409: { description: 'Wrong status, already decided, closed project or template', ...json(errorSchema) },
  422: {
    description: 'The proposal does not fit the plan (names the edit) or makes a cycle',
    ...json(errorSchema),
  },
};
const sizeShape = { packages: z.number(), durationMinutes: z.number(), workMinutes: z.number() };
const amounts = z.object({ durationMinutes: z.number(), workMinutes: z.number() }).nullable();
const scopeSchema = z
  .object({
    baseline: z
      .object({ id: z.string(), name: z.string(), createdAt: z.string(), taskCount: z.number() })
      .passthrough()
      .nullable(),
    comparison: z
      .object({
        differences: z.array(
          z.object({
            taskId: z.string(),
            name: z.string(),
            kind: z.enum(['added', 'removed', 'changed']),
            baseline: amounts,
            current: amounts,
          }),
        ),
        unchanged: z.number(),
        totals: z.object({ baseline: z.object(sizeShape), current: z.object(sizeShape) }),
      })
      .nullable(),
    resets: z.array(
      z.object({
        id: z.string(),
        baselineId: z.string(),
        changeRequestId: z.string().nullable(),
        reason: z.string(),
        by: z.string().nullable(),
        byName: z.string().nullable(),
        at: z.string(),
      }),
    ),
  })
  .openapi('ProjectScope');

const list = createRoute({
  method: 'get',
  path: '/api/projects/{projectId}/change-requests',
  summary: 'Change requests of a project, newest first',
  request: { params: projectParams },
  responses: {
    200: { description: 'The change requests', ...json(z.object({ items: z.array(changeSchema) })) },
    ...errorResponses,
  },
});
const create = createRoute({
  method: 'post',
  path: '/api/projects/{projectId}/change-requests',
  summary: 'Raise a change request with a proposal of plan edits (checked against the plan)',
  request: { params: projectParams, body: { required: true, ...json(createChangeBody) } },
  responses: { 201: { description: 'Raised', ...json(changeSchema) }, ...errorResponses, ...refused },
});
const preview = createRoute({
  method: 'post',
  path: '/api/projects/{projectId}/change-impact',
  summary: 'The impact a proposal would have, computed on a what-if copy of the plan (nothing is saved)',
  request: {
    params: projectParams,
    body: { required: true, ...json(z.strictObject({ proposal: proposalSchema })) },
  },
  responses: { 200: { description: 'The impact', ...json(impactReply) }, ...errorResponses, ...refused },
});
const scope = createRoute({
  method: 'get',
  path: '/api/projects/{projectId}/scope',
  summary:
    'Work packages of the baseline (the newest, or `baselineId`) against the current plan, and baseline re-sets',
  request: { params: projectParams, query: z.object({ baselineId: idSchema.optional() }) },
  responses: { 200: { description: 'The scope comparison', ...json(scopeSchema) }, ...errorResponses },
});
const get = createRoute({
  method: 'get',
  path: '/api/change-requests/{changeRequestId}',
  request: { params: changeParams },
  responses: { 200: { description: 'The change request', ...json(changeDetailSchema) }, ...errorResponses },
});
const update = createRoute({
  method: 'patch',
  path: '/api/change-requests/{changeRequestId}',
  summary: 'Edit a draft change request',
  request: { params: changeParams, body: { required: true, ...json(updateChangeBody) } },
  responses: { 200: { description: 'Updated', ...json(changeSchema) }, ...writeErrorResponses, ...refused },
});
const remove = createRoute({
  method: 'delete',
  path: '/api/change-requests/{changeRequestId}',
  summary: 'Delete a draft or rejected change request',
  request: { params: changeParams, body: { required: false, ...json(actionBody) } },
  responses: { 204: { description: 'Deleted' }, ...writeErrorResponses, ...refused },
});
const submit = createRoute({
  method: 'post',
  path: '/api/change-requests/{changeRequestId}/submit',
  summary: 'Put a draft to the approvers (the project manager and the sponsor)',
  request: { params: changeParams, body: { required: false, ...json(actionBody) } },
  responses: { 200: { description: 'Submitted', ...json(changeSchema) }, ...writeErrorResponses, ...refused },
});
const decide = createRoute({
  method: 'post',
  path: '/api/change-requests/{changeRequestId}/decisions',
  summary: "Record the project manager's or the sponsor's decision, with a comment",
  request: { params: changeParams, body: { required: true, ...json(decisionBody) } },
  responses: { 200: { description: 'Recorded', ...json(changeSchema) }, ...writeErrorResponses, ...refused },
});
const apply = createRoute({
  method: 'post',
  path: '/api/change-requests/{changeRequestId}/apply',
  summary: 'Apply an approved change to the plan in one transaction, optionally re-setting the baseline',
  request: { params: changeParams, body: { required: false, ...json(applyBody) } },
  responses: {
    200: { description: 'Applied', ...json(changeSchema.extend({ baselineId: z.string().nullable() })) },
    ...writeErrorResponses,
    ...refused,
  },
});
const impact = createRoute({
  method: 'get',
  path: '/api/change-requests/{changeRequestId}/impact',
  summary: 'The impact on the current plan (as kept once applied)',
  request: { params: changeParams },
  responses: {
    200: { description: 'The impact', ...json(impactReply.extend({ live: z.boolean() })) },
    ...errorResponses,
    ...refused,
  },
});

/** Registers the change request and scope routes. */
export function registerChangeRoutes(app: App, deps: AppDeps): void {
  defineRoute(app, policy.signedIn, list, async (c) => {
    const items = await listChangeRequests(deps.db, callerId(c), c.req.valid('param').projectId);
    return c.json({ items }, 200);
  });
  defineRoute(app, policy.signedIn, create, async (c) => {
    const { projectId } = c.req.valid('param');
    return versionedReply(
      c,
      await createChangeRequest(deps.db, callerId(c), projectId, c.req.valid('json')),
      201,
    );
  });
  defineRoute(app, policy.signedIn, preview, async (c) => {
    const { proposal } = c.req.valid('json');
    return c.json(await previewImpact(deps.db, callerId(c), c.req.valid('param').projectId, proposal), 200);
  });
  defineRoute(app, policy.signedIn, scope, async (c) => {
    const { baselineId } = c.req.valid('query');
    return c.json(await projectScope(deps.db, callerId(c), c.req.valid('param').projectId, baselineId), 200);
  });
  defineRoute(app, policy.signedIn, get, async (c) => {
    return versionedReply(
      c,
      await getChangeRequest(deps.db, callerId(c), c.req.valid('param').changeRequestId),
      200,
    );
  });
  defineRoute(app, policy.signedIn, update, async (c) => {
    const { expected, changes } = versionedChanges(c, c.req.valid('json'));
    const { changeRequestId } = c.req.valid('param');
    return versionedReply(
      c,
      await updateChangeRequest(deps.db, callerId(c), changeRequestId, expected, changes),
      200,
    );
  });
  defineRoute(app, policy.signedIn, remove, async (c) => {
    const expected = optionalBodyVersion(c, c.req.valid('json'));
    await deleteChangeRequest(deps.db, callerId(c), c.req.valid('param').changeRequestId, expected);
    return c.body(null, 204);
  });
  defineRoute(app, policy.signedIn, submit, async (c) => {
    const expected = optionalBodyVersion(c, c.req.valid('json'));
    const { changeRequestId } = c.req.valid('param');
    return versionedReply(c, await submitChangeRequest(deps.db, callerId(c), changeRequestId, expected), 200);
  });
  defineRoute(app, policy.signedIn, decide, async (c) => {
    const { expected, changes } = versionedChanges(c, c.req.valid('json'));
    const { changeRequestId } = c.req.valid('param');
    return versionedReply(
      c,
      await decideChangeRequest(deps.db, callerId(c), changeRequestId, expected, changes),
      200,
    );
  });
  defineRoute(app, policy.signedIn, apply, async (c) => {
    const body = c.req.valid('json') ?? { resetBaseline: false };
    const { expected, changes } = versionedChanges(c, body);
    const options = {
      resetBaseline: changes.resetBaseline ?? false,
      baselineName: changes.baselineName,
      reason: changes.reason,
    };
    const { changeRequestId } = c.req.valid('param');
    return versionedReply(
      c,
      await applyChangeRequest(deps.db, callerId(c), changeRequestId, expected, options),
      200,
    );
  });
  defineRoute(app, policy.signedIn, impact, async (c) => {
    return c.json(await changeRequestImpact(deps.db, callerId(c), c.req.valid('param').changeRequestId), 200);
  });
}
