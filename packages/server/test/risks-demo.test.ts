import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadDemo } from '../src/demo/load-demo';
import { domainTestFeatures } from './helpers/domain-features';
import type { RaidItem, Risk } from './helpers/risk-world';
import { startTestServer, type TestServer } from './helpers/server';

let t: TestServer;

beforeAll(async () => {
  t = await startTestServer({ features: domainTestFeatures() });
});
afterAll(async () => {
  await t?.close();
});

describe('the demo risk register', () => {
  it('has scored risks, an action in the plan, an occurred risk with its issue, and a trend', async () => {
    const demo = await loadDemo(t.server.deps.db);
    const owner = demo.accounts[0];
    if (!owner) throw new Error('the demo has no accounts');
    const response = await t.request('POST', '/api/auth/signin', {
      body: { email: owner.email, password: demo.password },
    });
    const cookie = response.headers
      .getSetCookie()
      .map((c) => c.split(';')[0])
      .join('; ');
    const get = async <T>(path: string) =>
      (await (await t.request('GET', path, { headers: { cookie } })).json()) as T;
    const me = await get<{ workspaces: { id: string }[] }>('/api/auth/me');
    const workspaceId = me.workspaces[0]?.id ?? '';
    const projects = await get<{ items: { id: string; startDate: string; name: string }[] }>(
      `/api/workspaces/${workspaceId}/projects`,
    );
    const first = [...projects.items].sort(
      (a, b) => a.startDate.localeCompare(b.startDate) || a.name.localeCompare(b.name),
    )[0];
    const { items } = await get<{ items: Risk[] }>(`/api/projects/${first?.id}/risks`);
    expect(items.map((risk) => [risk.score, risk.status])).toEqual([
      [16, 'open'],
      [15, 'open'],
      [9, 'open'],
      [6, 'occurred'],
      [4, 'open'],
    ]);
    expect(items[0]?.actions).toHaveLength(1);
    const occurred = items.find((risk) => risk.status === 'occurred');
    const log = await get<{ items: RaidItem[] }>(`/api/projects/${first?.id}/raid`);
    expect(log.items.map((item) => item.kind).sort()).toEqual(['assumption', 'decision', 'issue']);
    expect(log.items.find((item) => item.kind === 'issue')).toMatchObject({
      id: occurred?.issueId,
      riskId: occurred?.id,
    });
    const overview = await get<{
      totals: { openCount: number; highCount: number };
      trend: { openCount: number }[];
    }>(`/api/projects/${first?.id}/risk-register`);
    expect(overview.totals).toMatchObject({ openCount: 4, highCount: 2 });
    expect(overview.trend).toHaveLength(22);
    expect(overview.trend.map((point) => point.openCount).filter((n, i, all) => n !== all[i - 1])).toEqual([
      2, 4, 5, 4,
    ]);
  });
});
