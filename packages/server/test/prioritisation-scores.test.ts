import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newId } from '../src/db/ids';
import { domainTestFeatures } from './helpers/domain-features';
import { addMember, type Caller, createWorkspace, signUp, sql } from './helpers/domain-world';
import { startTestServer, type TestServer } from './helpers/server';

interface Scores {
  version: number;
  rice: { score: number; explanation: string } | null;
  wsjf: { score: number; explanation: string } | null;
  valueEffort: { score: number; quadrant: string } | null;
  scorecard: { score: number | null; explanation: string } | null;
  pinnedPosition: number | null;
}
interface BacklogItem {
  position: number;
  featureId: string;
  title: string;
  reason: string;
  score: number | null;
  explanation: string;
  scoreVersion: number;
  initiativeId: string | null;
  demand: { customers: number; feedback: number };
}
interface Backlog {
  total: number;
  items: BacklogItem[];
}

let t: TestServer;
let owner: Caller;
let outsider: Caller;
let workspaceId: string;

beforeAll(async () => {
  t = await startTestServer({ features: domainTestFeatures() });
  owner = await signUp(t, 'Priya Product');
  outsider = await signUp(t, 'Olaf Outsider');
  workspaceId = await createWorkspace(t, owner);
});
afterAll(async () => {
  await t?.close();
});

async function product(name = 'Atlas'): Promise<string> {
  return (await owner.json<{ id: string }>('POST', `/api/workspaces/${workspaceId}/products`, { name }, 201))
    .id;
}

async function feature(productId: string, title: string, status = 'new'): Promise<string> {
  const id = newId('fea');
  await sql(
    t,
    'insert into features (id, workspace_id, product_id, title, status) values ($1, $2, $3, $4, $5)',
    [id, workspaceId, productId, title, status],
  );
  return id;
}

const score = (featureId: string, body: Record<string, unknown>) =>
  owner.json<Scores>('PUT', `/api/features/${featureId}/scores`, body);
const backlog = (productId: string, query = '') =>
  owner.json<Backlog>('GET', `/api/products/${productId}/backlog${query ? `?${query}` : ''}`);
const titles = (page: Backlog) => page.items.map((item) => item.title);

describe('feature scores', () => {
  it('scores RICE, WSJF and value/effort, each explained with its numbers', async () => {
    const productId = await product();
    const id = await feature(productId, 'Offline maps');
    const first = await owner.json<Scores>('GET', `/api/features/${id}/scores`);
    expect(first).toMatchObject({ version: 0, rice: null, wsjf: null, pinnedPosition: null });
    const scored = await score(id, {
      version: 0,
      rice: { reach: 500, impact: 2, confidence: 80, effort: 2 },
      wsjf: { businessValue: 8, timeCriticality: 5, riskReduction: 3, jobSize: 2 },
      valueEffort: { value: 9, effort: 2 },
    });
    expect(scored.version).toBe(1);
    expect(scored.rice).toMatchObject({ score: 400, explanation: '500 × 2 × 0.8 ÷ 2 = 400' });
    expect(scored.wsjf).toMatchObject({ score: 8, explanation: '(8 + 5 + 3) ÷ 2 = 16 ÷ 2 = 8' });
    expect(scored.valueEffort).toMatchObject({ score: 4.5, quadrant: 'quickWin' });
    const partial = await score(id, { version: 1, wsjf: null });
    expect(partial.wsjf).toBeNull();
    expect(partial.rice?.score).toBe(400);
  });

  it.each([
    [{ rice: { reach: 10, impact: 1, confidence: 120, effort: 1 } }, 'rice.confidence'],
    [{ rice: { reach: 10, impact: 4, confidence: 50, effort: 1 } }, 'rice.impact'],
    [{ rice: { reach: 10, impact: 1, confidence: 50, effort: 0 } }, 'rice.effort'],
    [{ wsjf: { businessValue: 4, timeCriticality: 1, riskReduction: 1, jobSize: 1 } }, 'wsjf.businessValue'],
    [{ wsjf: { businessValue: 1, timeCriticality: 1, riskReduction: 1, jobSize: 0 } }, 'wsjf.jobSize'],
    [{ valueEffort: { value: 11, effort: 1 } }, 'valueEffort.value'],
    [{ rice: { reach: 10, impact: 1, confidence: 50 } }, 'rice.effort'],
  ])('refuses %o with a 400 naming %s, storing nothing', async (body, field) => {
    const productId = await product();
    const id = await feature(productId, 'Bad input');
    const response = await owner.request('PUT', `/api/features/${id}/scores`, {
      body: { version: 0, ...body },
    });
    expect(response.status).toBe(400);
    expect(((await response.json()) as { error: { field: string } }).error.field).toBe(field);
    const rows = await sql(t, 'select version from feature_scores where feature_id = $1', [id]);
    expect(rows).toEqual([]);
  });

  it('answers a stale version with 409 and a hidden feature with 404', async () => {
    const productId = await product();
    const id = await feature(productId, 'Versioned');
    await score(id, { version: 0, valueEffort: { value: 5, effort: 5 } });
    const stale = await owner.request('PUT', `/api/features/${id}/scores`, {
      body: { version: 0, valueEffort: { value: 6, effort: 5 } },
    });
    expect(stale.status).toBe(409);
    const hidden = await outsider.request('GET', `/api/features/${id}/scores`);
    expect(hidden.status).toBe(404);
  });

  it('lets a viewer read scores but not change them', async () => {
    const viewer = await signUp(t, 'Vera Viewer');
    await addMember(t, workspaceId, viewer, 'guest');
    const productId = await product();
    const id = await feature(productId, 'Guarded');
    await sql(
      t,
      "insert into entity_members (entity_type, entity_id, user_id, workspace_id, role) values ('product', $1, $2, $3, 'viewer')",
      [productId, viewer.id, workspaceId],
    );
    expect((await viewer.request('GET', `/api/features/${id}/scores`)).status).toBe(200);
    const write = await viewer.request('PUT', `/api/features/${id}/scores`, {
      body: { version: 0, valueEffort: { value: 5, effort: 5 } },
    });
    expect(write.status).toBe(403);
  });
});

