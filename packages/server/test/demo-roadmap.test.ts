import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadDemo } from '../src/demo/load-demo';
import { domainTestFeatures } from './helpers/domain-features';
import { startTestServer, type TestServer } from './helpers/server';

let t: TestServer;
let get: <T>(path: string) => Promise<T>;
let workspaceId = '';

beforeAll(async () => {
  t = await startTestServer({ features: domainTestFeatures() });
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
  get = async <T>(path: string) => {
    const response = await t.request('GET', path, { headers: { cookie } });
    expect(response.status, path).toBe(200);
    return (await response.json()) as T;
  };
  const me = await get<{ workspaces: { id: string }[] }>('/api/auth/me');
  workspaceId = me.workspaces[0]?.id ?? '';
});
afterAll(async () => {
  await t?.close();
});

async function cloudId(): Promise<string> {
  const list = await get<{ items: { id: string; name: string }[] }>(
    `/api/workspaces/${workspaceId}/products`,
  );
  const cloud = list.items.find((product) => product.name === 'Northwind Cloud');
  if (!cloud) throw new Error('no Northwind Cloud in the demo');
  return cloud.id;
}

describe('the demo roadmap', () => {
  it('has initiatives under objectives, one forecast by its delivering project', async () => {
    const roadmap = await get<{
      initiatives: {
        title: string;
        objectiveId: string | null;
        featureCount: number;
        projectName: string | null;
        forecastFinish: string | null;
      }[];
    }>(`/api/products/${await cloudId()}/roadmap`);
    expect(roadmap.initiatives.length).toBeGreaterThanOrEqual(4);
    expect(roadmap.initiatives.every((initiative) => initiative.featureCount > 0)).toBe(true);
    expect(
      roadmap.initiatives.filter((initiative) => initiative.objectiveId !== null).length,
    ).toBeGreaterThan(2);
    const delivered = roadmap.initiatives.filter((initiative) => initiative.projectName !== null);
    expect(delivered.map((initiative) => initiative.projectName)).toEqual(['Self-serve onboarding']);
    expect(delivered[0]?.forecastFinish).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });

  it('ranks the backlog by RICE with the scored features first, highest first', async () => {
    const backlog = await get<{ items: { reason: string; scores: { rice: number | null } }[] }>(
      `/api/products/${await cloudId()}/backlog?by=rice`,
    );
    expect(backlog.items.length).toBeGreaterThan(0);
    const scored = backlog.items.filter((item) => item.reason === 'score');
    expect(scored.length).toBeGreaterThanOrEqual(10);
    expect(backlog.items.slice(0, scored.length).every((item) => item.reason === 'score')).toBe(true);
    const rice = scored.map((item) => item.scores.rice ?? -1);
    expect(rice).toEqual([...rice].sort((a, b) => b - a));
  });

  it('has a released and a planned release with features, the planned one with a launch plan', async () => {
    const { items } = await get<{
      items: { id: string; status: string; targetDate: string | null; features: unknown[] }[];
    }>(`/api/products/${await cloudId()}/releases`);
    expect(items.map((release) => release.status).sort()).toEqual(['planned', 'released']);
    expect(items.every((release) => release.features.length > 0)).toBe(true);
    const planned = items.find((release) => release.status === 'planned');
    expect(planned?.targetDate).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    const launch = await get<{ plan: { items: unknown[] } | null }>(`/api/releases/${planned?.id}/launch`);
    expect(launch.plan?.items.length).toBeGreaterThan(0);
  });

  it('has product budget lines', async () => {
    const budget = await get<{ lines: { amountCents: number }[] }>(`/api/products/${await cloudId()}/budget`);
    expect(budget.lines.length).toBeGreaterThanOrEqual(2);
    expect(budget.lines.every((line) => line.amountCents > 0)).toBe(true);
  });
});

describe('the demo project control', () => {
  async function firstProjectId(): Promise<string> {
    const list = await get<{ items: { id: string; startDate: string; name: string }[] }>(
      `/api/workspaces/${workspaceId}/projects`,
    );
    const first = [...list.items].sort(
      (a, b) => a.startDate.localeCompare(b.startDate) || a.name.localeCompare(b.name),
    )[0];
    if (!first) throw new Error('the demo has no projects');
    return first.id;
  }

  it('gives the first project a budget from its lines and a realistic CPI on its dashboard', async () => {
    const id = await firstProjectId();
    const dashboard = await get<{
      budget: { bac: number; ac: number };
      evm: { cpi: number | null; budgetSource: string };
    }>(`/api/projects/${id}/dashboard`);
    expect(dashboard.budget.bac).toBeGreaterThan(0);
    expect(dashboard.budget.ac).toBeGreaterThan(0);
    expect(dashboard.evm.budgetSource).toBe('lines');
    expect(dashboard.evm.cpi).toBeGreaterThan(0.5);
    expect(dashboard.evm.cpi).toBeLessThan(1.5);
    const expenses = await get<{ items: { day: string }[] }>(`/api/projects/${id}/expenses`);
    expect(expenses.items.length).toBeGreaterThan(0);
  });

  it('gives the first project a submitted change request, two deliverables and a published report', async () => {
    const id = await firstProjectId();
    const changes = await get<{ items: { status: string; proposal: unknown[]; impact: unknown }[] }>(
      `/api/projects/${id}/change-requests`,
    );
    expect(changes.items.map((change) => change.status)).toEqual(['submitted']);
    expect(changes.items[0]?.proposal.length).toBeGreaterThan(0);
    expect(changes.items[0]?.impact).not.toBeNull();
    const deliverables = await get<{ items: { state: string; milestoneTaskId: string | null }[] }>(
      `/api/projects/${id}/deliverables`,
    );
    expect(deliverables.items).toHaveLength(2);
    expect(deliverables.items.every((item) => item.milestoneTaskId !== null)).toBe(true);
    expect(deliverables.items.filter((item) => item.state === 'accepted')).toHaveLength(1);
    const reports = await get<{ items: { state: string }[] }>(`/api/projects/${id}/status-reports`);
    expect(reports.items.map((report) => report.state)).toEqual(['published']);
  });
});
