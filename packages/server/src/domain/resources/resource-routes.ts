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
  idSchema,
  listQuery,
  nameSchema,
  versionSchema,
  writeErrorResponses,
} from '../shared/api-schemas';
import { resourceCalendarInput, resourceCalendarSchema } from './resource-calendar';
import {
  createResource,
  deleteResource,
  getResource,
  listResources,
  updateResource,
} from './resource-service';

const kindSchema = z.enum(['person', 'equipment', 'material']);

const resourceSchema = z
  .object({
    id: z.string(),
    workspaceId: z.string(),
    name: z.string(),
    kind: kindSchema,
    userId: z.string().nullable(),
    calendar: resourceCalendarSchema.nullable(),
    maxUnits: z.number(),
    standardRateCents: z.number().int(),
    overtimeRateCents: z.number().int(),
    costPerUseCents: z.number().int(),
    createdAt: z.string(),
    updatedAt: z.string(),
    version: z.number().int(),
  })
  .openapi('Resource');

// A hundred full-time units is a team, not a typo; a million dollars an hour is a typo.
const unitsSchema = z.number().finite().gt(0).max(100);
const centsSchema = z.number().int().min(0).max(100_000_000);

const fields = {
  kind: kindSchema.optional(),
  userId: idSchema.nullable().optional(),
  calendar: resourceCalendarInput.nullable().optional(),
  maxUnits: unitsSchema.optional(),
  standardRateCents: centsSchema.optional(),
  overtimeRateCents: centsSchema.optional(),
  costPerUseCents: centsSchema.optional(),
};
const createBody = z.strictObject({ name: nameSchema, ...fields });
const updateBody = z.strictObject({
  name: nameSchema.optional(),
  ...fields,
  version: versionSchema.optional(),
});

const json = <T extends z.ZodType>(schema: T) => ({ content: { 'application/json': { schema } } });
const workspaceParams = z.object({ workspaceId: idSchema });
const resourceParams = z.object({ resourceId: idSchema });

const list = createRoute({
  method: 'get',
  path: '/api/workspaces/{workspaceId}/resources',
  summary: 'Resources of a workspace (people, equipment, material), shared by its projects',
  request: { params: workspaceParams, query: listQuery.extend({ kind: kindSchema.optional() }) },
  responses: {
    200: { description: 'A page of resources', ...json(pageSchema(resourceSchema)) },
    ...errorResponses,
  },
});
const create = createRoute({
  method: 'post',
  path: '/api/workspaces/{workspaceId}/resources',
  summary: 'Add a resource (owners, admins and project managers)',
  request: { params: workspaceParams, body: { required: true, ...json(createBody) } },
  responses: { 201: { description: 'Created', ...json(resourceSchema) }, ...writeErrorResponses },
});
const get = createRoute({
  method: 'get',
  path: '/api/resources/{resourceId}',
  request: { params: resourceParams },
  responses: { 200: { description: 'The resource', ...json(resourceSchema) }, ...errorResponses },
});
const update = createRoute({
  method: 'patch',
  path: '/api/resources/{resourceId}',
  request: { params: resourceParams, body: { required: true, ...json(updateBody) } },
  responses: { 200: { description: 'Updated', ...json(resourceSchema) }, ...writeErrorResponses },
});
const remove = createRoute({
  method: 'delete',
  path: '/api/resources/{resourceId}',
  summary: 'Delete a resource and its assignments',
  request: { params: resourceParams, body: { required: false, ...json(deleteBodySchema) } },
  responses: { 204: { description: 'Deleted' }, ...writeErrorResponses },
});

/** Registers the resource routes. */
export function registerResourceRoutes(app: App, deps: AppDeps): void {
  defineRoute(app, policy.workspaceMember, list, async (c) => {
    const { workspaceId } = c.req.valid('param');
    return c.json(await listResources(deps.db, callerId(c), workspaceId, c.req.valid('query')), 200);
  });
  defineRoute(app, policy.workspaceMember, create, async (c) => {
    const created = await createResource(
      deps.db,
      callerId(c),
      c.req.valid('param').workspaceId,
      c.req.valid('json'),
    );
    setVersionTag(c, created.version);
    return c.json(created, 201);
  });
  defineRoute(app, policy.signedIn, get, async (c) => {
    const found = await getResource(deps.db, callerId(c), c.req.valid('param').resourceId);
    setVersionTag(c, found.version);
    return c.json(found, 200);
  });
  defineRoute(app, policy.signedIn, update, async (c) => {
    const { expected, changes } = versionedChanges(c, c.req.valid('json'));
    const updated = await updateResource(
      deps.db,
      callerId(c),
      c.req.valid('param').resourceId,
      expected,
      changes,
    );
    setVersionTag(c, updated.version);
    return c.json(updated, 200);
  });
  defineRoute(app, policy.signedIn, remove, async (c) => {
    const expected = optionalBodyVersion(c, c.req.valid('json'));
    await deleteResource(deps.db, callerId(c), c.req.valid('param').resourceId, expected);
    return c.body(null, 204);
  });
}
