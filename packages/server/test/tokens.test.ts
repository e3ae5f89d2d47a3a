import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { identityFeatures } from '../src/auth/identity-feature';
import { memoryMailer } from '../src/mail/memory-mailer';
import { createWorkspace, signUp, withApiToken } from './helpers/identity';
import { startTestServer, type TestServer } from './helpers/server';

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer({ features: identityFeatures({ mailer: memoryMailer() }) });
});
afterAll(async () => {
  await t?.close();
});

async function errorOf(response: Response) {
  return ((await response.json()) as { error: { code: string; message: string; field?: string } }).error;
}

describe('API tokens', () => {
  it('shows the secret once, then lists the token without it', async () => {
    const user = await signUp(t);
    const created = await user.request('POST', '/api/tokens', { body: { name: 'CI' } });
    expect(created.status).toBe(201);
    const { token, secret } = (await created.json()) as {
      token: { id: string; name: string };
      secret: string;
    };
    expect(secret).toMatch(/^tdm_[A-Za-z0-9_-]{43}$/);
    expect(created.headers.get('cache-control')).toBe('no-store');
    expect(token.name).toBe('CI');
    const list = await user.request('GET', '/api/tokens');
    const page = (await list.json()) as { items: Record<string, unknown>[]; nextCursor: string | null };
    expect(page.items).toEqual([expect.objectContaining({ id: token.id, name: 'CI', lastUsedAt: null })]);
    expect(JSON.stringify(page)).not.toContain(secret);
    const { rows } = await t.server.deps.pool.query('select token_hash from api_tokens where id = $1', [
      token.id,
    ]);
    expect(rows[0].token_hash).not.toContain(secret);
  });

  it('authenticates a bearer request without any CSRF header, and records its use', async () => {
    const user = await signUp(t);
    const script = await withApiToken(t, user);
    const me = await script.request('GET', '/api/auth/me');
    expect(me.status).toBe(200);
    expect(((await me.json()) as { user: { id: string } }).user.id).toBe(user.user.id);
    const write = await script.request('POST', '/api/workspaces', { body: { name: 'From a script' } });
    expect(write.status).toBe(201);
    const { rows } = await t.server.deps.pool.query('select last_used_at from api_tokens where id = $1', [
      script.tokenId,
    ]);
    expect(rows[0].last_used_at).not.toBeNull();
  });

  it('stops a revoked token at once', async () => {
    const user = await signUp(t);
    const script = await withApiToken(t, user);
    expect((await script.request('GET', '/api/auth/me')).status).toBe(200);
    const revoked = await user.request('DELETE', `/api/tokens/${script.tokenId}`);
    expect(revoked.status).toBe(204);
    const after = await script.request('GET', '/api/auth/me');
    expect(after.status).toBe(401);
    expect((await errorOf(after)).code).toBe('UNAUTHENTICATED');
    const list = (await (await user.request('GET', '/api/tokens')).json()) as { items: unknown[] };
    expect(list.items).toEqual([]);
    const { rows } = await t.server.deps.pool.query(
      `select action from audit_entries where entity_type = 'api_token' and entity_id = $1 order by at`,
      [script.tokenId],
    );
    expect(rows.map((row) => row.action)).toEqual(['create', 'revoke']);
  });

  it("answers 404 for revoking someone else's token, and leaves it working", async () => {
    const owner = await signUp(t);
    const other = await signUp(t);
    const script = await withApiToken(t, owner);
    const attempt = await other.request('DELETE', `/api/tokens/${script.tokenId}`);
    expect(attempt.status).toBe(404);
    expect((await script.request('GET', '/api/auth/me')).status).toBe(200);
  });

  it('refuses malformed and unknown bearer tokens with 401', async () => {
    for (const authorization of ['Bearer tdm_unknown', 'Bearer', 'Basic abc', 'Bearer not-a-tandem-token']) {
      const response = await t.request('GET', '/api/auth/me', { headers: { authorization } });
      expect(response.status, authorization).toBe(401);
    }
  });

  it('names the field of a bad token name', async () => {
    const user = await signUp(t);
    for (const body of [{}, { name: '' }, { name: 'x'.repeat(101) }]) {
      const response = await user.request('POST', '/api/tokens', { body });
      expect(response.status).toBe(400);
      expect((await errorOf(response)).field).toBe('name');
    }
    const unknown = await user.request('POST', '/api/tokens', { body: { name: 'a', scope: 'all' } });
    expect(await errorOf(unknown)).toMatchObject({ code: 'UNKNOWN_FIELD', field: 'scope' });
  });

  it('pages through many tokens newest first', async () => {
    const user = await signUp(t);
    for (let i = 0; i < 5; i++) await user.request('POST', '/api/tokens', { body: { name: `token ${i}` } });
    const names: string[] = [];
    let cursor: string | null = null;
    do {
      const query: string = cursor ? `?limit=2&cursor=${encodeURIComponent(cursor)}` : '?limit=2';
      const page = (await (await user.request('GET', `/api/tokens${query}`)).json()) as {
        items: { name: string }[];
        nextCursor: string | null;
      };
      names.push(...page.items.map((item) => item.name));
      cursor = page.nextCursor;
    } while (cursor);
    expect(names).toEqual(['token 4', 'token 3', 'token 2', 'token 1', 'token 0']);
  });

  it('lets a token act with the rights of its user, and no more', async () => {
    const owner = await signUp(t);
    const stranger = await signUp(t);
    const workspace = await createWorkspace(owner, 'Private');
    const script = await withApiToken(t, stranger);
    expect((await script.request('GET', `/api/workspaces/${workspace.id}`)).status).toBe(404);
  });
});
