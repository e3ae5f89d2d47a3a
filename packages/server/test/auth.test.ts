import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { identityFeatures } from '../src/auth/identity-feature';
import { memoryMailer } from '../src/mail/memory-mailer';
import { cookiesOf, signIn, signUp } from './helpers/identity';
import { startTestServer, type TestServer } from './helpers/server';

const mailer = memoryMailer();
let t: TestServer;
beforeAll(async () => {
  t = await startTestServer({ features: identityFeatures({ mailer }) });
});
afterAll(async () => {
  await t?.close();
});

async function errorOf(response: Response) {
  return ((await response.json()) as { error: { code: string; message: string; field?: string } }).error;
}

describe('setup and sign-up', () => {
  it('says an owner is needed before the first account, and makes the first account the instance owner', async () => {
    const before = await t.request('GET', '/api/setup');
    expect(await before.json()).toEqual({ needsOwner: true });
    const response = await t.request('POST', '/api/auth/signup', {
      body: { email: 'Owner@Example.test', name: 'Olive Owner', password: 'a long enough password' },
    });
    expect(response.status).toBe(201);
    const { user } = (await response.json()) as { user: Record<string, unknown> };
    expect(user).toMatchObject({ email: 'Owner@Example.test', name: 'Olive Owner', version: 1 });
    expect(user).not.toHaveProperty('passwordHash');
    const [row] = (
      await t.server.deps.pool.query('select instance_owner from users where id = $1', [user.id])
    ).rows;
    expect(row.instance_owner).toBe(true);
    expect(await (await t.request('GET', '/api/setup')).json()).toEqual({ needsOwner: false });
    const second = await signUp(t);
    const [other] = (
      await t.server.deps.pool.query('select instance_owner from users where id = $1', [second.user.id])
    ).rows;
    expect(other.instance_owner).toBe(false);
  });

  it('sets an httpOnly SameSite=Lax session cookie and a readable CSRF cookie', async () => {
    const response = await t.request('POST', '/api/auth/signup', {
      body: { email: 'cookies@example.test', name: 'Cookie', password: 'a long enough password' },
    });
    const headers = response.headers.getSetCookie();
    const session = headers.find((h) => h.startsWith('tandem_session='))!;
    const csrf = headers.find((h) => h.startsWith('tandem_csrf='))!;
    expect(session).toMatch(/HttpOnly/i);
    expect(session).toMatch(/SameSite=Lax/i);
    expect(session).not.toMatch(/Secure/i);
    expect(csrf).not.toMatch(/HttpOnly/i);
    expect(csrf).toMatch(/SameSite=Lax/i);
  });

  it('stores only a hash of the session secret and an argon2id hash of the password', async () => {
    const user = await signUp(t, { email: 'hashes@example.test' });
    const { rows } = await t.server.deps.pool.query(
      'select s.token_hash, u.password_hash from sessions s join users u on u.id = s.user_id where u.id = $1',
      [user.user.id],
    );
    expect(rows[0].token_hash).not.toBe(user.sessionCookie);
    expect(rows[0].token_hash).toMatch(/^[0-9a-f]{64}$/);
    expect(rows[0].password_hash).toMatch(/^\$argon2id\$/);
  });

  it('refuses an email that is taken, whatever its case, naming the email field', async () => {
    await signUp(t, { email: 'taken@example.test' });
    const response = await t.request('POST', '/api/auth/signup', {
      body: { email: 'TAKEN@example.test', name: 'Again', password: 'a long enough password' },
    });
    expect(response.status).toBe(409);
    expect(await errorOf(response)).toMatchObject({ code: 'CONFLICT', field: 'email' });
  });

  it('names the field of each bad sign-up input', async () => {
    const cases: [Record<string, unknown>, string, string][] = [
      [
        { email: 'not-an-email', name: 'X', password: 'a long enough password' },
        'email',
        'VALIDATION_FAILED',
      ],
      [
        { email: 'a@example.test', name: '   ', password: 'a long enough password' },
        'name',
        'VALIDATION_FAILED',
      ],
      [{ email: 'a@example.test', name: 'X', password: 'short' }, 'password', 'VALIDATION_FAILED'],
      [{ email: 'a@example.test', name: 'X' }, 'password', 'VALIDATION_FAILED'],
      [
        { email: 'a@example.test', name: 'X', password: 'a long enough password', admin: true },
        'admin',
        'UNKNOWN_FIELD',
      ],
    ];
    for (const [body, field, code] of cases) {
      const response = await t.request('POST', '/api/auth/signup', { body });
      expect(response.status, JSON.stringify(body)).toBe(400);
      expect(await errorOf(response)).toMatchObject({ code, field });
    }
  });
});

