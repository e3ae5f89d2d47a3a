import {
  type CustomerTier,
  type FeatureDemand,
  riceScore,
  scorecardScore,
  valueEffortScore,
  wsjfScore,
} from '@tandem/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshRanking, rankMethods, servedRanking } from './helpers/backlog-oracle';
import { domainTestFeatures } from './helpers/domain-features';
import { type Caller, createWorkspace, signUp, sql } from './helpers/domain-world';
import { recomputedDemand } from './helpers/recomputed-demand';
import { startTestServer, type TestServer } from './helpers/server';

let t: TestServer;
let owner: Caller;
let workspaceId: string;

beforeAll(async () => {
  t = await startTestServer({ features: domainTestFeatures() });
  owner = await signUp(t, 'Rita Random');
  workspaceId = await createWorkspace(t, owner);
});
afterAll(async () => {
  await t?.close();
});

/** A small seeded generator (mulberry32), so a failing run can be replayed from its seed. */
function seeded(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let x = Math.imul(a ^ (a >>> 15), 1 | a);
    x = (x + Math.imul(x ^ (x >>> 7), 61 | x)) ^ x;
    return ((x ^ (x >>> 14)) >>> 0) / 4294967296;
  };
  const int = (n: number) => Math.floor(next() * n);
  const pick = <T>(values: readonly T[]): T | undefined => values[int(values.length)];
  return { next, int, pick };
}

const tiers: CustomerTier[] = ['strategic', 'key', 'standard'];
const importances = ['nice', 'important', 'critical'] as const;

async function storedDemand(): Promise<Map<string, FeatureDemand & { productId: string }>> {
  const rows = (await sql(t, 'select * from feature_demand')) as {
    feature_id: string;
    product_id: string;
    customers: number;
    feedback: number;
    revenue_cents: string;
    score: number;
  }[];
  return new Map(
    rows.map((row) => [
      row.feature_id,
      {
        featureId: row.feature_id,
        productId: row.product_id,
        customers: row.customers,
        feedback: row.feedback,
        revenueCents: Number(row.revenue_cents),
        score: row.score,
      },
    ]),
  );
}

/** Each feature's stored scores beside what core computes from the stored inputs and the product's criteria. */
async function scoresBothWays(productId: string) {
  const criteria = (await sql(
    t,
    'select id, name, weight, scale_max, direction from scorecard_criteria where product_id = $1',
    [productId],
  )) as { id: string; name: string; weight: number; scale_max: number; direction: 'benefit' | 'cost' }[];
  const rows = (await sql(t, 'select * from feature_scores where product_id = $1', [productId])) as {
    feature_id: string;
    rice: Parameters<typeof riceScore>[0] | null;
    wsjf: Parameters<typeof wsjfScore>[0] | null;
    value_effort: Parameters<typeof valueEffortScore>[0] | null;
    scorecard: Record<string, number> | null;
    rice_score: number | null;
    wsjf_score: number | null;
    value_effort_score: number | null;
    scorecard_score: number | null;
  }[];
  const core = criteria.map((row) => ({
    key: row.id,
    name: row.name,
    weight: row.weight,
    direction: row.direction,
    min: 0,
    max: row.scale_max,
  }));
  const scorecard = (ratings: Record<string, number> | null) =>
    ratings && core.length > 0 && core.every((criterion) => ratings[criterion.key] !== undefined)
      ? scorecardScore(core, ratings).score
      : null;
  return rows.map((row) => ({
    stored: [row.feature_id, row.rice_score, row.wsjf_score, row.value_effort_score, row.scorecard_score],
    recomputed: [
      row.feature_id,
      row.rice ? riceScore(row.rice).score : null,
      row.wsjf ? wsjfScore(row.wsjf).score : null,
      row.value_effort ? valueEffortScore(row.value_effort).score : null,
      scorecard(row.scorecard),
    ],
  }));
}

interface Versioned {
  id: string;
  version: number;
}

