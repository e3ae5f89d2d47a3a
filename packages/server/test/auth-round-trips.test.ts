import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { workspaceMembers, workspaces } from '../src/db/schema/workspaces';
import { productService } from '../src/domain/products/product-service';
import { domainTestFeatures } from './helpers/domain-features';
import {
  addToWorkspace,
  createWorkspace,
  type SignedInUser,
  signUp,
  type TestCaller,
  withApiToken,
} from './helpers/identity';
import { startTestServer, type TestServer } from './helpers/server';
import { statementsDuring } from './helpers/statements';

let t: TestServer;
let owner: SignedInUser;
let script: TestCaller;
let workspaceId: string;

beforeAll(async () => {
  t = await startTestServer({ features: domainTestFeatures() });
  owner = await signUp(t, { name: 'Owner' });
  script = await withApiToken(t, owner);
  workspaceId = (await createWorkspace(owner, 'Round trips')).id;
});

afterAll(async () => {
  await t?.close();
});

const listPath = () => `/api/workspaces/${workspaceId}/products?limit=50`;

describe('authentication under a workspace route', () => {
  it('reads an API token, its owner role and the list in one statement', async () => {
    // The first use of a token records it; measure the requests after that.
    expect((await script.request('GET', listPath())).status).toBe(200);
    const statements = await statementsDuring(t, async () => {
      expect((await script.request('GET', listPath())).status).toBe(200);
    });
    expect(statements).toHaveLength(1);
    expect(statements[0]).toContain('"api_tokens"');
    expect(statements[0]).toContain('"workspace_members"');
    expect(statements[0]).toContain('"products"');
  });

  it('reads a session, its user role and the list in one statement', async () => {
    const statements = await statementsDuring(t, async () => {
      expect((await owner.request('GET', listPath())).status).toBe(200);
    });
    expect(statements).toHaveLength(1);
    expect(statements[0]).toContain('"sessions"');
    expect(statements[0]).toContain('"workspace_members"');
    expect(statements[0]).toContain('"products"');
  });

  it('answers the same page in one statement as the list service reads on its own, for members and guests', async () => {
    const guest = await signUp(t, { name: 'Page guest' });
    await addToWorkspace(t, workspaceId, guest, 'guest');
    for (const name of ['Kilo', 'Lima', 'Mike']) {
      await script.request('POST', `/api/workspaces/${workspaceId}/products`, { body: { name } });
    }
    const queries = [{ limit: 2 }, { limit: 2, sort: '-createdAt', q: 'i' }];
    for (const caller of [owner, guest]) {
      for (const query of queries) {
        let cursor: string | undefined;
        do {
          const params = new URLSearchParams({
            ...Object.fromEntries(Object.entries(query).map(([key, value]) => [key, String(value)])),
            ...(cursor === undefined ? {} : { cursor }),
          });
          const joint = await caller.request('GET', `/api/workspaces/${workspaceId}/products?${params}`);
          expect(joint.status).toBe(200);
          const page = (await joint.json()) as { nextCursor: string | null };
          const alone = await productService.list(t.server.deps.db, caller.user.id, workspaceId, {
            ...query,
            ...(cursor === undefined ? {} : { cursor }),
          });
          expect(page).toEqual(alone);
          cursor = page.nextCursor ?? undefined;
        } while (cursor !== undefined);
      }
    }
  });

  it('still answers 401 before judging the query of an anonymous list request', async () => {
    const response = await fetch(
      `${t.url}/api/workspaces/${workspaceId}/products?sort=nonsense&cursor=forged`,
    );
    expect(response.status).toBe(401);
  });

  it('refuses a member removed from the workspace on their very next request', async () => {
    const member = await signUp(t, { name: 'Removed' });
    const memberScript = await withApiToken(t, member);
    await addToWorkspace(t, workspaceId, member, 'member');
    expect((await member.request('GET', listPath())).status).toBe(200);
    expect((await memberScript.request('GET', listPath())).status).toBe(200);
    await t.server.deps.db
      .delete(workspaceMembers)
      .where(and(eq(workspaceMembers.workspaceId, workspaceId), eq(workspaceMembers.userId, member.user.id)));
    expect((await member.request('GET', listPath())).status).toBe(404);
    expect((await memberScript.request('GET', listPath())).status).toBe(404);
  });

  it('refuses a guest the write its role does not allow, with the role read alongside the token', async () => {
    const guest = await signUp(t, { name: 'Guest' });
    const guestScript = await withApiToken(t, guest);
    await addToWorkspace(t, workspaceId, guest, 'guest');
    const response = await guestScript.request('POST', `/api/workspaces/${workspaceId}/products`, {
      body: { name: 'Not allowed' },
    });
    expect(response.status).toBe(403);
  });

  it('answers 404 for a deleted workspace even though the token and the membership are still there', async () => {
    const other = (await createWorkspace(owner, 'Soon deleted')).id;
    const path = `/api/workspaces/${other}/products?limit=50`;
    expect((await script.request('GET', path)).status).toBe(200);
    await t.server.deps.db.update(workspaces).set({ deletedAt: new Date() }).where(eq(workspaces.id, other));
    expect((await script.request('GET', path)).status).toBe(404);
    expect((await owner.request('GET', path)).status).toBe(404);
  });

  it('refuses a revoked API token on a workspace route', async () => {
    const revoked = await withApiToken(t, owner, 'revoked');
    expect((await revoked.request('GET', listPath())).status).toBe(200);
    expect((await owner.request('DELETE', `/api/tokens/${revoked.tokenId}`)).status).toBeLessThan(300);
    expect((await revoked.request('GET', listPath())).status).toBe(401);
  });
});
