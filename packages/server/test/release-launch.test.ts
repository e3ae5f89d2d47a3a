import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { domainTestFeatures } from './helpers/domain-features';
import { addMember, type Caller, createWorkspace, signUp, sql } from './helpers/domain-world';
import { send } from './helpers/plan-world';
import { createProduct } from './helpers/release-world';
import { startTestServer, type TestServer } from './helpers/server';

interface Template {
  id: string;
  name: string;
  isDefault: boolean;
  items: { area: string; title: string; offsetDays: number }[];
  version: number;
}
interface Item {
  id: string;
  area: string;
  title: string;
  ownerId: string | null;
  dueDate: string | null;
  status: string;
  version: number;
}
interface Plan {
  id: string;
  templateId: string;
  items: Item[];
  progress: { done: number; total: number };
}

let t: TestServer;
let owner: Caller;
let workspaceId: string;
let product: { id: string; workspaceId: string };

beforeAll(async () => {
  t = await startTestServer({ features: domainTestFeatures() });
  owner = await signUp(t, 'Launch Owner');
  workspaceId = await createWorkspace(t, owner);
  product = await createProduct(owner, workspaceId);
});
afterAll(async () => {
  await t?.close();
});

let versionCounter = 0;
const newRelease = (targetDate: string | null = '2026-06-30') =>
  owner.json<{ id: string }>(
    'POST',
    `/api/products/${product.id}/releases`,
    { versionName: `1.${++versionCounter}`, targetDate },
    201,
  );

describe('launch plans', () => {
  it('seeds one default template per workspace covering the four areas', async () => {
    const [first, second] = await Promise.all([
      owner.json<{ items: Template[] }>('GET', `/api/workspaces/${workspaceId}/launch-templates`),
      owner.json<{ items: Template[] }>('GET', `/api/workspaces/${workspaceId}/launch-templates`),
    ]);
    expect(first.items.filter((item) => item.isDefault)).toHaveLength(1);
    expect(second.items.filter((item) => item.isDefault)).toHaveLength(1);
    const areas = new Set(first.items[0]!.items.map((item) => item.area));
    expect([...areas].sort()).toEqual(['docs', 'marketing', 'sales', 'support']);
  });

  it('makes a release plan from the default template, due dates offset from the target date', async () => {
    const release = await newRelease('2026-06-30');
    const plan = await owner.json<Plan>('POST', `/api/releases/${release.id}/launch`, {}, 201);
    const blog = plan.items.find((item) => item.title === 'Launch blog post');
    const pricing = plan.items.find((item) => item.title === 'Pricing and packaging confirmed');
    expect(blog).toMatchObject({ area: 'marketing', dueDate: '2026-06-30', status: 'todo' });
    expect(pricing?.dueDate).toBe('2026-06-16');
    expect(plan.progress).toEqual({ done: 0, total: plan.items.length });
    const again = await send(owner, 'POST', `/api/releases/${release.id}/launch`, {});
    expect(again.status).toBe(409);
    expect(await owner.json<{ plan: Plan }>('GET', `/api/releases/${release.id}/launch`)).toMatchObject({
      plan: { id: plan.id },
    });
  });

  it('makes a plan from a user-defined template, undated when the release has no target', async () => {
    const template = await owner.json<Template>(
      'POST',
      `/api/workspaces/${workspaceId}/launch-templates`,
      { name: 'Small release', items: [{ area: 'docs', title: 'Changelog', offsetDays: 0 }] },
      201,
    );
    const release = await newRelease(null);
    const plan = await owner.json<Plan>(
      'POST',
      `/api/releases/${release.id}/launch`,
      { templateId: template.id },
      201,
    );
    expect(plan.items).toEqual([
      expect.objectContaining({ area: 'docs', title: 'Changelog', dueDate: null }),
    ]);
    const unknown = await send(owner, 'POST', `/api/releases/${(await newRelease()).id}/launch`, {
      templateId: 'ltp_nope',
    });
    expect(unknown.status).toBe(400);
    expect(unknown.body.error?.field).toBe('templateId');
  });

  it('assigns an owner, a due date and a status to an item and counts done items', async () => {
    const release = await newRelease();
    const plan = await owner.json<Plan>('POST', `/api/releases/${release.id}/launch`, {}, 201);
    const item = plan.items[0]!;
    const updated = await owner.json<Item>('PATCH', `/api/launch-items/${item.id}`, {
      ownerId: owner.id,
      dueDate: '2026-06-01',
      status: 'done',
      version: item.version,
    });
    expect(updated).toMatchObject({ ownerId: owner.id, dueDate: '2026-06-01', status: 'done', version: 2 });
    const read = await owner.json<{ plan: Plan }>('GET', `/api/releases/${release.id}/launch`);
    expect(read.plan.progress.done).toBe(1);
    const added = await owner.json<Item>(
      'POST',
      `/api/launch-plans/${plan.id}/items`,
      { area: 'sales', title: 'Partner webinar' },
      201,
    );
    expect(added.status).toBe('todo');
    expect((await send(owner, 'DELETE', `/api/launch-items/${added.id}`, { version: 1 })).status).toBe(204);
  });

  it('refuses an owner outside the workspace, a bad area, status or date, naming the field', async () => {
    const release = await newRelease();
    const plan = await owner.json<Plan>('POST', `/api/releases/${release.id}/launch`, {}, 201);
    const outsider = await signUp(t, 'Launch Outsider');
    const item = plan.items[0]!;
    const cases = [
      [{ ownerId: outsider.id, version: item.version }, 'ownerId'],
      [{ area: 'legal', version: item.version }, 'area'],
      [{ status: 'finished', version: item.version }, 'status'],
      [{ dueDate: '30/06/2026', version: item.version }, 'dueDate'],
    ] as const;
    for (const [body, field] of cases) {
      const response = await send(owner, 'PATCH', `/api/launch-items/${item.id}`, body);
      expect(response.status, field).toBe(400);
      expect(response.body.error?.field).toBe(field);
    }
    const stale = await send(owner, 'PATCH', `/api/launch-items/${item.id}`, { status: 'done', version: 99 });
    expect(stale.status).toBe(409);
  });

  it('keeps the default template (409 on delete) and lets a guest read but not write templates', async () => {
    const { items } = await owner.json<{ items: Template[] }>(
      'GET',
      `/api/workspaces/${workspaceId}/launch-templates`,
    );
    const fallback = items.find((item) => item.isDefault)!;
    const removed = await send(owner, 'DELETE', `/api/launch-templates/${fallback.id}`, {
      version: fallback.version,
    });
    expect(removed.status).toBe(409);
    const guest = await signUp(t, 'Launch Guest');
    await addMember(t, workspaceId, guest, 'guest');
    expect((await send(guest, 'GET', `/api/workspaces/${workspaceId}/launch-templates`)).status).toBe(200);
    const write = await send(guest, 'POST', `/api/workspaces/${workspaceId}/launch-templates`, {
      name: 'x',
      items: [],
    });
    expect(write.status).toBe(403);
    const stranger = await signUp(t, 'Launch Stranger');
    expect((await send(stranger, 'GET', `/api/workspaces/${workspaceId}/launch-templates`)).status).toBe(404);
    const release = await newRelease();
    expect((await send(stranger, 'POST', `/api/releases/${release.id}/launch`, {})).status).toBe(404);
    const rows = await sql(t, 'select 1 from launch_plans where release_id = $1', [release.id]);
    expect(rows).toHaveLength(0);
  });
});
