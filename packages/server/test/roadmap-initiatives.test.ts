import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newId } from '../src/db/ids';
import { domainTestFeatures } from './helpers/domain-features';
import { type Caller, createWorkspace, signUp, sql } from './helpers/domain-world';
import { startTestServer, type TestServer } from './helpers/server';

interface Initiative {
  id: string;
  parentId: string | null;
  title: string;
  version: number;
  plannedStart: string | null;
  plannedFinish: string | null;
}
interface Roadmap {
  asOf: string;
  initiatives: (Initiative & {
    featureCount: number;
    progress: number;
    forecastFinish: string | null;
    projectName: string | null;
    horizon: string | null;
  })[];
  releases: { versionName: string; features: { title: string; initiativeId: string | null }[] }[];
}

let t: TestServer;
let owner: Caller;
let outsider: Caller;
let workspaceId: string;
let productId: string;

beforeAll(async () => {
  t = await startTestServer({ features: domainTestFeatures() });
  owner = await signUp(t, 'Rita Roadmap');
  outsider = await signUp(t, 'Oscar Outsider');
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

const create = (body: Record<string, unknown>) =>
  owner.json<Initiative>('POST', `/api/products/${productId}/initiatives`, body, 201);
const errorOf = async (response: Response) =>
  ((await response.json()) as { error: { code: string; field?: string } }).error;

async function feature(title: string, status = 'new'): Promise<string> {
  const id = newId('fea');
  await sql(
    t,
    'insert into features (id, workspace_id, product_id, title, status) values ($1, $2, $3, $4, $5)',
    [id, workspaceId, productId, title, status],
  );
  return id;
}

describe('initiatives', () => {
  it('creates, nests and updates an initiative with If-Match', async () => {
    const parent = await create({
      title: 'Enterprise readiness',
      theme: 'Enterprise',
      plannedStart: '2027-01-01',
    });
    const child = await create({ title: 'SSO', parentId: parent.id });
    expect(child.parentId).toBe(parent.id);
    const response = await owner.request('PATCH', `/api/initiatives/${child.id}`, {
      body: { plannedFinish: '2027-03-31' },
      headers: { 'if-match': '"1"' },
    });
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ plannedFinish: '2027-03-31', version: 2 });
  });

  it('refuses a cycle of initiatives with a 422 naming parentId, changing nothing', async () => {
    const a = await create({ title: 'A' });
    const b = await create({ title: 'B', parentId: a.id });
    const c = await create({ title: 'C', parentId: b.id });
    const response = await owner.request('PATCH', `/api/initiatives/${a.id}`, {
      body: { parentId: c.id, version: 1 },
    });
    expect(response.status).toBe(422);
    expect(await errorOf(response)).toMatchObject({ code: 'NESTING_CYCLE', field: 'parentId' });
    const itself = await owner.request('PATCH', `/api/initiatives/${a.id}`, {
      body: { parentId: a.id, version: 1 },
    });
    expect(itself.status).toBe(422);
    expect((await owner.json<Initiative>('GET', `/api/initiatives/${a.id}`)).parentId).toBeNull();
  });

  it.each([
    [{ title: 'Backwards', plannedStart: '2027-02-01', plannedFinish: '2027-01-01' }, 'plannedFinish'],
    [{ title: 'Bad date', plannedStart: '2027-02-30' }, 'plannedStart'],
    [{ title: 'Orphan', parentId: 'ini_missing' }, 'parentId'],
    [{ title: 'No objective', objectiveId: 'obj_missing' }, 'objectiveId'],
    [{ title: 'No project', projectId: 'prj_missing' }, 'projectId'],
    [{ title: 'Odd', status: 'paused' }, 'status'],
    [{ title: '' }, 'title'],
  ])('refuses %o with a 400 naming %s', async (body, field) => {
    const response = await owner.request('POST', `/api/products/${productId}/initiatives`, { body });
    expect(response.status).toBe(400);
    expect((await errorOf(response)).field).toBe(field);
  });

  it('holds each feature in one initiative, moving it when added to another', async () => {
    const first = await create({ title: 'First' });
    const second = await create({ title: 'Second' });
    const id = await feature('Audit log');
    await owner.json('POST', `/api/initiatives/${first.id}/features`, { featureId: id }, 201);
    await owner.json('POST', `/api/initiatives/${second.id}/features`, { featureId: id }, 201);
    expect(
      (await owner.json<{ items: unknown[] }>('GET', `/api/initiatives/${first.id}/features`)).items,
    ).toEqual([]);
    expect(
      (await owner.json<{ items: { featureId: string }[] }>('GET', `/api/initiatives/${second.id}/features`))
        .items,
    ).toEqual([{ featureId: id, title: 'Audit log', status: 'new' }]);
    const other = await owner.json<{ id: string }>(
      'POST',
      `/api/workspaces/${workspaceId}/products`,
      { name: 'Other' },
      201,
    );
    const foreign = newId('fea');
    await sql(t, 'insert into features (id, workspace_id, product_id, title) values ($1, $2, $3, $4)', [
      foreign,
      workspaceId,
      other.id,
      'Elsewhere',
    ]);
    const refused = await owner.request('POST', `/api/initiatives/${second.id}/features`, {
      body: { featureId: foreign },
    });
    expect(refused.status).toBe(400);
    expect((await errorOf(refused)).field).toBe('featureId');
    await owner.json('DELETE', `/api/initiatives/${second.id}/features/${id}`, undefined, 204);
  });

  it('hides initiatives from outsiders', async () => {
    const hidden = await create({ title: 'Secret' });
    expect((await outsider.request('GET', `/api/initiatives/${hidden.id}`)).status).toBe(404);
    expect((await outsider.request('GET', `/api/products/${productId}/roadmap`)).status).toBe(404);
  });

  it('deletes an initiative, its children moving up to its parent', async () => {
    const top = await create({ title: 'Top' });
    const middle = await create({ title: 'Middle', parentId: top.id });
    const leaf = await create({ title: 'Leaf', parentId: middle.id });
    await owner.json('DELETE', `/api/initiatives/${middle.id}`, { version: 1 }, 204);
    expect((await owner.json<Initiative>('GET', `/api/initiatives/${leaf.id}`)).parentId).toBe(top.id);
  });
});

