import type { Context, MiddlewareHandler } from 'hono';
import { getCookie } from 'hono/cookie';
import type { AppDeps, AppEnv } from '../http/context';
import { ApiError } from '../http/errors';
import { withRoleMemo } from './access-queries';
import { findActiveToken } from './api-token-lookup';
import type { Authenticated, IdentityContext } from './caller';
import { clearSessionCookies, csrfCookie, sessionCookie, setCsrfCookie, setSessionCookies } from './cookies';
import { findLiveSession } from './sessions';

const authenticated = new WeakMap<Context, Promise<Authenticated | undefined>>();

/** True when cookies must be `Secure`: the public URL or the request itself is HTTPS. */
export function isSecureRequest(c: Context, deps: AppDeps): boolean {
  if (deps.config.publicUrl.startsWith('https:')) return true;
  if (c.req.header('X-Forwarded-Proto') === 'https') return true;
  return new URL(c.req.url).protocol === 'https:';
}

/**
 * Puts the identity context on every request: the database and a lazy, memoised lookup of the caller. Nothing is
 * queried until a route rule asks, so public routes cost nothing.
 */
export function identityMiddleware(deps: AppDeps): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const identity: IdentityContext = {
      db: deps.db,
      authenticate: () => authenticateRequest(c, deps, isSecureRequest(c, deps)),
    };
    c.set('identity', identity);
    await withRoleMemo(deps.db, () => next());
  };
}

/** The caller of this request with its CSRF token, looked up once per request. */
function authenticateRequest(
  c: Context,
  deps: AppDeps,
  secureCookies: boolean,
): Promise<Authenticated | undefined> {
  let found = authenticated.get(c);
  if (!found) {
    found = resolve(c, deps, secureCookies);
    authenticated.set(c, found);
  }
  return found;
}

async function resolve(
  c: Context,
  deps: AppDeps,
  secureCookies: boolean,
): Promise<Authenticated | undefined> {
  // Under a workspace route the lookup also reads the caller's role there, saving the rule a round trip.
  const workspaceId = c.req.param('workspaceId') as string | undefined;
  const authorization = c.req.header('Authorization');
  if (authorization !== undefined) {
    const match = /^Bearer\s+(\S+)\s*$/i.exec(authorization);
    if (!match?.[1]) {
      throw new ApiError(401, 'UNAUTHENTICATED', 'The Authorization header must be "Bearer <API token>"');
    }
    const token = await findActiveToken(deps.db, match[1], workspaceId, c.get('companionRead'));
    if (!token) throw new ApiError(401, 'UNAUTHENTICATED', 'The API token is not valid or has been revoked');
    return {
      caller: { userId: token.userId, via: 'token', sessionId: null, tokenId: token.id },
      csrfToken: null,
    };
  }
  const secret = getCookie(c, sessionCookie);
  if (!secret) return undefined;
  const session = await findLiveSession(deps.db, secret, workspaceId, c.get('companionRead'));
  if (!session) {
    clearSessionCookies(c, secureCookies);
    return undefined;
  }
  if (session.renewed) setSessionCookies(c, secret, session.csrfToken, secureCookies);
  // A browser that lost the CSRF cookie (cleared by hand, another tab signed in) gets it back on its next request.
  else if (getCookie(c, csrfCookie) !== session.csrfToken) setCsrfCookie(c, session.csrfToken, secureCookies);
  return {
    caller: { userId: session.userId, via: 'session', sessionId: session.id, tokenId: null },
    csrfToken: session.csrfToken,
  };
}
