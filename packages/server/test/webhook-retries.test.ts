import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { domainTestFeatures } from './helpers/domain-features';
import { type Caller, createWorkspace, signUp } from './helpers/domain-world';
import { eventually } from './helpers/eventually';
import { send } from './helpers/plan-world';
import { createProduct } from './helpers/release-world';
import { startTestServer, type TestServer } from './helpers/server';
import { receiver } from './helpers/webhook-receiver';

interface Delivery {
  id: string;
  webhookId: string;
  event: string;
  status: 'delivered' | 'pending' | 'failed';
  responseStatus: number | null;
  error: string | null;
  attempts: number;
  nextAttemptAt: string | null;
}

// The server runs in this process: quick retries, and loopback receivers reachable only while allowed.
const settings = {
  TANDEM_WEBHOOK_ALLOW_INTERNAL: 'true',
  TANDEM_WEBHOOK_RETRY_BASE_MS: '150',
  TANDEM_WEBHOOK_POLL_MS: '100',
  TANDEM_WEBHOOK_MAX_ATTEMPTS: '3',
  TANDEM_WEBHOOK_TIMEOUT_MS: '1000',
} as const;
const previous = Object.fromEntries(Object.keys(settings).map((key) => [key, process.env[key]]));

let t: TestServer;
let owner: Caller;
let product: { id: string; workspaceId: string };

beforeAll(async () => {
  Object.assign(process.env, settings);
  t = await startTestServer({ features: domainTestFeatures() });
  owner = await signUp(t, 'Retry Owner');
  product = await createProduct(owner, await createWorkspace(t, owner));
});
afterAll(async () => {
  await t?.close();
  for (const [key, value] of Object.entries(previous)) {
    if (value === undefined) delete process.env[key];
    else process.env[key] = value;
  }
});

const allowInternal = (allowed: boolean) => {
  process.env.TANDEM_WEBHOOK_ALLOW_INTERNAL = allowed ? 'true' : 'false';
};

const addHook = (url: string, events = ['release.announced']) =>
  owner.json<{ id: string; version: number }>(
    'POST',
    `/api/products/${product.id}/webhooks`,
    { url, events },
    201,
  );

/** Announces a new release and returns the first attempt of its delivery to `hookId`. */
async function announce(versionName: string, hookId: string): Promise<Delivery | undefined> {
  const release = await owner.json<{ id: string }>(
    'POST',
    `/api/products/${product.id}/releases`,
    { versionName },
    201,
  );
  const { deliveries } = await owner.json<{ deliveries: Delivery[] }>(
    'POST',
    `/api/releases/${release.id}/announce`,
  );
  return deliveries.find((delivery) => delivery.webhookId === hookId);
}

const logOf = async (hookId: string) =>
  (await owner.json<{ items: Delivery[] }>('GET', `/api/webhooks/${hookId}/deliveries`)).items;

describe('webhook targets inside the network', () => {
  it('refuses loopback, private and link-local URLs naming url, unless the server allows internal targets', async () => {
    allowInternal(false);
    try {
      for (const url of [
        'http://127.0.0.1:9/hook',
        'http://localhost:9/hook',
        'http://[::1]:9/hook',
        'http://10.0.0.8/hook',
        'http://192.168.1.20/hook',
        'http://169.254.169.254/latest/meta-data',
        'http://[::ffff:127.0.0.1]/hook',
      ]) {
        const response = await send(owner, 'POST', `/api/products/${product.id}/webhooks`, {
          url,
          events: ['ping'],
        });
        expect(response.status, url).toBe(400);
        expect(response.body.error?.field, url).toBe('url');
        expect(response.body.error?.message, url).toMatch(/internal address/);
      }
      const hook = await addHook('https://example.test/hook');
      const moved = await send(owner, 'PATCH', `/api/webhooks/${hook.id}`, {
        url: 'http://127.0.0.1:9/hook',
        version: hook.version,
      });
      expect(moved.status).toBe(400);
      expect(moved.body.error?.field).toBe('url');
    } finally {
      allowInternal(true);
    }
    expect((await addHook('http://127.0.0.1:9/hook')).id).toMatch(/^whk_/);
  });

  it('checks the target again when delivering, so a host that turned internal since it was set up gets nothing', async () => {
    const target = await receiver(() => 200);
    try {
      const port = new URL(target.url).port;
      const byName = await addHook(`http://localhost:${port}/hook`, ['ping']);
      const byAddress = await addHook(target.url, ['ping']);
      allowInternal(false);
      for (const hook of [byName, byAddress]) {
        const delivery = await owner.json<Delivery>('POST', `/api/webhooks/${hook.id}/ping`);
        expect(delivery).toMatchObject({ status: 'failed', responseStatus: null, nextAttemptAt: null });
        expect(delivery.error).toMatch(/internal address/);
      }
      expect(target.received).toHaveLength(0);
    } finally {
      allowInternal(true);
      await target.close();
    }
  });
});

