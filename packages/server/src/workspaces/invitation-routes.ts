import { createRoute, z } from '@hono/zod-openapi';
import { emailSchema, identityErrors, json } from '../accounts/schemas';
import { callerOf } from '../auth/caller';
import { policy } from '../auth/policy';
import { workspaceRoles } from '../db/schema/workspaces';
import type { App, AppDeps } from '../http/context';
import { listQuerySchema, pageSchema } from '../http/pagination';
import { defineRoute } from '../http/route-rule';
import { logMailFailure } from '../mail/log-mail-failure';
import type { Mailer } from '../mail/mailer';
import {
  acceptInvitation,
  createInvitation,
  listInvitations,
  previewInvitation,
  revokeInvitation,
} from './invitation-service';
import { workspaceSchema } from './workspace-view';

const invitationSchema = z
  .object({
    id: z.string(),
    email: z.string(),
    role: z.enum(workspaceRoles),
    expiresAt: z.string(),
    createdAt: z.string(),
    invitedBy: z.string().nullable(),
  })
  .openapi('Invitation');

const idSchema = z.string().min(1).max(100);
const workspaceParams = z.object({ workspaceId: idSchema });
const tokenParams = z.object({ token: z.string().min(1).max(200) });

const list = createRoute({
  method: 'get',
  path: '/api/workspaces/{workspaceId}/invitations',
  summary:
    'Pending invitations (owners and admins); sort by createdAt, email or expiresAt, q matches the email',
  request: { params: workspaceParams, query: listQuerySchema },
  responses: {
    200: { description: 'A page of invitations', ...json(pageSchema(invitationSchema)) },
    ...identityErrors,
  },
});

const create = createRoute({
  method: 'post',
  path: '/api/workspaces/{workspaceId}/invitations',
  summary: 'Invite someone by email with a role; the link is mailed and returned',
  request: {
    params: workspaceParams,
    body: { required: true, ...json(z.strictObject({ email: emailSchema, role: z.enum(workspaceRoles) })) },
  },
  responses: {
    201: {
      description: 'Invited',
      ...json(z.object({ invitation: invitationSchema, acceptUrl: z.string() })),
    },
    ...identityErrors,
    409: { description: 'Already a member' },
  },
});

const revoke = createRoute({
  method: 'delete',
  path: '/api/workspaces/{workspaceId}/invitations/{invitationId}',
  summary: 'Revoke a pending invitation',
  request: { params: z.object({ workspaceId: idSchema, invitationId: idSchema }) },
  responses: { 204: { description: 'Revoked' }, ...identityErrors },
});

const preview = createRoute({
  method: 'get',
  path: '/api/invitations/{token}',
  summary: 'What an invitation link offers (public)',
  request: { params: tokenParams },
  responses: {
    200: {
      description: 'The invitation',
      ...json(z.object({ workspaceName: z.string(), email: z.string(), role: z.enum(workspaceRoles) })),
    },
    ...identityErrors,
  },
});

const accept = createRoute({
  method: 'post',
  path: '/api/invitations/{token}/accept',
  summary: 'Join the workspace as the signed-in user (whose email must be the invited one)',
  request: { params: tokenParams },
  responses: {
    200: { description: 'Joined', ...json(z.object({ workspace: workspaceSchema })) },
    ...identityErrors,
  },
});

/** Registers the invitation routes. */
export function registerInvitationRoutes(app: App, deps: AppDeps, mailer: Mailer): void {
  defineRoute(app, policy.workspaceAdmin, list, async (c) => {
    const { workspaceId } = c.req.valid('param');
    return c.json(await listInvitations(deps.db, callerOf(c).userId, workspaceId, c.req.valid('query')), 200);
  });
  defineRoute(app, policy.workspaceAdmin, create, async (c) => {
    const { invitation, acceptUrl, mail } = await createInvitation(
      deps.db,
      mailer,
      deps.config.publicUrl,
      callerOf(c).userId,
      c.req.valid('param').workspaceId,
      c.req.valid('json'),
    );
    logMailFailure(deps.logger, mailer, 'invitation', mail);
    return c.json({ invitation, acceptUrl }, 201);
  });
  defineRoute(app, policy.workspaceAdmin, revoke, async (c) => {
    const { workspaceId, invitationId } = c.req.valid('param');
    await revokeInvitation(deps.db, callerOf(c).userId, workspaceId, invitationId);
    return c.body(null, 204);
  });
  defineRoute(app, policy.public, preview, async (c) =>
    c.json(await previewInvitation(deps.db, c.req.valid('param').token), 200),
  );
  defineRoute(app, policy.signedIn, accept, async (c) => {
    const workspace = await acceptInvitation(deps.db, callerOf(c).userId, c.req.valid('param').token);
    return c.json({ workspace }, 200);
  });
}
