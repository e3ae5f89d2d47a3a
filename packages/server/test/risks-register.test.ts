import { defaultRiskScale } from '@tandem/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDatabaseClient } from '../src/db/client';
import { riskSummary } from '../src/domain/risks/risk-summary';
import { domainTestFeatures } from './helpers/domain-features';
import { sql } from './helpers/domain-world';
import { buildRiskWorld, errorOf, type Risk, type RiskWorld } from './helpers/risk-world';
import { startTestServer, type TestServer } from './helpers/server';

let t: TestServer;
let w: RiskWorld;

beforeAll(async () => {
  t = await startTestServer({ features: domainTestFeatures() });
  w = await buildRiskWorld(t);
});
afterAll(async () => {
  await t?.close();
});

const addRisk = (projectId: string, body: Record<string, unknown>) =>
  w.owner.json<Risk>('POST', `/api/projects/${projectId}/risks`, body, 201);

describe('risk register', () => {
  it('scores a new risk as probability × impact and bands it against the scale', async () => {
    const projectId = await w.project();
    const risk = await addRisk(projectId, {
      title: 'Supplier goes bankrupt',
      category: 'Supply',
      ownerId: w.contributor.id,
      probability: 3,
      impact: 5,
      residualProbability: 1,
      response: 'transfer',
      triggers: 'Late invoices',
      reviewDate: '2026-04-01',
    });
    expect(risk).toMatchObject({
      title: 'Supplier goes bankrupt',
      score: 15,
      band: 'high',
      residualScore: 5,
      response: 'transfer',
      status: 'open',
      ownerId: w.contributor.id,
      version: 1,
      actions: [],
    });
    const low = await addRisk(projectId, { title: 'Printer jams', probability: 2, impact: 1 });
    expect(low).toMatchObject({ score: 2, band: 'low', response: 'mitigate', category: '' });
    const { items } = await w.viewer.json<{ items: Risk[] }>('GET', `/api/projects/${projectId}/risks`);
    expect(items.map((item) => item.title)).toEqual(['Supplier goes bankrupt', 'Printer jams']);
  });

  it('filters the register by status, category, owner and heat-map cell', async () => {
    const projectId = await w.project();
    await addRisk(projectId, {
      title: 'A',
      category: 'Tech',
      probability: 4,
      impact: 4,
      ownerId: w.owner.id,
    });
    await addRisk(projectId, { title: 'B', category: 'Tech', probability: 2, impact: 3, status: 'closed' });
    await addRisk(projectId, { title: 'C', category: 'People', probability: 4, impact: 4 });
    const titles = async (query: string) =>
      (await w.owner.json<{ items: Risk[] }>('GET', `/api/projects/${projectId}/risks?${query}`)).items
        .map((item) => item.title)
        .sort();
    expect(await titles('status=open')).toEqual(['A', 'C']);
    expect(await titles('category=Tech')).toEqual(['A', 'B']);
    expect(await titles(`ownerId=${w.owner.id}`)).toEqual(['A']);
    expect(await titles('probability=4&impact=4')).toEqual(['A', 'C']);
    expect(await titles('probability=2&impact=3&status=open')).toEqual([]);
  });

  it('refuses a probability or impact off the scale naming the field, and writes nothing', async () => {
    const projectId = await w.project();
    const post = (body: Record<string, unknown>) =>
      w.owner.request('POST', `/api/projects/${projectId}/risks`, { body: { title: 'Off', ...body } });
    expect(await errorOf(await post({ probability: 6, impact: 3 }))).toMatchObject({
      status: 400,
      field: 'probability',
    });
    expect(await errorOf(await post({ probability: 0, impact: 3 }))).toMatchObject({ field: 'probability' });
    expect(await errorOf(await post({ probability: 3, impact: 9 }))).toMatchObject({ field: 'impact' });
    expect(await errorOf(await post({ probability: 3, impact: 3, residualImpact: 7 }))).toMatchObject({
      field: 'residualImpact',
    });
    expect(await errorOf(await post({ probability: 2.5, impact: 3 }))).toMatchObject({
      status: 400,
      field: 'probability',
    });
    expect(await errorOf(await post({ probability: 3, impact: 3, response: 'ignore' }))).toMatchObject({
      status: 400,
      field: 'response',
    });
    const rows = await sql(t, 'select count(*)::int as n from risks where project_id = $1', [projectId]);
    expect(rows[0]?.n).toBe(0);
  });

  it('refuses an owner who is not a member of the workspace, naming ownerId', async () => {
    const projectId = await w.project();
    const created = await w.owner.request('POST', `/api/projects/${projectId}/risks`, {
      body: { title: 'Stranger owns it', probability: 2, impact: 2, ownerId: w.stranger.id },
    });
    expect(await errorOf(created)).toMatchObject({ status: 400, field: 'ownerId' });
    const risk = await addRisk(projectId, { title: 'Mine', probability: 2, impact: 2 });
    const patched = await w.owner.request('PATCH', `/api/risks/${risk.id}`, {
      body: { ownerId: 'usr_nobody', version: 1 },
    });
    expect(await errorOf(patched)).toMatchObject({ status: 400, field: 'ownerId' });
  });

  it('updates at the expected version, re-scores, and answers 409 to a stale version', async () => {
    const projectId = await w.project();
    const risk = await addRisk(projectId, { title: 'Scope creep', probability: 2, impact: 2 });
    const updated = await w.contributor.json<Risk>(
      'PATCH',
      `/api/risks/${risk.id}`,
      { probability: 5, status: 'closed', version: 1 },
      200,
    );
    expect(updated).toMatchObject({ probability: 5, impact: 2, score: 10, status: 'closed', version: 2 });
    const stale = await w.owner.request('PATCH', `/api/risks/${risk.id}`, {
      body: { impact: 5 },
      headers: { 'If-Match': '"1"' },
    });
    expect(stale.status).toBe(409);
    const occurred = await w.owner.request('PATCH', `/api/risks/${risk.id}`, {
      body: { status: 'occurred', version: 2 },
    });
    expect(await errorOf(occurred)).toMatchObject({ status: 400, field: 'status' });
  });

  it('lets viewers read, not write, and hides the register from strangers', async () => {
    const projectId = await w.project();
    const risk = await addRisk(projectId, { title: 'Visible', probability: 1, impact: 1 });
    expect((await w.viewer.request('GET', `/api/risks/${risk.id}`)).status).toBe(200);
    const write = await w.viewer.request('POST', `/api/projects/${projectId}/risks`, {
      body: { title: 'Nope', probability: 1, impact: 1 },
    });
    expect(write.status).toBe(403);
    expect(
      (await w.viewer.request('PATCH', `/api/risks/${risk.id}`, { body: { version: 1, title: 'x' } })).status,
    ).toBe(403);
    expect((await w.stranger.request('GET', `/api/risks/${risk.id}`)).status).toBe(404);
    expect((await w.stranger.request('GET', `/api/projects/${projectId}/risks`)).status).toBe(404);
    expect(
      (await w.stranger.request('DELETE', `/api/risks/${risk.id}`, { body: { version: 1 } })).status,
    ).toBe(404);
  });

  it('answers 404 for unknown risks and projects', async () => {
    expect((await w.owner.request('GET', '/api/risks/rsk_missing')).status).toBe(404);
    expect((await w.owner.request('GET', '/api/projects/prj_missing/risks')).status).toBe(404);
    const patch = await w.owner.request('PATCH', '/api/risks/rsk_missing', {
      body: { version: 1, title: 'x' },
    });
    expect(patch.status).toBe(404);
    const post = await w.owner.request('POST', '/api/projects/prj_missing/risks', {
      body: { title: 'x', probability: 1, impact: 1 },
    });
    expect(post.status).toBe(404);
  });

  it('deletes a risk at its version', async () => {
    const projectId = await w.project();
    const risk = await addRisk(projectId, { title: 'Gone soon', probability: 1, impact: 1 });
    expect((await w.owner.request('DELETE', `/api/risks/${risk.id}`, { body: { version: 2 } })).status).toBe(
      409,
    );
    expect((await w.owner.request('DELETE', `/api/risks/${risk.id}`, { body: { version: 1 } })).status).toBe(
      204,
    );
    expect((await w.owner.request('GET', `/api/risks/${risk.id}`)).status).toBe(404);
  });
});

