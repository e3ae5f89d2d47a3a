import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshRanking, rankMethods, servedRanking } from './helpers/backlog-oracle';
import { domainTestFeatures } from './helpers/domain-features';
import { type Caller, createWorkspace, signIn, signUp, sql } from './helpers/domain-world';
import { startTestServer, type TestServer } from './helpers/server';

// Two servers over one database, as behind a load balancer: each keeps its own ranked orders between reads.
let a: TestServer;
let b: TestServer;
let onA: Caller;
let onB: Caller;
let productId: string;

interface Versioned {
  id: string;
  version: number;
}

beforeAll(async () => {
  a = await startTestServer({ features: domainTestFeatures() });
  b = await startTestServer({ features: domainTestFeatures(), database: a.database });
  onA = await signUp(a, 'Two Servers');
  onB = await signIn(b, onA);
  const workspaceId = await createWorkspace(a, onA);
  productId = (
    await onA.json<Versioned>('POST', `/api/workspaces/${workspaceId}/products`, { name: 'Shared' }, 201)
  ).id;
});
afterAll(async () => {
  await b?.close();
  await a?.close();
});

const features: string[] = [];
const scoresVersion = async (featureId: string) =>
  (await onA.json<Versioned>('GET', `/api/features/${featureId}/scores`)).version;

/** Every method's backlog as each server serves it, after both have read (and kept) it once before the write. */
async function expectBothFresh(context: string) {
  for (const by of rankMethods) {
    const fresh = await freshRanking(a, productId, by);
    expect(await servedRanking(onA, productId, by), `${context}: ${by} on the writer`).toEqual(fresh);
    expect(await servedRanking(onB, productId, by), `${context}: ${by} on the other server`).toEqual(fresh);
  }
}

describe('the ranked backlog kept between reads', () => {
  it('is never stale on either of two servers sharing a database after a write on the other', async () => {
    for (let k = 0; k < 12; k++)
      features.push(
        (await onA.json<Versioned>('POST', `/api/products/${productId}/features`, { title: `F${k}` }, 201))
          .id,
      );
    const criterion = await onA.json<Versioned>(
      'POST',
      `/api/products/${productId}/scorecard-criteria`,
      { name: 'Value', weight: 2 },
      201,
    );
    for (const [k, featureId] of features.entries())
      await onA.json('PUT', `/api/features/${featureId}/scores`, {
        version: await scoresVersion(featureId),
        rice: { reach: 100 * ((k * 7) % 12), impact: 2, confidence: 80, effort: 1 + (k % 3) },
        wsjf: {
          businessValue: [1, 2, 3, 5, 8][k % 5],
          timeCriticality: 3,
          riskReduction: 2,
          jobSize: [1, 2, 3, 5][k % 4],
        },
        valueEffort: { value: 1 + (k % 10), effort: 1 + ((k * 3) % 10) },
        scorecard: { [criterion.id]: k % 6 },
      });
    await expectBothFresh('scored');

    // Each write goes to one server; both then serve the order of the rows it left.
    const writes: [string, Caller, () => Promise<void>][] = [
      [
        'a score on B',
        onB,
        async () => {
          const featureId = features[11] as string;
          await onB.json('PUT', `/api/features/${featureId}/scores`, {
            version: await scoresVersion(featureId),
            rice: { reach: 5000, impact: 3, confidence: 100, effort: 1 },
          });
        },
      ],
      [
        'a pin on A',
        onA,
        async () => {
          const featureId = features[0] as string;
          await onA.json('PUT', `/api/features/${featureId}/rank`, {
            pinnedPosition: 2,
            version: await scoresVersion(featureId),
          });
        },
      ],
      [
        'an unpin on B',
        onB,
        async () => {
          const featureId = features[0] as string;
          await onB.json('PUT', `/api/features/${featureId}/rank`, {
            pinnedPosition: null,
            version: await scoresVersion(featureId),
          });
        },
      ],
      [
        'a reweighed criterion on B',
        onB,
        async () => {
          await onB.json('PATCH', `/api/scorecard-criteria/${criterion.id}`, {
            weight: 9,
            version: criterion.version,
          });
          // A second criterion leaves every feature unrated on it, so no scorecard score: the order must follow.
          await onB.json(
            'POST',
            `/api/products/${productId}/scorecard-criteria`,
            { name: 'Risk', weight: 1, direction: 'cost' },
            201,
          );
        },
      ],
      [
        'feedback linked on A',
        onA,
        async () => {
          const piece = await onA.json<Versioned>(
            'POST',
            `/api/products/${productId}/feedback`,
            { title: 'Need it', body: 'Badly' },
            201,
          );
          await onA.json(
            'POST',
            `/api/feedback/${piece.id}/links`,
            { featureId: features[5], importance: 'critical' },
            201,
          );
        },
      ],
      [
        'a feature added on B',
        onB,
        async () => {
          features.push(
            (await onB.json<Versioned>('POST', `/api/products/${productId}/features`, { title: 'Late' }, 201))
              .id,
          );
        },
      ],
      [
        'a feature deleted on A',
        onA,
        async () => {
          const featureId = features.shift() as string;
          const { version } = await onA.json<Versioned>('GET', `/api/features/${featureId}`);
          await onA.json('DELETE', `/api/features/${featureId}`, { version }, 204);
        },
      ],
    ];
    for (const [name, , write] of writes) {
      const before = await sql(a, 'select revision from backlog_revisions where product_id = $1', [
        productId,
      ]);
      await write();
      const after = await sql(a, 'select revision from backlog_revisions where product_id = $1', [productId]);
      expect(Number(after[0]?.revision), name).toBeGreaterThan(Number(before[0]?.revision));
      await expectBothFresh(name);
    }
  }, 120_000);

  it('serves reads that arrive together after a write the same fresh order', async () => {
    const featureId = features[3] as string;
    await onA.json('PUT', `/api/features/${featureId}/rank`, {
      pinnedPosition: 1,
      version: await scoresVersion(featureId),
    });
    const fresh = await freshRanking(b, productId, 'wsjf');
    const together = await Promise.all(
      Array.from({ length: 8 }, (_, k) => servedRanking(k % 2 === 0 ? onB : onA, productId, 'wsjf')),
    );
    for (const served of together) expect(served).toEqual(fresh);
    expect(fresh[0]).toBe(featureId);
  });

  it('keeps the order of a filtered page and refuses bad input as before', async () => {
    const all = await servedRanking(onB, productId, 'rice');
    const filtered = await onB.json<{ total: number; items: { featureId: string; position: number }[] }>(
      'GET',
      `/api/products/${productId}/backlog?by=rice&q=f1&limit=500`,
    );
    // F1, F10 and F11 (unless deleted) keep their places in the whole backlog.
    expect(filtered.items.length).toBe(filtered.total);
    for (const item of filtered.items) expect(all[item.position - 1]).toBe(item.featureId);
    const refused = await onB.request('GET', `/api/products/${productId}/backlog?by=rice&cursor=nonsense`);
    expect(refused.status).toBe(400);
    expect(((await refused.json()) as { error: { field?: string } }).error.field).toBe('cursor');
    const unknown = await onB.request('GET', `/api/products/${productId}/backlog?by=rice&status=later`);
    expect(unknown.status).toBe(400);
    expect(((await unknown.json()) as { error: { field?: string } }).error.field).toBe('status');
  });
});
