import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadDemo } from '../src/demo/load-demo';
import { domainTestFeatures } from './helpers/domain-features';
import { startTestServer, type TestServer } from './helpers/server';

let t: TestServer;

beforeAll(async () => {
  t = await startTestServer({ features: domainTestFeatures() });
});
afterAll(async () => {
  await t?.close();
});

describe('the demo product discovery', () => {
  it('has customers, triaged feedback, features ranked by demand, objectives and KPIs', async () => {
    const demo = await loadDemo(t.server.deps.db);
    const owner = demo.accounts[0];
    if (!owner) throw new Error('the demo has no accounts');
    const signIn = await t.request('POST', '/api/auth/signin', {
      body: { email: owner.email, password: demo.password },
    });
    const cookie = signIn.headers
      .getSetCookie()
      .map((c) => c.split(';')[0])
      .join('; ');
    const get = async <T>(path: string) =>
      (await (await t.request('GET', path, { headers: { cookie } })).json()) as T;
    const me = await get<{ workspaces: { id: string }[] }>('/api/auth/me');
    const workspaceId = me.workspaces[0]?.id ?? '';
    const customers = await get<{ items: unknown[] }>(`/api/workspaces/${workspaceId}/customers`);
    expect(customers.items).toHaveLength(8);
    const productList = await get<{ items: { id: string; name: string }[] }>(
      `/api/workspaces/${workspaceId}/products`,
    );
    const cloud = productList.items.find((p) => p.name === 'Northwind Cloud');
    if (!cloud) throw new Error('no Northwind Cloud in the demo');
    const ranked = await get<{ items: { title: string; demand: { score: number } }[] }>(
      `/api/products/${cloud.id}/features?sort=demand`,
    );
    expect(ranked.items).toHaveLength(15);
    expect(ranked.items[0]?.title).toBe('Route optimisation');
    const inbox = await get<{ items: unknown[] }>(`/api/products/${cloud.id}/feedback?state=all`);
    expect(inbox.items).toHaveLength(30);
    const goals = await get<{ items: { progress: number | null }[] }>(`/api/products/${cloud.id}/objectives`);
    expect(goals.items).toHaveLength(3);
    expect(
      goals.items.every((goal) => goal.progress !== null && goal.progress > 0 && goal.progress < 1),
    ).toBe(true);
    const kpis = await get<{ items: { measurements: unknown[]; reading: { status: string } }[] }>(
      `/api/products/${cloud.id}/kpis`,
    );
    expect(kpis.items.map((kpi) => kpi.measurements.length)).toEqual([6, 6, 6]);
  });
});