describe('webhook delivery by host name', () => {
  it('delivers to a host name through the guarded lookup when its address is allowed', async () => {
    const target = await receiver(() => 204);
    try {
      const hook = await addHook(`http://localhost:${new URL(target.url).port}/hook`, ['ping']);
      const delivery = await owner.json<Delivery>('POST', `/api/webhooks/${hook.id}/ping`);
      expect(delivery).toMatchObject({ status: 'delivered', responseStatus: 204, attempts: 1, error: null });
      expect(target.received).toHaveLength(1);
    } finally {
      await target.close();
    }
  });
});

describe('webhook retries', () => {
  it('retries a failed delivery with backoff until the receiver takes it, keeping the attempts in the log', async () => {
    let calls = 0;
    const flaky = await receiver(() => (++calls <= 2 ? 503 : 200));
    try {
      const hook = await addHook(flaky.url);
      const first = await announce('3.0', hook.id);
      expect(first).toMatchObject({ status: 'pending', attempts: 1, responseStatus: 503 });
      expect(first!.error).toMatch(/answered 503/);
      expect(first!.nextAttemptAt).not.toBeNull();
      const [done] = await eventually(
        () => logOf(hook.id),
        (items) => items[0]?.status !== 'pending',
      );
      expect(done).toMatchObject({
        id: first!.id,
        status: 'delivered',
        attempts: 3,
        responseStatus: 200,
        error: null,
        nextAttemptAt: null,
      });
      // Every attempt is the same delivery, so a receiver can tell a retry from a new event.
      expect(flaky.received.map((request) => request.headers['x-tandem-delivery'])).toEqual([
        first!.id,
        first!.id,
        first!.id,
      ]);
      expect(new Set(flaky.received.map((request) => request.body)).size).toBe(1);
    } finally {
      await flaky.close();
    }
  });

  it('gives up after the last attempt and shows the last error', async () => {
    const down = await receiver(() => 500);
    try {
      const hook = await addHook(down.url);
      await announce('3.1', hook.id);
      const [last] = await eventually(
        () => logOf(hook.id),
        (items) => items[0]?.status === 'failed',
      );
      expect(last).toMatchObject({ status: 'failed', attempts: 3, responseStatus: 500, nextAttemptAt: null });
      expect(last!.error).toMatch(/answered 500/);
      expect(down.received).toHaveLength(3);
    } finally {
      await down.close();
    }
  });

  it('stops retrying when the webhook is turned off', async () => {
    process.env.TANDEM_WEBHOOK_RETRY_BASE_MS = '1500';
    const down = await receiver(() => 500);
    try {
      const hook = await addHook(down.url);
      const first = await announce('3.2', hook.id);
      expect(first?.status).toBe('pending');
      await owner.json('PATCH', `/api/webhooks/${hook.id}`, { active: false, version: hook.version });
      const [stopped] = await eventually(
        () => logOf(hook.id),
        (items) => items[0]?.status !== 'pending',
      );
      expect(stopped).toMatchObject({ status: 'failed', attempts: 1 });
      expect(stopped!.error).toMatch(/turned off/);
      expect(down.received).toHaveLength(1);
    } finally {
      process.env.TANDEM_WEBHOOK_RETRY_BASE_MS = settings.TANDEM_WEBHOOK_RETRY_BASE_MS;
      await down.close();
    }
  });
});
