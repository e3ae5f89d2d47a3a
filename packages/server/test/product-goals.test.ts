import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { domainTestFeatures } from './helpers/domain-features';
import { type Caller, createWorkspace, signUp, sql } from './helpers/domain-world';
import { startTestServer, type TestServer } from './helpers/server';

interface KeyResult {
  id: string;
  progress: number;
  direction: string;
  version: number;
}
interface Objective {
  id: string;
  progress: number | null;
  keyResults: KeyResult[];
  version: number;
}
interface Kpi {
  id: string;
  version: number;
  featureIds: string[];
  measurements: { at: string; value: number }[];
  reading: { status: string; trend: string; latest: { value: number } | null };
}

let t: TestServer;
let owner: Caller;
let workspaceId: string;
let productId: string;

beforeAll(async () => {
  t = await startTestServer({ features: domainTestFeatures() });
  owner = await signUp(t, 'Olga Objectives');
  workspaceId = await createWorkspace(t, owner);
  productId = (
    await owner.json<{ id: string }>(
      'POST',
      `/api/workspaces/${workspaceId}/products`,
      { name: 'Atlas' },
      201,
    )
  ).id;
});
afterAll(async () => {
  await t?.close();
});

async function fieldOf(response: Response): Promise<[number, string | undefined]> {
  const body = (await response.json()) as { error: { field?: string } };
  return [response.status, body.error.field];
}

describe('objectives and key results', () => {
  it('computes key-result progress with its direction and the objective as their mean', async () => {
    const objective = await owner.json<Objective>(
      'POST',
      `/api/products/${productId}/objectives`,
      { title: 'Win mid-market', period: '2026-Q4', ownerId: owner.id },
      201,
    );
    expect(objective.progress).toBeNull();
    const up = await owner.json<KeyResult>(
      'POST',
      `/api/objectives/${objective.id}/key-results`,
      { title: 'Paying accounts', startValue: 100, targetValue: 200, currentValue: 150 },
      201,
    );
    expect(up).toMatchObject({ direction: 'increase', progress: 0.5 });
    const down = await owner.json<KeyResult>(
      'POST',
      `/api/objectives/${objective.id}/key-results`,
      { title: 'Churn', unit: '%', startValue: 8, targetValue: 4, currentValue: 7 },
      201,
    );
    expect(down).toMatchObject({ direction: 'decrease', progress: 0.25 });
    const read = await owner.json<Objective>('GET', `/api/objectives/${objective.id}`);
    expect(read.progress).toBeCloseTo(0.375, 10);
    const moved = await owner.json<KeyResult>('PATCH', `/api/key-results/${down.id}`, {
      currentValue: 4,
      version: 1,
    });
    expect(moved.progress).toBe(1);
  });

  it('refuses a key-result target equal to its start, naming targetValue, and writes nothing', async () => {
    const objective = await owner.json<Objective>(
      'POST',
      `/api/products/${productId}/objectives`,
      { title: 'Flat' },
      201,
    );
    const response = await owner.request('POST', `/api/objectives/${objective.id}/key-results`, {
      body: { title: 'Nothing to gain', startValue: 5, targetValue: 5 },
    });
    expect(await fieldOf(response)).toEqual([400, 'targetValue']);
    const against = await owner.request('POST', `/api/objectives/${objective.id}/key-results`, {
      body: { title: 'Backwards', startValue: 5, targetValue: 10, direction: 'decrease' },
    });
    expect(await fieldOf(against)).toEqual([400, 'direction']);
    const rows = await sql(t, 'select id from key_results where objective_id = $1', [objective.id]);
    expect(rows).toHaveLength(0);
  });

  it('refuses an update that would make the target equal the start', async () => {
    const objective = await owner.json<Objective>(
      'POST',
      `/api/products/${productId}/objectives`,
      { title: 'Edit' },
      201,
    );
    const kr = await owner.json<KeyResult>(
      'POST',
      `/api/objectives/${objective.id}/key-results`,
      { title: 'NPS', startValue: 20, targetValue: 40 },
      201,
    );
    const response = await owner.request('PATCH', `/api/key-results/${kr.id}`, {
      body: { targetValue: 20, version: 1 },
    });
    expect(await fieldOf(response)).toEqual([400, 'targetValue']);
  });

  it('answers 409 for a stale objective and 422 for a parent of another product', async () => {
    const objective = await owner.json<Objective>(
      'POST',
      `/api/products/${productId}/objectives`,
      { title: 'Versions' },
      201,
    );
    await owner.json('PATCH', `/api/objectives/${objective.id}`, { status: 'achieved', version: 1 });
    const stale = await owner.request('PATCH', `/api/objectives/${objective.id}`, {
      body: { status: 'missed', version: 1 },
    });
    expect(stale.status).toBe(409);
    const other = (
      await owner.json<{ id: string }>(
        'POST',
        `/api/workspaces/${workspaceId}/products`,
        { name: 'Beacon' },
        201,
      )
    ).id;
    const foreign = await owner.json<Objective>(
      'POST',
      `/api/products/${other}/objectives`,
      { title: 'Theirs' },
      201,
    );
    const response = await owner.request('POST', `/api/products/${productId}/objectives`, {
      body: { title: 'Child', parentId: foreign.id },
    });
    expect(await fieldOf(response)).toEqual([422, 'parentId']);
    const self = await owner.request('PATCH', `/api/objectives/${objective.id}`, {
      body: { parentId: objective.id, version: 2 },
    });
    expect(await fieldOf(self)).toEqual([400, 'parentId']);
  });
});