describe('risk scale', () => {
  it('gives a new project the default 1–5 scale of core', async () => {
    const projectId = await w.project();
    expect(await w.viewer.json('GET', `/api/projects/${projectId}/risk-scale`)).toEqual(defaultRiskScale);
  });

  it('scores on a scale the project sets and refuses values beyond it', async () => {
    const projectId = await w.project();
    const scale = {
      probability: { min: 1, max: 3, labels: ['Low', 'Medium', 'High'] },
      impact: { min: 1, max: 4, labels: [] },
    };
    expect(await w.owner.json('PUT', `/api/projects/${projectId}/risk-scale`, scale, 200)).toEqual(scale);
    const off = await w.owner.request('POST', `/api/projects/${projectId}/risks`, {
      body: { title: 'Too likely', probability: 4, impact: 2 },
    });
    expect(await errorOf(off)).toMatchObject({ status: 400, field: 'probability' });
    // 60% of 3 × 4 = 12 is 7.2, so 8 is high.
    expect(await addRisk(projectId, { title: 'Fits', probability: 2, impact: 4 })).toMatchObject({
      score: 8,
      band: 'high',
    });
  });

  it('refuses an invalid scale naming the bound, and one that would strand scored risks with 422', async () => {
    const projectId = await w.project();
    const bad = await w.owner.request('PUT', `/api/projects/${projectId}/risk-scale`, {
      body: { probability: { min: 3, max: 2, labels: [] }, impact: { min: 1, max: 5, labels: [] } },
    });
    expect(await errorOf(bad)).toMatchObject({ status: 400, field: 'probability.max' });
    await addRisk(projectId, { title: 'Big', probability: 5, impact: 5 });
    const shrink = await w.owner.request('PUT', `/api/projects/${projectId}/risk-scale`, {
      body: { probability: { min: 1, max: 3, labels: [] }, impact: { min: 1, max: 5, labels: [] } },
    });
    expect(await errorOf(shrink)).toMatchObject({ status: 422, field: 'probability.max' });
    const kept = await w.owner.json<{ probability: { max: number } }>(
      'GET',
      `/api/projects/${projectId}/risk-scale`,
    );
    expect(kept.probability.max).toBe(5);
    const viewerPut = await w.viewer.request('PUT', `/api/projects/${projectId}/risk-scale`, { body: kept });
    expect(viewerPut.status).toBe(403);
  });
});

