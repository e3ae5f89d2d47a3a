import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withRoleMemo } from '../src/auth/access-queries';
import { identityFeatures } from '../src/auth/identity-feature';
import { type EntityRef, policy } from '../src/auth/policy';
import { transaction } from '../src/db/client';
import { entityMembers } from '../src/db/schema/entity-members';
import { products } from '../src/db/schema/products';
import { ApiError } from '../src/http/errors';
import { memoryMailer } from '../src/mail/memory-mailer';
import { eventsRoutes } from '../src/realtime/events';
import { publishChange } from '../src/realtime/notify';
import {
  addToWorkspace,
  createWorkspace,
  grantEntityRole,
  type SignedInUser,
  signUp,
} from './helpers/identity';
import { startTestServer, type TestServer } from './helpers/server';
import { openEventStream } from './helpers/sse';

// Live events cross a LISTEN connection; on a loaded machine that can take a few seconds.
const patience = 15_000;

let t: TestServer;
let owner: SignedInUser;
let admin: SignedInUser;
let member: SignedInUser;
let contributor: SignedInUser;
let guest: SignedInUser;
let stranger: SignedInUser;
let workspaceId: string;
let shared: EntityRef;
let hidden: EntityRef;

beforeAll(async () => {
  t = await startTestServer({
    features: [
      ...identityFeatures({ mailer: memoryMailer() }),
      eventsRoutes({ rule: policy.signedIn, visibility: policy.changeVisibility, heartbeatMs: 1000 }),
    ],
  });
  [owner, admin, member, contributor, guest, stranger] = (await Promise.all(
    ['Owner', 'Admin', 'Member', 'Contributor', 'Guest', 'Stranger'].map((name) => signUp(t, { name })),
  )) as [SignedInUser, SignedInUser, SignedInUser, SignedInUser, SignedInUser, SignedInUser];
  workspaceId = (await createWorkspace(owner, 'Policy')).id;
  await addToWorkspace(t, workspaceId, admin, 'admin');
  await addToWorkspace(t, workspaceId, member, 'member');
  await addToWorkspace(t, workspaceId, contributor, 'member');
  await addToWorkspace(t, workspaceId, guest, 'guest');
  const db = t.server.deps.db;
  await db.insert(products).values([
    { id: 'prd_shared', workspaceId, name: 'Shared product' },
    { id: 'prd_hidden', workspaceId, name: 'Hidden product' },
  ]);
  shared = { kind: 'product', id: 'prd_shared', workspaceId };
  hidden = { kind: 'product', id: 'prd_hidden', workspaceId };
  await grantEntityRole(t, shared, guest, 'viewer');
  await grantEntityRole(t, shared, contributor, 'contributor');
});
afterAll(async () => {
  await t?.close();
});

async function statusOf(check: Promise<unknown>): Promise<number> {
  try {
    await check;
    return 200;
  } catch (error) {
    if (error instanceof ApiError) return error.status;
    throw error;
  }
}

