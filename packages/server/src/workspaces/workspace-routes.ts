import { createRoute, z } from '@hono/zod-openapi';
import { identityErrors, json } from '../accounts/schemas';
import { callerOf } from '../auth/caller';
import { policy } from '../auth/policy';
import type { App, AppDeps } from '../http/context';
import { listQuerySchema, pageSchema } from '../http/pagination';
import { defineRoute } from '../http/route-rule';
import { expectedVersion, setVersionTag } from '../http/version';
import {
  createWorkspace,
  deleteWorkspace,
  getWorkspace,
  listWorkspaces,
  updateWorkspace,
} from './workspace-service';
import { workspaceSchema } from './workspace-view';

const nameSchema = z.string().trim().min(1, 'must not be empty').max(200);
const versionSchema = z.number().int().min(1);
const params = z.object({ workspaceId: z.string().min(1).max(100) });
const writeErrors = {
  ...identityErrors,
  409: { description: 'Stale version; the body has `current`' },
  428: { description: 'Neither If-Match nor version was sent' },
} as const;

const list = createRoute({
  method: 'get',
  path: '/api/workspaces',
  summary: "The caller's workspaces",
  request: { query: listQuerySchema },
  responses: {
    200: { description: 'A page of workspaces', ...json(pageSchema(workspaceSchema)) },
    ...identityErrors,
  },
});

const create = createRoute({
  method: 'post',
  path: '/api/workspaces',
  summary: 'Create a workspace; the creator becomes its owner',
  request: { body: { required: true, ...json(z.strictObject({ name: nameSchema })) } },
  responses: { 201: { description: 'Created', ...json(workspaceSchema) }, ...identityErrors },
});

const get = createRoute({
  method: 'get',
  path: '/api/workspaces/{workspaceId}',
  request: { params },
  responses: { 200: { description: 'The workspace', ...json(workspaceSchema) }, ...identityErrors },
});

const update = createRoute({
  method: 'patch',
  path: '/api/workspaces/{workspaceId}',
  summary: 'Rename a workspace (owners and admins)',
  request: {
    params,
    body: {
      required: true,
      ...json(z.strictObject({ name: nameSchema.optional(), version: versionSchema.optional() })),
    },
  },
  responses: { 200: { description: 'Updated', ...json(workspaceSchema) }, ...writeErrors },
});

const remove = createRoute({
  method: 'delete',
  path: '/api/workspaces/{workspaceId}',
  summary: 'Delete a workspace (owners)',
  request: {
    params,
    body: { required: false, ...json(z.strictObject({ version: versionSchema.optional() })) },
  },
  responses: { 204: { description: 'Deleted' }, ...writeErrors },
});

/** Registers the workspace routes. */
export function registerWorkspaceRoutes(app: App, deps: AppDeps): void {
  defineRoute(app, policy.signedIn, list, async (c) =>
    c.json(await listWorkspaces(deps.db, callerOf(c).userId, c.req.valid('query')), 200),
  );
  defineRoute(app, policy.signedIn, create, async (c) => {
    const workspace = await createWorkspace(deps.db, callerOf(c).userId, c.req.valid('json'));
    setVersionTag(c, workspace.version);
    return c.json(workspace, 201);
  });
  defineRoute(app, policy.workspaceMember, get, async (c) => {
    const workspace = await getWorkspace(deps.db, callerOf(c).userId, c.req.valid('param').workspaceId);
    setVersionTag(c, workspace.version);
    return c.json(workspace, 200);
  });
  defineRoute(app, policy.workspaceAdmin, update, async (c) => {
    const { version, ...changes } = c.req.valid('json');
    const expected = expectedVersion(c, version);
    const workspace = await updateWorkspace(
      deps.db,
      callerOf(c).userId,
      c.req.valid('param').workspaceId,
      expected,
      changes,
    );
    setVersionTag(c, workspace.version);
    return c.json(workspace, 200);
  });
  defineRoute(app, policy.workspaceOwner, remove, async (c) => {
    const body = (c.req.valid('json') as { version?: number } | undefined) ?? {};
    const expected = expectedVersion(c, body.version);
    await deleteWorkspace(deps.db, callerOf(c).userId, c.req.valid('param').workspaceId, expected);
    return c.body(null, 204);
  });
}
