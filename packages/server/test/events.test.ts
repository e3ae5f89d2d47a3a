import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { transaction } from '../src/db/client';
import { ApiError } from '../src/http/errors';
import type { RouteRule } from '../src/http/route-rule';
import type { Change } from '../src/realtime/change';
import { type ChangeVisibility, eventsRoutes } from '../src/realtime/events';
import { publishChange } from '../src/realtime/notify';
import { createTestDatabase, type TestDatabase } from './helpers/database';
import { startTestServer, type TestServer } from './helpers/server';
import { openEventStream } from './helpers/sse';

// A header-based sign-in and a fixed visibility table stand in for the identity policy, so this file tests the
// delivery machinery alone: alice sees the whole workspace, bob only project prj_shared, nobody sees ws_other.
const headerRule: RouteRule = {
  name: 'test-signed-in',
  enforce: async (c, next) => {
    const user = c.req.header('x-test-user');
    if (!user) throw new ApiError(401, 'UNAUTHENTICATED', 'Sign in first');
    c.set('userId', user);
    await next();
  },
};
const visibility: ChangeVisibility = {
  canFollowWorkspace: async (_db, _userId, workspaceId) => workspaceId === 'ws_1',
  canSeeChange: async (_db, userId, change: Change) =>
    userId === 'alice' || change.projectId === 'prj_shared',
};
const features = [eventsRoutes({ rule: headerRule, visibility, heartbeatMs: 200 })];

let database: TestDatabase;
let first: TestServer;
let second: TestServer;
beforeAll(async () => {
  database = await createTestDatabase();
  first = await startTestServer({ database, features });
  second = await startTestServer({ database, features });
});
afterAll(async () => {
  await first?.close();
  await second?.close();
  await database?.drop();
});

const change = (entityId: string, projectId: string): Change => ({
  entityType: 'task',
  entityId,
  action: 'update',
  workspaceId: 'ws_1',
  projectId,
  version: 2,
});

describe('live changes over Server-Sent Events', () => {
  it('delivers a change committed on another server instance', async () => {
    const stream = await openEventStream(`${first.url}/api/events?workspaceId=ws_1`, {
      'x-test-user': 'alice',
    });
    try {
      expect(stream.status).toBe(200);
      await stream.waitFor((e) => e.event === 'ready');
      await transaction(second.server.deps.db, (tx) => publishChange(tx, change('tsk_a', 'prj_private')));
      const received = await stream.waitFor((e) => e.event === 'change');
      expect(JSON.parse(received.data)).toEqual(change('tsk_a', 'prj_private'));
    } finally {
      stream.close();
    }
  });

  it('leaves out what the subscriber may not see', async () => {
    const stream = await openEventStream(`${first.url}/api/events?workspaceId=ws_1`, {
      'x-test-user': 'bob',
    });
    try {
      await stream.waitFor((e) => e.event === 'ready');
      await transaction(second.server.deps.db, async (tx) => {
        await publishChange(tx, change('tsk_hidden', 'prj_private'));
      });
      await transaction(second.server.deps.db, async (tx) => {
        await publishChange(tx, change('tsk_seen', 'prj_shared'));
      });
      await stream.waitFor((e) => e.event === 'change' && JSON.parse(e.data).entityId === 'tsk_seen');
      const ids = stream.events.filter((e) => e.event === 'change').map((e) => JSON.parse(e.data).entityId);
      expect(ids).toEqual(['tsk_seen']);
    } finally {
      stream.close();
    }
  });

  it('delivers nothing from a rolled-back transaction', async () => {
    const stream = await openEventStream(`${second.url}/api/events?workspaceId=ws_1`, {
      'x-test-user': 'alice',
    });
    try {
      await stream.waitFor((e) => e.event === 'ready');
      await expect(
        transaction(first.server.deps.db, async (tx) => {
          await publishChange(tx, change('tsk_rolled_back', 'prj_shared'));
          throw new Error('abort the write');
        }),
      ).rejects.toThrow('abort the write');
      await transaction(first.server.deps.db, (tx) =>
        publishChange(tx, change('tsk_committed', 'prj_shared')),
      );
      await stream.waitFor((e) => e.event === 'change');
      const ids = stream.events.filter((e) => e.event === 'change').map((e) => JSON.parse(e.data).entityId);
      expect(ids).toEqual(['tsk_committed']);
    } finally {
      stream.close();
    }
  });

  it('answers 404 for a workspace the caller may not follow and 401 without a user', async () => {
    const hidden = await first.request('GET', '/api/events?workspaceId=ws_other', {
      headers: { 'x-test-user': 'alice' },
    });
    expect(hidden.status).toBe(404);
    const anonymous = await first.request('GET', '/api/events?workspaceId=ws_1');
    expect(anonymous.status).toBe(401);
    const missing = await first.request('GET', '/api/events', { headers: { 'x-test-user': 'alice' } });
    expect(missing.status).toBe(400);
    expect(((await missing.json()) as { error: { field: string } }).error.field).toBe('workspaceId');
  });

  it('sends heartbeats on an idle stream', async () => {
    const response = await fetch(`${first.url}/api/events?workspaceId=ws_1`, {
      headers: { 'x-test-user': 'alice' },
    });
    const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader();
    let text = '';
    while (!text.includes(': heartbeat')) text += (await reader.read()).value ?? '';
    await reader.cancel();
    expect(text).toContain(': heartbeat');
  });
});

describe('the API document', () => {
  it('lists the event stream with its workspaceId parameter and its text/event-stream reply', async () => {
    const document = (await (await first.request('GET', '/api/openapi.json')).json()) as {
      paths: Record<
        string,
        {
          get?: {
            parameters?: { name: string; in: string; required?: boolean }[];
            responses: Record<string, { content?: Record<string, unknown> }>;
          };
        }
      >;
    };
    const events = document.paths['/api/events']?.get;
    expect(events?.parameters).toContainEqual(
      expect.objectContaining({ name: 'workspaceId', in: 'query', required: true }),
    );
    expect(Object.keys(events?.responses['200']?.content ?? {})).toEqual(['text/event-stream']);
  });

  it('still refuses a stream without a workspace', async () => {
    const response = await first.request('GET', '/api/events', { headers: { 'x-test-user': 'alice' } });
    expect(response.status).toBe(400);
    expect(((await response.json()) as { error: { field?: string } }).error.field).toBe('workspaceId');
  });
});
