import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { domainTestFeatures } from './helpers/domain-features';
import { type Caller, createWorkspace, signUp } from './helpers/domain-world';
import { startTestServer, type TestServer } from './helpers/server';
import { openEventStream } from './helpers/sse';

interface Product {
  id: string;
  workspaceId: string;
  name: string;
  vision: string;
  description: string;
  version: number;
  createdAt: string;
}

let t: TestServer;
let owner: Caller;
let workspaceId: string;

beforeAll(async () => {
  t = await startTestServer({ features: domainTestFeatures() });
  owner = await signUp(t, 'Product Owner');
  workspaceId = await createWorkspace(t, owner);
});
afterAll(async () => {
  await t?.close();
});

const create = (body: Record<string, unknown>) =>
  owner.json<Product>('POST', `/api/workspaces/${workspaceId}/products`, body, 201);

describe('products', () => {
  it('creates a product with its defaults, version 1 and an ETag', async () => {
    const response = await owner.request('POST', `/api/workspaces/${workspaceId}/products`, {
      body: { name: '  Atlas  ', vision: 'Maps for everyone' },
    });
    expect(response.status).toBe(201);
    expect(response.headers.get('etag')).toBe('"1"');
    const product = (await response.json()) as Product;
    expect(product).toMatchObject({
      name: 'Atlas',
      vision: 'Maps for everyone',
      description: '',
      version: 1,
    });
    expect(product.id).toMatch(/^prd_/);
    expect(await owner.json('GET', `/api/products/${product.id}`)).toEqual(product);
  });

  it('updates with If-Match and bumps the version', async () => {
    const product = await create({ name: 'Beacon' });
    const response = await owner.request('PATCH', `/api/products/${product.id}`, {
      body: { description: 'Lighthouse tooling' },
      headers: { 'if-match': '"1"' },
    });
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({
      name: 'Beacon',
      description: 'Lighthouse tooling',
      version: 2,
    });
  });

  it('accepts the version in the body instead of If-Match', async () => {
    const product = await create({ name: 'Compass' });
    const updated = await owner.json<Product>('PATCH', `/api/products/${product.id}`, {
      name: 'Compass 2',
      version: 1,
    });
    expect(updated.version).toBe(2);
  });

  it('answers a stale version with 409 and the current product, changing nothing', async () => {
    const product = await create({ name: 'Delta' });
    await owner.json('PATCH', `/api/products/${product.id}`, { name: 'Delta 2', version: 1 });
    const response = await owner.request('PATCH', `/api/products/${product.id}`, {
      body: { name: 'Delta stale' },
      headers: { 'if-match': '"1"' },
    });
    expect(response.status).toBe(409);
    const body = (await response.json()) as { error: { code: string }; current: Product };
    expect(body.error.code).toBe('VERSION_CONFLICT');
    expect(body.current).toMatchObject({ name: 'Delta 2', version: 2 });
  });

  it('answers a write without any version with 428', async () => {
    const product = await create({ name: 'Echo' });
    const response = await owner.request('PATCH', `/api/products/${product.id}`, { body: { name: 'x' } });
    expect(response.status).toBe(428);
    expect(((await response.json()) as { error: { code: string } }).error.code).toBe('PRECONDITION_REQUIRED');
  });

  it('rejects an empty name and an unknown field, naming the field', async () => {
    const empty = await owner.request('POST', `/api/workspaces/${workspaceId}/products`, {
      body: { name: '   ' },
    });
    expect(empty.status).toBe(400);
    expect(await empty.json()).toMatchObject({ error: { code: 'VALIDATION_FAILED', field: 'name' } });
    const unknown = await owner.request('POST', `/api/workspaces/${workspaceId}/products`, {
      body: { name: 'x', owner: 'me' },
    });
    expect(await unknown.json()).toMatchObject({ error: { code: 'UNKNOWN_FIELD', field: 'owner' } });
  });

  it('answers a body that is not JSON with 415 UNSUPPORTED_MEDIA_TYPE', async () => {
    const response = await owner.request('POST', `/api/workspaces/${workspaceId}/products`, {
      body: 'name=Atlas',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    expect(response.status).toBe(415);
    expect(await response.json()).toMatchObject({ error: { code: 'UNSUPPORTED_MEDIA_TYPE' } });
  });

  it('deletes with If-Match, then answers 404', async () => {
    const product = await create({ name: 'Foxtrot' });
    const stale = await owner.request('DELETE', `/api/products/${product.id}`, {
      headers: { 'if-match': '"7"' },
    });
    expect(stale.status).toBe(409);
    const response = await owner.request('DELETE', `/api/products/${product.id}`, {
      headers: { 'if-match': '"1"' },
    });
    expect(response.status).toBe(204);
    expect((await owner.request('GET', `/api/products/${product.id}`)).status).toBe(404);
  });

  it('pages through a sorted, filtered list with cursors', async () => {
    const other = await createWorkspace(t, owner, 'Pages');
    for (const name of ['kilo', 'alpha', 'juliet', 'bravo', 'india', 'charlie', 'hotel', 'delta 50%']) {
      await owner.json('POST', `/api/workspaces/${other}/products`, { name });
    }
    const names: string[] = [];
    let cursor: string | null = null;
    do {
      const query: string = cursor ? `&cursor=${encodeURIComponent(cursor)}` : '';
      const page: { items: Product[]; nextCursor: string | null } = await owner.json(
        'GET',
        `/api/workspaces/${other}/products?limit=3&sort=-name${query}`,
      );
      expect(page.items.length).toBeLessThanOrEqual(3);
      names.push(...page.items.map((p) => p.name));
      cursor = page.nextCursor;
    } while (cursor);
    expect(names).toEqual(['kilo', 'juliet', 'india', 'hotel', 'delta 50%', 'charlie', 'bravo', 'alpha']);
    const filtered = await owner.json<{ items: Product[] }>(
      'GET',
      `/api/workspaces/${other}/products?q=50%25`,
    );
    expect(filtered.items.map((p) => p.name)).toEqual(['delta 50%']);
    const byCreation = await owner.json<{ items: Product[] }>(
      'GET',
      `/api/workspaces/${other}/products?sort=createdAt`,
    );
    expect(byCreation.items[0]?.name).toBe('kilo');
  });

  it('rejects an unknown sort field and a forged cursor with 400', async () => {
    const sort = await owner.request('GET', `/api/workspaces/${workspaceId}/products?sort=secret`);
    expect(await sort.json()).toMatchObject({ error: { code: 'VALIDATION_FAILED', field: 'sort' } });
    const cursor = await owner.request('GET', `/api/workspaces/${workspaceId}/products?cursor=bm9wZQ`);
    expect(await cursor.json()).toMatchObject({ error: { code: 'VALIDATION_FAILED', field: 'cursor' } });
  });

  it('records who changed what, before and after, in the history', async () => {
    const product = await create({ name: 'Golf' });
    await owner.json('PATCH', `/api/products/${product.id}`, { name: 'Golf 2', version: 1 });
    const history = await owner.json<{
      items: {
        action: string;
        actor: { id: string; name: string };
        before: Product | null;
        after: Product | null;
      }[];
    }>('GET', `/api/history/product/${product.id}`);
    expect(history.items.map((entry) => entry.action)).toEqual(['update', 'create']);
    expect(history.items[0]).toMatchObject({
      actor: { id: owner.id, name: 'Product Owner' },
      before: { name: 'Golf', version: 1 },
      after: { name: 'Golf 2', version: 2 },
    });
    expect(history.items[1]?.before).toBeNull();
  });

  it('announces each committed change on the live stream', async () => {
    const stream = await openEventStream(
      `${t.url}/api/events?workspaceId=${workspaceId}`,
      owner.readHeaders(),
    );
    try {
      expect(stream.status).toBe(200);
      await stream.waitFor((event) => event.event === 'ready');
      const product = await create({ name: 'Hotel' });
      const event = await stream.waitFor((e) => e.event === 'change' && e.data.includes(product.id));
      expect(JSON.parse(event.data)).toMatchObject({
        entityType: 'product',
        entityId: product.id,
        action: 'create',
        workspaceId,
        productId: product.id,
        version: 1,
      });
    } finally {
      stream.close();
    }
  });
});
