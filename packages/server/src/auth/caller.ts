import type { Context } from 'hono';
import type { Database } from '../db/client';
import { ApiError } from '../http/errors';
import type { CompanionRead } from './companion-read';

/** Who is calling: a user signed in through a session cookie or an API token. */
export interface Caller {
  userId: string;
  via: 'session' | 'token';
  /** The session of a cookie-authenticated request, else null. */
  sessionId: string | null;
  /** The API token of a bearer request, else null. */
  tokenId: string | null;
}

/** A caller and, for a cookie session, the CSRF token its writes must echo. */
export interface Authenticated {
  caller: Caller;
  csrfToken: string | null;
}

/** What the identity middleware puts on every request so the route rules can reach the database. */
export interface IdentityContext {
  db: Database;
  /** Resolves the caller from the session cookie or bearer token, once per request; undefined when anonymous. */
  authenticate(): Promise<Authenticated | undefined>;
}

declare module 'hono' {
  interface ContextVariableMap {
    /** Set by the identity middleware (`auth/identity-middleware.ts`). */
    identity: IdentityContext | undefined;
    /** Set by `policy.signedIn` and the rules built on it. */
    caller: Caller | undefined;
    /** Set by `policy.workspaceMemberReading` for the authentication lookup to run (see `CompanionRead`). */
    companionRead: CompanionRead | undefined;
  }
}

/**
 * The signed-in caller of a route guarded by `policy.signedIn` (or a rule built on it).
 * @example const caller = callerOf(c); await listTokens(deps.db, caller.userId);
 */
export function callerOf(c: Context): Caller {
  const caller = c.get('caller');
  if (!caller) throw new ApiError(401, 'UNAUTHENTICATED', 'Sign in first');
  return caller;
}

/** The id of the signed-in user of a route guarded by `policy.signedIn`. */
export function callerId(c: Context): string {
  return callerOf(c).userId;
}
