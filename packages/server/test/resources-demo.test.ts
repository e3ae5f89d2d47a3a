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

describe('the demo staffing', () => {
  it('has resources, assignments, logged time, an over-allocated person and a week waiting for approval', async () => {
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
    const ada = {
      json: async <T>(_method: 'GET', path: string) =>
        (await (await t.request('GET', path, { headers: { cookie } })).json()) as T,
    };
    const me = await ada.json<{ workspaces: { id: string }[] }>('GET', '/api/auth/me');
    const workspaceId = me.workspaces[0]?.id ?? '';
    const resources = await ada.json<{ items: { name: string; kind: string }[] }>(
      'GET',
      `/api/workspaces/${workspaceId}/resources?limit=200`,
    );
    expect(resources.items.map((item) => item.kind).sort()).toEqual([
      'equipment',
      'material',
      'person',
      'person',
      'person',
      'person',
      'person',
    ]);
    const projects = await ada.json<{ items: { id: string; startDate: string }[] }>(
      'GET',
      `/api/workspaces/${workspaceId}/projects`,
    );
    const first = [...projects.items].sort((a, b) => a.startDate.localeCompare(b.startDate))[0];
    const assignments = await ada.json<{ items: unknown[] }>('GET', `/api/projects/${first?.id}/assignments`);
    expect(assignments.items.length).toBeGreaterThan(50);
    const schedule = await ada.json<{ cycle: unknown; tasks: unknown[] }>(
      'GET',
      `/api/projects/${first?.id}/schedule`,
    );
    expect(schedule.cycle).toBeNull();
    const from = first?.startDate ?? '';
    const workload = await ada.json<{ resources: { name: string; overAllocated: boolean }[] }>(
      'GET',
      `/api/workspaces/${workspaceId}/workload?from=${from}&to=2026-12-31&unit=week`,
    );
    expect(workload.resources.some((resource) => resource.overAllocated)).toBe(true);
    const pending = await ada.json<{ items: { state: string; totalMinutes: number }[] }>(
      'GET',
      `/api/workspaces/${workspaceId}/timesheets`,
    );
    expect(pending.items.length).toBeGreaterThan(0);
    expect(pending.items.every((sheet) => sheet.state === 'submitted' && sheet.totalMinutes > 0)).toBe(true);
  });
});
