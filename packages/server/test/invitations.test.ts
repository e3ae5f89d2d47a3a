import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { identityFeatures } from '../src/auth/identity-feature';
import { memoryMailer } from '../src/mail/memory-mailer';
import { addToWorkspace, createWorkspace, type SignedInUser, signUp } from './helpers/identity';
import { startTestServer, type TestServer } from './helpers/server';

const mailer = memoryMailer();
let t: TestServer;
let owner: SignedInUser;
let workspaceId: string;
beforeAll(async () => {
  t = await startTestServer({
    features: identityFeatures({ mailer }),
    config: { publicUrl: 'http://tandem.test' },
  });
  owner = await signUp(t, { name: 'Olga Owner' });
  workspaceId = (await createWorkspace(owner, 'Invite Co')).id;
});
afterAll(async () => {
  await t?.close();
});

async function errorOf(response: Response) {
  return ((await response.json()) as { error: { code: string; message: string; field?: string } }).error;
}

interface Invited {
  invitation: { id: string; email: string; role: string; expiresAt: string };
  acceptUrl: string;
}

async function invite(
  by: SignedInUser,
  email: string,
  role = 'member',
): Promise<Invited & { token: string }> {
  const response = await by.request('POST', `/api/workspaces/${workspaceId}/invitations`, {
    body: { email, role },
  });
  if (response.status !== 201) throw new Error(`Invite failed: ${response.status} ${await response.text()}`);
  const body = (await response.json()) as Invited;
  return { ...body, token: decodeURIComponent(body.acceptUrl.split('/invite/')[1] ?? '') };
}

