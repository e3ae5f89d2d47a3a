import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { domainTestFeatures } from './helpers/domain-features';
import { type Caller, createWorkspace, signUp } from './helpers/domain-world';
import { startTestServer, type TestServer } from './helpers/server';

let t: TestServer;
let owner: Caller;
let workspaceId: string;
let projectId: string;

beforeAll(async () => {
  t = await startTestServer({ features: domainTestFeatures() });
  owner = await signUp(t, 'Cursor Owner');
  workspaceId = await createWorkspace(t, owner);
  const project = await owner.json<{ id: string }>(
    'POST',
    `/api/workspaces/${workspaceId}/projects`,
    { name: 'Cursors', startDate: '2026-01-05' },
    201,
  );
  projectId = project.id;
  for (const name of ['A', 'B', 'C']) {
    await owner.json('POST', `/api/projects/${projectId}/tasks`, { name, durationMinutes: 480 }, 201);
  }
});
afterAll(async () => {
  await t?.close();
});

/** A cursor as the server encodes them, but with a key the client chose. */
const forged = (sort: string, key: unknown) =>
  Buffer.from(JSON.stringify({ s: sort, k: [key, 'tsk_forged'] })).toString('base64url');

describe('list cursors', () => {
  it('follows a genuine cursor to the next page', async () => {
    const first = await owner.json<{ items: { name: string }[]; nextCursor: string | null }>(
      'GET',
      `/api/projects/${projectId}/tasks?limit=2&sort=name`,
    );
    expect(first.items.map((task) => task.name)).toEqual(['A', 'B']);
    expect(first.nextCursor).not.toBeNull();
    const second = await owner.json<{ items: { name: string }[] }>(
      'GET',
      `/api/projects/${projectId}/tasks?limit=2&sort=name&cursor=${first.nextCursor}`,
    );
    expect(second.items.map((task) => task.name)).toEqual(['C']);
  });

  const cases: [string, () => string][] = [
    [
      'a text key on a number column',
      () =>
        `/api/projects/${projectId}/tasks?sort=durationMinutes&cursor=${forged('durationMinutes', 'abc')}`,
    ],
    [
      'a huge number on an integer column',
      () =>
        `/api/projects/${projectId}/tasks?sort=durationMinutes&cursor=${forged('durationMinutes', 1e300)}`,
    ],
    [
      'a boolean key on a text column',
      () => `/api/projects/${projectId}/tasks?sort=name&cursor=${forged('name', true)}`,
    ],
    [
      'text that is no timestamp',
      () => `/api/workspaces/${workspaceId}/projects?sort=createdAt&cursor=${forged('createdAt', 'garbage')}`,
    ],
    [
      'an impossible date',
      () => `/api/workspaces/${workspaceId}/audit?cursor=${forged('-at', '2026-13-45T00:00:00Z')}`,
    ],
    [
      'a NUL character in a text key',
      () => `/api/projects/${projectId}/tasks?sort=name&cursor=${forged('name', 'a\u0000b')}`,
    ],
    ['bytes that are not base64 JSON', () => `/api/projects/${projectId}/tasks?cursor=%E2%9C%93not-json`],
  ];
  for (const [what, path] of cases) {
    it(`refuses a forged cursor with ${what} as a 400 naming the cursor`, async () => {
      const response = await owner.request('GET', path());
      expect(response.status).toBe(400);
      const body = (await response.json()) as { error: { code: string; field?: string } };
      expect(body.error.code).toBe('VALIDATION_FAILED');
      expect(body.error.field).toBe('cursor');
    });
  }
});
