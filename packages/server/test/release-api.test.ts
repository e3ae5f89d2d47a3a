import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { domainTestFeatures } from './helpers/domain-features';
import { addMember, type Caller, createWorkspace, signUp, sql } from './helpers/domain-world';
import { send } from './helpers/plan-world';
import { createProduct, insertDemand, insertFeature } from './helpers/release-world';
import { startTestServer, type TestServer } from './helpers/server';

interface Release {
  id: string;
  versionName: string;
  name: string;
  targetDate: string | null;
  status: string;
  notes: string;
  releasedAt: string | null;
  features: { id: string; title: string; status: string }[];
  forecast: {
    forecastDate: string | null;
    late: boolean;
    slipDays: number | null;
    linkedTasks: { taskId: string }[];
  };
  version: number;
}

let t: TestServer;
let owner: Caller;
let stranger: Caller;
let workspaceId: string;
let product: { id: string; workspaceId: string };

beforeAll(async () => {
  t = await startTestServer({ features: domainTestFeatures() });
  owner = await signUp(t, 'Release Owner');
  stranger = await signUp(t, 'Release Stranger');
  workspaceId = await createWorkspace(t, owner);
  product = await createProduct(owner, workspaceId);
});
afterAll(async () => {
  await t?.close();
});

const createRelease = (body: Record<string, unknown>) =>
  owner.json<Release>('POST', `/api/products/${product.id}/releases`, body, 201);

