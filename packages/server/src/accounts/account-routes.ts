import { createRoute, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { callerOf } from '../auth/caller';
import { clientAddress } from '../auth/client-address';
import { clearSessionCookies, setSessionCookies } from '../auth/cookies';
import { isSecureRequest } from '../auth/identity-middleware';
import { policy } from '../auth/policy';
import type { App, AppDeps } from '../http/context';
import { ApiError } from '../http/errors';
import { defineRoute } from '../http/route-rule';
import { expectedVersion, setVersionTag } from '../http/version';
import {
  type ClientInfo,
  changePassword,
  describeMe,
  needsOwner,
  signIn,
  signOut,
  signUp,
  updateProfile,
} from './account-service';
import { emailSchema, identityErrors, json, newPasswordSchema, personNameSchema } from './schemas';
import { userSchema } from './user-view';

const userReply = z.object({ user: userSchema });

const meReply = z
  .object({
    user: userSchema,
    workspaces: z.array(
      z.object({
        id: z.string(),
        name: z.string(),
        slug: z.string(),
        role: z.enum(['owner', 'admin', 'member', 'guest']),
      }),
    ),
  })
  .openapi('Me');

const setup = createRoute({
  method: 'get',
  path: '/api/setup',
  summary: 'Whether the server still needs its first account',
  responses: { 200: { description: 'Setup state', ...json(z.object({ needsOwner: z.boolean() })) } },
});

const signup = createRoute({
  method: 'post',
  path: '/api/auth/signup',
  summary: 'Create an account and sign in; the first account is the instance owner',
  request: {
    body: {
      required: true,
      ...json(z.strictObject({ email: emailSchema, name: personNameSchema, password: newPasswordSchema })),
    },
  },
  responses: { 201: { description: 'Signed up and signed in', ...json(userReply) }, ...identityErrors },
});

const signin = createRoute({
  method: 'post',
  path: '/api/auth/signin',
  summary: 'Sign in with email and password',
  request: {
    body: {
      required: true,
      ...json(z.strictObject({ email: emailSchema, password: z.string().min(1, 'is required').max(1000) })),
    },
  },
  responses: {
    200: { description: 'Signed in', ...json(userReply) },
    ...identityErrors,
    429: { description: 'Too many failed attempts' },
  },
});

const signout = createRoute({
  method: 'post',
  path: '/api/auth/signout',
  summary: 'End this session',
  responses: { 204: { description: 'Signed out' }, ...identityErrors },
});

const getMe = createRoute({
  method: 'get',
  path: '/api/auth/me',
  summary: 'The signed-in user and their workspaces',
  responses: { 200: { description: 'The caller', ...json(meReply) }, ...identityErrors },
});

const patchMe = createRoute({
  method: 'patch',
  path: '/api/auth/me',
  summary: 'Change the display name; needs the version it is based on (If-Match or `version`)',
  request: {
    body: {
      required: true,
      ...json(z.strictObject({ name: personNameSchema, version: z.number().int().min(1).optional() })),
    },
  },
  responses: {
    200: { description: 'Updated', ...json(userReply) },
    ...identityErrors,
    409: { description: 'Stale version; the body has `current`' },
    428: { description: 'Neither If-Match nor version was sent' },
  },
});

const password = createRoute({
  method: 'post',
  path: '/api/auth/password',
  summary: 'Change the password; every other session ends',
  request: {
    body: {
      required: true,
      ...json(
        z.strictObject({
          currentPassword: z.string().min(1, 'is required').max(1000),
          newPassword: newPasswordSchema,
        }),
      ),
    },
  },
  responses: { 204: { description: 'Changed' }, ...identityErrors },
});

/** The address and browser of a request, for sessions and the sign-in throttle. */
function clientInfo(c: Context): ClientInfo {
  return { ip: clientAddress(c), userAgent: c.req.header('User-Agent') };
}

/** Registers setup, sign-up, sign-in, sign-out, the caller's profile and the password change. */
export function registerAccountRoutes(app: App, deps: AppDeps): void {
  defineRoute(app, policy.public, setup, async (c) => c.json({ needsOwner: await needsOwner(deps.db) }, 200));

  defineRoute(app, policy.public, signup, async (c) => {
    const body = c.req.valid('json');
    const { user, session } = await signUp(deps.db, body, clientInfo(c));
    setSessionCookies(c, session.secret, session.csrfToken, isSecureRequest(c, deps));
    return c.json({ user }, 201);
  });

  defineRoute(app, policy.public, signin, async (c) => {
    try {
      const { user, session } = await signIn(deps.db, c.req.valid('json'), clientInfo(c));
      setSessionCookies(c, session.secret, session.csrfToken, isSecureRequest(c, deps));
      return c.json({ user }, 200);
    } catch (error) {
      if (error instanceof ApiError && error.status === 429) {
        c.header('Retry-After', String(error.extra?.retryAfterSeconds ?? 900));
      }
      throw error;
    }
  });

  defineRoute(app, policy.signedIn, signout, async (c) => {
    const caller = callerOf(c);
    if (caller.sessionId !== null) await signOut(deps.db, caller.userId, caller.sessionId);
    clearSessionCookies(c, isSecureRequest(c, deps));
    return c.body(null, 204);
  });

  defineRoute(app, policy.signedIn, getMe, async (c) =>
    c.json(await describeMe(deps.db, callerOf(c).userId), 200),
  );

  defineRoute(app, policy.signedIn, patchMe, async (c) => {
    const { version, ...changes } = c.req.valid('json');
    const user = await updateProfile(deps.db, callerOf(c).userId, expectedVersion(c, version), changes);
    setVersionTag(c, user.version);
    return c.json({ user }, 200);
  });

  defineRoute(app, policy.signedIn, password, async (c) => {
    const caller = callerOf(c);
    await changePassword(deps.db, caller.userId, caller.sessionId, c.req.valid('json'), clientInfo(c));
    return c.body(null, 204);
  });
}
