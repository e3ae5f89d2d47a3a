import { createRoute, z } from '@hono/zod-openapi';
import { callerId } from '../../auth/caller';
import { entityCapabilities, workspaceCapabilities } from '../../auth/capabilities';
import { policy } from '../../auth/policy';
import { type EntityKind, entityRoles } from '../../db/schema/entity-members';
import { workspaceRoles } from '../../db/schema/workspaces';
import type { App, AppDeps } from '../../http/context';
import { defineRoute } from '../../http/route-rule';
import { changeProject, decidableRoles } from '../changes/change-access';
import { entityCollections, kindLabel, loadEntityRef } from '../members/entity-ref';
import { errorResponses, idSchema } from '../shared/api-schemas';
import { notFound } from '../shared/errors';

const json = <T extends z.ZodType>(schema: T) => ({ content: { 'application/json': { schema } } });

const entityPermissionsSchema = z
  .object({
    workspaceRole: z.enum(workspaceRoles),
    role: z.enum(entityRoles).nullable().openapi({ description: 'The caller’s own role on it, if any' }),
    edit: z
      .boolean()
      .openapi({ description: 'May change its content (fields, tasks and every record in it)' }),
    manage: z
      .boolean()
      .openapi({ description: 'May delete it, give roles on it, share it and decide for it' }),
    decideAs: z
      .array(z.enum(['project_manager', 'sponsor']))
      .optional()
      .openapi({
        description:
          'Projects only: the approver roles the caller decides change requests and deliverables as',
      }),
  })
  .openapi('EntityPermissions');

const workspacePermissionsSchema = z
  .object({
    role: z.enum(workspaceRoles),
    create: z.boolean().openapi({ description: 'May create products, programs and projects' }),
    manageMembers: z.boolean(),
    rename: z.boolean(),
    delete: z.boolean(),
    seeAudit: z.boolean(),
    customers: z.boolean().openapi({ description: 'May see and keep the workspace’s customers' }),
    manageResources: z.boolean(),
    approveTimesheets: z.boolean(),
    assignableRoles: z
      .object({
        owner: z.array(z.enum(workspaceRoles)),
        admin: z.array(z.enum(workspaceRoles)),
        member: z.array(z.enum(workspaceRoles)),
        guest: z.array(z.enum(workspaceRoles)),
      })
      .openapi({
        description: 'For each role a member holds, the roles the caller may give them; empty when none',
      }),
    removableRoles: z
      .array(z.enum(workspaceRoles))
      .openapi({ description: 'The roles whose holders the caller may remove' }),
    invitableRoles: z
      .array(z.enum(workspaceRoles))
      .openapi({ description: 'The roles the caller may invite with' }),
  })
  .openapi('WorkspacePermissions');

function registerFor(app: App, deps: AppDeps, kind: EntityKind): void {
  const { segment, param } = entityCollections[kind];
  const route = createRoute({
    method: 'get',
    path: `/api/${segment}/{${param}}/permissions`,
    summary: `What the caller may do with the ${kind}, decided by the rules that guard its writes`,
    request: { params: z.object({ [param]: idSchema }) },
    responses: {
      200: { description: 'The caller’s permissions', ...json(entityPermissionsSchema) },
      ...errorResponses,
    },
  });
  defineRoute(app, policy.signedIn, route, async (c) => {
    const id = (c.req.valid('param') as Record<string, string>)[param] ?? '';
    const ref = await loadEntityRef(deps.db, kind, id);
    const capabilities = await entityCapabilities(deps.db, callerId(c), ref);
    if (!capabilities) throw notFound(kindLabel(kind), id);
    if (kind !== 'project') return c.json(capabilities, 200);
    // A sponsor decides on a project's changes through a product role, with no role on the project itself.
    const decideAs = await decidableRoles(deps.db, callerId(c), await changeProject(deps.db, id));
    return c.json({ ...capabilities, decideAs }, 200);
  });
}

/** What the caller may do with a workspace and with each product, program and project, for clients to offer. */
export function registerPermissionRoutes(app: App, deps: AppDeps): void {
  for (const kind of ['product', 'program', 'project'] as const) registerFor(app, deps, kind);
  const workspace = createRoute({
    method: 'get',
    path: '/api/workspaces/{workspaceId}/permissions',
    summary: 'What the caller may do in the workspace beyond reading it',
    request: { params: z.object({ workspaceId: idSchema }) },
    responses: {
      200: { description: 'The caller’s permissions', ...json(workspacePermissionsSchema) },
      ...errorResponses,
    },
  });
  defineRoute(app, policy.workspaceMember, workspace, async (c) => {
    const { workspaceId } = c.req.valid('param');
    const capabilities = await workspaceCapabilities(deps.db, callerId(c), workspaceId);
    if (!capabilities) throw notFound('Workspace', workspaceId);
    return c.json(capabilities, 200);
  });
}
