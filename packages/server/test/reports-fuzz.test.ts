import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { domainTestFeatures } from './helpers/domain-features';
import { anonymous, type Caller, createWorkspace, signUp } from './helpers/domain-world';
import { startTestServer, type TestServer } from './helpers/server';

let t: TestServer;
let owner: Caller;
const ids: Record<string, string> = {};

beforeAll(async () => {
  t = await startTestServer({ features: domainTestFeatures() });
  owner = await signUp(t, 'Fuzz Manager');
  const workspaceId = await createWorkspace(t, owner);
  ids.projectId = (
    await owner.json<{ id: string }>('POST', `/api/workspaces/${workspaceId}/projects`, {
      name: 'Fuzzed',
      startDate: '2026-03-02',
    })
  ).id;
  const reports = `/api/projects/${ids.projectId}/status-reports`;
  const period = { periodStart: '2026-03-02', periodFinish: '2026-03-06' };
  ids.draftId = (await owner.json<{ id: string }>('POST', reports, { title: 'Draft', ...period }, 201)).id;
  ids.publishedId = (
    await owner.json<{ id: string }>('POST', reports, { title: 'Published', ...period }, 201)
  ).id;
  await owner.json('POST', `${reports}/${ids.publishedId}/publish`, { version: 1 });
  const shared = await owner.json<{ link: { id: string }; token: string }>(
    'POST',
    '/api/share-links',
    { entityType: 'status_report', entityId: ids.publishedId },
    201,
  );
  ids.linkId = shared.link.id;
  ids.token = shared.token;
});
afterAll(async () => {
  await t?.close();
});

const colour = fc.constantFrom('green', 'amber', 'red', 'purple', null, '', 'GREEN');
const value = fc.oneof(
  fc.jsonValue(),
  fc.integer(),
  fc.constantFrom(
    0,
    -1,
    1e300,
    2 ** 53,
    '2026-02-30',
    '0000-01-01',
    '9999-12-31',
    'status_report',
    null,
    '\u0000',
  ),
  fc.string({ unit: 'binary', maxLength: 20 }),
);
const choice = fc.dictionary(fc.constantFrom('chosen', 'reason', 'suggested'), fc.oneof(colour, value), {
  maxKeys: 3,
});
const rag = fc.dictionary(fc.constantFrom('schedule', 'cost', 'scope', 'risk', 'quality', 'mood'), choice, {
  maxKeys: 5,
});
const fields = [
  'title',
  'periodStart',
  'periodFinish',
  'narrative',
  'version',
  'entityType',
  'entityId',
  'label',
];
const body = fc.oneof(
  fc.dictionary(fc.constantFrom(...fields), value, { maxKeys: 6 }),
  fc.record({ rag, title: fc.constant('R'), periodStart: fc.constant('2026-03-02'), periodFinish: value }),
  fc.jsonValue(),
);

const routes = (): [string, string][] => [
  ['POST', `/api/projects/${ids.projectId}/status-reports`],
  ['PATCH', `/api/projects/${ids.projectId}/status-reports/${ids.draftId}`],
  ['PATCH', `/api/projects/${ids.projectId}/status-reports/${ids.publishedId}`],
  ['POST', `/api/projects/${ids.projectId}/status-reports/${ids.publishedId}/publish`],
  ['POST', '/api/share-links'],
  ['DELETE', `/api/share-links/${ids.linkId}`],
];

describe('random input to the status report and share link routes', () => {
  it('never answers a 5xx to any body on any write route', async () => {
    const failures: string[] = [];
    for (const [method, path] of routes()) {
      await fc.assert(
        fc.asyncProperty(body, async (sent) => {
          const response = await owner.request(method, path, { body: sent, headers: { 'if-match': '"1"' } });
          const text = await response.text();
          if (response.status >= 500) failures.push(`${method} ${path} ${JSON.stringify(sent)} → ${text}`);
        }),
        { numRuns: 40, seed: 20261123 },
      );
    }
    expect(failures).toEqual([]);
  }, 300_000);

  it('never answers a 5xx to odd tokens, ids and queries on the reads', async () => {
    const failures: string[] = [];
    const odd = fc.oneof(
      fc.string({ unit: 'binary', maxLength: 40 }),
      fc.constantFrom('tds_', 'tds_%00', '%', '', 'a\u0000b', `tds_${'x'.repeat(300)}`, '.pdf', 'x.pdf'),
    );
    await fc.assert(
      fc.asyncProperty(odd, async (text) => {
        const part = encodeURIComponent(text);
        const paths = [
          `/api/shared/${part}`,
          `/api/shared/${part}/pdf`,
          `/api/projects/${ids.projectId}/status-reports/${part}`,
          `/api/projects/${ids.projectId}/status-reports/${part}.pdf`,
          `/api/share-links?entityType=${part}&entityId=${part}`,
          `/api/share-links?entityType=status_report&entityId=${part}`,
        ];
        for (const path of paths) {
          const response = await owner.request('GET', path);
          await response.arrayBuffer();
          if (response.status >= 500) failures.push(`${path} → ${response.status}`);
        }
      }),
      { numRuns: 40, seed: 20261123 },
    );
    expect(failures).toEqual([]);
    // The unknown tokens above count against this address, so even the real one is refused now: 429, not a 5xx.
    expect((await anonymous(t).request('GET', `/api/shared/${ids.token}`)).status).toBe(429);
  }, 120_000);
});
