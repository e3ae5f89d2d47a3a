import pg from 'pg';
import { newId } from '../../src/db/ids';
import type { TestServer } from './server';

/** A signed-in user as a test drives them: cookie session plus the CSRF token every cookie write needs. */
export interface Caller {
  id: string;
  email: string;
  name: string;
  /** The headers that authenticate this caller on a GET (its session cookie). */
  readHeaders(): Record<string, string>;
  /** The headers that authenticate this caller on a write (session cookie and CSRF token). */
  writeHeaders(): Record<string, string>;
  /** Sends a request as this user; a body object is sent as JSON. */
  request(
    method: string,
    path: string,
    init?: { body?: unknown; headers?: Record<string, string> },
  ): Promise<Response>;
  /** Sends a request and parses the JSON reply, failing the test on an unexpected status. */
  json<T = Record<string, unknown>>(
    method: string,
    path: string,
    body?: unknown,
    expected?: number,
  ): Promise<T>;
}

/** The anonymous caller: no cookie, no token. */
export function anonymous(t: TestServer): Caller {
  const request: Caller['request'] = (method, path, init = {}) => t.request(method, path, init);
  return {
    id: '',
    email: '',
    name: 'anonymous',
    readHeaders: () => ({}),
    writeHeaders: () => ({}),
    request,
    json: jsonOf(request),
  };
}

function jsonOf(request: Caller['request']): Caller['json'] {
  return async <T>(method: string, path: string, body?: unknown, expected?: number) => {
    const response = await request(method, path, body === undefined ? {} : { body });
    const text = await response.text();
    const ok = expected === undefined ? response.status < 300 : response.status === expected;
    if (!ok) throw new Error(`${method} ${path} answered ${response.status}: ${text}`);
    return (text ? JSON.parse(text) : {}) as T;
  };
}

function cookiesOf(response: Response): Map<string, string> {
  const jar = new Map<string, string>();
  for (const header of response.headers.getSetCookie()) {
    const [pair] = header.split(';');
    const eq = pair?.indexOf('=') ?? -1;
    if (pair && eq > 0) jar.set(pair.slice(0, eq).trim(), pair.slice(eq + 1).trim());
  }
  return jar;
}

let counter = 0;

/** The password every test account is created with. */
export const testPassword = 'correct horse battery staple';

/** Signs a new user up through the API and returns them as a caller. */
export async function signUp(t: TestServer, name = `User ${++counter}`): Promise<Caller> {
  const email = `${name.toLowerCase().replace(/[^a-z0-9]+/g, '.')}.${Date.now()}.${++counter}@example.com`;
  const response = await t.request('POST', '/api/auth/signup', {
    body: { email, name, password: testPassword },
  });
  if (response.status !== 201)
    throw new Error(`signup answered ${response.status}: ${await response.text()}`);
  const { user } = (await response.json()) as { user: { id: string } };
  return callerOf(t, response, user.id, email, name);
}

/** Opens a new session for an existing test account. */
export async function signIn(t: TestServer, account: Pick<Caller, 'id' | 'email' | 'name'>): Promise<Caller> {
  const response = await t.request('POST', '/api/auth/signin', {
    body: { email: account.email, password: testPassword },
  });
  if (response.status !== 200)
    throw new Error(`signin answered ${response.status}: ${await response.text()}`);
  return callerOf(t, response, account.id, account.email, account.name);
}

function callerOf(t: TestServer, response: Response, id: string, email: string, name: string): Caller {
  const jar = cookiesOf(response);
  const readHeaders = () => ({ cookie: [...jar].map(([key, value]) => `${key}=${value}`).join('; ') });
  const writeHeaders = () => {
    const csrf = jar.get('tandem_csrf');
    return { ...readHeaders(), ...(csrf ? { 'x-csrf-token': decodeURIComponent(csrf) } : {}) };
  };
  const request: Caller['request'] = (method, path, init = {}) => {
    const headers: Record<string, string> = {
      ...(method === 'GET' ? readHeaders() : writeHeaders()),
      ...init.headers,
    };
    return t.request(method, path, { ...init, headers });
  };
  return { id, email, name, readHeaders, writeHeaders, request, json: jsonOf(request) };
}

/** Runs one SQL statement on the test server's database. */
export async function sql(t: TestServer, text: string, values: unknown[] = []): Promise<pg.QueryResultRow[]> {
  const client = new pg.Client({ connectionString: t.database.url });
  await client.connect();
  try {
    return (await client.query(text, values)).rows;
  } finally {
    await client.end();
  }
}

/**
 * Creates a workspace owned by `owner`, written straight to the database: these tests are about what happens inside a
 * workspace, not about how one is made.
 */
export async function createWorkspace(t: TestServer, owner: Caller, name = 'Acme'): Promise<string> {
  const id = newId('wsp');
  await sql(t, 'insert into workspaces (id, name, slug, created_by) values ($1, $2, $3, $4)', [
    id,
    name,
    id.toLowerCase(),
    owner.id,
  ]);
  await addMember(t, id, owner, 'owner');
  return id;
}

/** Makes `caller` a member of the workspace with `role`. */
export async function addMember(
  t: TestServer,
  workspaceId: string,
  caller: Caller,
  role: 'owner' | 'admin' | 'member' | 'guest',
): Promise<void> {
  await sql(t, 'insert into workspace_members (workspace_id, user_id, role) values ($1, $2, $3)', [
    workspaceId,
    caller.id,
    role,
  ]);
}
