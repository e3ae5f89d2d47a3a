import { createRoute, z } from '@hono/zod-openapi';
import { identityErrors, json } from '../accounts/schemas';
import type { App, AppDeps } from '../http/context';
import { listQuerySchema, pageSchema } from '../http/pagination';
import { defineRoute } from '../http/route-rule';
import { createApiToken, listApiTokens, revokeApiToken } from './api-tokens';
import { callerOf } from './caller';
import { policy } from './policy';

const tokenSchema = z
  .object({ id: z.string(), name: z.string(), createdAt: z.string(), lastUsedAt: z.string().nullable() })
  .openapi('ApiToken');

const list = createRoute({
  method: 'get',
  path: '/api/tokens',
  summary: "The caller's API tokens (never their secrets)",
  request: { query: listQuerySchema.pick({ limit: true, cursor: true }) },
  responses: {
    200: { description: 'A page of tokens', ...json(pageSchema(tokenSchema)) },
    ...identityErrors,
  },
});

const create = createRoute({
  method: 'post',
  path: '/api/tokens',
  summary: 'Create an API token; the secret is in this reply only',
  request: { body: { required: true, ...json(z.strictObject({ name: z.string().trim().min(1).max(100) })) } },
  responses: {
    201: { description: 'Created', ...json(z.object({ token: tokenSchema, secret: z.string() })) },
    ...identityErrors,
  },
});

const revoke = createRoute({
  method: 'delete',
  path: '/api/tokens/{tokenId}',
  summary: 'Revoke an API token at once',
  request: { params: z.object({ tokenId: z.string().min(1).max(100) }) },
  responses: { 204: { description: 'Revoked' }, ...identityErrors },
});

/** Registers the API token routes: list, create (shown once), revoke. */
export function registerTokenRoutes(app: App, deps: AppDeps): void {
  defineRoute(app, policy.signedIn, list, async (c) => {
    const query = c.req.valid('query');
    return c.json(await listApiTokens(deps.db, callerOf(c).userId, query), 200);
  });
  defineRoute(app, policy.signedIn, create, async (c) => {
    return c.json(await createApiToken(deps.db, callerOf(c).userId, c.req.valid('json').name), 201);
  });
  defineRoute(app, policy.signedIn, revoke, async (c) => {
    await revokeApiToken(deps.db, callerOf(c).userId, c.req.valid('param').tokenId);
    return c.body(null, 204);
  });
}