describe('the policy on products, programs and projects', () => {
  it('answers see, edit and manage for every role as the table says', async () => {
    const db = t.server.deps.db;
    const expectations: [SignedInUser, EntityRef, [number, number, number]][] = [
      [owner, hidden, [200, 200, 200]],
      [admin, hidden, [200, 200, 200]],
      [member, hidden, [200, 403, 403]],
      [contributor, shared, [200, 200, 403]],
      [guest, shared, [200, 403, 403]],
      [guest, hidden, [404, 404, 404]],
      [stranger, shared, [404, 404, 404]],
    ];
    for (const [caller, ref, [see, edit, manage]] of expectations) {
      const label = `${caller.user.name} on ${ref.id}`;
      expect(await statusOf(policy.assertCanSee(db, caller.user.id, ref)), label).toBe(see);
      expect(await statusOf(policy.assertCanEdit(db, caller.user.id, ref)), label).toBe(edit);
      expect(await statusOf(policy.assertCanManage(db, caller.user.id, ref)), label).toBe(manage);
      expect(await policy.canSee(db, caller.user.id, ref), label).toBe(see === 200);
      expect(await policy.canEdit(db, caller.user.id, ref), label).toBe(edit === 200);
      expect(await policy.canManage(db, caller.user.id, ref), label).toBe(manage === 200);
    }
  });

  it('filters lists to what a guest holds a role on, and hides the workspace from strangers', async () => {
    const db = t.server.deps.db;
    const names = async (userId: string) => {
      const visible = await policy.visibleFilter(db, userId, workspaceId, 'product', products.id);
      const rows = await db
        .select({ name: products.name })
        .from(products)
        .where(and(eq(products.workspaceId, workspaceId), visible))
        .orderBy(products.name);
      return rows.map((row) => row.name);
    };
    expect(await names(member.user.id)).toEqual(['Hidden product', 'Shared product']);
    expect(await names(guest.user.id)).toEqual(['Shared product']);
    expect(await statusOf(names(stranger.user.id))).toBe(404);
  });

  it('lets members create and become manager, but not guests or strangers', async () => {
    const db = t.server.deps.db;
    expect(await statusOf(policy.assertCanCreate(db, member.user.id, workspaceId, 'project'))).toBe(200);
    expect(await statusOf(policy.assertCanCreate(db, guest.user.id, workspaceId, 'project'))).toBe(403);
    expect(await statusOf(policy.assertCanCreate(db, stranger.user.id, workspaceId, 'project'))).toBe(404);
    const ref: EntityRef = { kind: 'project', id: 'prj_created', workspaceId };
    await transaction(db, (tx) =>
      policy.grantCreatorRole(tx, member.user.id, workspaceId, 'project', ref.id),
    );
    expect(await policy.canManage(db, member.user.id, ref)).toBe(true);
    await transaction(db, (tx) => policy.dropEntityRoles(tx, 'project', ref.id));
    expect(await policy.canManage(db, member.user.id, ref)).toBe(false);
  });

  it('drops entity roles when the member leaves the workspace', async () => {
    const leaver = await signUp(t);
    await addToWorkspace(t, workspaceId, leaver, 'guest');
    await grantEntityRole(t, shared, leaver, 'contributor');
    expect(await policy.canEdit(t.server.deps.db, leaver.user.id, shared)).toBe(true);
    const left = await leaver.request('DELETE', `/api/workspaces/${workspaceId}/members/${leaver.user.id}`, {
      body: { version: 1 },
    });
    expect(left.status).toBe(204);
    const rows = await t.server.deps.db
      .select()
      .from(entityMembers)
      .where(eq(entityMembers.userId, leaver.user.id));
    expect(rows).toEqual([]);
  });
});

describe('the per-request role memo', () => {
  it('asks the database once per request but reads afresh inside a transaction', async () => {
    const db = t.server.deps.db;
    const joiner = await signUp(t);
    await withRoleMemo(db, async () => {
      expect(await policy.workspaceRole(db, joiner.user.id, workspaceId)).toBeNull();
      await addToWorkspace(t, workspaceId, joiner, 'member');
      expect(await policy.workspaceRole(db, joiner.user.id, workspaceId)).toBeNull();
      const fresh = await transaction(db, (tx) => policy.workspaceRole(tx, joiner.user.id, workspaceId));
      expect(fresh).toBe('member');
    });
    expect(await policy.workspaceRole(db, joiner.user.id, workspaceId)).toBe('member');
  });
});

