import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { domainTestFeatures } from './helpers/domain-features';
import { addMember, type Caller, createWorkspace, signUp, sql } from './helpers/domain-world';
import { startTestServer, type TestServer } from './helpers/server';

interface Deliverable {
  id: string;
  title: string;
  state: string;
  version: number;
  late: boolean;
  milestoneName: string | null;
  milestoneDate: string | null;
  criteria: { done: number; total: number };
  decidedBy: string | null;
  decidedAt: string | null;
  decisionComment: string;
}

/** The error body of a refused request. */
async function errorOf(response: Response): Promise<{ code: string; message: string; field?: string }> {
  return ((await response.json()) as { error: { code: string; message: string; field?: string } }).error;
}

let t: TestServer;
let owner: Caller;
let contributor: Caller;
let viewer: Caller;
let outsider: Caller;
let workspaceId: string;

beforeAll(async () => {
  t = await startTestServer({ features: domainTestFeatures() });
  owner = await signUp(t, 'Project Manager');
  contributor = await signUp(t, 'Contributor');
  viewer = await signUp(t, 'Viewer');
  outsider = await signUp(t, 'Outsider');
  workspaceId = await createWorkspace(t, owner);
  await addMember(t, workspaceId, contributor, 'member');
  await addMember(t, workspaceId, viewer, 'guest');
});
afterAll(async () => {
  await t?.close();
});

/** A project from Monday 2 March 2026 with a two-day task before the "Handover" milestone, status date the 10th. */
async function project() {
  const created = await owner.json<{ id: string }>('POST', `/api/workspaces/${workspaceId}/projects`, {
    name: 'Delivery',
    startDate: '2026-03-02',
    statusDate: '2026-03-10',
  });
  await owner.json(
    'PUT',
    `/api/projects/${created.id}/members/${contributor.id}`,
    { role: 'contributor' },
    201,
  );
  await owner.json('PUT', `/api/projects/${created.id}/members/${viewer.id}`, { role: 'viewer' }, 201);
  const work = await owner.json<{ id: string }>('POST', `/api/projects/${created.id}/tasks`, {
    name: 'Write manual',
    durationMinutes: 960,
  });
  const milestone = await owner.json<{ id: string }>('POST', `/api/projects/${created.id}/tasks`, {
    name: 'Handover',
    durationMinutes: 0,
    isMilestone: true,
  });
  await owner.json('POST', `/api/projects/${created.id}/links`, {
    predecessorId: work.id,
    successorId: milestone.id,
  });
  return { projectId: created.id, work, milestone };
}

describe('deliverables', () => {
  it('shows the milestone date, the checklist progress and flags a deliverable whose milestone has passed', async () => {
    const { projectId, milestone } = await project();
    const created = await contributor.json<Deliverable>(
      'POST',
      `/api/projects/${projectId}/deliverables`,
      {
        title: 'User manual',
        description: 'The **operator** manual',
        acceptanceCriteria: '- [x] Reviewed by support\n- [ ] Translated',
        milestoneTaskId: milestone.id,
      },
      201,
    );
    expect(created).toMatchObject({
      title: 'User manual',
      state: 'pending',
      milestoneName: 'Handover',
      milestoneDate: '2026-03-03T17:00',
      late: true,
      criteria: { done: 1, total: 2 },
    });
    const { items } = await viewer.json<{ items: Deliverable[] }>(
      'GET',
      `/api/projects/${projectId}/deliverables`,
    );
    expect(items.map((item) => item.title)).toEqual(['User manual']);
  });

  it('submits, rejects with a reason, resubmits and accepts, recording who decided and when', async () => {
    const { projectId } = await project();
    let item = await owner.json<Deliverable>(
      'POST',
      `/api/projects/${projectId}/deliverables`,
      { title: 'Training' },
      201,
    );
    item = await contributor.json<Deliverable>('POST', `/api/deliverables/${item.id}/submit`, {
      version: item.version,
    });
    expect(item.state).toBe('submitted');
    const byContributor = await contributor.request('POST', `/api/deliverables/${item.id}/accept`, {
      body: { version: item.version },
    });
    expect(byContributor.status).toBe(403);
    item = await owner.json<Deliverable>('POST', `/api/deliverables/${item.id}/reject`, {
      comment: 'Slides missing',
      version: item.version,
    });
    expect(item).toMatchObject({ state: 'rejected', decidedBy: owner.id, decisionComment: 'Slides missing' });
    item = await contributor.json<Deliverable>('POST', `/api/deliverables/${item.id}/submit`, {
      version: item.version,
    });
    item = await owner.json<Deliverable>('POST', `/api/deliverables/${item.id}/accept`, {
      version: item.version,
    });
    expect(item.state).toBe('accepted');
    expect(item.decidedAt).not.toBeNull();
    const again = await owner.request('POST', `/api/deliverables/${item.id}/reject`, {
      body: { version: item.version },
    });
    expect(again.status).toBe(409);
    expect((await errorOf(again)).code).toBe('DELIVERABLE_STATE');
  });

  it('refuses bad input naming the field, a milestone that is not one, and stale versions', async () => {
    const { projectId, work } = await project();
    const empty = await owner.request('POST', `/api/projects/${projectId}/deliverables`, {
      body: { title: '' },
    });
    expect(empty.status).toBe(400);
    expect((await errorOf(empty)).field).toBe('title');
    const notMilestone = await owner.request('POST', `/api/projects/${projectId}/deliverables`, {
      body: { title: 'X', milestoneTaskId: work.id },
    });
    expect(notMilestone.status).toBe(422);
    expect((await errorOf(notMilestone)).field).toBe('milestoneTaskId');
    const unknown = await owner.request('POST', `/api/projects/${projectId}/deliverables`, {
      body: { title: 'X', milestoneTaskId: 'tsk_nope' },
    });
    expect(unknown.status).toBe(422);
    const item = await owner.json<Deliverable>(
      'POST',
      `/api/projects/${projectId}/deliverables`,
      { title: 'Y' },
      201,
    );
    const edited = await owner.json<Deliverable>('PATCH', `/api/deliverables/${item.id}`, {
      title: 'Y2',
      version: item.version,
    });
    expect(edited.title).toBe('Y2');
    const stale = await owner.request('PATCH', `/api/deliverables/${item.id}`, {
      body: { title: 'Z', version: 1 },
    });
    expect(stale.status).toBe(409);
    const [row] = await sql(t, 'select title from deliverables where id = $1', [item.id]);
    expect(row?.title).toBe('Y2');
  });

  it('lets viewers read but not write, hides deliverables from outsiders, and deletes at the version', async () => {
    const { projectId } = await project();
    const item = await owner.json<Deliverable>(
      'POST',
      `/api/projects/${projectId}/deliverables`,
      { title: 'Docs' },
      201,
    );
    expect(
      (await viewer.request('POST', `/api/projects/${projectId}/deliverables`, { body: { title: 'No' } }))
        .status,
    ).toBe(403);
    expect((await outsider.request('GET', `/api/projects/${projectId}/deliverables`)).status).toBe(404);
    expect(
      (await outsider.request('DELETE', `/api/deliverables/${item.id}`, { body: { version: 1 } })).status,
    ).toBe(404);
    await owner.json('DELETE', `/api/deliverables/${item.id}`, { version: item.version }, 204);
    const { items } = await owner.json<{ items: unknown[] }>(
      'GET',
      `/api/projects/${projectId}/deliverables`,
    );
    expect(items).toEqual([]);
  });
});
