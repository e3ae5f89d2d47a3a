import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newId } from '../src/db/ids';
import { domainTestFeatures } from './helpers/domain-features';
import { type Caller, createWorkspace, signUp, sql } from './helpers/domain-world';
import { startTestServer, type TestServer } from './helpers/server';

interface Page<T> {
  items: T[];
  nextCursor: string | null;
}
interface Feature {
  id: string;
  title: string;
  rank: string;
  demand: { score: number };
}
interface BacklogItem {
  featureId: string;
  position: number;
  reason: string;
  score: number | null;
}
interface Backlog extends Page<BacklogItem> {
  total: number;
}

let t: TestServer;
let owner: Caller;
let workspaceId: string;

beforeAll(async () => {
  t = await startTestServer({ features: domainTestFeatures() });
  owner = await signUp(t, 'Paula Pager');
  workspaceId = await createWorkspace(t, owner);
});
afterAll(async () => {
  await t?.close();
});

const product = async (name: string) =>
  (await owner.json<{ id: string }>('POST', `/api/workspaces/${workspaceId}/products`, { name }, 201)).id;

/** Features written straight to the database, with titles and ranks in different orders. */
async function features(
  productId: string,
  count: number,
  status = (k: number) => (k % 2 ? 'planned' : 'new'),
) {
  const ids: string[] = [];
  for (let k = 0; k < count; k++) {
    const id = newId('fea');
    ids.push(id);
    await sql(
      t,
      `insert into features (id, workspace_id, product_id, title, status, rank, created_at)
       values ($1, $2, $3, $4, $5, $6, now() - make_interval(mins => $7))`,
      [id, workspaceId, productId, `Feature ${(k * 7) % count}`, status(k), String(1000 + k), k % 3],
    );
  }
  return ids;
}