describe('invitations', () => {
  it('invites by email: mails the link, returns it once, and stores only its hash', async () => {
    const before = Date.now();
    const { invitation, acceptUrl, token } = await invite(owner, 'newcomer@example.test');
    expect(invitation).toMatchObject({ email: 'newcomer@example.test', role: 'member' });
    expect(Date.parse(invitation.expiresAt) - before).toBeGreaterThan(6 * 24 * 3600 * 1000);
    expect(acceptUrl).toMatch(/^http:\/\/tandem\.test\/invite\/[A-Za-z0-9_-]+$/);
    const mail = mailer.lastTo('newcomer@example.test');
    expect(mail?.text).toContain(acceptUrl);
    expect(mail?.subject).toContain('Invite Co');
    const { rows } = await t.server.deps.pool.query('select token_hash from invitations where id = $1', [
      invitation.id,
    ]);
    expect(rows[0].token_hash).not.toContain(token);
  });

  it('shows the invitation publicly, then lets the invited account accept and join with the role', async () => {
    const { token } = await invite(owner, 'joiner@example.test', 'guest');
    const preview = await t.request('GET', `/api/invitations/${token}`);
    expect(preview.status).toBe(200);
    expect(await preview.json()).toEqual({
      workspaceName: 'Invite Co',
      email: 'joiner@example.test',
      role: 'guest',
    });
    const joiner = await signUp(t, { email: 'Joiner@example.test' });
    const accepted = await joiner.request('POST', `/api/invitations/${token}/accept`);
    expect(accepted.status).toBe(200);
    expect(await accepted.json()).toMatchObject({
      workspace: { id: workspaceId, name: 'Invite Co', role: 'guest' },
    });
    const me = (await (await joiner.request('GET', '/api/auth/me')).json()) as {
      workspaces: { id: string }[];
    };
    expect(me.workspaces.map((w) => w.id)).toEqual([workspaceId]);
    const { rows } = await t.server.deps.pool.query(
      `select action from audit_entries where workspace_id = $1 and actor_id = $2 order by entity_type`,
      [workspaceId, joiner.user.id],
    );
    expect(rows.map((row) => row.action).sort()).toEqual(['accept', 'create']);
  });

  it('works once: a used link is gone for preview and accept', async () => {
    const { token } = await invite(owner, 'once@example.test');
    const first = await signUp(t, { email: 'once@example.test' });
    expect((await first.request('POST', `/api/invitations/${token}/accept`)).status).toBe(200);
    expect((await t.request('GET', `/api/invitations/${token}`)).status).toBe(404);
    expect((await first.request('POST', `/api/invitations/${token}/accept`)).status).toBe(404);
  });

  it('refuses an account whose email is not the invited one, leaving the link usable', async () => {
    const { token } = await invite(owner, 'intended@example.test');
    const other = await signUp(t, { email: 'interloper@example.test' });
    const response = await other.request('POST', `/api/invitations/${token}/accept`);
    expect(response.status).toBe(403);
    expect((await errorOf(response)).message).toContain('intended@example.test');
    expect((await other.request('GET', `/api/workspaces/${workspaceId}`)).status).toBe(404);
    expect((await t.request('GET', `/api/invitations/${token}`)).status).toBe(200);
  });

  it('needs a signed-in caller with the CSRF header to accept', async () => {
    const { token } = await invite(owner, 'csrf-accept@example.test');
    expect((await t.request('POST', `/api/invitations/${token}/accept`)).status).toBe(401);
    const user = await signUp(t, { email: 'csrf-accept@example.test' });
    const response = await t.request('POST', `/api/invitations/${token}/accept`, {
      headers: { cookie: `tandem_session=${user.sessionCookie}; tandem_csrf=${user.csrfToken}` },
    });
    expect(response.status).toBe(403);
    expect((await errorOf(response)).code).toBe('CSRF_FAILED');
  });

  it('refuses expired and revoked links', async () => {
    const expired = await invite(owner, 'late@example.test');
    await t.server.deps.pool.query(
      `update invitations set expires_at = now() - interval '1 minute' where id = $1`,
      [expired.invitation.id],
    );
    expect((await t.request('GET', `/api/invitations/${expired.token}`)).status).toBe(404);
    const revoked = await invite(owner, 'revoked@example.test');
    const revoke = await owner.request(
      'DELETE',
      `/api/workspaces/${workspaceId}/invitations/${revoked.invitation.id}`,
    );
    expect(revoke.status).toBe(204);
    const user = await signUp(t, { email: 'revoked@example.test' });
    expect((await user.request('POST', `/api/invitations/${revoked.token}/accept`)).status).toBe(404);
    const again = await owner.request(
      'DELETE',
      `/api/workspaces/${workspaceId}/invitations/${revoked.invitation.id}`,
    );
    expect(again.status).toBe(404);
  });

  it('replaces an earlier pending invitation of the same email', async () => {
    const first = await invite(owner, 'twice@example.test', 'guest');
    const second = await invite(owner, 'TWICE@example.test', 'member');
    expect((await t.request('GET', `/api/invitations/${first.token}`)).status).toBe(404);
    expect((await t.request('GET', `/api/invitations/${second.token}`)).status).toBe(200);
    const list = (await (
      await owner.request('GET', `/api/workspaces/${workspaceId}/invitations`)
    ).json()) as {
      items: { email: string }[];
    };
    expect(list.items.filter((i) => i.email.toLowerCase() === 'twice@example.test')).toHaveLength(1);
  });

  it('refuses to invite someone who is already a member, naming the email', async () => {
    const existing = await signUp(t, { email: 'already@example.test' });
    await addToWorkspace(t, workspaceId, existing, 'member');
    const response = await owner.request('POST', `/api/workspaces/${workspaceId}/invitations`, {
      body: { email: 'Already@example.test', role: 'admin' },
    });
    expect(response.status).toBe(409);
    expect(await errorOf(response)).toMatchObject({ code: 'CONFLICT', field: 'email' });
  });

  it('lets admins invite but not invite owners, and refuses members and guests', async () => {
    const admin = await signUp(t);
    const member = await signUp(t);
    const guest = await signUp(t);
    await addToWorkspace(t, workspaceId, admin, 'admin');
    await addToWorkspace(t, workspaceId, member, 'member');
    await addToWorkspace(t, workspaceId, guest, 'guest');
    expect((await invite(admin, 'by-admin@example.test')).invitation.role).toBe('member');
    const ownerInvite = await admin.request('POST', `/api/workspaces/${workspaceId}/invitations`, {
      body: { email: 'new-owner@example.test', role: 'owner' },
    });
    expect(ownerInvite.status).toBe(403);
    expect((await errorOf(ownerInvite)).field).toBe('role');
    for (const caller of [member, guest]) {
      const post = await caller.request('POST', `/api/workspaces/${workspaceId}/invitations`, {
        body: { email: 'x@example.test', role: 'member' },
      });
      expect(post.status).toBe(403);
      expect((await caller.request('GET', `/api/workspaces/${workspaceId}/invitations`)).status).toBe(403);
    }
  });

  it('names the field of bad invitation inputs', async () => {
    const cases: [Record<string, unknown>, string][] = [
      [{ email: 'not an email', role: 'member' }, 'email'],
      [{ email: 'ok@example.test', role: 'boss' }, 'role'],
      [{ email: 'ok@example.test' }, 'role'],
    ];
    for (const [body, field] of cases) {
      const response = await owner.request('POST', `/api/workspaces/${workspaceId}/invitations`, { body });
      expect(response.status).toBe(400);
      expect((await errorOf(response)).field).toBe(field);
    }
  });

  it('keeps the role of someone who joined meanwhile when they accept', async () => {
    const { token } = await invite(owner, 'meanwhile@example.test', 'guest');
    const user = await signUp(t, { email: 'meanwhile@example.test' });
    await addToWorkspace(t, workspaceId, user, 'admin');
    const accepted = await user.request('POST', `/api/invitations/${token}/accept`);
    expect(accepted.status).toBe(200);
    expect(await accepted.json()).toMatchObject({ workspace: { id: workspaceId, role: 'admin' } });
    expect((await t.request('GET', `/api/invitations/${token}`)).status).toBe(404);
  });

  it('answers 404 for an unknown link', async () => {
    expect((await t.request('GET', '/api/invitations/made-up')).status).toBe(404);
  });
});
