import { createRoute, z } from '@hono/zod-openapi';
import { callerId } from '../../auth/caller';
import { policy } from '../../auth/policy';
import type { App, AppDeps } from '../../http/context';
import { defineRoute } from '../../http/route-rule';
import { optionalBodyVersion, setVersionTag, versionedChanges } from '../../http/version';
import {
  deleteBodySchema,
  errorResponses,
  errorSchema,
  idSchema,
  writeErrorResponses,
} from '../shared/api-schemas';
import { addRaidLink, listRaidLinks, removeRaidLink } from './raid-links';
import {
  createRaidBody,
  raidItemSchema,
  raidLinkBody,
  raidLinkSchema,
  raidQuery,
  updateRaidBody,
} from './raid-schemas';
import { createRaidItem, deleteRaidItem, getRaidItem, listRaidItems, updateRaidItem } from './raid-service';

const json = <T extends z.ZodType>(schema: T) => ({ content: { 'application/json': { schema } } });
const projectParams = z.object({ projectId: idSchema });
const itemParams = z.object({ itemId: idSchema });

const list = createRoute({
  method: 'get',
  path: '/api/projects/{projectId}/raid',
  summary:
    "A project's RAID log (issues, assumptions, decisions), open first; filter by kind, status, severity, owner",
  request: { params: projectParams, query: raidQuery },
  responses: {
    200: { description: 'The items', ...json(z.object({ items: z.array(raidItemSchema) })) },
    ...errorResponses,
  },
});
const create = createRoute({
  method: 'post',
  path: '/api/projects/{projectId}/raid',
  request: { params: projectParams, body: { required: true, ...json(createRaidBody) } },
  responses: { 201: { description: 'Created', ...json(raidItemSchema) }, ...errorResponses },
});
const get = createRoute({
  method: 'get',
  path: '/api/raid/{itemId}',
  request: { params: itemParams },
  responses: { 200: { description: 'The item', ...json(raidItemSchema) }, ...errorResponses },
});
const update = createRoute({
  method: 'patch',
  path: '/api/raid/{itemId}',
  request: { params: itemParams, body: { required: true, ...json(updateRaidBody) } },
  responses: { 200: { description: 'Updated', ...json(raidItemSchema) }, ...writeErrorResponses },
});
const remove = createRoute({
  method: 'delete',
  path: '/api/raid/{itemId}',
  request: { params: itemParams, body: { required: false, ...json(deleteBodySchema) } },
  responses: { 204: { description: 'Deleted' }, ...writeErrorResponses },
});
const links = createRoute({
  method: 'get',
  path: '/api/raid/{itemId}/links',
  summary: 'The tasks, risks, RAID items and change requests linked to an item, either way round',
  request: { params: itemParams },
  responses: {
    200: { description: 'The links', ...json(z.object({ items: z.array(raidLinkSchema) })) },
    ...errorResponses,
  },
});
const addLink = createRoute({
  method: 'post',
  path: '/api/raid/{itemId}/links',
  summary: 'Link the item to a task, risk, RAID item or change request of its project',
  request: { params: itemParams, body: { required: true, ...json(raidLinkBody) } },
  responses: {
    201: { description: 'Linked', ...json(raidLinkSchema) },
    409: { description: 'Already linked', ...json(errorSchema) },
    422: { description: 'The other end belongs to another project', ...json(errorSchema) },
    ...errorResponses,
  },
});
const removeLink = createRoute({
  method: 'delete',
  path: '/api/raid/{itemId}/links/{linkId}',
  request: { params: z.object({ itemId: idSchema, linkId: idSchema }) },
  responses: { 204: { description: 'Unlinked' }, ...errorResponses },
});

/** Registers the RAID log routes. */
export function registerRaidRoutes(app: App, deps: AppDeps): void {
  defineRoute(app, policy.signedIn, list, async (c) => {
    const items = await listRaidItems(
      deps.db,
      callerId(c),
      c.req.valid('param').projectId,
      c.req.valid('query'),
    );
    return c.json({ items }, 200);
  });
  defineRoute(app, policy.signedIn, create, async (c) => {
    const item = await createRaidItem(
      deps.db,
      callerId(c),
      c.req.valid('param').projectId,
      c.req.valid('json'),
    );
    setVersionTag(c, item.version);
    return c.json(item, 201);
  });
  defineRoute(app, policy.signedIn, get, async (c) => {
    const item = await getRaidItem(deps.db, callerId(c), c.req.valid('param').itemId);
    setVersionTag(c, item.version);
    return c.json(item, 200);
  });
  defineRoute(app, policy.signedIn, update, async (c) => {
    const { expected, changes } = versionedChanges(c, c.req.valid('json'));
    const item = await updateRaidItem(deps.db, callerId(c), c.req.valid('param').itemId, expected, changes);
    setVersionTag(c, item.version);
    return c.json(item, 200);
  });
  defineRoute(app, policy.signedIn, remove, async (c) => {
    const expected = optionalBodyVersion(c, c.req.valid('json'));
    await deleteRaidItem(deps.db, callerId(c), c.req.valid('param').itemId, expected);
    return c.body(null, 204);
  });
  defineRoute(app, policy.signedIn, links, async (c) => {
    return c.json({ items: await listRaidLinks(deps.db, callerId(c), c.req.valid('param').itemId) }, 200);
  });
  defineRoute(app, policy.signedIn, addLink, async (c) => {
    const link = await addRaidLink(deps.db, callerId(c), c.req.valid('param').itemId, c.req.valid('json'));
    return c.json(link, 201);
  });
  defineRoute(app, policy.signedIn, removeLink, async (c) => {
    const { itemId, linkId } = c.req.valid('param');
    await removeRaidLink(deps.db, callerId(c), itemId, linkId);
    return c.body(null, 204);
  });
}
