import { createHmac } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { domainTestFeatures } from './helpers/domain-features';
import { addMember, type Caller, createWorkspace, signUp, sql } from './helpers/domain-world';
import { send } from './helpers/plan-world';
import { createProduct, insertDemand, insertFeature } from './helpers/release-world';
import { startTestServer, type TestServer } from './helpers/server';
import { receiver } from './helpers/webhook-receiver';

interface Delivery {
  id: string;
  event: string;
  status: 'delivered' | 'pending' | 'failed';
  responseStatus: number | null;
  error: string | null;
}

let t: TestServer;
let owner: Caller;
let workspaceId: string;
let product: { id: string; workspaceId: string };
const previousTimeout = process.env.TANDEM_WEBHOOK_TIMEOUT_MS;
const previousInternal = process.env.TANDEM_WEBHOOK_ALLOW_INTERNAL;

beforeAll(async () => {
  // The server runs in this process: a short timeout keeps the hanging receiver's case quick, and the receivers
  // listen on loopback, which webhooks reach only when the server allows internal targets.
  process.env.TANDEM_WEBHOOK_TIMEOUT_MS = '400';
  process.env.TANDEM_WEBHOOK_ALLOW_INTERNAL = 'true';
  t = await startTestServer({ features: domainTestFeatures() });
  owner = await signUp(t, 'Hook Owner');
  workspaceId = await createWorkspace(t, owner);
  product = await createProduct(owner, workspaceId);
});
afterAll(async () => {
  if (previousTimeout === undefined) delete process.env.TANDEM_WEBHOOK_TIMEOUT_MS;
  else process.env.TANDEM_WEBHOOK_TIMEOUT_MS = previousTimeout;
  if (previousInternal === undefined) delete process.env.TANDEM_WEBHOOK_ALLOW_INTERNAL;
  else process.env.TANDEM_WEBHOOK_ALLOW_INTERNAL = previousInternal;
  await t?.close();
});

const addHook = (body: Record<string, unknown>) =>
  owner.json<{ id: string; secret?: string; version: number }>(
    'POST',
    `/api/products/${product.id}/webhooks`,
    body,
    201,
  );