describe('KPIs', () => {
  it('records measurements over time and reads them against the target and direction', async () => {
    const feature = await owner.json<{ id: string }>(
      'POST',
      `/api/products/${productId}/features`,
      { title: 'Onboarding' },
      201,
    );
    const kpi = await owner.json<Kpi>(
      'POST',
      `/api/products/${productId}/kpis`,
      { name: 'Activation rate', unit: '%', target: 40, direction: 'up', featureIds: [feature.id] },
      201,
    );
    expect(kpi.featureIds).toEqual([feature.id]);
    expect(kpi.reading.status).toBe('no_data');
    await owner.json('POST', `/api/kpis/${kpi.id}/measurements`, { at: '2026-09-01', value: 31 }, 201);
    await owner.json('POST', `/api/kpis/${kpi.id}/measurements`, { at: '2026-10-01', value: 37 }, 201);
    const replaced = await owner.json<Kpi>(
      'POST',
      `/api/kpis/${kpi.id}/measurements`,
      { at: '2026-10-01', value: 41 },
      201,
    );
    expect(replaced.measurements).toEqual([
      { at: '2026-09-01', value: 31 },
      { at: '2026-10-01', value: 41 },
    ]);
    expect(replaced.reading).toMatchObject({
      status: 'on_target',
      trend: 'improving',
      latest: { value: 41 },
    });
  });

  it('refuses a measurement that is not a number, naming value, and a day that is not a date', async () => {
    const kpi = await owner.json<Kpi>(
      'POST',
      `/api/products/${productId}/kpis`,
      { name: 'Tickets', direction: 'down' },
      201,
    );
    const text = await owner.request('POST', `/api/kpis/${kpi.id}/measurements`, {
      body: { at: '2026-10-01', value: 'twelve' },
    });
    expect(await fieldOf(text)).toEqual([400, 'value']);
    const day = await owner.request('POST', `/api/kpis/${kpi.id}/measurements`, {
      body: { at: '2026-13-01', value: 3 },
    });
    expect(await fieldOf(day)).toEqual([400, 'at']);
    expect(await sql(t, 'select id from kpi_measurements where kpi_id = $1', [kpi.id])).toHaveLength(0);
  });

  it('refuses features of another product and answers 409 for a stale KPI', async () => {
    const kpi = await owner.json<Kpi>('POST', `/api/products/${productId}/kpis`, { name: 'Retention' }, 201);
    const other = (
      await owner.json<{ id: string }>(
        'POST',
        `/api/workspaces/${workspaceId}/products`,
        { name: 'Comet' },
        201,
      )
    ).id;
    const foreign = await owner.json<{ id: string }>(
      'POST',
      `/api/products/${other}/features`,
      { title: 'Theirs' },
      201,
    );
    const response = await owner.request('PATCH', `/api/kpis/${kpi.id}`, {
      body: { featureIds: [foreign.id], version: 1 },
    });
    expect(await fieldOf(response)).toEqual([422, 'featureIds']);
    await owner.json('PATCH', `/api/kpis/${kpi.id}`, { target: 90, version: 1 });
    const stale = await owner.request('PATCH', `/api/kpis/${kpi.id}`, { body: { target: 80, version: 1 } });
    expect(stale.status).toBe(409);
  });
});

describe('product strategy', () => {
  it('keeps the vision, narrative, market, personas and competitors at the product version', async () => {
    const before = await owner.json<{ version: number }>('GET', `/api/products/${productId}/strategy`);
    const updated = await owner.json<{
      personas: unknown[];
      competitors: unknown[];
      strategy: string;
      version: number;
    }>('PATCH', `/api/products/${productId}/strategy`, {
      strategy: '## Where we play\nMid-market operations teams.',
      targetMarket: 'Operations teams of 50–500 people',
      personas: [{ name: 'Ops lead', description: 'Runs the floor', needs: 'One view of the work' }],
      competitors: [
        { name: 'Sheetly', strengths: 'Cheap', weaknesses: 'No scheduling', url: 'https://sheetly.example' },
      ],
      researchNotes: 'Interviews: 12 done.',
      version: before.version,
    });
    expect(updated.version).toBe(before.version + 1);
    expect(updated.personas).toHaveLength(1);
    expect((await owner.json<{ version: number }>('GET', `/api/products/${productId}`)).version).toBe(
      updated.version,
    );
    const stale = await owner.request('PATCH', `/api/products/${productId}/strategy`, {
      body: { targetMarket: 'Everyone', version: before.version },
    });
    expect(stale.status).toBe(409);
    const badUrl = await owner.request('PATCH', `/api/products/${productId}/strategy`, {
      body: { competitors: [{ name: 'X', url: 'javascript:alert(1)' }], version: updated.version },
    });
    expect((await fieldOf(badUrl))[0]).toBe(400);
  });
});
