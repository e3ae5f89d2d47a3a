import { createRoute, z } from '@hono/zod-openapi';
import { callerId } from '../../auth/caller';
import { policy } from '../../auth/policy';
import type { App, AppDeps } from '../../http/context';
import { defineRoute } from '../../http/route-rule';
import { optionalBodyVersion, setVersionTag, versionedChanges } from '../../http/version';
import { listRiskLinks } from '../raid/raid-links';
import { raidItemSchema, raidLinkSchema } from '../raid/raid-schemas';
import {
  deleteBodySchema,
  errorResponses,
  errorSchema,
  idSchema,
  writeErrorResponses,
} from '../shared/api-schemas';
import { addRiskAction, removeRiskAction } from './risk-actions';
import { markRiskOccurred } from './risk-occurrence';
import { riskRegisterOverview } from './risk-register';
import { getRiskScale, setRiskScale } from './risk-scale-service';
import {
  actionBody,
  createRiskBody,
  occurrenceBody,
  overviewSchema,
  riskQuery,
  riskScaleSchema,
  riskSchema,
  updateRiskBody,
} from './risk-schemas';
import { createRisk, deleteRisk, getRisk, listRisks, updateRisk } from './risk-service';

const json = <T extends z.ZodType>(schema: T) => ({ content: { 'application/json': { schema } } });
const projectParams = z.object({ projectId: idSchema });
const riskParams = z.object({ riskId: idSchema });
const linkErrors = {
  ...writeErrorResponses,
  422: { description: 'A task of another project, or risks off a new scale', ...json(errorSchema) },
};

const list = createRoute({
  method: 'get',
  path: '/api/projects/{projectId}/risks',
  summary:
    "A project's risk register, highest score first; filter by status, category, owner or heat-map cell",
  request: { params: projectParams, query: riskQuery },
  responses: {
    200: { description: 'The risks', ...json(z.object({ items: z.array(riskSchema) })) },
    ...errorResponses,
  },
});
const create = createRoute({
  method: 'post',
  path: '/api/projects/{projectId}/risks',
  summary: 'Add a risk; probability and impact must sit on the project scale',
  request: { params: projectParams, body: { required: true, ...json(createRiskBody) } },
  responses: { 201: { description: 'Created', ...json(riskSchema) }, ...errorResponses },
});
const overview = createRoute({
  method: 'get',
  path: '/api/projects/{projectId}/risk-register',
  summary: 'The scale, heat map of open risks, totals and daily trend of a project register',
  request: { params: projectParams },
  responses: { 200: { description: 'The overview', ...json(overviewSchema) }, ...errorResponses },
});
const getScale = createRoute({
  method: 'get',
  path: '/api/projects/{projectId}/risk-scale',
  request: { params: projectParams },
  responses: { 200: { description: 'The scale', ...json(riskScaleSchema) }, ...errorResponses },
});
const putScale = createRoute({
  method: 'put',
  path: '/api/projects/{projectId}/risk-scale',
  summary: 'Set the probability and impact scales (min, max, labels) of the register',
  request: { params: projectParams, body: { required: true, ...json(riskScaleSchema) } },
  responses: { 200: { description: 'The new scale', ...json(riskScaleSchema) }, ...linkErrors },
});
const get = createRoute({
  method: 'get',
  path: '/api/risks/{riskId}',
  request: { params: riskParams },
  responses: { 200: { description: 'The risk', ...json(riskSchema) }, ...errorResponses },
});
const update = createRoute({
  method: 'patch',
  path: '/api/risks/{riskId}',
  request: { params: riskParams, body: { required: true, ...json(updateRiskBody) } },
  responses: { 200: { description: 'Updated', ...json(riskSchema) }, ...writeErrorResponses },
});
const remove = createRoute({
  method: 'delete',
  path: '/api/risks/{riskId}',
  request: { params: riskParams, body: { required: false, ...json(deleteBodySchema) } },
  responses: { 204: { description: 'Deleted' }, ...writeErrorResponses },
});
const occur = createRoute({
  method: 'post',
  path: '/api/risks/{riskId}/occurrence',
  summary: 'Mark the risk as occurred and raise its issue in the RAID log, linked both ways',
  request: { params: riskParams, body: { required: false, ...json(occurrenceBody) } },
  responses: {
    201: {
      description: 'The risk and its new issue',
      ...json(z.object({ risk: riskSchema, issue: raidItemSchema })),
    },
    ...writeErrorResponses,
  },
});
const links = createRoute({
  method: 'get',
  path: '/api/risks/{riskId}/links',
  summary: 'The RAID items that link to the risk',
  request: { params: riskParams },
  responses: {
    200: { description: 'The links', ...json(z.object({ items: z.array(raidLinkSchema) })) },
    ...errorResponses,
  },
});
const addAction = createRoute({
  method: 'post',
  path: '/api/risks/{riskId}/actions',
  summary: 'Add a mitigation action: link a task of the plan ({ taskId }) or create one ({ task: { name } })',
  request: { params: riskParams, body: { required: true, ...json(actionBody) } },
  responses: { 201: { description: 'The risk with its actions', ...json(riskSchema) }, ...linkErrors },
});
const removeAction = createRoute({
  method: 'delete',
  path: '/api/risks/{riskId}/actions/{taskId}',
  summary: 'Remove a mitigation action; the task stays in the plan',
  request: { params: z.object({ riskId: idSchema, taskId: idSchema }) },
  responses: { 200: { description: 'The risk with its actions', ...json(riskSchema) }, ...errorResponses },
});