/** Every page of `path` (a query string already started), `limit` at a time, following nextCursor. */
async function allPages<T>(path: string, limit: number): Promise<T[]> {
  const items: T[] = [];
  let cursor: string | null = null;
  for (let guard = 0; guard < 100; guard++) {
    const page: Page<T> = await owner.json<Page<T>>(
      'GET',
      `${path}&limit=${limit}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
    );
    items.push(...page.items);
    cursor = page.nextCursor;
    if (cursor === null) return items;
  }
  throw new Error(`${path} never reached its last page`);
}

async function expectError(response: Response, status: number, field: string): Promise<void> {
  const body = (await response.json()) as { error: { field?: string } };
  expect({ status: response.status, field: body.error.field }).toEqual({ status, field });
}

const linkFeedback = async (productId: string, featureId: string, customerId: string | null) => {
  const { id } = await owner.json<{ id: string }>(
    'POST',
    `/api/products/${productId}/feedback`,
    { title: `Asks for ${featureId}`, customerId },
    201,
  );
  await owner.json('POST', `/api/feedback/${id}/links`, { featureId, importance: 'important' }, 201);
};

describe('feature and feedback lists', () => {
  it('pages through the features in each order with cursors, the pages together being the whole list', async () => {
    const productId = await product('Paged features');
    const ids = await features(productId, 13);
    // Demand on three features, two of them tied, so that the demand order has ties to break by rank.
    await linkFeedback(productId, ids[5] as string, null);
    await linkFeedback(productId, ids[5] as string, null);
    await linkFeedback(productId, ids[2] as string, null);
    await linkFeedback(productId, ids[9] as string, null);
    for (const sort of ['rank', 'demand', 'title', 'createdAt']) {
      const base = `/api/products/${productId}/features?sort=${sort}`;
      const whole = (await owner.json<Page<Feature>>('GET', `${base}&limit=200`)).items;
      expect(whole).toHaveLength(13);
      expect(
        (await allPages<Feature>(base, 4)).map((f) => f.id),
        sort,
      ).toEqual(whole.map((f) => f.id));
    }
    const byDemand = (
      await owner.json<Page<Feature>>('GET', `/api/products/${productId}/features?sort=demand`)
    ).items;
    expect(byDemand.slice(0, 3).map((f) => [f.id, f.demand.score])).toEqual([
      [ids[5], 4],
      [ids[2], 2],
      [ids[9], 2],
    ]);
    const planned = await allPages<Feature>(
      `/api/products/${productId}/features?status=planned&q=feature`,
      2,
    );
    expect(planned).toHaveLength(6);
  });

  it('lists exactly the features named by ids, in the asked order, and none of another product', async () => {
    const productId = await product('Picked features');
    const ids = await features(productId, 9);
    const [elsewhere] = await features(await product('Other product'), 1);
    const wanted = [ids[1], ids[4], ids[7], elsewhere, 'fea_none'] as string[];
    const byTitle = await owner.json<Page<Feature>>(
      'GET',
      `/api/products/${productId}/features?sort=title&ids=${wanted.join(',')}`,
    );
    // Titles are `Feature ${(k * 7) % 9}`: k = 1, 4, 7 give 7, 1, 4.
    expect(byTitle.items.map((f) => [f.id, f.title])).toEqual([
      [ids[4], 'Feature 1'],
      [ids[7], 'Feature 4'],
      [ids[1], 'Feature 7'],
    ]);
    expect(
      (
        await allPages<Feature>(`/api/products/${productId}/features?sort=rank&ids=${wanted.join(',')}`, 2)
      ).map((f) => f.id),
    ).toEqual([ids[1], ids[4], ids[7]]);
    const searched = await owner.json<Page<Feature>>(
      'GET',
      `/api/products/${productId}/features?ids=${wanted.join(',')}&q=${encodeURIComponent('feature 4')}`,
    );
    expect(searched.items.map((f) => f.id)).toEqual([ids[7]]);
  });

  it('refuses an ids filter that is empty, has an empty entry, a stray character or too many ids, naming ids, as the OpenAPI document describes it', async () => {
    const productId = await product('Refused ids');
    const list = `/api/products/${productId}/features`;
    const tooMany = Array.from({ length: 201 }, (_, k) => `fea_${k}`).join(',');
    for (const ids of ['', 'fea_1,,fea_2', 'fea_1,', 'fea_1;fea_2', encodeURIComponent('fea 1'), tooMany]) {
      await expectError(await owner.request('GET', `${list}?ids=${ids}`), 400, 'ids');
    }
    const most = Array.from({ length: 200 }, (_, k) => `fea_${k}`).join(',');
    expect((await owner.json<Page<Feature>>('GET', `${list}?ids=${most}`)).items).toEqual([]);
    const document = (await (await t.request('GET', '/api/openapi.json')).json()) as {
      paths: Record<string, { get?: { parameters?: { name: string; in: string; description?: string }[] } }>;
    };
    const ids = document.paths['/api/products/{productId}/features']?.get?.parameters?.find(
      (p) => p.name === 'ids',
    );
    expect(ids).toMatchObject({ in: 'query', description: expect.stringContaining('at most 200') });
  });

  it('pages through the feedback inbox newest first, or by title, with cursors', async () => {
    const productId = await product('Paged feedback');
    for (let k = 0; k < 9; k++) {
      await owner.json(
        'POST',
        `/api/products/${productId}/feedback`,
        { title: `Note ${(k * 4) % 9}`, receivedAt: `2026-10-0${1 + (k % 3)}` },
        201,
      );
    }
    for (const sort of ['-receivedAt', 'receivedAt', 'title', '-title']) {
      const base = `/api/products/${productId}/feedback?sort=${sort}`;
      const whole = (await owner.json<Page<{ id: string }>>('GET', `${base}&limit=200`)).items;
      expect(whole).toHaveLength(9);
      expect(
        (await allPages<{ id: string }>(base, 2)).map((f) => f.id),
        sort,
      ).toEqual(whole.map((f) => f.id));
    }
    const newest = (
      await owner.json<Page<{ receivedAt: string }>>('GET', `/api/products/${productId}/feedback`)
    ).items;
    expect(newest[0]?.receivedAt).toBe('2026-10-03T00:00:00.000Z');
  });

  it('refuses a forged cursor, a cursor of another order and an unknown filter with a 400 naming the field', async () => {
    const productId = await product('Refusals');
    await features(productId, 3);
    await owner.json('POST', `/api/products/${productId}/feedback`, { title: 'One' }, 201);
    await owner.json('POST', `/api/products/${productId}/feedback`, { title: 'Two' }, 201);
    const list = `/api/products/${productId}/features`;
    const byTitle = await owner.json<Page<Feature>>('GET', `${list}?sort=title&limit=1`);
    const forgedDemand = Buffer.from(JSON.stringify({ s: '-demand', k: ['x y', 'fea_1'] })).toString(
      'base64url',
    );
    await expectError(await owner.request('GET', `${list}?cursor=not-a-cursor`), 400, 'cursor');
    await expectError(await owner.request('GET', `${list}?cursor=${byTitle.nextCursor}`), 400, 'cursor');
    await expectError(
      await owner.request('GET', `${list}?sort=demand&cursor=${forgedDemand}`),
      400,
      'cursor',
    );
    await expectError(await owner.request('GET', `${list}?status=shipped`), 400, 'status');
    await expectError(await owner.request('GET', `${list}?limit=0`), 400, 'limit');
    const inbox = `/api/products/${productId}/feedback`;
    const newest = await owner.json<Page<unknown>>('GET', `${inbox}?limit=1`);
    await expectError(
      await owner.request('GET', `${inbox}?sort=title&cursor=${newest.nextCursor}`),
      400,
      'cursor',
    );
    await expectError(await owner.request('GET', `${inbox}?sort=-mood`), 400, 'sort');
    const backlog = `/api/products/${productId}/backlog`;
    const rice = await owner.json<Backlog>('GET', `${backlog}?by=rice&limit=1`);
    await expectError(
      await owner.request('GET', `${backlog}?by=wsjf&cursor=${rice.nextCursor}`),
      400,
      'cursor',
    );
    await expectError(await owner.request('GET', `${backlog}?cursor=%%%`), 400, 'cursor');
    await expectError(
      await owner.request('GET', `${backlog}?by=rice&offset=1&cursor=${rice.nextCursor}`),
      400,
      'offset',
    );
    await expectError(await owner.request('GET', `${backlog}?status=planned,shipped`), 400, 'status');
  });
});

describe('ranked backlog pages', () => {
  it('keeps ties in one stable order across cursor pages, with pins at their places and filters keeping them', async () => {
    const productId = await product('Ties');
    const ids = await features(productId, 17);
    // Three scores for seventeen features: most of the backlog ties, and two stay unscored.
    for (const [k, id] of ids.slice(0, 15).entries()) {
      await sql(
        t,
        `insert into feature_scores (feature_id, workspace_id, product_id, rice_score, version)
         values ($1, $2, $3, $4, 1)`,
        [id, workspaceId, productId, [10, 20, 30][k % 3]],
      );
    }
    const pin = async (featureId: string, pinnedPosition: number) => {
      const { version } = await owner.json<{ version: number }>('GET', `/api/features/${featureId}/scores`);
      await owner.json('PUT', `/api/features/${featureId}/rank`, { pinnedPosition, version });
    };
    await pin(ids[16] as string, 3);
    await pin(ids[0] as string, 8);
    const base = `/api/products/${productId}/backlog?by=rice`;
    const first = await allPages<BacklogItem>(base, 4);
    expect(await allPages<BacklogItem>(base, 4)).toEqual(first);
    expect(first.map((item) => item.position)).toEqual(Array.from({ length: 17 }, (_, k) => k + 1));
    expect(first[2]).toMatchObject({ featureId: ids[16], reason: 'pinned' });
    expect(first[7]).toMatchObject({ featureId: ids[0], reason: 'pinned' });
    // The unpinned follow score, highest first, then id in byte order; the unscored come last.
    const unpinned = first.filter((item) => item.reason !== 'pinned');
    const expected = [...unpinned].sort(
      (a, b) =>
        (b.score ?? Number.NEGATIVE_INFINITY) - (a.score ?? Number.NEGATIVE_INFINITY) ||
        (a.featureId < b.featureId ? -1 : 1),
    );
    expect(unpinned.map((item) => item.featureId)).toEqual(expected.map((item) => item.featureId));
    expect(unpinned.slice(-1)[0]?.reason).toBe('unscored');
    // A filtered traversal shows the same places, in order, and counts only what it shows.
    const planned = await allPages<BacklogItem>(`${base}&status=planned`, 3);
    const placeOf = new Map(first.map((item) => [item.featureId, item.position]));
    expect(planned.map((item) => item.position)).toEqual(planned.map((item) => placeOf.get(item.featureId)));
    expect(planned.map((item) => item.position)).toEqual(
      [...planned.map((item) => item.position)].sort((a, b) => a - b),
    );
    const page = await owner.json<Backlog>('GET', `${base}&status=planned&limit=3`);
    expect(page.total).toBe(planned.length);
  });

  it('ranks by stored demand that follows a change of a customer tier', async () => {
    const productId = await product('Tiers');
    const [quiet, loud] = await features(productId, 2);
    const customer = async (name: string, tier: string) =>
      owner.json<{ id: string; version: number }>(
        'POST',
        `/api/workspaces/${workspaceId}/customers`,
        { name, tier },
        201,
      );
    const small = await customer('Small Co', 'standard');
    const big = await customer('Big Co', 'key');
    await linkFeedback(productId, quiet as string, small.id);
    await linkFeedback(productId, loud as string, big.id);
    const ranking = async () =>
      (await owner.json<Backlog>('GET', `/api/products/${productId}/backlog?by=demand`)).items.map((item) => [
        item.featureId,
        item.score,
      ]);
    expect(await ranking()).toEqual([
      [loud, 4],
      [quiet, 2],
    ]);
    await owner.json('PATCH', `/api/customers/${small.id}`, { tier: 'strategic', version: small.version });
    expect(await ranking()).toEqual([
      [quiet, 6],
      [loud, 4],
    ]);
  });
});