describe('weighted scorecard', () => {
  it('scores features on the criteria the team defines and rescores when a weight changes', async () => {
    const productId = await product();
    const revenue = await owner.json<{ id: string; version: number }>(
      'POST',
      `/api/products/${productId}/scorecard-criteria`,
      { name: 'Revenue', weight: 3, scaleMax: 10 },
      201,
    );
    const effort = await owner.json<{ id: string }>(
      'POST',
      `/api/products/${productId}/scorecard-criteria`,
      { name: 'Effort', weight: 1, scaleMax: 4, direction: 'cost' },
      201,
    );
    const id = await feature(productId, 'SSO');
    const scored = await score(id, { version: 0, scorecard: { [revenue.id]: 8, [effort.id]: 1 } });
    // 100 × (3 × 0.8 + 1 × 0.75) ÷ 4
    expect(scored.scorecard?.score).toBeCloseTo(78.75, 6);
    expect(scored.scorecard?.explanation).toBe('100 × (3 × 0.8 + 1 × 0.75 (cost)) ÷ 4 = 78.75');
    await owner.json('PATCH', `/api/scorecard-criteria/${revenue.id}`, {
      weight: 1,
      version: revenue.version,
    });
    const page = await backlog(productId, 'by=scorecard');
    expect(page.items[0]?.score).toBeCloseTo(77.5, 6);

    const bad = await owner.request('PUT', `/api/features/${id}/scores`, {
      body: { version: 1, scorecard: { [revenue.id]: 11, [effort.id]: 1 } },
    });
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { error: { field: string } }).error.field).toBe(`scorecard.${revenue.id}`);
    const weight = await owner.request('POST', `/api/products/${productId}/scorecard-criteria`, {
      body: { name: 'Zero', weight: 0 },
    });
    expect(weight.status).toBe(400);
    expect(((await weight.json()) as { error: { field: string } }).error.field).toBe('weight');
  });

  it('leaves a feature unscored until it is rated on a new criterion', async () => {
    const productId = await product();
    const a = await owner.json<{ id: string }>(
      'POST',
      `/api/products/${productId}/scorecard-criteria`,
      { name: 'Fit', weight: 1 },
      201,
    );
    const id = await feature(productId, 'Later rated');
    await score(id, { version: 0, scorecard: { [a.id]: 5 } });
    await owner.json(
      'POST',
      `/api/products/${productId}/scorecard-criteria`,
      { name: 'Reach', weight: 1 },
      201,
    );
    const scores = await owner.json<Scores>('GET', `/api/features/${id}/scores`);
    expect(scores.scorecard).toMatchObject({ score: null, explanation: 'Not rated on Reach' });
  });
});

