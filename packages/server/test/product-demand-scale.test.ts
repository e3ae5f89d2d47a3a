import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demandByFeature, refreshProductDemand } from '../src/domain/features/feature-demand';
import { domainTestFeatures } from './helpers/domain-features';
import { type Caller, createWorkspace, signUp, sql } from './helpers/domain-world';
import { recomputedDemand } from './helpers/recomputed-demand';
import { startTestServer, type TestServer } from './helpers/server';

let t: TestServer;
let owner: Caller;
let productId: string;

beforeAll(async () => {
  t = await startTestServer({ features: domainTestFeatures() });
  owner = await signUp(t, 'Scale Tester');
  const workspaceId = await createWorkspace(t, owner);
  productId = (
    await owner.json<{ id: string }>('POST', `/api/workspaces/${workspaceId}/products`, { name: 'Big' }, 201)
  ).id;
  // 10,000 features, 500 customers of every tier, 30,000 pieces of feedback (a tenth from no customer), 60,000 links.
  const w = [workspaceId, productId];
  await sql(
    t,
    `insert into customers (id, workspace_id, name, tier, revenue_cents)
     select 'cus_' || i, $1, 'Customer ' || i, (array['strategic','key','standard'])[1 + i % 3], i * 100000
     from generate_series(1, 500) i`,
    [workspaceId],
  );
  await sql(
    t,
    `insert into features (id, workspace_id, product_id, title, rank)
     select 'fea_' || i, $1, $2, 'Feature ' || i, lpad(i::text, 12, '0') from generate_series(1, 10000) i`,
    w,
  );
  await sql(
    t,
    `insert into feedback (id, workspace_id, product_id, customer_id, title)
     select 'fbk_' || i, $1, $2, case when i % 10 = 0 then null else 'cus_' || (1 + i % 500) end, 'Feedback ' || i
     from generate_series(1, 30000) i`,
    w,
  );
  await sql(
    t,
    `insert into feedback_links (id, workspace_id, feedback_id, feature_id, importance)
     select 'fbl_' || i, $1, 'fbk_' || (1 + i % 30000), 'fea_' || (1 + (i * 7919) % 10000),
            (array['nice','important','critical'])[1 + (i / 7) % 3]
     from generate_series(1, 60000) i`,
    [workspaceId],
  );
  await sql(t, 'analyze');
}, 120_000);
afterAll(async () => {
  await t?.close();
});

describe('feature demand at scale', () => {
  it('stores the demand core computes for 10,000 features, and prints how long reading it takes', async () => {
    const expected = await recomputedDemand(t);
    const db = t.server.deps.db;
    // The links went in with SQL, past the services that keep demand stored: recompute it as a bulk load would.
    const refreshing = performance.now();
    await db.transaction((tx) => refreshProductDemand(tx, productId));
    console.log(`refreshProductDemand: 60,000 links → ${(performance.now() - refreshing).toFixed(0)} ms`);
    const timings: number[] = [];
    let actual = await demandByFeature(db, { productId });
    for (let run = 0; run < 5; run++) {
      const started = performance.now();
      actual = await demandByFeature(db, { productId });
      timings.push(performance.now() - started);
    }
    timings.sort((a, b) => a - b);
    console.log(
      `demandByFeature: 10,000 features, 30,000 feedback, 60,000 links → median ${timings[2]?.toFixed(1)} ms ` +
        `(min ${timings[0]?.toFixed(1)}, max ${timings[4]?.toFixed(1)})`,
    );
    expect(actual.size).toBe(expected.size);
    for (const [featureId, { productId: owner, ...demand }] of expected) {
      expect(owner).toBe(productId);
      expect(actual.get(featureId)).toEqual(demand);
    }
  }, 120_000);
});