/** Registers the risk register routes. */
export function registerRiskRoutes(app: App, deps: AppDeps): void {
  defineRoute(app, policy.signedIn, list, async (c) => {
    const items = await listRisks(deps.db, callerId(c), c.req.valid('param').projectId, c.req.valid('query'));
    return c.json({ items }, 200);
  });
  defineRoute(app, policy.signedIn, create, async (c) => {
    const risk = await createRisk(deps.db, callerId(c), c.req.valid('param').projectId, c.req.valid('json'));
    setVersionTag(c, risk.version);
    return c.json(risk, 201);
  });
  defineRoute(app, policy.signedIn, overview, async (c) => {
    return c.json(await riskRegisterOverview(deps.db, callerId(c), c.req.valid('param').projectId), 200);
  });
  defineRoute(app, policy.signedIn, getScale, async (c) => {
    return c.json(await getRiskScale(deps.db, callerId(c), c.req.valid('param').projectId), 200);
  });
  defineRoute(app, policy.signedIn, putScale, async (c) => {
    const scale = await setRiskScale(
      deps.db,
      callerId(c),
      c.req.valid('param').projectId,
      c.req.valid('json'),
    );
    return c.json(scale, 200);
  });
  defineRoute(app, policy.signedIn, get, async (c) => {
    const risk = await getRisk(deps.db, callerId(c), c.req.valid('param').riskId);
    setVersionTag(c, risk.version);
    return c.json(risk, 200);
  });
  defineRoute(app, policy.signedIn, update, async (c) => {
    const { expected, changes } = versionedChanges(c, c.req.valid('json'));
    const risk = await updateRisk(deps.db, callerId(c), c.req.valid('param').riskId, expected, changes);
    setVersionTag(c, risk.version);
    return c.json(risk, 200);
  });
  defineRoute(app, policy.signedIn, remove, async (c) => {
    const expected = optionalBodyVersion(c, c.req.valid('json'));
    await deleteRisk(deps.db, callerId(c), c.req.valid('param').riskId, expected);
    return c.body(null, 204);
  });
  defineRoute(app, policy.signedIn, occur, async (c) => {
    const body = c.req.valid('json') ?? {};
    const expected = optionalBodyVersion(c, body);
    const { version: _version, ...input } = body;
    const result = await markRiskOccurred(deps.db, callerId(c), c.req.valid('param').riskId, expected, input);
    setVersionTag(c, result.risk.version);
    return c.json(result, 201);
  });
  defineRoute(app, policy.signedIn, links, async (c) => {
    return c.json({ items: await listRiskLinks(deps.db, callerId(c), c.req.valid('param').riskId) }, 200);
  });
  defineRoute(app, policy.signedIn, addAction, async (c) => {
    const risk = await addRiskAction(deps.db, callerId(c), c.req.valid('param').riskId, c.req.valid('json'));
    setVersionTag(c, risk.version);
    return c.json(risk, 201);
  });
  defineRoute(app, policy.signedIn, removeAction, async (c) => {
    const { riskId, taskId } = c.req.valid('param');
    const risk = await removeRiskAction(deps.db, callerId(c), riskId, taskId);
    setVersionTag(c, risk.version);
    return c.json(risk, 200);
  });
}