describe('releases', () => {
  it('creates a release with its features and an empty forecast', async () => {
    const feature = await insertFeature(t, product, 'Offline maps');
    const release = await createRelease({
      versionName: '1.0.0',
      name: 'Launch',
      targetDate: '2026-03-02',
      featureIds: [feature],
    });
    expect(release).toMatchObject({
      versionName: '1.0.0',
      name: 'Launch',
      targetDate: '2026-03-02',
      status: 'planned',
      features: [{ id: feature, title: 'Offline maps' }],
      forecast: { forecastDate: null, late: false, linkedTasks: [] },
      version: 1,
    });
    const listed = await owner.json<{ items: Release[] }>('GET', `/api/products/${product.id}/releases`);
    expect(listed.items.map((item) => item.id)).toContain(release.id);
  });

  it('answers 409 naming versionName for a version the product already has', async () => {
    await createRelease({ versionName: '2.0.0' });
    const again = await send(owner, 'POST', `/api/products/${product.id}/releases`, { versionName: '2.0.0' });
    expect(again.status).toBe(409);
    expect(again.body.error).toMatchObject({ code: 'CONFLICT', field: 'versionName' });
  });

  it('lets another product use the same version', async () => {
    const other = await createProduct(owner, workspaceId, 'Beacon');
    const response = await send(owner, 'POST', `/api/products/${other.id}/releases`, {
      versionName: '2.0.0',
    });
    expect(response.status).toBe(201);
  });

  it('refuses a version that is not version-like, naming the field', async () => {
    for (const versionName of ['', 'next', '1..2', '1.2.3.4.5']) {
      const response = await send(owner, 'POST', `/api/products/${product.id}/releases`, { versionName });
      expect(response.status, versionName).toBe(400);
      expect(response.body.error?.field).toBe('versionName');
    }
  });

  it('refuses a bad target date and an unknown status', async () => {
    const date = await send(owner, 'POST', `/api/products/${product.id}/releases`, {
      versionName: '3.0',
      targetDate: '2026-02-30',
    });
    expect(date.status).toBe(400);
    expect(date.body.error?.field).toBe('targetDate');
    const status = await send(owner, 'POST', `/api/products/${product.id}/releases`, {
      versionName: '3.0',
      status: 'shipped',
    });
    expect(status.status).toBe(400);
    expect(status.body.error?.field).toBe('status');
  });

  it('puts a feature in one release only (409 naming featureIds) and writes nothing on refusal', async () => {
    const feature = await insertFeature(t, product, 'Dark mode');
    await createRelease({ versionName: '4.0', featureIds: [feature] });
    const response = await send(owner, 'POST', `/api/products/${product.id}/releases`, {
      versionName: '4.1',
      featureIds: [feature],
    });
    expect(response.status).toBe(409);
    expect(response.body.error?.field).toBe('featureIds');
    const rows = await sql(t, 'select 1 from releases where product_id = $1 and version_name = $2', [
      product.id,
      '4.1',
    ]);
    expect(rows).toHaveLength(0);
  });

  it('refuses a feature of another product (400 naming featureIds)', async () => {
    const other = await createProduct(owner, workspaceId, 'Compass');
    const foreign = await insertFeature(t, other, 'Not ours');
    const response = await send(owner, 'POST', `/api/products/${product.id}/releases`, {
      versionName: '5.0',
      featureIds: [foreign],
    });
    expect(response.status).toBe(400);
    expect(response.body.error?.field).toBe('featureIds');
  });

  it('updates with If-Match, refuses a stale version with 409 and the current state', async () => {
    const release = await createRelease({ versionName: '6.0' });
    const ok = await owner.request('PATCH', `/api/releases/${release.id}`, {
      body: { name: 'Spring', notes: '# Notes' },
      headers: { 'if-match': '"1"' },
    });
    expect(ok.status).toBe(200);
    expect(ok.headers.get('etag')).toBe('"2"');
    const stale = await send(owner, 'PATCH', `/api/releases/${release.id}`, { name: 'Late', version: 1 });
    expect(stale.status).toBe(409);
    expect(stale.body).toMatchObject({ current: { version: 2 } });
    const missing = await send(owner, 'PATCH', `/api/releases/${release.id}`, { name: 'No version' });
    expect(missing.status).toBe(428);
  });

  it('stamps the day and releases the features when the release is released', async () => {
    const feature = await insertFeature(t, product, 'Share a route');
    const release = await createRelease({ versionName: '7.0', featureIds: [feature] });
    const released = await owner.json<Release>('PATCH', `/api/releases/${release.id}`, {
      status: 'released',
      version: 1,
    });
    expect(released.releasedAt).not.toBeNull();
    expect(released.features[0]?.status).toBe('released');
  });

  it('drafts release notes from the features in Markdown', async () => {
    const feature = await insertFeature(t, product, 'Trip planner', '# Why\n\nPlan trips with stops.');
    const release = await createRelease({ versionName: '8.0', name: 'Trips', featureIds: [feature] });
    const { notes } = await owner.json<{ notes: string }>('GET', `/api/releases/${release.id}/notes-draft`);
    expect(notes).toContain('# 8.0 — Trips');
    expect(notes).toContain('- **Trip planner** — Plan trips with stops.');
  });

  it('lists the customers to tell, most revenue first, and exports them as CSV', async () => {
    const feature = await insertFeature(t, product, 'Bulk export');
    await insertDemand(t, product, feature, {
      name: 'Globex',
      revenueCents: 500_000,
      tier: 'key',
      email: 'ops@globex.test',
    });
    await insertDemand(t, product, feature, { name: '=Initech', revenueCents: 900_000 });
    await insertDemand(t, product, feature, { email: 'solo@example.test' });
    const release = await createRelease({ versionName: '9.0', featureIds: [feature] });
    const { items } = await owner.json<{ items: { name: string; emails: string[]; features: string[] }[] }>(
      'GET',
      `/api/releases/${release.id}/customers`,
    );
    expect(items.map((item) => item.name)).toEqual(['=Initech', 'Globex', 'solo@example.test']);
    expect(items[1]).toMatchObject({ emails: ['ops@globex.test'], features: ['Bulk export'] });
    const csv = await owner.request('GET', `/api/releases/${release.id}/customers.csv`);
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-type')).toContain('text/csv');
    const lines = (await csv.text()).trim().split('\r\n');
    expect(lines[0]).toBe('Customer,Segment,Tier,Revenue,Emails,Features,Feedback');
    // A name a spreadsheet would run as a formula is kept as text.
    expect(lines[1]).toBe("'=Initech,,standard,9000.00,,Bulk export,1");
  });

  it('answers 404 to someone outside the workspace, for reads and writes', async () => {
    const release = await createRelease({ versionName: '10.0' });
    expect((await send(stranger, 'GET', `/api/releases/${release.id}`)).status).toBe(404);
    expect((await send(stranger, 'GET', `/api/products/${product.id}/releases`)).status).toBe(404);
    expect(
      (await send(stranger, 'POST', `/api/products/${product.id}/releases`, { versionName: '1.0' })).status,
    ).toBe(404);
    expect((await send(stranger, 'GET', `/api/releases/${release.id}/customers.csv`)).status).toBe(404);
  });

  it('lets a workspace guest without a role see nothing, and a viewer read but not write', async () => {
    const viewer = await signUp(t, 'Release Viewer');
    await addMember(t, workspaceId, viewer, 'guest');
    const release = await createRelease({ versionName: '11.0' });
    expect((await send(viewer, 'GET', `/api/releases/${release.id}`)).status).toBe(404);
    await sql(
      t,
      "insert into entity_members (entity_type, entity_id, user_id, workspace_id, role) values ('product', $1, $2, $3, 'viewer')",
      [product.id, viewer.id, workspaceId],
    );
    expect((await send(viewer, 'GET', `/api/releases/${release.id}`)).status).toBe(200);
    expect(
      (await send(viewer, 'PATCH', `/api/releases/${release.id}`, { name: 'x', version: 1 })).status,
    ).toBe(403);
  });

  it('deletes a release at its version and frees its features', async () => {
    const feature = await insertFeature(t, product, 'Widgets');
    const release = await createRelease({ versionName: '12.0', featureIds: [feature] });
    expect((await send(owner, 'DELETE', `/api/releases/${release.id}`, { version: 1 })).status).toBe(204);
    expect((await send(owner, 'GET', `/api/releases/${release.id}`)).status).toBe(404);
    const next = await send(owner, 'POST', `/api/products/${product.id}/releases`, {
      versionName: '12.1',
      featureIds: [feature],
    });
    expect(next.status).toBe(201);
  });
});