describe('product webhooks', () => {
  it('signs a ping with HMAC-SHA256 of the body and records it as delivered', async () => {
    const hook = await receiver(() => 204);
    try {
      const secret = 'a-very-long-shared-secret';
      const created = await addHook({ url: hook.url, events: ['release.announced'], secret });
      expect(created.secret).toBe(secret);
      const listed = await owner.json<{ items: { secret?: string }[] }>(
        'GET',
        `/api/products/${product.id}/webhooks`,
      );
      expect(listed.items.every((item) => item.secret === undefined)).toBe(true);
      const delivery = await owner.json<Delivery>('POST', `/api/webhooks/${created.id}/ping`);
      expect(delivery).toMatchObject({
        event: 'ping',
        status: 'delivered',
        responseStatus: 204,
        error: null,
      });
      const [request] = hook.received;
      const expected = `sha256=${createHmac('sha256', secret).update(request!.body).digest('hex')}`;
      expect(request!.headers['x-tandem-signature']).toBe(expected);
      expect(request!.headers['x-tandem-event']).toBe('ping');
      expect(JSON.parse(request!.body)).toMatchObject({
        event: 'ping',
        productId: product.id,
        id: delivery.id,
      });
    } finally {
      await hook.close();
    }
  });

  it('announces a release with its notes and customers to the subscribed hooks only', async () => {
    const subscribed = await receiver(() => 200);
    const other = await receiver(() => 200);
    try {
      await addHook({ url: subscribed.url, events: ['release.announced'] });
      await addHook({ url: other.url, events: ['release.released'] });
      const feature = await insertFeature(t, product, 'Offline maps');
      await insertDemand(t, product, feature, { name: 'Globex', revenueCents: 100 });
      const release = await owner.json<{ id: string }>(
        'POST',
        `/api/products/${product.id}/releases`,
        { versionName: '1.0.0', notes: '# 1.0.0', featureIds: [feature] },
        201,
      );
      const { deliveries } = await owner.json<{ deliveries: Delivery[] }>(
        'POST',
        `/api/releases/${release.id}/announce`,
      );
      expect(deliveries.filter((d) => d.status === 'delivered').length).toBeGreaterThanOrEqual(1);
      expect(subscribed.received).toHaveLength(1);
      expect(other.received).toHaveLength(0);
      const payload = JSON.parse(subscribed.received[0]!.body);
      expect(payload).toMatchObject({
        event: 'release.announced',
        data: {
          release: { versionName: '1.0.0', notes: '# 1.0.0', features: [{ title: 'Offline maps' }] },
          customers: [{ name: 'Globex' }],
        },
      });
    } finally {
      await subscribed.close();
      await other.close();
    }
  });

  it('tells release.released hooks when a release is released', async () => {
    const hook = await receiver(() => 200);
    try {
      await addHook({ url: hook.url, events: ['release.released'] });
      const release = await owner.json<{ id: string }>(
        'POST',
        `/api/products/${product.id}/releases`,
        { versionName: '2.0' },
        201,
      );
      await owner.json('PATCH', `/api/releases/${release.id}`, { status: 'released', version: 1 });
      expect(hook.received.map((r) => JSON.parse(r.body).event)).toEqual(['release.released']);
    } finally {
      await hook.close();
    }
  });

  it('records an error status, a timeout and a refused connection as failed deliveries, without failing the call', async () => {
    const failing = await receiver(() => 500);
    const hanging = await receiver(() => 'hang');
    const closed = await receiver(() => 200);
    await closed.close();
    try {
      const cases = [
        { url: failing.url, status: 500, error: /answered 500/ },
        { url: hanging.url, status: null, error: /No answer within 400 ms/ },
        { url: closed.url, status: null, error: /ECONNREFUSED|fetch failed/ },
      ];
      for (const { url, status, error } of cases) {
        const hook = await addHook({ url, events: ['ping'] });
        const response = await send(owner, 'POST', `/api/webhooks/${hook.id}/ping`);
        expect(response.status, url).toBe(200);
        expect(response.body).toMatchObject({ status: 'failed', responseStatus: status });
        expect(String(response.body.error)).toMatch(error);
        const log = await owner.json<{ items: Delivery[] }>('GET', `/api/webhooks/${hook.id}/deliveries`);
        expect(log.items[0]).toMatchObject({ status: 'failed', event: 'ping' });
      }
    } finally {
      await failing.close();
      await hanging.close();
    }
  });

  it('refuses a URL that is not http(s), no events, an unknown event and a short secret, naming the field', async () => {
    const cases = [
      [{ url: 'ftp://example.test/x', events: ['ping'] }, 'url'],
      [{ url: 'https://user:pw@example.test/x', events: ['ping'] }, 'url'],
      [{ url: 'https://example.test/x', events: [] }, 'events'],
      [{ url: 'https://example.test/x', events: ['feature.deleted'] }, 'events'],
      [{ url: 'https://example.test/x', events: ['ping'], secret: 'short' }, 'secret'],
    ] as const;
    for (const [body, field] of cases) {
      const response = await send(owner, 'POST', `/api/products/${product.id}/webhooks`, body);
      expect(response.status, JSON.stringify(body)).toBe(400);
      expect(response.body.error?.field).toMatch(new RegExp(`^${field}`));
    }
  });

  it('keeps webhooks to the product managers: 404 to strangers, 403 to a contributor', async () => {
    const hook = await addHook({ url: 'https://example.test/h', events: ['ping'] });
    const stranger = await signUp(t, 'Hook Stranger');
    expect((await send(stranger, 'GET', `/api/products/${product.id}/webhooks`)).status).toBe(404);
    expect((await send(stranger, 'POST', `/api/webhooks/${hook.id}/ping`)).status).toBe(404);
    const contributor = await signUp(t, 'Hook Contributor');
    await addMember(t, workspaceId, contributor, 'guest');
    await sql(
      t,
      "insert into entity_members (entity_type, entity_id, user_id, workspace_id, role) values ('product', $1, $2, $3, 'contributor')",
      [product.id, contributor.id, workspaceId],
    );
    expect((await send(contributor, 'GET', `/api/products/${product.id}/webhooks`)).status).toBe(403);
    expect((await send(contributor, 'POST', `/api/webhooks/${hook.id}/ping`)).status).toBe(403);
    const updated = await send(owner, 'PATCH', `/api/webhooks/${hook.id}`, {
      active: false,
      version: hook.version,
    });
    expect(updated.body).toMatchObject({ active: false, version: 2 });
    expect((await send(owner, 'DELETE', `/api/webhooks/${hook.id}`, { version: 2 })).status).toBe(204);
  });
});