describe('stored demand and scores', () => {
  it('equal a full recomputation by core after every kind of write, and the backlog served equals a fresh ranking, over a seeded random run', async () => {
    const random = seeded(20261123);
    const product = async (name: string) =>
      (await owner.json<Versioned>('POST', `/api/workspaces/${workspaceId}/products`, { name }, 201)).id;
    const products = [await product('Random one'), await product('Random two')];
    const customers: Versioned[] = [];
    const features: { id: string; productId: string }[] = [];
    const feedback: (Versioned & { productId: string })[] = [];
    const criteria: (Versioned & { productId: string })[] = [];
    const addCustomer = async () => {
      const created = await owner.json<Versioned>(
        'POST',
        `/api/workspaces/${workspaceId}/customers`,
        { name: `Customer ${random.next()}`, tier: random.pick(tiers), revenueCents: random.int(1_000_000) },
        201,
      );
      customers.push(created);
    };
    const addFeature = async () => {
      const productId = random.pick(products) as string;
      const created = await owner.json<Versioned>(
        'POST',
        `/api/products/${productId}/features`,
        { title: `Feature ${features.length}` },
        201,
      );
      features.push({ id: created.id, productId });
    };
    const addFeedback = async () => {
      const productId = random.pick(products) as string;
      const customer = random.next() < 0.8 ? random.pick(customers) : undefined;
      const created = await owner.json<Versioned>(
        'POST',
        `/api/products/${productId}/feedback`,
        { title: 'Please', body: 'Please do this soon', customerId: customer?.id ?? null },
        201,
      );
      feedback.push({ ...created, productId });
    };
    // Mostly a target some feedback is linked to, so that most writes do move some demand.
    const linked = async <T extends { id: string }>(list: T[], query: string): Promise<T | undefined> => {
      const ids = new Set((await sql(t, query)).map((row) => String(row.id)));
      const candidates = list.filter((item) => ids.has(item.id));
      return random.next() < 0.8 && candidates.length > 0 ? random.pick(candidates) : random.pick(list);
    };
    const linkedCustomer = () =>
      linked(
        customers,
        'select distinct fb.customer_id as id from feedback_links l join feedback fb on fb.id = l.feedback_id',
      );
    const linkedFeedback = () => linked(feedback, 'select distinct feedback_id as id from feedback_links');
    const linkedFeature = () => linked(features, 'select distinct feature_id as id from feedback_links');
    const refreshFeedback = async (item: Versioned) => {
      item.version = (await owner.json<Versioned>('GET', `/api/feedback/${item.id}`)).version;
    };
    for (let k = 0; k < 4; k++) await addCustomer();
    for (let k = 0; k < 6; k++) await addFeature();
    for (let k = 0; k < 8; k++) await addFeedback();

    const operations: Record<string, () => Promise<void>> = {
      async link() {
        const item = random.pick(feedback);
        const target = random.pick(features);
        if (!item || !target) return;
        await owner.json(
          'POST',
          `/api/feedback/${item.id}/links`,
          { featureId: target.id, importance: random.pick(importances) },
          201,
        );
        await refreshFeedback(item);
      },
      async linkToNewFeature() {
        const item = random.pick(feedback);
        if (!item) return;
        const linked = await owner.json<{ links: { featureId: string }[] }>(
          'POST',
          `/api/feedback/${item.id}/links`,
          { newFeature: { title: 'Made in triage' }, importance: random.pick(importances) },
          201,
        );
        const made = linked.links[linked.links.length - 1];
        if (made) features.push({ id: made.featureId, productId: item.productId });
        await refreshFeedback(item);
      },
      async unlink() {
        const [link] = await sql(t, 'select id, feedback_id from feedback_links order by random() limit 1');
        if (!link) return;
        await owner.json('DELETE', `/api/feedback-links/${link.id}`);
        const item = feedback.find((candidate) => candidate.id === link.feedback_id);
        if (item) await refreshFeedback(item);
      },
      async changeFeedbackCustomer() {
        const item = await linkedFeedback();
        if (!item) return;
        const customerId = random.next() < 0.3 ? null : (random.pick(customers)?.id ?? null);
        item.version = (
          await owner.json<Versioned>('PATCH', `/api/feedback/${item.id}`, {
            customerId,
            version: item.version,
          })
        ).version;
      },
      async deleteFeedback() {
        const item = await linkedFeedback();
        if (!item) return;
        await owner.json('DELETE', `/api/feedback/${item.id}`, { version: item.version }, 204);
        feedback.splice(feedback.indexOf(item), 1);
        await addFeedback();
      },
      async changeCustomer() {
        const customer = await linkedCustomer();
        if (!customer) return;
        const body =
          random.next() < 0.5
            ? { tier: random.pick(tiers), version: customer.version }
            : { revenueCents: random.int(5_000_000), version: customer.version };
        customer.version = (
          await owner.json<Versioned>('PATCH', `/api/customers/${customer.id}`, body)
        ).version;
      },
      async deleteCustomer() {
        const customer = await linkedCustomer();
        if (!customer) return;
        await owner.json('DELETE', `/api/customers/${customer.id}`, { version: customer.version }, 204);
        customers.splice(customers.indexOf(customer), 1);
        await Promise.all(feedback.map(refreshFeedback));
        await addCustomer();
      },
      async deleteFeature() {
        const target = await linkedFeature();
        if (!target) return;
        const { version } = await owner.json<Versioned>('GET', `/api/features/${target.id}`);
        await owner.json('DELETE', `/api/features/${target.id}`, { version }, 204);
        features.splice(features.indexOf(target), 1);
        await Promise.all(feedback.map(refreshFeedback));
        await addFeature();
      },
      async score() {
        const target = random.pick(features);
        if (!target) return;
        const { version } = await owner.json<Versioned>('GET', `/api/features/${target.id}/scores`);
        const ratings = Object.fromEntries(
          criteria.filter((c) => c.productId === target.productId).map((c) => [c.id, random.int(6)]),
        );
        await owner.json('PUT', `/api/features/${target.id}/scores`, {
          version,
          rice: { reach: random.int(1000), impact: 2, confidence: 80, effort: 1 + random.int(5) },
          valueEffort: { value: 1 + random.int(10), effort: 1 + random.int(10) },
          ...(random.next() < 0.7 ? { scorecard: ratings } : {}),
        });
      },
      async pin() {
        const target = random.pick(features);
        if (!target) return;
        const { version } = await owner.json<Versioned>('GET', `/api/features/${target.id}/scores`);
        // Whole and fractional places, and now and then an unpin, so that pins move the ranking every way they can.
        const pinnedPosition =
          random.next() < 0.25 ? null : 1 + random.int(8) + (random.next() < 0.3 ? 0.5 : 0);
        await owner.json('PUT', `/api/features/${target.id}/rank`, { pinnedPosition, version });
      },
      async addCriterion() {
        const productId = random.pick(products) as string;
        const created = await owner.json<Versioned>(
          'POST',
          `/api/products/${productId}/scorecard-criteria`,
          { name: `Criterion ${random.int(1000)}`, weight: 1 + random.int(5) },
          201,
        );
        criteria.push({ ...created, productId });
      },
      async reweighCriterion() {
        const criterion = random.pick(criteria);
        if (!criterion) return;
        criterion.version = (
          await owner.json<Versioned>('PATCH', `/api/scorecard-criteria/${criterion.id}`, {
            weight: 1 + random.int(9),
            version: criterion.version,
          })
        ).version;
      },
      async deleteCriterion() {
        const criterion = random.pick(criteria);
        if (!criterion) return;
        await owner.json(
          'DELETE',
          `/api/scorecard-criteria/${criterion.id}`,
          { version: criterion.version },
          204,
        );
        criteria.splice(criteria.indexOf(criterion), 1);
      },
    };
    const names = Object.keys(operations);
    const done: string[] = [];
    for (let step = 0; step < 7 * names.length; step++) {
      // Every seventh step takes the next kind of write in turn, so each is done at least once; links are the common
      // write, so they come up more often than the rest.
      const name =
        step % 7 === 6
          ? (names[Math.floor(step / 7)] as string)
          : random.next() < 0.3
            ? 'link'
            : (random.pick(names) as string);
      await operations[name]?.();
      done.push(name);
      const context = `after step ${step} (${done.slice(-3).join(', ')})`;
      expect(await storedDemand(), context).toEqual(await recomputedDemand(t));
      for (const productId of products) {
        for (const pair of await scoresBothWays(productId))
          expect(pair.stored, context).toEqual(pair.recomputed);
        // The backlog served (from the ranked order the server keeps between reads) is a fresh ranking of the rows;
        // two methods a step in turn, so that each is read again after a few writes.
        for (const by of rankMethods.filter((_, k) => k === step % 5 || k === (step + 2) % 5))
          expect(await servedRanking(owner, productId, by), `${context}, ${by}`).toEqual(
            await freshRanking(t, productId, by),
          );
      }
    }
    // The run did reach every kind of write and left demand to compare.
    expect(new Set(done)).toEqual(new Set(names));
    expect((await storedDemand()).size).toBeGreaterThan(0);
  }, 240_000);

  it('counts every link when many are written to one feature at once', async () => {
    const productId = (
      await owner.json<Versioned>('POST', `/api/workspaces/${workspaceId}/products`, { name: 'At once' }, 201)
    ).id;
    const { id: featureId } = await owner.json<Versioned>(
      'POST',
      `/api/products/${productId}/features`,
      { title: 'Wanted by everyone' },
      201,
    );
    const pieces = await Promise.all(
      Array.from({ length: 8 }, async (_, k) => {
        const customer = await owner.json<Versioned>(
          'POST',
          `/api/workspaces/${workspaceId}/customers`,
          { name: `At once ${k}`, tier: tiers[k % 3] },
          201,
        );
        return owner.json<Versioned>(
          'POST',
          `/api/products/${productId}/feedback`,
          { title: 'Me too', customerId: customer.id },
          201,
        );
      }),
    );
    // Each write recomputes the feature's demand; the feature lock makes the last one count the others' links.
    await Promise.all(
      pieces.map((piece) =>
        owner.json('POST', `/api/feedback/${piece.id}/links`, { featureId, importance: 'critical' }, 201),
      ),
    );
    const stored = (await storedDemand()).get(featureId);
    expect(stored).toEqual((await recomputedDemand(t)).get(featureId));
    expect(stored).toMatchObject({ customers: 8, feedback: 8 });
  });
});
