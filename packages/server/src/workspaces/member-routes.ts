import { createRoute, z } from '@hono/zod-openapi';
import { identityErrors, json } from '../accounts/schemas';
import { callerOf } from '../auth/caller';
import { policy } from '../auth/policy';
import { workspaceRoles } from '../db/schema/workspaces';
import type { App, AppDeps } from '../http/context';
import { listQuerySchema, pageSchema } from '../http/pagination';
import { defineRoute } from '../http/route-rule';
import { expectedVersion, setVersionTag } from '../http/version';
import { listMembers, removeMember, updateMemberRole } from './member-service';

const memberSchema = z
  .object({
    user: z.object({ id: z.string(), name: z.string(), email: z.string().optional() }),
    role: z.enum(workspaceRoles),
    version: z.number().int(),
  })
  .openapi('WorkspaceMember');

const idSchema = z.string().min(1).max(100);
const params = z.object({ workspaceId: idSchema, userId: idSchema });
const versionSchema = z.number().int().min(1);
const writeErrors = {
  ...identityErrors,
  409: { description: 'Stale version, or the workspace would lose its last owner' },
  428: { description: 'Neither If-Match nor version was sent' },
} as const;

const list = createRoute({
  method: 'get',
  path: '/api/workspaces/{workspaceId}/members',
  summary: 'Members of a workspace (guests see names only)',
  request: {
    params: z.object({ workspaceId: idSchema }),
    query: listQuerySchema.extend({ role: z.enum(workspaceRoles).optional() }),
  },
  responses: {
    200: { description: 'A page of members', ...json(pageSchema(memberSchema)) },
    ...identityErrors,
  },
});

const update = createRoute({
  method: 'patch',
  path: '/api/workspaces/{workspaceId}/members/{userId}',
  summary: "Change a member's role (owners; admins for non-owners)",
  request: {
    params,
    body: {
      required: true,
      ...json(z.strictObject({ role: z.enum(workspaceRoles), version: versionSchema.optional() })),
    },
  },
  responses: { 200: { description: 'Updated', ...json(memberSchema) }, ...writeErrors },
});

const remove = createRoute({
  method: 'delete',
  path: '/api/workspaces/{workspaceId}/members/{userId}',
  summary: 'Remove a member, or leave when it is yourself',
  request: {
    params,
    body: { required: false, ...json(z.strictObject({ version: versionSchema.optional() })) },
  },
  responses: { 204: { description: 'Removed' }, ...writeErrors },
});

/** Registers the workspace member routes. */
export function registerMemberRoutes(app: App, deps: AppDeps): void {
  defineRoute(app, policy.workspaceMember, list, async (c) => {
    const { workspaceId } = c.req.valid('param');
    return c.json(await listMembers(deps.db, callerOf(c).userId, workspaceId, c.req.valid('query')), 200);
  });
  defineRoute(app, policy.workspaceAdmin, update, async (c) => {
    const { workspaceId, userId } = c.req.valid('param');
    const { role, version } = c.req.valid('json');
    const expected = expectedVersion(c, version);
    const member = await updateMemberRole(deps.db, callerOf(c).userId, workspaceId, userId, expected, role);
    setVersionTag(c, member.version);
    return c.json(member, 200);
  });
  // Members may remove themselves (leave); the service decides who else may be removed.
  defineRoute(app, policy.workspaceMember, remove, async (c) => {
    const { workspaceId, userId } = c.req.valid('param');
    const body = (c.req.valid('json') as { version?: number } | undefined) ?? {};
    const expected = expectedVersion(c, body.version);
    await removeMember(deps.db, callerOf(c).userId, workspaceId, userId, expected);
    return c.body(null, 204);
  });
}
