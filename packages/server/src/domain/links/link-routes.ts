import { createRoute, z } from '@hono/zod-openapi';
import { callerId } from '../../auth/caller';
import { policy } from '../../auth/policy';
import type { App, AppDeps } from '../../http/context';
import { pageSchema } from '../../http/pagination';
import { defineRoute } from '../../http/route-rule';
import { optionalBodyVersion, setVersionTag, versionedChanges } from '../../http/version';
import {
  deleteBodySchema,
  errorResponses,
  errorSchema,
  idSchema,
  listQuery,
  versionSchema,
  writeErrorResponses,
} from '../shared/api-schemas';
import { createLinkBody, linkChangesBody, linkSchema } from './link-schemas';
import { createLink, deleteLink, listLinks, updateLink } from './link-service';

const json = <T extends z.ZodType>(schema: T) => ({ content: { 'application/json': { schema } } });
const projectParams = z.object({ projectId: idSchema });
const linkParams = z.object({ linkId: idSchema });
const refused = {
  409: { description: 'The two tasks are already linked', ...json(errorSchema) },
  422: { description: 'A dependency cycle, or a task of another project', ...json(errorSchema) },
};

const list = createRoute({
  method: 'get',
  path: '/api/projects/{projectId}/links',
  summary: 'Links of a project, oldest first',
  request: { params: projectParams, query: listQuery },
  responses: { 200: { description: 'A page of links', ...json(pageSchema(linkSchema)) }, ...errorResponses },
});

const create = createRoute({
  method: 'post',
  path: '/api/projects/{projectId}/links',
  summary: 'Link two tasks of the project (FS, SS, FF or SF, with a lag in minutes or percent)',
  request: { params: projectParams, body: { required: true, ...json(createLinkBody) } },
  responses: { 201: { description: 'Created', ...json(linkSchema) }, ...errorResponses, ...refused },
});

const update = createRoute({
  method: 'patch',
  path: '/api/links/{linkId}',
  request: {
    params: linkParams,
    body: { required: true, ...json(linkChangesBody.extend({ version: versionSchema.optional() })) },
  },
  responses: { 200: { description: 'Updated', ...json(linkSchema) }, ...writeErrorResponses },
});

const remove = createRoute({
  method: 'delete',
  path: '/api/links/{linkId}',
  request: { params: linkParams, body: { required: false, ...json(deleteBodySchema) } },
  responses: { 204: { description: 'Deleted' }, ...writeErrorResponses },
});

/** Registers the link routes. */
export function registerLinkRoutes(app: App, deps: AppDeps): void {
  defineRoute(app, policy.signedIn, list, async (c) => {
    const { projectId } = c.req.valid('param');
    return c.json(await listLinks(deps.db, callerId(c), projectId, c.req.valid('query')), 200);
  });
  defineRoute(app, policy.signedIn, create, async (c) => {
    const link = await createLink(deps.db, callerId(c), c.req.valid('param').projectId, c.req.valid('json'));
    setVersionTag(c, link.version);
    return c.json(link, 201);
  });
  defineRoute(app, policy.signedIn, update, async (c) => {
    const { expected, changes } = versionedChanges(c, c.req.valid('json'));
    const link = await updateLink(deps.db, callerId(c), c.req.valid('param').linkId, expected, changes);
    setVersionTag(c, link.version);
    return c.json(link, 200);
  });
  defineRoute(app, policy.signedIn, remove, async (c) => {
    const expected = optionalBodyVersion(c, c.req.valid('json'));
    await deleteLink(deps.db, callerId(c), c.req.valid('param').linkId, expected);
    return c.body(null, 204);
  });
}
