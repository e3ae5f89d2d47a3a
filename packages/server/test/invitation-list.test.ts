import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { identityFeatures } from '../src/auth/identity-feature';
import { memoryMailer } from '../src/mail/memory-mailer';
import { createWorkspace, type SignedInUser, signUp } from './helpers/identity';
import { startTestServer, type TestServer } from './helpers/server';

interface InvitationPage {
  items: { id: string; email: string; createdAt: string; expiresAt: string }[];
  nextCursor: string | null;
}

let t: TestServer;
let owner: SignedInUser;
let workspaceId: string;
// Invited in this order; each expires a day later than the one invited after it, so the three sorts differ.
const invited = ['carol@list.test', 'alice@list.test', 'dave@other.test', 'bob@list.test'];

beforeAll(async () => {
  t = await startTestServer({ features: identityFeatures({ mailer: memoryMailer() }) });
  owner = await signUp(t, { name: 'Olga Owner' });
  workspaceId = (await createWorkspace(owner, 'Listing Co')).id;
  for (const [index, email] of invited.entries()) {
    const response = await owner.request('POST', `/api/workspaces/${workspaceId}/invitations`, {
      body: { email, role: 'member' },
    });
    expect(response.status).toBe(201);
    const { invitation } = (await response.json()) as { invitation: { id: string } };
    await t.server.deps.pool.query(
      `update invitations set expires_at = now() + make_interval(days => $2), created_at = now() + make_interval(secs => $3)
       where id = $1`,
      [invitation.id, 7 - index, index],
    );
  }
});
afterAll(async () => {
  await t?.close();
});

async function list(query: string): Promise<InvitationPage> {
  const response = await owner.request('GET', `/api/workspaces/${workspaceId}/invitations?${query}`);
  expect(response.status).toBe(200);
  return (await response.json()) as InvitationPage;
}

const emails = (page: InvitationPage) => page.items.map((item) => item.email);

describe('the invitation list', () => {
  it('lists pending invitations newest first by default', async () => {
    expect(emails(await list(''))).toEqual([...invited].reverse());
  });

  it('sorts by email, by expiry and by creation, either way', async () => {
    expect(emails(await list('sort=email'))).toEqual([
      'alice@list.test',
      'bob@list.test',
      'carol@list.test',
      'dave@other.test',
    ]);
    expect(emails(await list('sort=-email'))[0]).toBe('dave@other.test');
    expect(emails(await list('sort=expiresAt'))).toEqual([...invited].reverse());
    expect(emails(await list('sort=-expiresAt'))).toEqual(invited);
    expect(emails(await list('sort=createdAt'))).toEqual(invited);
  });

  it('pages a sort with cursors, visiting each invitation once', async () => {
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: InvitationPage = await list(
        `sort=email&limit=3${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
      );
      seen.push(...emails(page));
      cursor = page.nextCursor;
    } while (cursor !== null);
    expect(seen).toEqual(['alice@list.test', 'bob@list.test', 'carol@list.test', 'dave@other.test']);
  });

  it('finds invitations by part of the email, case-insensitively and with wildcards taken literally', async () => {
    expect(emails(await list('q=LIST.TEST&sort=email'))).toEqual([
      'alice@list.test',
      'bob@list.test',
      'carol@list.test',
    ]);
    expect(emails(await list('q=dave'))).toEqual(['dave@other.test']);
    expect(emails(await list('q=%25'))).toEqual([]);
    expect(emails(await list('q=_'))).toEqual([]);
  });

  it('refuses an unknown sort field and a cursor of another sort, naming the parameter', async () => {
    const fieldOf = async (query: string) => {
      const response = await owner.request('GET', `/api/workspaces/${workspaceId}/invitations?${query}`);
      expect(response.status).toBe(400);
      const { error } = (await response.json()) as { error: { code: string; field?: string } };
      expect(error.code).toBe('VALIDATION_FAILED');
      return error.field;
    };
    expect(await fieldOf('sort=bogus')).toBe('sort');
    expect(await fieldOf('sort=role')).toBe('sort');
    const byEmail = await list('sort=email&limit=1');
    expect(await fieldOf(`sort=expiresAt&cursor=${encodeURIComponent(byEmail.nextCursor ?? '')}`)).toBe(
      'cursor',
    );
  });
});
