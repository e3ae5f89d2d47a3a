import { transaction } from '../../src/db/client';
import type { EntityKind, EntityRole } from '../../src/db/schema/entity-members';
import { entityMembers } from '../../src/db/schema/entity-members';
import type { WorkspaceRole } from '../../src/db/schema/workspaces';
import { addMember } from '../../src/workspaces/workspace-service';
import type { TestServer } from './server';

/** Options of one request made as a user. */
export interface AsInit {
  body?: unknown;
  headers?: Record<string, string>;
}

/** A caller in a test: a signed-in browser (cookies and CSRF header) or a script with an API token. */
export interface TestCaller {
  user: { id: string; email: string; name: string };
  /** The headers that authenticate this caller: `Cookie` and `X-CSRF-Token`, or `Authorization`. */
  headers: Record<string, string>;
  /** Sends a request as this caller. */
  request(method: string, path: string, init?: AsInit): Promise<Response>;
}

/** A signed-in browser: also its password and the raw cookie values. */
export interface SignedInUser extends TestCaller {
  password: string;
  sessionCookie: string;
  csrfToken: string;
}

let counter = 0;

/** The cookies a reply sets, by name. */
export function cookiesOf(response: Response): Record<string, string> {
  const cookies: Record<string, string> = {};
  for (const header of response.headers.getSetCookie()) {
    const [pair = ''] = header.split(';');
    const at = pair.indexOf('=');
    if (at > 0) cookies[pair.slice(0, at).trim()] = decodeURIComponent(pair.slice(at + 1).trim());
  }
  return cookies;
}

function callerFor(t: TestServer, user: TestCaller['user'], headers: Record<string, string>): TestCaller {
  return {
    user,
    headers,
    request: (method, path, init = {}) =>
      t.request(method, path, {
        ...(init.body === undefined ? {} : { body: init.body }),
        headers: { ...headers, ...init.headers },
      }),
  };
}

async function signedIn(t: TestServer, response: Response, password: string): Promise<SignedInUser> {
  if (!response.ok) throw new Error(`Sign-in failed: ${response.status} ${await response.text()}`);
  const { user } = (await response.json()) as { user: TestCaller['user'] };
  const cookies = cookiesOf(response);
  const sessionCookie = cookies.tandem_session ?? '';
  const csrfToken = cookies.tandem_csrf ?? '';
  const headers = {
    cookie: `tandem_session=${sessionCookie}; tandem_csrf=${csrfToken}`,
    'x-csrf-token': csrfToken,
  };
  return { ...callerFor(t, user, headers), password, sessionCookie, csrfToken };
}

/**
 * Signs up a new account through the API and returns it signed in. Email and name are unique per call unless given.
 * @example const alice = await signUp(t); await alice.request('POST', '/api/workspaces', { body: { name: 'Acme' } });
 */
export async function signUp(
  t: TestServer,
  input: { email?: string; name?: string; password?: string } = {},
): Promise<SignedInUser> {
  counter += 1;
  const password = input.password ?? 'correct horse battery staple';
  const body = {
    email: input.email ?? `user${counter}.${Date.now()}@example.test`,
    name: input.name ?? `User ${counter}`,
    password,
  };
  return signedIn(t, await t.request('POST', '/api/auth/signup', { body }), password);
}

/** Signs an existing account in through the API (a second browser of the same user). */
export async function signIn(t: TestServer, email: string, password: string): Promise<SignedInUser> {
  return signedIn(t, await t.request('POST', '/api/auth/signin', { body: { email, password } }), password);
}

/** Creates an API token for a signed-in user and returns a caller that uses it. */
export async function withApiToken(
  t: TestServer,
  owner: SignedInUser,
  name = 'test token',
): Promise<TestCaller & { tokenId: string; secret: string }> {
  const response = await owner.request('POST', '/api/tokens', { body: { name } });
  if (response.status !== 201)
    throw new Error(`Token creation failed: ${response.status} ${await response.text()}`);
  const { token, secret } = (await response.json()) as { token: { id: string }; secret: string };
  return { ...callerFor(t, owner.user, { authorization: `Bearer ${secret}` }), tokenId: token.id, secret };
}

/** Creates a workspace through the API as `owner` and returns its id and version. */
export async function createWorkspace(
  owner: TestCaller,
  name = 'Test workspace',
): Promise<{ id: string; version: number; slug: string }> {
  const response = await owner.request('POST', '/api/workspaces', { body: { name } });
  if (response.status !== 201)
    throw new Error(`Workspace creation failed: ${response.status} ${await response.text()}`);
  return (await response.json()) as { id: string; version: number; slug: string };
}

/** Puts a user straight into a workspace with a role (no invitation round trip), as set-up for other tests. */
export async function addToWorkspace(
  t: TestServer,
  workspaceId: string,
  user: TestCaller,
  role: WorkspaceRole,
): Promise<void> {
  await transaction(t.server.deps.db, (tx) =>
    addMember(tx, { workspaceId, userId: user.user.id, role, actorId: null }),
  );
}

/** Gives a user a role on a product, program or project directly, as set-up for other tests. */
export async function grantEntityRole(
  t: TestServer,
  entity: { kind: EntityKind; id: string; workspaceId: string },
  user: TestCaller,
  role: EntityRole,
): Promise<void> {
  await t.server.deps.db
    .insert(entityMembers)
    .values({
      entityType: entity.kind,
      entityId: entity.id,
      workspaceId: entity.workspaceId,
      userId: user.user.id,
      role,
    })
    .onConflictDoUpdate({
      target: [entityMembers.entityType, entityMembers.entityId, entityMembers.userId],
      set: { role },
    });
}