describe('ranked backlog', () => {
  it('ranks by the chosen score, ties by id, unscored last, and explains each score', async () => {
    const productId = await product();
    const a = await feature(productId, 'Alpha');
    const b = await feature(productId, 'Bravo');
    const c = await feature(productId, 'Charlie');
    await feature(productId, 'Delta');
    await score(a, { version: 0, rice: { reach: 100, impact: 1, confidence: 100, effort: 1 } });
    await score(b, { version: 0, rice: { reach: 300, impact: 1, confidence: 100, effort: 1 } });
    await score(c, { version: 0, rice: { reach: 100, impact: 1, confidence: 100, effort: 1 } });
    const page = await backlog(productId, 'by=rice');
    expect(titles(page)).toEqual(['Bravo', 'Alpha', 'Charlie', 'Delta']);
    expect(page.items.map((item) => item.reason)).toEqual(['score', 'score', 'score', 'unscored']);
    expect(page.items[0]?.explanation).toBe('300 × 1 × 1 ÷ 1 = 300');
    expect(page.total).toBe(4);
    const byWsjf = await backlog(productId, 'by=wsjf');
    expect(byWsjf.items.every((item) => item.reason === 'unscored')).toBe(true);
  });

  it('keeps a pinned feature at its place whatever the scores, and unpins it', async () => {
    const productId = await product();
    const ids: string[] = [];
    for (const [k, title] of ['One', 'Two', 'Three', 'Four'].entries()) {
      const id = await feature(productId, title);
      ids.push(id);
      await score(id, { version: 0, rice: { reach: 400 - k * 100, impact: 1, confidence: 100, effort: 1 } });
    }
    const four = ids[3] as string;
    const pinned = await owner.json<Scores>('PUT', `/api/features/${four}/rank`, {
      pinnedPosition: 1,
      version: 1,
    });
    expect(pinned.pinnedPosition).toBe(1);
    const page = await backlog(productId, 'by=rice');
    expect(titles(page)).toEqual(['Four', 'One', 'Two', 'Three']);
    expect(page.items[0]).toMatchObject({ reason: 'pinned', position: 1 });
    // Dropped before the pin holding place 1: a fraction, no renumbering.
    const three = ids[2] as string;
    await owner.json('PUT', `/api/features/${three}/rank`, { pinnedPosition: 0.5, version: 1 });
    expect(titles(await backlog(productId, 'by=rice'))).toEqual(['Three', 'Four', 'One', 'Two']);
    await owner.json('PUT', `/api/features/${four}/rank`, { pinnedPosition: null, version: 2 });
    expect(titles(await backlog(productId, 'by=rice'))).toEqual(['Three', 'One', 'Two', 'Four']);
    const bad = await owner.request('PUT', `/api/features/${four}/rank`, {
      body: { pinnedPosition: -2, version: 3 },
    });
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { error: { field: string } }).error.field).toBe('pinnedPosition');
  });

  it('filters by status and text, keeping each feature’s place in the whole backlog, and pages', async () => {
    const productId = await product();
    for (const [k, [title, status]] of [
      ['Search', 'planned'],
      ['Sharing', 'new'],
      ['Export', 'planned'],
    ].entries()) {
      const id = await feature(productId, title as string, status as string);
      await score(id, { version: 0, valueEffort: { value: 9 - k, effort: 1 } });
    }
    const planned = await backlog(productId, 'by=value_effort&status=planned');
    expect(planned.items.map((item) => [item.title, item.position])).toEqual([
      ['Search', 1],
      ['Export', 3],
    ]);
    expect(titles(await backlog(productId, 'by=value_effort&q=sha'))).toEqual(['Sharing']);
    const second = await backlog(productId, 'by=value_effort&limit=1&offset=1');
    expect(second).toMatchObject({ total: 3, items: [{ title: 'Sharing', position: 2 }] });
  });

  it('ranks by demand from linked feedback, a customer counted once at their tier', async () => {
    const productId = await product();
    const loud = await feature(productId, 'Asked by one loud customer');
    const wide = await feature(productId, 'Asked by two customers');
    const strategic = newId('cus');
    const standard = newId('cus');
    await sql(
      t,
      "insert into customers (id, workspace_id, name, tier) values ($1, $3, 'Globex ' || $1, 'strategic'), ($2, $3, 'Initech ' || $2, 'standard')",
      [strategic, standard, workspaceId],
    );
    // Through the API, as the stored demand is kept by the writes that link feedback.
    const link = async (featureId: string, customerId: string | null, importance: string) => {
      const { id } = await owner.json<{ id: string }>(
        'POST',
        `/api/products/${productId}/feedback`,
        { title: 'Please', customerId },
        201,
      );
      await owner.json('POST', `/api/feedback/${id}/links`, { featureId, importance }, 201);
    };
    // One standard customer, three notes: counted once, at its highest importance (critical = 3).
    await link(loud, standard, 'nice');
    await link(loud, standard, 'critical');
    await link(loud, standard, 'important');
    // A strategic customer (3) asking nicely (1) and an anonymous important note (2): 5.
    await link(wide, strategic, 'nice');
    await link(wide, null, 'important');
    const page = await backlog(productId, 'by=demand');
    expect(page.items.map((item) => [item.title, item.score])).toEqual([
      ['Asked by two customers', 5],
      ['Asked by one loud customer', 3],
    ]);
    expect(page.items[0]?.demand).toEqual({ customers: 1, feedback: 2, revenueCents: 0 });
    expect(page.items[0]?.explanation).toContain('= 5');
  });

  it('refuses an unknown ranking with a 400 naming by, and hides the backlog of an unseen product', async () => {
    const productId = await product();
    const bad = await owner.request('GET', `/api/products/${productId}/backlog?by=magic`);
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { error: { field: string } }).error.field).toBe('by');
    expect((await outsider.request('GET', `/api/products/${productId}/backlog`)).status).toBe(404);
  });
});