describe('mitigation actions', () => {
  it('creates a task in the plan from a risk and shows its status and % complete', async () => {
    const projectId = await w.project();
    const risk = await addRisk(projectId, { title: 'Key engineer leaves', probability: 3, impact: 4 });
    const withAction = await w.contributor.json<Risk>(
      'POST',
      `/api/risks/${risk.id}/actions`,
      { task: { name: 'Pair on the billing module' } },
      201,
    );
    expect(withAction.actions).toHaveLength(1);
    const action = withAction.actions[0];
    expect(action).toMatchObject({ name: 'Pair on the billing module', status: 'todo', percentComplete: 0 });
    const tasks = await w.owner.json<{ items: { id: string; name: string; version: number }[] }>(
      'GET',
      `/api/projects/${projectId}/tasks`,
    );
    const task = tasks.items.find((item) => item.id === action?.taskId);
    expect(task?.name).toBe('Pair on the billing module');
    await w.owner.json(
      'PATCH',
      `/api/tasks/${task?.id}`,
      { percentComplete: 40, version: task?.version },
      200,
    );
    const read = await w.owner.json<Risk>('GET', `/api/risks/${risk.id}`);
    expect(read.actions[0]?.percentComplete).toBe(40);
  });

  it('links an existing task once, refuses a task of another project with 422, and unlinks', async () => {
    const projectId = await w.project();
    const otherProjectId = await w.project('Other');
    const risk = await addRisk(projectId, { title: 'Vendor slips', probability: 3, impact: 3 });
    const task = await w.owner.json<{ id: string }>('POST', `/api/projects/${projectId}/tasks`, {
      name: 'Call vendor',
    });
    const foreign = await w.owner.json<{ id: string }>('POST', `/api/projects/${otherProjectId}/tasks`, {
      name: 'Elsewhere',
    });
    const linked = await w.owner.json<Risk>(
      'POST',
      `/api/risks/${risk.id}/actions`,
      { taskId: task.id },
      201,
    );
    expect(linked.actions.map((a) => a.taskId)).toEqual([task.id]);
    const twice = await w.owner.request('POST', `/api/risks/${risk.id}/actions`, {
      body: { taskId: task.id },
    });
    expect(twice.status).toBe(409);
    const cross = await w.owner.request('POST', `/api/risks/${risk.id}/actions`, {
      body: { taskId: foreign.id },
    });
    expect(await errorOf(cross)).toMatchObject({ status: 422, field: 'taskId' });
    const missing = await w.owner.request('POST', `/api/risks/${risk.id}/actions`, {
      body: { taskId: 'tsk_none' },
    });
    expect(missing.status).toBe(404);
    const unlinked = await w.owner.json<Risk>(
      'DELETE',
      `/api/risks/${risk.id}/actions/${task.id}`,
      undefined,
      200,
    );
    expect(unlinked.actions).toEqual([]);
    expect((await w.owner.request('GET', `/api/tasks/${task.id}`)).status).toBe(200);
  });
});