describe('sign-in, the caller and sign-out', () => {
  it('signs in with the right password, whatever the case of the email', async () => {
    const user = await signUp(t, { email: 'Mixed.Case@example.test', password: 'my secret password' });
    const again = await signIn(t, 'mixed.case@EXAMPLE.test', 'my secret password');
    expect(again.user.id).toBe(user.user.id);
    expect(again.sessionCookie).not.toBe(user.sessionCookie);
  });

  it('answers a wrong password and an unknown email alike with 401 INVALID_CREDENTIALS', async () => {
    await signUp(t, { email: 'wrong@example.test', password: 'my secret password' });
    for (const body of [
      { email: 'wrong@example.test', password: 'not my password' },
      { email: 'nobody@example.test', password: 'not my password' },
    ]) {
      const response = await t.request('POST', '/api/auth/signin', { body });
      expect(response.status).toBe(401);
      expect((await errorOf(response)).code).toBe('INVALID_CREDENTIALS');
      expect(cookiesOf(response).tandem_session).toBeUndefined();
    }
  });

  it('names the missing field of a sign-in', async () => {
    const response = await t.request('POST', '/api/auth/signin', { body: { email: 'a@example.test' } });
    expect(response.status).toBe(400);
    expect(await errorOf(response)).toMatchObject({ code: 'VALIDATION_FAILED', field: 'password' });
  });

  it('describes the signed-in caller with their workspaces', async () => {
    const user = await signUp(t, { name: 'Mia Me' });
    await user.request('POST', '/api/workspaces', { body: { name: 'Mia space' } });
    const response = await user.request('GET', '/api/auth/me');
    expect(response.status).toBe(200);
    const me = (await response.json()) as {
      user: { name: string };
      workspaces: { name: string; role: string }[];
    };
    expect(me.user.name).toBe('Mia Me');
    expect(me.workspaces).toEqual([
      expect.objectContaining({ name: 'Mia space', role: 'owner', slug: 'mia-space' }),
    ]);
  });

  it('answers 401 UNAUTHENTICATED without a session, and with an unknown session cookie', async () => {
    expect((await t.request('GET', '/api/auth/me')).status).toBe(401);
    const forged = await t.request('GET', '/api/auth/me', { headers: { cookie: 'tandem_session=forged' } });
    expect(forged.status).toBe(401);
    expect((await errorOf(forged)).code).toBe('UNAUTHENTICATED');
  });

  it('ends the session on sign-out, so its cookie no longer works', async () => {
    const user = await signUp(t);
    const response = await user.request('POST', '/api/auth/signout');
    expect(response.status).toBe(204);
    expect(response.headers.getSetCookie().some((h) => h.startsWith('tandem_session=;'))).toBe(true);
    expect((await user.request('GET', '/api/auth/me')).status).toBe(401);
  });

  it('renames the caller only from the version the change is based on', async () => {
    const user = await signUp(t);
    const renamed = await user.request('PATCH', '/api/auth/me', { body: { name: 'New Name', version: 1 } });
    expect(renamed.status).toBe(200);
    expect(renamed.headers.get('etag')).toBe('"2"');
    expect(((await renamed.json()) as { user: { name: string; version: number } }).user).toMatchObject({
      name: 'New Name',
      version: 2,
    });
    const byTag = await user.request('PATCH', '/api/auth/me', {
      body: { name: 'Tagged' },
      headers: { 'if-match': '"2"' },
    });
    expect(byTag.status).toBe(200);
    const stale = await user.request('PATCH', '/api/auth/me', {
      body: { name: 'Stale' },
      headers: { 'if-match': '"1"' },
    });
    expect(stale.status).toBe(409);
    const conflict = (await stale.json()) as {
      error: { code: string };
      current: { name: string; version: number };
    };
    expect(conflict.error.code).toBe('VERSION_CONFLICT');
    expect(conflict.current).toMatchObject({ name: 'Tagged', version: 3 });
    const staleBody = await user.request('PATCH', '/api/auth/me', { body: { name: 'Stale', version: 2 } });
    expect(await errorOf(staleBody)).toMatchObject({ code: 'VERSION_CONFLICT' });
    const badTag = await user.request('PATCH', '/api/auth/me', {
      body: { name: 'X' },
      headers: { 'if-match': 'soon' },
    });
    expect(await errorOf(badTag)).toMatchObject({ code: 'VALIDATION_FAILED', field: 'If-Match' });
    const empty = await user.request('PATCH', '/api/auth/me', { body: { name: '', version: 3 } });
    expect(await errorOf(empty)).toMatchObject({ code: 'VALIDATION_FAILED', field: 'name' });
  });

  it('refuses a rename that does not say which version it is based on, changing nothing', async () => {
    const user = await signUp(t);
    const blind = await user.request('PATCH', '/api/auth/me', { body: { name: 'Blind' } });
    expect(blind.status).toBe(428);
    expect((await errorOf(blind)).code).toBe('PRECONDITION_REQUIRED');
    const me = (await (await user.request('GET', '/api/auth/me')).json()) as {
      user: { name: string; version: number };
    };
    expect(me.user).toMatchObject({ name: user.user.name, version: 1 });
  });

  it('records sign-up and profile changes in the audit log without secrets', async () => {
    const user = await signUp(t);
    await user.request('PATCH', '/api/auth/me', { body: { name: 'Audited', version: 1 } });
    const { rows } = await t.server.deps.pool.query(
      `select action, before, after from audit_entries where entity_type = 'user' and entity_id = $1 order by at`,
      [user.user.id],
    );
    expect(rows.map((row) => row.action)).toEqual(['create', 'update']);
    expect(rows[1].after.name).toBe('Audited');
    expect(JSON.stringify(rows)).not.toMatch(/argon2|password_hash|passwordHash/);
  });
});

