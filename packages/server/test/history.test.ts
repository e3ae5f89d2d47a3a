import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { domainTestFeatures } from './helpers/domain-features';
import { addMember, type Caller, createWorkspace, signUp, sql } from './helpers/domain-world';
import { startTestServer, type TestServer } from './helpers/server';

interface Entry {
  id: string;
  at: string;
  actor: { id: string; name: string } | null;
  entityType: string;
  entityId: string;
  action: string;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
}

let t: TestServer;
let owner: Caller;
let member: Caller;
let outsider: Caller;
let workspaceId: string;

beforeAll(async () => {
  t = await startTestServer({ features: domainTestFeatures() });
  owner = await signUp(t, 'Hist Owner');
  member = await signUp(t, 'Hist Member');
  outsider = await signUp(t, 'Hist Outsider');
  workspaceId = await createWorkspace(t, owner);
  await addMember(t, workspaceId, member, 'member');
});
afterAll(async () => {
  await t?.close();
});

async function allEntries(caller: Caller, path: string, limit: number): Promise<Entry[]> {
  const entries: Entry[] = [];
  let cursor: string | null = null;
  do {
    const query: string = cursor ? `&cursor=${encodeURIComponent(cursor)}` : '';
    const page: { items: Entry[]; nextCursor: string | null } = await caller.json(
      'GET',
      `${path}?limit=${limit}${query}`,
    );
    entries.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor);
  return entries;
}

describe('entity history and the workspace audit log', () => {
  it('pages through a history newest first, even when entries share a timestamp to the millisecond', async () => {
    const product = await owner.json<{ id: string; version: number }>(
      'POST',
      `/api/workspaces/${workspaceId}/products`,
      { name: 'v1' },
    );
    for (let version = 1; version <= 12; version++) {
      await owner.json('PATCH', `/api/products/${product.id}`, { name: `v${version + 1}`, version });
    }
    // Entries written in one transaction share now(); the cursor must still neither skip nor repeat one.
    await sql(
      t,
      `insert into audit_entries (id, workspace_id, entity_type, entity_id, action, at)
       select 'aud_same_' || n, $1, 'product', $2, 'comment', '2020-01-01T00:00:00.123456Z' from generate_series(1, 7) n`,
      [workspaceId, product.id],
    );
    const entries = await allEntries(owner, `/api/history/product/${product.id}`, 4);
    expect(entries).toHaveLength(1 + 12 + 7);
    expect(new Set(entries.map((entry) => entry.id)).size).toBe(entries.length);
    expect(entries[0]).toMatchObject({
      action: 'update',
      after: { name: 'v13' },
      actor: { name: 'Hist Owner' },
    });
    expect(entries[12]).toMatchObject({ action: 'create', before: null });
    const times = entries.map((entry) => Date.parse(entry.at));
    expect([...times].sort((a, b) => b - a)).toEqual(times);
  });

  it('hides the history of what the caller may not see', async () => {
    const product = await owner.json<{ id: string }>('POST', `/api/workspaces/${workspaceId}/products`, {
      name: 'Hidden',
    });
    expect((await outsider.request('GET', `/api/history/product/${product.id}`)).status).toBe(404);
    expect((await member.request('GET', `/api/history/product/${product.id}`)).status).toBe(200);
    expect((await owner.request('GET', '/api/history/product/prd_does_not_exist')).status).toBe(404);
    expect((await owner.request('GET', '/api/history/spaceship/x')).status).toBe(400);
  });

  it('keeps the history of a deleted entity for workspace admins only', async () => {
    const product = await member.json<{ id: string }>('POST', `/api/workspaces/${workspaceId}/products`, {
      name: 'Gone',
    });
    await member.json('DELETE', `/api/products/${product.id}`, { version: 1 }, 204);
    expect((await member.request('GET', `/api/history/product/${product.id}`)).status).toBe(404);
    const entries = await allEntries(owner, `/api/history/product/${product.id}`, 50);
    expect(entries.map((entry) => entry.action)).toEqual(['delete', 'create']);
    expect(entries[0]?.actor).toEqual({ id: member.id, name: 'Hist Member' });
  });

  it('keeps the history of a deleted task readable by whoever still sees its project', async () => {
    const project = await owner.json<{ id: string }>('POST', `/api/workspaces/${workspaceId}/projects`, {
      name: 'Still here',
      startDate: '2026-01-05',
    });
    const task = await owner.json<{ id: string }>('POST', `/api/projects/${project.id}/tasks`, {
      name: 'Gone',
    });
    await owner.json('DELETE', `/api/tasks/${task.id}`, { version: 1 }, 204);
    const seen = await allEntries(member, `/api/history/task/${task.id}`, 50);
    expect(seen.map((entry) => entry.action)).toEqual(['delete', 'create']);
    expect((await outsider.request('GET', `/api/history/task/${task.id}`)).status).toBe(404);
  });

  it('shows the workspace audit log to owners and admins, and 403 to members', async () => {
    const log = await allEntries(owner, `/api/workspaces/${workspaceId}/audit`, 100);
    expect(log.length).toBeGreaterThan(10);
    expect(log.every((entry) => typeof entry.entityType === 'string')).toBe(true);
    expect((await member.request('GET', `/api/workspaces/${workspaceId}/audit`)).status).toBe(403);
    expect((await outsider.request('GET', `/api/workspaces/${workspaceId}/audit`)).status).toBe(404);
  });
});
