import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { domainTestFeatures } from './helpers/domain-features';
import { sql } from './helpers/domain-world';
import { buildRiskWorld, errorOf, type RaidItem, type Risk, type RiskWorld } from './helpers/risk-world';
import { startTestServer, type TestServer } from './helpers/server';

interface Link {
  id: string;
  direction: 'outgoing' | 'incoming';
  type: string;
  targetId: string;
  title: string;
  status: string;
  percentComplete: number | null;
}

let t: TestServer;
let w: RiskWorld;

beforeAll(async () => {
  t = await startTestServer({ features: domainTestFeatures() });
  w = await buildRiskWorld(t);
});
afterAll(async () => {
  await t?.close();
});

const addItem = (projectId: string, body: Record<string, unknown>) =>
  w.owner.json<RaidItem>('POST', `/api/projects/${projectId}/raid`, body, 201);

describe('RAID log', () => {
  it('keeps issues, assumptions and decisions, open and severe first, filtered by kind', async () => {
    const projectId = await w.project();
    await addItem(projectId, { kind: 'assumption', title: 'Budget holds', severity: 'low' });
    await addItem(projectId, {
      kind: 'issue',
      title: 'Build server down',
      severity: 'critical',
      priority: 'urgent',
      ownerId: w.contributor.id,
      dueDate: '2020-01-10',
    });
    await addItem(projectId, {
      kind: 'decision',
      title: 'Use PostgreSQL',
      status: 'resolved',
      resolution: 'Agreed',
    });
    const all = await w.viewer.json<{ items: RaidItem[] }>('GET', `/api/projects/${projectId}/raid`);
    expect(all.items.map((item) => item.title)).toEqual([
      'Build server down',
      'Budget holds',
      'Use PostgreSQL',
    ]);
    expect(all.items[0]).toMatchObject({ priority: 'urgent', overdue: true, ownerId: w.contributor.id });
    expect(all.items[2]).toMatchObject({ overdue: false, resolution: 'Agreed' });
    const decisions = await w.owner.json<{ items: RaidItem[] }>(
      'GET',
      `/api/projects/${projectId}/raid?kind=decision`,
    );
    expect(decisions.items.map((item) => item.kind)).toEqual(['decision']);
    const open = await w.owner.json<{ items: RaidItem[] }>(
      'GET',
      `/api/projects/${projectId}/raid?status=open&ownerId=${w.contributor.id}`,
    );
    expect(open.items.map((item) => item.title)).toEqual(['Build server down']);
  });

  it('refuses bad input naming the field', async () => {
    const projectId = await w.project();
    const post = (body: Record<string, unknown>) =>
      w.owner.request('POST', `/api/projects/${projectId}/raid`, { body });
    expect(await errorOf(await post({ kind: 'rumour', title: 'x' }))).toMatchObject({
      status: 400,
      field: 'kind',
    });
    expect(await errorOf(await post({ kind: 'issue', title: '' }))).toMatchObject({
      status: 400,
      field: 'title',
    });
    expect(await errorOf(await post({ kind: 'issue', title: 'x', dueDate: '2026-13-01' }))).toMatchObject({
      field: 'dueDate',
    });
    expect(await errorOf(await post({ kind: 'issue', title: 'x', ownerId: w.stranger.id }))).toMatchObject({
      status: 400,
      field: 'ownerId',
    });
    expect((await w.owner.request('GET', `/api/projects/${projectId}/raid?kind=rumour`)).status).toBe(400);
  });

  it('updates with versions, resolves, and deletes', async () => {
    const projectId = await w.project();
    const item = await addItem(projectId, { kind: 'issue', title: 'Licence expired' });
    const resolved = await w.contributor.json<RaidItem>(
      'PATCH',
      `/api/raid/${item.id}`,
      { status: 'resolved', resolution: 'Renewed for a year', version: 1 },
      200,
    );
    expect(resolved).toMatchObject({ status: 'resolved', resolution: 'Renewed for a year', version: 2 });
    const stale = await w.owner.request('PATCH', `/api/raid/${item.id}`, {
      body: { title: 'x', version: 1 },
    });
    expect(stale.status).toBe(409);
    expect((await w.owner.request('PATCH', `/api/raid/${item.id}`, { body: { title: 'x' } })).status).toBe(
      428,
    );
    expect((await w.owner.request('DELETE', `/api/raid/${item.id}`, { body: { version: 2 } })).status).toBe(
      204,
    );
    expect((await w.owner.request('GET', `/api/raid/${item.id}`)).status).toBe(404);
  });

  it('lets viewers read, not write, and hides the log from strangers', async () => {
    const projectId = await w.project();
    const item = await addItem(projectId, { kind: 'assumption', title: 'Staff available' });
    expect((await w.viewer.request('GET', `/api/raid/${item.id}`)).status).toBe(200);
    expect(
      (
        await w.viewer.request('POST', `/api/projects/${projectId}/raid`, {
          body: { kind: 'issue', title: 'x' },
        })
      ).status,
    ).toBe(403);
    expect(
      (await w.viewer.request('PATCH', `/api/raid/${item.id}`, { body: { title: 'x', version: 1 } })).status,
    ).toBe(403);
    expect((await w.stranger.request('GET', `/api/raid/${item.id}`)).status).toBe(404);
    expect((await w.stranger.request('GET', `/api/projects/${projectId}/raid`)).status).toBe(404);
    expect((await w.owner.request('GET', '/api/raid/rad_missing')).status).toBe(404);
  });
});

