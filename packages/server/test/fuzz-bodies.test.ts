import { request as httpRequest } from 'node:http';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { routeTable } from '../src/http/route-rule';
import { type Caller, createWorkspace, signUp } from './helpers/domain-world';
import { startTestServer, type TestServer } from './helpers/server';

let t: TestServer;
let owner: Caller;
const ids: Record<string, string> = {};

beforeAll(async () => {
  t = await startTestServer();
  owner = await signUp(t, 'Fuzz Owner');
  const member = await signUp(t, 'Fuzz Member');
  ids.workspaceId = await createWorkspace(t, owner);
  ids.productId = (
    await owner.json<{ id: string }>('POST', `/api/workspaces/${ids.workspaceId}/products`, { name: 'P' })
  ).id;
  ids.programId = (
    await owner.json<{ id: string }>('POST', `/api/workspaces/${ids.workspaceId}/programs`, { name: 'G' })
  ).id;
  ids.projectId = (
    await owner.json<{ id: string }>('POST', `/api/workspaces/${ids.workspaceId}/projects`, {
      name: 'J',
      startDate: '2026-01-05',
    })
  ).id;
  ids.taskId = (
    await owner.json<{ id: string }>('POST', `/api/projects/${ids.projectId}/tasks`, { name: 'T' })
  ).id;
  ids.userId = member.id;
});
afterAll(async () => {
  await t?.close();
});

// Field names the API knows, so generated objects often hit real fields with wrong values.
const knownFields = [
  'name',
  'vision',
  'description',
  'objective',
  'startDate',
  'statusDate',
  'programId',
  'productId',
  'parentId',
  'durationMinutes',
  'position',
  'calendar',
  'version',
  'email',
  'password',
  'role',
  'currentPassword',
  'newPassword',
  'token',
];

const jsonText = fc.oneof(
  fc.jsonValue().map((value) => JSON.stringify(value)),
  fc
    .dictionary(fc.oneof(fc.constantFrom(...knownFields), fc.string({ maxLength: 12 })), fc.jsonValue(), {
      maxKeys: 6,
    })
    .map((value) => JSON.stringify(value)),
  fc
    .record({
      field: fc.constantFrom(...knownFields),
      // Up to just under the 1 MiB body limit, so each one is read and validated (oversize bodies are a 413,
      // covered by the error-format tests).
      size: fc.integer({ min: 1_000, max: 1_000_000 }),
    })
    .map(({ field, size }) => JSON.stringify({ [field]: 'x'.repeat(size) })),
  fc.constantFrom(
    '{',
    '{"name":',
    '[1,2',
    '{"name":"a",}',
    'nul',
    '\u0000',
    '{"__proto__":{"x":1}}',
    '1e999',
  ),
  fc.string({ maxLength: 200 }),
  // Any code point, NUL and lone surrogates included, in the fields the API knows.
  fc
    .dictionary(fc.constantFrom(...knownFields), fc.string({ unit: 'binary', maxLength: 20 }), { maxKeys: 4 })
    .map((value) => JSON.stringify(value)),
);

/** Odd text for a path or query parameter: any code point, or things that look like ids, numbers and cursors. */
const oddParameter = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 30 }),
  fc.constantFrom(
    '\u0000',
    '%',
    '..',
    'prd_',
    '-1',
    '1e999',
    'eyJzIjoibmFtZSIsImsiOlsiYVx1MDAwMCIsIngiXX0',
    '',
  ),
);

/** A cursor that decodes (opaque but unsigned, so forgeable) with any sort and any key: a keyset value of the wrong type. */
const forgedCursor = fc
  .record({
    sort: fc.constantFrom(
      'name',
      '-name',
      'createdAt',
      '-updatedAt',
      'startDate',
      'position',
      'durationMinutes',
    ),
    key: fc.oneof(
      fc.string({ maxLength: 12 }),
      fc.double(),
      fc.integer(),
      fc.boolean(),
      fc.constantFrom('2026-02-30', '1e999', '9999999999', 'NaN'),
    ),
    id: fc.string({ maxLength: 8 }),
  })
  .map(({ sort, key, id }) => ({
    sort,
    cursor: Buffer.from(JSON.stringify({ s: sort, k: [key, id] })).toString('base64url'),
  }));

const contentType = fc.constantFrom(
  'application/json',
  'application/json; charset=utf-8',
  'text/plain',
  'application/x-www-form-urlencoded',
  'multipart/form-data; boundary=zz',
  undefined,
);

const ifMatch = fc.oneof(
  fc.constant(undefined),
  fc.integer({ min: -2, max: 5 }).map((n) => `"${n}"`),
  fc.string({ maxLength: 30 }),
);

const destructive = (path: string) =>
  path === '/api/auth/signout' ||
  path === '/api/auth/password' ||
  /^\/api\/workspaces\/:workspaceId$/.test(path);

/**
 * One request on its own connection: a server may answer a large body before reading it (415, 401) and close the
 * connection, which must not make the next request fail on a reused socket.
 */
function send(
  method: string,
  path: string,
  body: string,
  headers: Record<string, string>,
): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    let answered = false;
    const req = httpRequest(`${t.url}${path}`, { method, headers, agent: false }, (res) => {
      answered = true;
      if (res.headers['content-type']?.startsWith('text/event-stream')) {
        // A live stream never ends: its status is the answer.
        res.destroy();
        resolve({ status: res.statusCode ?? 0, text: '' });
        return;
      }
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => {
        text += chunk;
      });
      res.on('end', () => resolve({ status: res.statusCode ?? 0, text: text.slice(0, 500) }));
      res.on('error', reject);
    });
    // After an early answer the server may close while the body is still being written; the answer stands.
    req.on('error', (error) => {
      if (!answered) reject(error);
    });
    req.end(body);
  });
}