describe('risk occurrence', () => {
  it('marks a risk occurred and raises its issue in the RAID log, linked both ways', async () => {
    const projectId = await w.project();
    const risk = await addRisk(projectId, {
      title: 'Data centre outage',
      probability: 4,
      impact: 5,
      ownerId: w.contributor.id,
    });
    const { risk: occurred, issue } = await w.contributor.json<{
      risk: Risk;
      issue: { id: string; riskId: string };
    }>('POST', `/api/risks/${risk.id}/occurrence`, { version: 1 }, 201);
    expect(occurred).toMatchObject({ status: 'occurred', issueId: issue.id, version: 2 });
    expect(issue).toMatchObject({
      kind: 'issue',
      title: 'Data centre outage',
      riskId: risk.id,
      severity: 'high',
    });
    expect(issue).toMatchObject({ ownerId: w.contributor.id });
    const log = await w.owner.json<{ items: { id: string }[] }>(
      'GET',
      `/api/projects/${projectId}/raid?kind=issue`,
    );
    expect(log.items.map((item) => item.id)).toEqual([issue.id]);
    const again = await w.owner.request('POST', `/api/risks/${risk.id}/occurrence`, { body: { version: 2 } });
    expect(again.status).toBe(409);
  });

  it('leaves no issue behind when the occurrence is refused', async () => {
    const projectId = await w.project();
    const risk = await addRisk(projectId, { title: 'Stale', probability: 2, impact: 2 });
    const stale = await w.owner.request('POST', `/api/risks/${risk.id}/occurrence`, { body: { version: 5 } });
    expect(stale.status).toBe(409);
    const viewer = await w.viewer.request('POST', `/api/risks/${risk.id}/occurrence`, {
      body: { version: 1 },
    });
    expect(viewer.status).toBe(403);
    const rows = await sql(t, 'select count(*)::int as n from raid_items where project_id = $1', [projectId]);
    expect(rows[0]?.n).toBe(0);
    expect((await w.owner.json<Risk>('GET', `/api/risks/${risk.id}`)).status).toBe('open');
  });
});

