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
import { createView, deleteView, listViews, updateView } from './view-service';

const kindSchema = z.enum(['list', 'board', 'gantt']);
const configSchema = z
  .record(z.string(), z.unknown())
  .openapi({ description: 'Filters, sort, grouping and columns; a JSON object of at most 16 KB' });

const viewSchema = z
  .object({
    id: z.string(),
    workspaceId: z.string(),
    projectId: z.string(),
    kind: kindSchema,
    name: z.string(),
    config: configSchema,
    createdBy: z.string().nullable(),
    createdAt: z.string(),
    updatedAt: z.string(),
    version: z.number().int(),
  })
  .openapi('SavedView');

const createBody = z.strictObject({ kind: kindSchema, name: nameSchema, config: configSchema });
const updateBody = z.strictObject({
  name: nameSchema.optional(),
  config: configSchema.optional(),
  version: versionSchema.optional(),
});

const json = <T extends z.ZodType>(schema: T) => ({ content: { 'application/json': { schema } } });
const projectParams = z.object({ projectId: idSchema });
const viewParams = z.object({ viewId: idSchema });

const list = createRoute({
  method: 'get',
  path: '/api/projects/{projectId}/views',
  summary: "A project's saved views, shared with everyone who sees it",
  request: { params: projectParams, query: z.object({ kind: kindSchema.optional() }) },
  responses: {
    200: {
      description: 'The saved views',
      ...json(z.object({ items: z.array(viewSchema), nextCursor: z.string().nullable() })),
    },
    ...errorResponses,
  },
});

const create = createRoute({
  method: 'post',
  path: '/api/projects/{projectId}/views',
  request: { params: projectParams, body: { required: true, ...json(createBody) } },
  responses: { 201: { description: 'Saved', ...json(viewSchema) }, ...errorResponses },
});

const update = createRoute({
  method: 'patch',
  path: '/api/views/{viewId}',
  request: { params: viewParams, body: { required: true, ...json(updateBody) } },
  responses: { 200: { description: 'Updated', ...json(viewSchema) }, ...writeErrorResponses },
});

const remove = createRoute({
  method: 'delete',
  path: '/api/views/{viewId}',
  request: { params: viewParams, body: { required: false, ...json(deleteBodySchema) } },
  responses: { 204: { description: 'Deleted' }, ...writeErrorResponses },
});

/** Registers the saved view routes. */
export function registerViewRoutes(app: App, deps: AppDeps): void {
  defineRoute(app, policy.signedIn, list, async (c) => {
    const { kind } = c.req.valid('query');
    const items = await listViews(deps.db, callerId(c), c.req.valid('param').projectId, kind);
    return c.json({ items, nextCursor: null }, 200);
  });
  defineRoute(app, policy.signedIn, create, async (c) => {
    const view = await createView(deps.db, callerId(c), c.req.valid('param').projectId, c.req.valid('json'));
    setVersionTag(c, view.version);
    return c.json(view, 201);
  });
  defineRoute(app, policy.signedIn, update, async (c) => {
    const { expected, changes } = versionedChanges(c, c.req.valid('json'));
    const view = await updateView(deps.db, callerId(c), c.req.valid('param').viewId, expected, changes);
    setVersionTag(c, view.version);
    return c.json(view, 200);
  });
  defineRoute(app, policy.signedIn, remove, async (c) => {
    await deleteView(
      deps.db,
      callerId(c),
      c.req.valid('param').viewId,
      optionalBodyVersion(c, c.req.valid('json')),
    );
    return c.body(null, 204);
  });
}