function concrete(path: string): string {
  return path.replace(/:([A-Za-z]+)/g, (_, name: string) => ids[name] ?? `unknown_${name}`);
}

// Every route of the API is fuzzed in turn, so these take longer as the API grows; a busy machine must not fail them.
describe('random and malformed input', { timeout: 600_000 }, () => {
  it('never produce a 5xx on any write route', async () => {
    const routes = routeTable(t.server.app)
      .filter((route) => ['POST', 'PUT', 'PATCH', 'DELETE'].includes(route.method))
      // Routes that end the session or the workspace run last, so the others are fuzzed while signed in.
      .sort((a, b) => Number(destructive(a.path)) - Number(destructive(b.path)));
    expect(routes.length).toBeGreaterThan(10);
    const failures: string[] = [];
    for (const route of routes) {
      const path = concrete(route.path);
      const result = await fc.check(
        fc.asyncProperty(jsonText, contentType, ifMatch, async (body, type, match) => {
          const headers: Record<string, string> = {};
          if (type) headers['content-type'] = type;
          if (match !== undefined) headers['if-match'] = match;
          const response = await send(route.method, path, body, { ...owner.writeHeaders(), ...headers });
          if (response.status >= 500) {
            failures.push(
              `${route.method} ${route.path} ${type} ${body.slice(0, 120)} → ${response.status} ${response.text}`,
            );
          }
          return response.status < 500;
        }),
        { numRuns: 40 },
      );
      if (result.failed) {
        // The counterexample can be a megabyte of JSON: report its start and the seed that replays it.
        const example = JSON.stringify(result.counterexample).slice(0, 300);
        const cause = (result.errorInstance as { cause?: unknown } | undefined)?.cause;
        throw new Error(
          `${route.method} ${route.path} failed (seed ${result.seed}): ${example} ${String(result.errorInstance).slice(0, 300)} ${String(cause).slice(0, 300)}`,
        );
      }
    }
    expect(failures).toEqual([]);
  });

  it('never produce a 5xx from odd path and query parameters on any route', async () => {
    const routes = routeTable(t.server.app).filter((route) => !destructive(route.path));
    const failures: string[] = [];
    for (const route of routes) {
      const names = [...route.path.matchAll(/:([A-Za-z]+)/g)].map((match) => match[1] ?? '');
      // Text PostgreSQL cannot store, in each parameter and each query key in turn: a known way to a 500.
      const nul = encodeURIComponent('a\u0000b');
      for (const name of names) {
        const path = concrete(route.path).replace(encodeURIComponent(ids[name] ?? `unknown_${name}`), nul);
        const response = await send(route.method, path, '{}', {
          'content-type': 'application/json',
          ...owner.writeHeaders(),
        });
        if (response.status >= 500)
          failures.push(`${route.method} ${path} → ${response.status} ${response.text}`);
      }
      for (const key of ['q', 'cursor', 'sort', 'limit', 'parentId', 'workspaceId']) {
        const path = `${concrete(route.path)}?${key}=${nul}`;
        const response = await send(route.method, path, '{}', {
          'content-type': 'application/json',
          ...owner.writeHeaders(),
        });
        if (response.status >= 500)
          failures.push(`${route.method} ${path} → ${response.status} ${response.text}`);
      }
      const result = await fc.check(
        fc.asyncProperty(
          fc.array(fc.option(oddParameter, { nil: undefined }), {
            minLength: names.length,
            maxLength: names.length,
          }),
          fc.dictionary(
            fc.constantFrom('limit', 'cursor', 'sort', 'q', 'parentId', 'programId', 'workspaceId'),
            oddParameter,
            {
              maxKeys: 3,
            },
          ),
          async (values, query) => {
            let i = 0;
            const path = route.path.replace(/:([A-Za-z]+)/g, (_, name: string) => {
              const value = values[i++];
              return encodeURIComponent(value ?? ids[name] ?? 'x');
            });
            const search = new URLSearchParams(query).toString();
            const response = await send(route.method, `${path}${search ? `?${search}` : ''}`, '{}', {
              'content-type': 'application/json',
              ...owner.writeHeaders(),
            });
            if (response.status >= 500)
              failures.push(`${route.method} ${path}?${search} → ${response.status} ${response.text}`);
            return response.status < 500;
          },
        ),
        { numRuns: 30 },
      );
      if (result.failed) {
        throw new Error(
          `${route.method} ${route.path} (seed ${result.seed}): ${JSON.stringify(result.counterexample).slice(0, 300)}`,
        );
      }
    }
    expect(failures).toEqual([]);
  });

  it('never produce a 5xx from a forged cursor on any list', async () => {
    const lists = routeTable(t.server.app).filter(
      (route) => route.method === 'GET' && !route.path.endsWith('/events'),
    );
    const failures: string[] = [];
    for (const route of lists) {
      const result = await fc.check(
        fc.asyncProperty(forgedCursor, async ({ sort, cursor }) => {
          const path = `${concrete(route.path)}?sort=${encodeURIComponent(sort)}&cursor=${cursor}`;
          const response = await send('GET', path, '', owner.readHeaders());
          if (response.status >= 500) failures.push(`${path} → ${response.status} ${response.text}`);
          return response.status < 500;
        }),
        { numRuns: 25 },
      );
      if (result.failed) {
        throw new Error(
          `${route.path} (seed ${result.seed}): ${JSON.stringify(result.counterexample).slice(0, 300)}`,
        );
      }
    }
    expect(failures).toEqual([]);
  });
});