describe('RAID links', () => {
  it('links an item to a task, a risk and another item of the project and lists them both ways', async () => {
    const projectId = await w.project();
    const issue = await addItem(projectId, { kind: 'issue', title: 'Tests flaky' });
    const decision = await addItem(projectId, { kind: 'decision', title: 'Quarantine flaky tests' });
    const task = await w.owner.json<{ id: string }>('POST', `/api/projects/${projectId}/tasks`, {
      name: 'Fix CI',
    });
    const risk = await w.owner.json<Risk>(
      'POST',
      `/api/projects/${projectId}/risks`,
      { title: 'Release slips', probability: 3, impact: 3 },
      201,
    );
    const post = (body: Record<string, unknown>) =>
      w.contributor.json<Link>('POST', `/api/raid/${issue.id}/links`, body, 201);
    await post({ toType: 'task', toId: task.id });
    await post({ toType: 'risk', toId: risk.id });
    await post({ toType: 'raid', toId: decision.id });
    const links = await w.viewer.json<{ items: Link[] }>('GET', `/api/raid/${issue.id}/links`);
    expect(links.items.map((link) => [link.type, link.title, link.direction])).toEqual([
      ['task', 'Fix CI', 'outgoing'],
      ['risk', 'Release slips', 'outgoing'],
      ['raid', 'Quarantine flaky tests', 'outgoing'],
    ]);
    expect(links.items[0]).toMatchObject({ status: 'todo', percentComplete: 0 });
    const onRisk = await w.viewer.json<{ items: Link[] }>('GET', `/api/risks/${risk.id}/links`);
    expect(onRisk.items.map((link) => [link.type, link.targetId, link.title])).toEqual([
      ['raid', issue.id, 'Tests flaky'],
    ]);
    const back = await w.owner.json<{ items: Link[] }>('GET', `/api/raid/${decision.id}/links`);
    expect(back.items.map((link) => [link.targetId, link.direction])).toEqual([[issue.id, 'incoming']]);
    const twice = await w.owner.request('POST', `/api/raid/${decision.id}/links`, {
      body: { toType: 'raid', toId: issue.id },
    });
    expect(twice.status).toBe(409);
    const removed = await w.owner.request('DELETE', `/api/raid/${decision.id}/links/${back.items[0]?.id}`);
    expect(removed.status).toBe(204);
    expect((await w.owner.json<{ items: Link[] }>('GET', `/api/raid/${issue.id}/links`)).items).toHaveLength(
      2,
    );
  });

  it('refuses a task of another project with 422, unknown ends with 404 and a self link with 400', async () => {
    const projectId = await w.project();
    const otherId = await w.project('Other');
    const issue = await addItem(projectId, { kind: 'issue', title: 'Mixed up' });
    const foreign = await w.owner.json<{ id: string }>('POST', `/api/projects/${otherId}/tasks`, {
      name: 'Theirs',
    });
    const link = (body: Record<string, unknown>) =>
      w.owner.request('POST', `/api/raid/${issue.id}/links`, { body });
    expect(await errorOf(await link({ toType: 'task', toId: foreign.id }))).toMatchObject({
      status: 422,
      field: 'toId',
    });
    expect((await link({ toType: 'task', toId: 'tsk_none' })).status).toBe(404);
    expect((await link({ toType: 'risk', toId: 'rsk_none' })).status).toBe(404);
    expect(await errorOf(await link({ toType: 'raid', toId: issue.id }))).toMatchObject({
      status: 400,
      field: 'toId',
    });
    expect(await errorOf(await link({ toType: 'milestone', toId: 'x' }))).toMatchObject({
      status: 400,
      field: 'toType',
    });
    const rows = await sql(t, 'select count(*)::int as n from raid_links where from_id = $1', [issue.id]);
    expect(rows[0]?.n).toBe(0);
  });

  it('links a change request of the same project', async () => {
    const projectId = await w.project();
    const issue = await addItem(projectId, { kind: 'issue', title: 'Needs more scope' });
    await sql(
      t,
      `insert into change_requests (id, workspace_id, project_id, number, title) values ('chg_raid_test', $1, $2, 7, 'Add export')`,
      [w.workspaceId, projectId],
    );
    const linked = await w.owner.json<Link>(
      'POST',
      `/api/raid/${issue.id}/links`,
      { toType: 'change_request', toId: 'chg_raid_test' },
      201,
    );
    expect(linked).toMatchObject({ type: 'change_request', title: 'CR-7 Add export', status: 'draft' });
    const missing = await w.owner.request('POST', `/api/raid/${issue.id}/links`, {
      body: { toType: 'change_request', toId: 'chg_none' },
    });
    expect(missing.status).toBe(404);
  });

  it('forgets the issue on its risk when the issue is deleted', async () => {
    const projectId = await w.project();
    const risk = await w.owner.json<Risk>(
      'POST',
      `/api/projects/${projectId}/risks`,
      { title: 'Happens', probability: 2, impact: 2 },
      201,
    );
    const { issue } = await w.owner.json<{ issue: RaidItem }>(
      'POST',
      `/api/risks/${risk.id}/occurrence`,
      { version: 1 },
      201,
    );
    expect((await w.owner.request('DELETE', `/api/raid/${issue.id}`, { body: { version: 1 } })).status).toBe(
      204,
    );
    const after = await w.owner.json<Risk>('GET', `/api/risks/${risk.id}`);
    expect(after).toMatchObject({ status: 'occurred', issueId: null, version: 3 });
  });
});
