import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { domainTestFeatures } from './helpers/domain-features';
import { buildRiskWorld, type RiskWorld } from './helpers/risk-world';
import { startTestServer, type TestServer } from './helpers/server';

let t: TestServer;
let w: RiskWorld;
const ids: Record<string, string> = {};

beforeAll(async () => {
  t = await startTestServer({ features: domainTestFeatures() });
  w = await buildRiskWorld(t);
  ids.projectId = await w.project();
  ids.taskId = (
    await w.owner.json<{ id: string }>('POST', `/api/projects/${ids.projectId}/tasks`, { name: 'T' })
  ).id;
  ids.riskId = (
    await w.owner.json<{ id: string }>(
      'POST',
      `/api/projects/${ids.projectId}/risks`,
      { title: 'R', probability: 2, impact: 2 },
      201,
    )
  ).id;
  ids.itemId = (
    await w.owner.json<{ id: string }>(
      'POST',
      `/api/projects/${ids.projectId}/raid`,
      { kind: 'issue', title: 'I' },
      201,
    )
  ).id;
});
afterAll(async () => {
  await t?.close();
});

// The fields these routes know, so generated bodies often reach real fields with wrong values.
const fields = [
  'title',
  'description',
  'category',
  'ownerId',
  'probability',
  'impact',
  'residualProbability',
  'residualImpact',
  'response',
  'triggers',
  'reviewDate',
  'status',
  'version',
  'kind',
  'severity',
  'priority',
  'dueDate',
  'resolution',
  'taskId',
  'task',
  'toType',
  'toId',
  'min',
  'max',
  'labels',
];

const value = fc.oneof(
  fc.jsonValue(),
  fc.integer(),
  fc.double(),
  fc.constantFrom(
    0,
    -1,
    1e300,
    2 ** 53,
    '2026-02-30',
    'open',
    'occurred',
    'task',
    'change_request',
    null,
    '\u0000',
  ),
  fc.constantFrom(['a\u0000'], { name: 'x\u0000' }),
  fc.string({ unit: 'binary', maxLength: 20 }),
);
const body = fc.oneof(
  fc.dictionary(fc.constantFrom(...fields), value, { maxKeys: 6 }),
  fc.record({
    probability: fc.dictionary(fc.constantFrom('min', 'max', 'labels'), value, { maxKeys: 3 }),
    impact: fc.dictionary(fc.constantFrom('min', 'max', 'labels'), value, { maxKeys: 3 }),
  }),
  fc.jsonValue(),
);

const routes = (): [string, string][] => [
  ['POST', `/api/projects/${ids.projectId}/risks`],
  ['PATCH', `/api/risks/${ids.riskId}`],
  ['PUT', `/api/projects/${ids.projectId}/risk-scale`],
  ['POST', `/api/risks/${ids.riskId}/actions`],
  ['POST', `/api/risks/${ids.riskId}/occurrence`],
  ['POST', `/api/projects/${ids.projectId}/raid`],
  ['PATCH', `/api/raid/${ids.itemId}`],
  ['POST', `/api/raid/${ids.itemId}/links`],
];

describe('random input to the risk and RAID routes', () => {
  it('never answers a 5xx to any body on any write route', async () => {
    const failures: string[] = [];
    for (const [method, path] of routes()) {
      await fc.assert(
        fc.asyncProperty(body, async (sent) => {
          const response = await w.owner.request(method, path, {
            body: sent,
            headers: { 'if-match': '"1"' },
          });
          const text = await response.text();
          if (response.status >= 500) failures.push(`${method} ${path} ${JSON.stringify(sent)} → ${text}`);
        }),
        { numRuns: 40, seed: 20261123 },
      );
    }
    expect(failures).toEqual([]);
  }, 300_000);

  it('never answers a 5xx to odd filters on the lists', async () => {
    const failures: string[] = [];
    const odd = fc.oneof(
      fc.string({ unit: 'binary', maxLength: 12 }),
      fc.constantFrom('1e999', '-1', '%', '', '3.5', '\u0000', 'a\u0000b'),
    );
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom('status', 'category', 'ownerId', 'probability', 'impact', 'kind', 'severity'),
        odd,
        async (name, text) => {
          for (const list of ['risks', 'raid']) {
            const path = `/api/projects/${ids.projectId}/${list}?${name}=${encodeURIComponent(text)}`;
            const response = await w.owner.request('GET', path);
            await response.text();
            if (response.status >= 500) failures.push(`${path} → ${response.status}`);
          }
        },
      ),
      { numRuns: 60, seed: 20261123 },
    );
    expect(failures).toEqual([]);
  }, 120_000);
});

describe('NUL characters', () => {
  it('are refused naming the field, in bodies, scale labels and filters', async () => {
    const post = await w.owner.request('POST', `/api/projects/${ids.projectId}/risks`, {
      body: { title: 'N', probability: 1, impact: 1, category: 'a\u0000b' },
    });
    expect(post.status).toBe(400);
    const scale = await w.owner.request('PUT', `/api/projects/${ids.projectId}/risk-scale`, {
      body: { probability: { min: 1, max: 5, labels: ['a\u0000'] }, impact: { min: 1, max: 5, labels: [] } },
    });
    expect(scale.status).toBe(400);
    const list = await w.owner.request('GET', `/api/projects/${ids.projectId}/risks?category=a%00b`);
    expect(list.status).toBeLessThan(500);
  });
});
