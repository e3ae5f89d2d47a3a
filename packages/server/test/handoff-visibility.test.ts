import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { domainTestFeatures } from './helpers/domain-features';
import { addMember, anonymous, type Caller, signUp } from './helpers/domain-world';
import { handoffWorld, insertFeature, insertInitiative } from './helpers/release-world';
import { startTestServer, type TestServer } from './helpers/server';

interface Delivery {
  projectId: string | null;
  projectName: string | null;
  progress: number;
  forecastFinish: string | null;
  health: string;
}
interface InitiativeReply {
  id: string;
  projectId: string | null;
  delivery: Delivery | null;
}
interface RoadmapItem extends InitiativeReply {
  projectName: string | null;
  progress: number;
  forecastFinish: string | null;
}
interface Release {
  forecast: { forecastDate: string | null; linkedTasks: { projectName: string }[]; hiddenTaskCount: number };
}

// A name nobody would type by chance: finding it anywhere in a reply is the leak these tests guard against.
const secretName = 'Project Kestrel Secret';

let t: TestServer;
let owner: Caller;
let guest: Caller;
let product: { id: string; workspaceId: string };
let initiative: string;
let projectId: string;
let releaseId: string;

beforeAll(async () => {
  t = await startTestServer({ features: domainTestFeatures() });
  const world = await handoffWorld(t, 'Visibility');
  ({ owner, product } = world);
  // A guest with a role on the product only: the roadmap is theirs to read, the delivering project is not.
  guest = await signUp(t, 'Visibility Guest');
  await addMember(t, world.workspaceId, guest, 'guest');
  await owner.json('PUT', `/api/products/${product.id}/members/${guest.id}`, { role: 'viewer' }, 201);
  const feature = await insertFeature(t, product, 'Offline sync');
  initiative = await insertInitiative(t, product, 'Work offline', [feature], {
    start: '2026-03-02',
    finish: '2026-03-31',
  });
  const started = await owner.json<{ project: { id: string } }>(
    'POST',
    `/api/initiatives/${initiative}/start-project`,
    { name: secretName, projectManagerId: world.manager.id, startDate: '2026-03-02' },
    201,
  );
  projectId = started.project.id;
  releaseId = (
    await owner.json<{ id: string }>(
      'POST',
      `/api/products/${product.id}/releases`,
      { versionName: '2.0', targetDate: '2026-04-30', featureIds: [feature] },
      201,
    )
  ).id;
});
afterAll(async () => {
  await t?.close();
});

async function body(caller: Caller, path: string): Promise<string> {
  const response = await caller.request('GET', path);
  expect(response.status).toBe(200);
  return response.text();
}