describe('the API document', () => {
  it('describes the session cookie and the bearer token', async () => {
    const document = (await (await t.request('GET', '/api/openapi.json')).json()) as {
      components: { securitySchemes: Record<string, { type: string }> };
      paths: Record<string, unknown>;
    };
    expect(document.components.securitySchemes.sessionCookie).toMatchObject({ type: 'apiKey', in: 'cookie' });
    expect(document.components.securitySchemes.apiToken).toMatchObject({ type: 'http', scheme: 'bearer' });
    expect(Object.keys(document.paths)).toContain('/api/auth/signin');
  });
});

describe('the security record', () => {
  it('records sign-ins and sign-outs, not failed attempts', async () => {
    const user = await signUp(t, { email: 'recorded@example.test', password: 'the real password' });
    await t.request('POST', '/api/auth/signin', {
      body: { email: 'recorded@example.test', password: 'wrong' },
    });
    const browser = await signIn(t, 'recorded@example.test', 'the real password');
    await browser.request('POST', '/api/auth/signout');
    const { rows } = await t.server.deps.pool.query(
      `select action from audit_entries where entity_type = 'user' and entity_id = $1 order by at, action`,
      [user.user.id],
    );
    expect(rows.map((row) => row.action)).toEqual(['create', 'sign_in', 'sign_out']);
  });
});

describe('CSRF protection', () => {
  it('refuses a cookie-authenticated write without the X-CSRF-Token header', async () => {
    const user = await signUp(t);
    const response = await t.request('PATCH', '/api/auth/me', {
      body: { name: 'Forged' },
      headers: { cookie: `tandem_session=${user.sessionCookie}; tandem_csrf=${user.csrfToken}` },
    });
    expect(response.status).toBe(403);
    expect(await errorOf(response)).toMatchObject({ code: 'CSRF_FAILED', field: 'X-CSRF-Token' });
  });

  it('refuses a header that matches a planted cookie but not the session', async () => {
    const user = await signUp(t);
    const response = await t.request('PATCH', '/api/auth/me', {
      body: { name: 'Forged' },
      headers: {
        cookie: `tandem_session=${user.sessionCookie}; tandem_csrf=planted`,
        'x-csrf-token': 'planted',
      },
    });
    expect(response.status).toBe(403);
    expect((await errorOf(response)).code).toBe('CSRF_FAILED');
  });

  it('refuses a header without the matching cookie', async () => {
    const user = await signUp(t);
    const response = await t.request('POST', '/api/auth/signout', {
      headers: { cookie: `tandem_session=${user.sessionCookie}`, 'x-csrf-token': user.csrfToken },
    });
    expect(response.status).toBe(403);
  });

  it('refuses sign-up and sign-in bodies a cross-site form could send (not application/json)', async () => {
    await signUp(t, { email: 'form@example.test', password: 'the real password' });
    for (const contentType of ['text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data']) {
      const signin = await t.request('POST', '/api/auth/signin', {
        body: JSON.stringify({ email: 'form@example.test', password: 'the real password' }),
        headers: { 'content-type': contentType },
      });
      expect(signin.status, contentType).toBeGreaterThanOrEqual(400);
      expect(signin.status, contentType).toBeLessThan(500);
      expect(cookiesOf(signin).tandem_session).toBeUndefined();
    }
  });

  it('lets cookie-authenticated reads through without the header, and gives back a lost CSRF cookie', async () => {
    const user = await signUp(t);
    const response = await t.request('GET', '/api/auth/me', {
      headers: { cookie: `tandem_session=${user.sessionCookie}` },
    });
    expect(response.status).toBe(200);
    expect(cookiesOf(response).tandem_csrf).toBe(user.csrfToken);
  });
});

