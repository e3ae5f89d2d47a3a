import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { identityFeatures } from '../src/auth/identity-feature';
import { createDatabaseClient } from '../src/db/client';
import { memoryMailer } from '../src/mail/memory-mailer';
import { createTestDatabase } from './helpers/database';
import { addToWorkspace, cookiesOf, createWorkspace, signUp } from './helpers/identity';
import { startTestServer, type TestServer } from './helpers/server';

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer({ features: identityFeatures({ mailer: memoryMailer() }) });
});
afterAll(async () => {
  await t?.close();
});

describe('session lifetime', () => {
  it('refuses an expired session and clears its cookies', async () => {
    const user = await signUp(t);
    await t.server.deps.pool.query(
      `update sessions set expires_at = now() - interval '1 second' where user_id = $1`,
      [user.user.id],
    );
    const response = await user.request('GET', '/api/auth/me');
    expect(response.status).toBe(401);
    expect(response.headers.getSetCookie().some((h) => /^tandem_session=;/.test(h))).toBe(true);
  });

  it('extends a session in use once its last renewal is over an hour old, re-sending the cookie', async () => {
    const user = await signUp(t);
    await t.server.deps.pool.query(
      `update sessions set last_seen_at = now() - interval '2 hours', expires_at = now() + interval '1 day'
        where user_id = $1`,
      [user.user.id],
    );
    const response = await user.request('GET', '/api/auth/me');
    expect(response.status).toBe(200);
    expect(cookiesOf(response).tandem_session).toBe(user.sessionCookie);
    const { rows } = await t.server.deps.pool.query(
      `select expires_at > now() + interval '29 days' as extended from sessions where user_id = $1`,
      [user.user.id],
    );
    expect(rows[0].extended).toBe(true);
    const quiet = await user.request('GET', '/api/auth/me');
    expect(cookiesOf(quiet).tandem_session).toBeUndefined();
  });

  it('keeps sessions of other users working when one signs out', async () => {
    const first = await signUp(t);
    const second = await signUp(t);
    await first.request('POST', '/api/auth/signout');
    expect((await second.request('GET', '/api/auth/me')).status).toBe(200);
  });
});

describe('races', () => {
  it('makes exactly one instance owner when the first sign-ups arrive together', async () => {
    const database = await createTestDatabase();
    const server = await startTestServer({
      database,
      features: identityFeatures({ mailer: memoryMailer() }),
    });
    try {
      const replies = await Promise.all(
        Array.from({ length: 6 }, (_, i) =>
          server.request('POST', '/api/auth/signup', {
            body: { email: `racer${i}@example.test`, name: `Racer ${i}`, password: 'a long enough password' },
          }),
        ),
      );
      expect(replies.map((reply) => reply.status)).toEqual(Array(6).fill(201));
      const client = createDatabaseClient({ connectionString: database.url });
      try {
        const { rows } = await client.pool.query(
          'select count(*)::int as owners from users where instance_owner',
        );
        expect(rows[0].owners).toBe(1);
      } finally {
        await client.close();
      }
    } finally {
      await server.close();
      await database.drop();
    }
  });

  it('creates one account when the same email signs up twice at once', async () => {
    const replies = await Promise.all(
      [0, 1, 2].map(() =>
        t.request('POST', '/api/auth/signup', {
          body: { email: 'twin@example.test', name: 'Twin', password: 'a long enough password' },
        }),
      ),
    );
    expect(replies.map((reply) => reply.status).sort()).toEqual([201, 409, 409]);
  });

  it('never leaves a workspace without an owner when two owners demote each other at once', async () => {
    const first = await signUp(t);
    const second = await signUp(t);
    const { id } = await createWorkspace(first, 'Two owners');
    await addToWorkspace(t, id, second, 'owner');
    const replies = await Promise.all([
      first.request('PATCH', `/api/workspaces/${id}/members/${second.user.id}`, {
        body: { role: 'member', version: 1 },
      }),
      second.request('PATCH', `/api/workspaces/${id}/members/${first.user.id}`, {
        body: { role: 'member', version: 1 },
      }),
    ]);
    const statuses = replies.map((reply) => reply.status).sort();
    expect(statuses[0]).toBe(200);
    expect([403, 409]).toContain(statuses[1]);
    const { rows } = await t.server.deps.pool.query(
      `select count(*)::int as owners from workspace_members where workspace_id = $1 and role = 'owner'`,
      [id],
    );
    expect(rows[0].owners).toBe(1);
  });
});