describe('the delivering project, for readers who may not see it', () => {
  it('shows the project’s name on the roadmap to whoever may see the project', async () => {
    const roadmap = await owner.json<{ initiatives: RoadmapItem[] }>(
      'GET',
      `/api/products/${product.id}/roadmap`,
    );
    const item = roadmap.initiatives.find((one) => one.id === initiative)!;
    expect(item).toMatchObject({ projectId, projectName: secretName });
    expect(item.delivery).toMatchObject({ projectId, projectName: secretName, forecastFinish: '2026-03-06' });
  });

  it('shows a guest of the product the forecast, progress and health on the roadmap, but not the project’s name or id', async () => {
    const text = await body(guest, `/api/products/${product.id}/roadmap`);
    expect(text).not.toContain(secretName);
    expect(text).not.toContain(projectId);
    const item = (JSON.parse(text) as { initiatives: RoadmapItem[] }).initiatives.find(
      (one) => one.id === initiative,
    )!;
    expect(item).toMatchObject({
      projectId: null,
      projectName: null,
      forecastFinish: '2026-03-06',
      progress: 0,
    });
    expect(item.delivery).toMatchObject({ projectId: null, projectName: null, health: 'on_track' });
  });

  it('keeps the project’s name and id out of the initiative, its list and its delivery for that guest', async () => {
    for (const path of [
      `/api/initiatives/${initiative}`,
      `/api/products/${product.id}/initiatives`,
      `/api/initiatives/${initiative}/delivery`,
    ]) {
      const text = await body(guest, path);
      expect(text, path).not.toContain(secretName);
      expect(text, path).not.toContain(projectId);
    }
    const reply = await guest.json<InitiativeReply>('GET', `/api/initiatives/${initiative}`);
    expect(reply.projectId).toBeNull();
    expect(reply.delivery).toMatchObject({ projectId: null, forecastFinish: '2026-03-06' });
  });

  it('keeps the project’s id out of a version conflict answered to a guest who edits the product', async () => {
    const editor = await signUp(t, 'Visibility Editor');
    await addMember(t, product.workspaceId, editor, 'guest');
    await owner.json('PUT', `/api/products/${product.id}/members/${editor.id}`, { role: 'contributor' }, 201);
    const response = await editor.request('PATCH', `/api/initiatives/${initiative}`, {
      body: { title: 'Work offline, everywhere', version: 999 },
    });
    expect(response.status).toBe(409);
    const text = await response.text();
    expect(text).not.toContain(projectId);
    expect(text).not.toContain(secretName);
    const updated = await editor.json<InitiativeReply>('PATCH', `/api/initiatives/${initiative}`, {
      title: 'Work offline',
      version: (await editor.json<{ version: number }>('GET', `/api/initiatives/${initiative}`)).version,
    });
    expect(updated).toMatchObject({ projectId: null, delivery: { projectId: null, projectName: null } });
  });

  it('counts the hidden project’s work in a release’s forecast without listing it for that guest', async () => {
    const text = await body(guest, `/api/releases/${releaseId}`);
    expect(text).not.toContain(secretName);
    const release = JSON.parse(text) as Release;
    expect(release.forecast).toMatchObject({
      forecastDate: '2026-03-06',
      linkedTasks: [],
      hiddenTaskCount: 1,
    });
    const own = await owner.json<Release>('GET', `/api/releases/${releaseId}`);
    expect(own.forecast.hiddenTaskCount).toBe(0);
    expect(own.forecast.linkedTasks.map((task) => task.projectName)).toEqual([secretName]);
  });

  it('gives a roadmap share link’s readers the forecasts but no project’s name or id, whoever made the link', async () => {
    const { token } = await owner.json<{ token: string }>(
      'POST',
      '/api/share-links',
      { entityType: 'roadmap', entityId: product.id },
      201,
    );
    const text = await body(anonymous(t), `/api/shared/${token}`);
    expect(text).not.toContain(secretName);
    expect(text).not.toContain(projectId);
    expect(text).toContain('2026-03-06');
  });
});

describe('the delivery on the initiative reply', () => {
  it('is the roadmap’s delivery, computed once, for the same reader', async () => {
    const reply = await owner.json<InitiativeReply>('GET', `/api/initiatives/${initiative}`);
    const roadmap = await owner.json<{ initiatives: RoadmapItem[] }>(
      'GET',
      `/api/products/${product.id}/roadmap`,
    );
    const item = roadmap.initiatives.find((one) => one.id === initiative)!;
    expect(reply.delivery).toEqual(item.delivery);
    expect(reply.delivery).toEqual(
      (await owner.json<{ delivery: Delivery }>('GET', `/api/initiatives/${initiative}/delivery`)).delivery,
    );
    expect(item.progress).toBe(reply.delivery!.progress / 100);
    expect(item.forecastFinish).toBe(reply.delivery!.forecastFinish);
  });

  it('moves with the project’s plan without anyone copying it', async () => {
    const [task] = (
      await owner.json<{ items: { id: string; version: number }[] }>(
        'GET',
        `/api/projects/${projectId}/tasks`,
      )
    ).items;
    await owner.json('PATCH', `/api/tasks/${task!.id}`, {
      durationMinutes: 30 * 480,
      percentComplete: 50,
      version: task!.version,
    });
    const reply = await owner.json<InitiativeReply>('GET', `/api/initiatives/${initiative}`);
    expect(reply.delivery).toMatchObject({ progress: 50, forecastFinish: '2026-04-10', health: 'late' });
  });

  it('is null before the hand-off, and the initiative list carries it too', async () => {
    const fresh = await insertInitiative(t, product, 'Not yet', []);
    const list = await owner.json<{ items: InitiativeReply[] }>(
      'GET',
      `/api/products/${product.id}/initiatives`,
    );
    expect(list.items.find((one) => one.id === fresh)?.delivery).toBeNull();
    expect(list.items.find((one) => one.id === initiative)?.delivery?.projectName).toBe(secretName);
  });
});