describe('roadmap', () => {
  it('shows initiatives with progress, now/next/later and a project’s forecast finish', async () => {
    const ready = await create({
      title: 'Mobile app',
      plannedStart: '2026-11-01',
      plannedFinish: '2026-12-31',
      status: 'in_progress',
      team: 'Apps',
    });
    const done = await feature('iOS build', 'released');
    const open = await feature('Android build');
    await owner.json('POST', `/api/initiatives/${ready.id}/features`, { featureId: done }, 201);
    await owner.json('POST', `/api/initiatives/${ready.id}/features`, { featureId: open }, 201);
    const project = await owner.json<{ id: string }>('POST', `/api/workspaces/${workspaceId}/projects`, {
      name: 'Mobile delivery',
      startDate: '2026-11-02',
    });
    await owner.json('POST', `/api/projects/${project.id}/tasks`, { name: 'Build', durationMinutes: 4800 });
    const later = await create({
      title: 'Marketplace',
      plannedStart: '2027-09-01',
      plannedFinish: '2027-12-01',
    });
    const roadmap = await owner.json<Roadmap>('GET', `/api/products/${productId}/roadmap?asOf=2026-11-23`);
    const mobile = roadmap.initiatives.find((item) => item.id === ready.id);
    expect(mobile).toMatchObject({ featureCount: 2, progress: 0.5, forecastFinish: null, horizon: 'now' });
    expect(roadmap.initiatives.find((item) => item.id === later.id)?.horizon).toBe('later');

    await owner.json('PATCH', `/api/initiatives/${ready.id}`, { projectId: project.id, version: 1 });
    const schedule = await owner.json<{ finish: string }>('GET', `/api/projects/${project.id}/schedule`);
    const linked = (await owner.json<Roadmap>('GET', `/api/products/${productId}/roadmap`)).initiatives.find(
      (item) => item.id === ready.id,
    );
    expect(linked).toMatchObject({
      forecastFinish: schedule.finish.slice(0, 10),
      projectName: 'Mobile delivery',
    });
  });

  it('plans releases with their features, each with its initiative', async () => {
    const initiative = await create({ title: 'Release-bound' });
    const shipped = await feature('Ships in 2.0');
    await owner.json('POST', `/api/initiatives/${initiative.id}/features`, { featureId: shipped }, 201);
    const releaseId = newId('rel');
    await sql(
      t,
      "insert into releases (id, workspace_id, product_id, version_name, name, target_date) values ($1, $2, $3, '2.0', 'Spring', '2027-03-01')",
      [releaseId, workspaceId, productId],
    );
    await sql(
      t,
      'insert into release_features (id, workspace_id, release_id, feature_id) values ($1, $2, $3, $4)',
      [newId('rlf'), workspaceId, releaseId, shipped],
    );
    const roadmap = await owner.json<Roadmap>('GET', `/api/products/${productId}/roadmap`);
    expect(roadmap.releases).toEqual([
      expect.objectContaining({
        versionName: '2.0',
        features: [expect.objectContaining({ title: 'Ships in 2.0', initiativeId: initiative.id })],
      }),
    ]);
  });

  it('exports the timeline as a PDF', async () => {
    const response = await owner.request('GET', `/api/products/${productId}/roadmap.pdf`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/pdf');
    expect(new TextDecoder().decode((await response.arrayBuffer()).slice(0, 5))).toBe('%PDF-');
  });

  it('shares a read-only roadmap through a revocable link', async () => {
    await create({ title: 'Shared initiative', plannedStart: '2027-01-01', plannedFinish: '2027-02-01' });
    const created = await owner.json<{ link: { id: string }; token: string }>(
      'POST',
      '/api/share-links',
      { entityType: 'roadmap', entityId: productId, label: 'Board' },
      201,
    );
    const shared = await t.request('GET', `/api/shared/${created.token}`);
    expect(shared.status).toBe(200);
    const body = JSON.stringify(await shared.json());
    expect(body).toContain('Shared initiative');
    const pdf = await t.request('GET', `/api/shared/${created.token}/pdf`);
    expect(pdf.status).toBe(200);
    expect(new TextDecoder().decode((await pdf.arrayBuffer()).slice(0, 5))).toBe('%PDF-');
    await owner.json('DELETE', `/api/share-links/${created.link.id}`);
    expect((await t.request('GET', `/api/shared/${created.token}`)).status).toBe(404);
  });
});