describe('live changes under the policy', () => {
  it('streams to a guest only the changes of what they may see', async () => {
    const stream = await openEventStream(`${t.url}/api/events?workspaceId=${workspaceId}`, guest.headers);
    try {
      expect(stream.status).toBe(200);
      await stream.waitFor((e) => e.event === 'ready', patience);
      const db = t.server.deps.db;
      await transaction(db, async (tx) => {
        await publishChange(tx, {
          entityType: 'product',
          entityId: 'prd_hidden',
          action: 'update',
          workspaceId,
        });
        await publishChange(tx, {
          entityType: 'invitation',
          entityId: 'inv_x',
          action: 'create',
          workspaceId,
        });
        await publishChange(tx, {
          entityType: 'product',
          entityId: 'prd_shared',
          action: 'update',
          workspaceId,
        });
      });
      await stream.waitFor(
        (e) => e.event === 'change' && JSON.parse(e.data).entityId === 'prd_shared',
        patience,
      );
      const ids = stream.events.filter((e) => e.event === 'change').map((e) => JSON.parse(e.data).entityId);
      expect(ids).toEqual(['prd_shared']);
    } finally {
      stream.close();
    }
  });

  it('tells a removed member of their removal and members of the deletion of their workspace', async () => {
    const { id } = await createWorkspace(owner, 'Short-lived');
    const removed = await signUp(t);
    await addToWorkspace(t, id, removed, 'member');
    await addToWorkspace(t, id, member, 'member');
    const removedStream = await openEventStream(`${t.url}/api/events?workspaceId=${id}`, removed.headers);
    const memberStream = await openEventStream(`${t.url}/api/events?workspaceId=${id}`, member.headers);
    try {
      await removedStream.waitFor((e) => e.event === 'ready', patience);
      await memberStream.waitFor((e) => e.event === 'ready', patience);
      const removal = await owner.request('DELETE', `/api/workspaces/${id}/members/${removed.user.id}`, {
        body: { version: 1 },
      });
      expect(removal.status).toBe(204);
      // The notification of adding the other member may reach the stream late on a busy machine: wait for this one.
      const told = await removedStream.waitFor(
        (e) => e.event === 'change' && JSON.parse(e.data).entityId === removed.user.id,
        patience,
      );
      expect(JSON.parse(told.data)).toMatchObject({
        entityType: 'workspace_member',
        entityId: removed.user.id,
      });
      expect((await owner.request('DELETE', `/api/workspaces/${id}`, { body: { version: 1 } })).status).toBe(
        204,
      );
      await memberStream.waitFor(
        (e) =>
          e.event === 'change' &&
          JSON.parse(e.data).entityType === 'workspace' &&
          JSON.parse(e.data).action === 'delete',
        patience,
      );
    } finally {
      removedStream.close();
      memberStream.close();
    }
  });

  it('stops delivering to a subscriber the moment they lose their role, stream still open', async () => {
    const leaver = await signUp(t);
    await addToWorkspace(t, workspaceId, leaver, 'member');
    const stream = await openEventStream(`${t.url}/api/events?workspaceId=${workspaceId}`, leaver.headers);
    try {
      await stream.waitFor((e) => e.event === 'ready', patience);
      const db = t.server.deps.db;
      await transaction(db, (tx) =>
        publishChange(tx, { entityType: 'product', entityId: 'prd_hidden', action: 'update', workspaceId }),
      );
      await stream.waitFor((e) => e.event === 'change', patience);
      await t.server.deps.pool.query(
        'delete from workspace_members where workspace_id = $1 and user_id = $2',
        [workspaceId, leaver.user.id],
      );
      await transaction(db, (tx) =>
        publishChange(tx, { entityType: 'product', entityId: 'prd_shared', action: 'update', workspaceId }),
      );
      await transaction(db, (tx) =>
        publishChange(tx, {
          entityType: 'workspace_member',
          entityId: leaver.user.id,
          action: 'delete',
          workspaceId,
        }),
      );
      await stream.waitFor(
        (e) => e.event === 'change' && JSON.parse(e.data).entityType === 'workspace_member',
        patience,
      );
      const ids = stream.events.filter((e) => e.event === 'change').map((e) => JSON.parse(e.data).entityId);
      expect(ids).toEqual(['prd_hidden', leaver.user.id]);
    } finally {
      stream.close();
    }
  });

  it('answers 404 to a stranger and 401 to an anonymous caller', async () => {
    const denied = await stranger.request('GET', `/api/events?workspaceId=${workspaceId}`);
    expect(denied.status).toBe(404);
    expect((await t.request('GET', `/api/events?workspaceId=${workspaceId}`)).status).toBe(401);
  });
});