describe('login rate limiting', () => {
  it('answers 429 after ten failures for one email and address, even with the right password', async () => {
    await signUp(t, { email: 'victim@example.test', password: 'the real password' });
    for (let attempt = 1; attempt <= 10; attempt++) {
      const response = await t.request('POST', '/api/auth/signin', {
        body: { email: 'victim@example.test', password: `guess ${attempt}` },
      });
      expect(response.status).toBe(401);
    }
    const blocked = await t.request('POST', '/api/auth/signin', {
      body: { email: 'Victim@example.test', password: 'the real password' },
    });
    expect(blocked.status).toBe(429);
    expect((await errorOf(blocked)).code).toBe('RATE_LIMITED');
    expect(Number(blocked.headers.get('retry-after'))).toBeGreaterThan(0);
    const { rows } = await t.server.deps.pool.query(
      `select distinct ip from login_attempts where email = 'victim@example.test'`,
    );
    expect(rows.map((row) => row.ip)).toEqual([expect.stringMatching(/127\.0\.0\.1$/)]);
    const other = await t.request('POST', '/api/auth/signin', {
      body: { email: 'someone-else@example.test', password: 'whatever' },
    });
    expect(other.status).toBe(401);
  });

  it('counts failures in PostgreSQL, so every server on the database sees them', async () => {
    await signUp(t, { email: 'shared@example.test', password: 'the real password' });
    const second = await startTestServer({ database: t.database, features: identityFeatures({ mailer }) });
    try {
      for (let attempt = 1; attempt <= 10; attempt++) {
        const server = attempt % 2 === 0 ? t : second;
        await server.request('POST', '/api/auth/signin', {
          body: { email: 'shared@example.test', password: 'nope' },
        });
      }
      const blocked = await second.request('POST', '/api/auth/signin', {
        body: { email: 'shared@example.test', password: 'the real password' },
      });
      expect(blocked.status).toBe(429);
    } finally {
      await second.close();
    }
  });

  it('lets the failures age out after fifteen minutes', async () => {
    await signUp(t, { email: 'patient@example.test', password: 'the real password' });
    for (let attempt = 1; attempt <= 10; attempt++) {
      await t.request('POST', '/api/auth/signin', {
        body: { email: 'patient@example.test', password: 'nope' },
      });
    }
    await t.server.deps.pool.query(
      `update login_attempts set at = at - interval '16 minutes' where email = 'patient@example.test'`,
    );
    const response = await t.request('POST', '/api/auth/signin', {
      body: { email: 'patient@example.test', password: 'the real password' },
    });
    expect(response.status).toBe(200);
  });

  it('forgets earlier failures after a successful sign-in', async () => {
    await signUp(t, { email: 'typo@example.test', password: 'the real password' });
    const attempt = (password: string) =>
      t.request('POST', '/api/auth/signin', { body: { email: 'typo@example.test', password } });
    for (let i = 0; i < 9; i++) expect((await attempt('typo')).status).toBe(401);
    expect((await attempt('the real password')).status).toBe(200);
    for (let i = 0; i < 10; i++) expect((await attempt('typo')).status).toBe(401);
    expect((await attempt('typo')).status).toBe(429);
  });

  it('sweeps expired failures of keys nobody tries again', async () => {
    await t.server.deps.pool.query(
      `insert into login_attempts (id, email, ip, at)
       select 'lga_old_' || n, 'gone' || n || '@example.test', '10.0.0.1', now() - interval '1 hour'
         from generate_series(1, 25) as n`,
    );
    for (let i = 0; i < 3; i++) {
      await t.request('POST', '/api/auth/signin', {
        body: { email: 'sweeper@example.test', password: 'nope' },
      });
    }
    const { rows } = await t.server.deps.pool.query(
      `select count(*)::int as left from login_attempts where at < now() - interval '15 minutes'`,
    );
    expect(rows[0].left).toBe(0);
  });

  it('holds the limit under parallel guesses', async () => {
    await signUp(t, { email: 'parallel@example.test', password: 'the real password' });
    const replies = await Promise.all(
      Array.from({ length: 16 }, (_, i) =>
        t.request('POST', '/api/auth/signin', {
          body: { email: 'parallel@example.test', password: `guess ${i}` },
        }),
      ),
    );
    const statuses = replies.map((r) => r.status).sort();
    expect(statuses.filter((s) => s === 401)).toHaveLength(10);
    expect(statuses.filter((s) => s === 429)).toHaveLength(6);
  });
});