describe('register overview and summary', () => {
  it('counts open risks per heat-map cell and keeps today in the trend', async () => {
    const projectId = await w.project();
    await addRisk(projectId, { title: 'One', probability: 4, impact: 3 });
    await addRisk(projectId, { title: 'Two', probability: 4, impact: 3 });
    await addRisk(projectId, { title: 'Three', probability: 5, impact: 5, reviewDate: '2020-01-01' });
    await addRisk(projectId, { title: 'Closed', probability: 1, impact: 1, status: 'closed' });
    const overview = await w.viewer.json<{
      heatMap: { probability: number; impact: number; count: number }[][];
      totals: { openCount: number; highCount: number; totalScore: number; closedCount: number };
      trend: { day: string; openCount: number; totalScore: number }[];
      overdueReviews: number;
    }>('GET', `/api/projects/${projectId}/risk-register`);
    expect(overview.heatMap).toHaveLength(5);
    const cell = (p: number, i: number) =>
      overview.heatMap.flat().find((c) => c.probability === p && c.impact === i)?.count;
    expect(cell(4, 3)).toBe(2);
    expect(cell(5, 5)).toBe(1);
    expect(cell(1, 1)).toBe(0);
    expect(overview.totals).toMatchObject({
      openCount: 3,
      // 12 of 25 is 48%: medium; only 25 is high.
      highCount: 1,
      totalScore: 12 + 12 + 25,
      closedCount: 1,
    });
    expect(overview.overdueReviews).toBe(1);
    const today = new Date().toISOString().slice(0, 10);
    expect(overview.trend.at(-1)).toMatchObject({ day: today, openCount: 3, totalScore: 49 });
  });

  it('carries the last totals over days without writes in the trend', async () => {
    const projectId = await w.project();
    await addRisk(projectId, { title: 'Old', probability: 2, impact: 2 });
    // An earlier day's snapshot, as a write three days ago would have left it.
    await sql(
      t,
      `insert into risk_snapshots (id, workspace_id, project_id, day, open_count, high_count, total_score, residual_score, closed_count, occurred_count)
       values ('rsn_old', $1, $2, (now() at time zone 'utc')::date - 3, 5, 1, 40, 30, 0, 0)`,
      [w.workspaceId, projectId],
    );
    const { trend } = await w.owner.json<{ trend: { openCount: number }[] }>(
      'GET',
      `/api/projects/${projectId}/risk-register`,
    );
    expect(trend.map((point) => point.openCount)).toEqual([5, 5, 5, 1]);
  });

  it('summarises open and open high risks with the top five for the dashboard', async () => {
    const projectId = await w.project();
    for (const [title, p, i] of [
      ['Low', 1, 2],
      ['High A', 5, 4],
      ['High B', 3, 5],
      ['Mid', 3, 3],
    ] as const) {
      await addRisk(projectId, { title, probability: p, impact: i });
    }
    await addRisk(projectId, { title: 'Closed high', probability: 5, impact: 5, status: 'closed' });
    const client = createDatabaseClient({ connectionString: t.database.url, max: 1 });
    try {
      const summary = await riskSummary(client.db, projectId);
      expect(summary.open).toBe(4);
      expect(summary.openHigh).toBe(2);
      expect(summary.top.map((risk) => [risk.title, risk.score])).toEqual([
        ['High A', 20],
        ['High B', 15],
        ['Mid', 9],
        ['Low', 2],
      ]);
      expect(await riskSummary(client.db, 'prj_missing')).toEqual({ open: 0, openHigh: 0, top: [] });
    } finally {
      await client.close();
    }
  });
});
