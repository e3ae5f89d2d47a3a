import { request as httpRequest } from 'node:http';
import { createRoute, z } from '@hono/zod-openapi';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../src/http/context';
import { ApiError } from '../src/http/errors';
import { defineRawRoute, defineRoute, publicRule, routeTable } from '../src/http/route-rule';
import { startTestServer, type TestServer } from './helpers/server';

const widgetBody = z.strictObject({
  name: z.string().min(1).max(100),
  size: z.number().int().min(1),
  tags: z.array(z.string()).max(5).optional(),
  shape: z.strictObject({ sides: z.number().int() }).optional(),
});

function registerWidgets(app: App): void {
  // A reply made without the context, as a file or stream handler might make one.
  defineRawRoute(app, publicRule, 'get', '/api/test-raw', () => new Response('raw', { status: 200 }));
  defineRoute(
    app,
    publicRule,
    createRoute({
      method: 'post',
      path: '/api/test-widgets',
      request: { body: { required: true, content: { 'application/json': { schema: widgetBody } } } },
      responses: { 201: { description: 'created', content: { 'application/json': { schema: widgetBody } } } },
    }),
    (c) => c.json(c.req.valid('json'), 201),
  );
  defineRoute(
    app,
    publicRule,
    createRoute({
      method: 'get',
      path: '/api/test-widgets/{id}',
      request: { params: z.object({ id: z.string() }) },
      responses: { 200: { description: 'ok' } },
    }),
    (c) => {
      if (c.req.valid('param').id === 'boom') throw new Error('an unexpected failure');
      throw new ApiError(404, 'NOT_FOUND', `Widget ${c.req.valid('param').id} was not found`);
    },
  );
}

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer({ features: [registerWidgets], config: { bodyLimitBytes: 2048 } });
});
afterAll(async () => {
  await t?.close();
});

async function errorOf(response: Response) {
  return ((await response.json()) as { error: { code: string; message: string; field?: string } }).error;
}

describe('the error format', () => {
  it('accepts a valid body', async () => {
    const response = await t.request('POST', '/api/test-widgets', { body: { name: 'a', size: 2 } });
    expect(response.status).toBe(201);
  });

  it('answers malformed JSON with 400 MALFORMED_JSON', async () => {
    const response = await t.request('POST', '/api/test-widgets', { body: '{"name": "a",' });
    expect(response.status).toBe(400);
    expect((await errorOf(response)).code).toBe('MALFORMED_JSON');
  });

  it('names an unknown field with 400 UNKNOWN_FIELD', async () => {
    const response = await t.request('POST', '/api/test-widgets', {
      body: { name: 'a', size: 1, colour: 'red' },
    });
    expect(response.status).toBe(400);
    expect(await errorOf(response)).toMatchObject({ code: 'UNKNOWN_FIELD', field: 'colour' });
  });

  it('names an unknown nested field by its path', async () => {
    const response = await t.request('POST', '/api/test-widgets', {
      body: { name: 'a', size: 1, shape: { sides: 3, radius: 2 } },
    });
    expect(await errorOf(response)).toMatchObject({ code: 'UNKNOWN_FIELD', field: 'shape.radius' });
  });

  it('names the field of a wrong type with 400 VALIDATION_FAILED', async () => {
    const response = await t.request('POST', '/api/test-widgets', { body: { name: 'a', size: 'big' } });
    expect(response.status).toBe(400);
    expect(await errorOf(response)).toMatchObject({ code: 'VALIDATION_FAILED', field: 'size' });
  });

  it('names an array element by its index', async () => {
    const response = await t.request('POST', '/api/test-widgets', {
      body: { name: 'a', size: 1, tags: ['x', 7] },
    });
    expect(await errorOf(response)).toMatchObject({ code: 'VALIDATION_FAILED', field: 'tags.1' });
  });

  it('rejects a body that is not an object', async () => {
    for (const body of ['null', '[]', '"text"', '42']) {
      const response = await t.request('POST', '/api/test-widgets', { body });
      expect(response.status).toBe(400);
      expect((await errorOf(response)).code).toBe('VALIDATION_FAILED');
    }
  });

  it('answers an oversize body with 413 PAYLOAD_TOO_LARGE', async () => {
    const response = await t.request('POST', '/api/test-widgets', {
      body: { name: 'x'.repeat(5000), size: 1 },
    });
    expect(response.status).toBe(413);
    expect((await errorOf(response)).code).toBe('PAYLOAD_TOO_LARGE');
  });

  it('counts a chunked body with no Content-Length against the same limit', async () => {
    const send = (json: string) =>
      new Promise<{ status: number; body: string }>((resolve, reject) => {
        const req = httpRequest(`${t.url}/api/test-widgets`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'transfer-encoding': 'chunked' },
        });
        req.on('response', (res) => {
          let body = '';
          res.on('data', (chunk: Buffer) => {
            body += chunk.toString();
          });
          res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
        });
        req.on('error', reject);
        // Two writes, so the body really arrives in chunks.
        req.write(json.slice(0, 10));
        req.end(json.slice(10));
      });
    const small = await send(JSON.stringify({ name: 'chunked', size: 3 }));
    expect(small.status).toBe(201);
    const large = await send(JSON.stringify({ name: 'x'.repeat(5000), size: 1 }));
    expect(large.status).toBe(413);
    expect(JSON.parse(large.body).error.code).toBe('PAYLOAD_TOO_LARGE');
  });

  it('answers an unknown API path with a JSON 404', async () => {
    const response = await t.request('GET', '/api/no-such-thing');
    expect(response.status).toBe(404);
    expect((await errorOf(response)).code).toBe('NOT_FOUND');
  });

  it('passes an ApiError through with its status and code', async () => {
    const response = await t.request('GET', '/api/test-widgets/w1');
    expect(response.status).toBe(404);
    expect((await errorOf(response)).message).toBe('Widget w1 was not found');
  });

  it('answers an unexpected failure with 500 and the request id, hiding the cause', async () => {
    const response = await t.request('GET', '/api/test-widgets/boom');
    expect(response.status).toBe(500);
    const error = (await response.json()) as { error: { code: string; message: string; requestId: string } };
    expect(error.error.code).toBe('INTERNAL_ERROR');
    expect(error.error.requestId).toBe(response.headers.get('x-request-id'));
    expect(error.error.message).not.toContain('an unexpected failure');
  });

  it('sets the security headers and the request id on every reply', async () => {
    for (const path of ['/api/health', '/api/test-raw', '/api/test-widgets/w1', '/api/no-such-thing']) {
      const response = await t.request('GET', path);
      expect(response.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
      expect(response.headers.get('x-content-type-options')).toBe('nosniff');
      expect(response.headers.get('referrer-policy')).toBe('strict-origin-when-cross-origin');
      expect(response.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
    }
  });
});

describe('the route table', () => {
  it('lists every API route with its rule', () => {
    const table = routeTable(t.server.app);
    expect(table).toContainEqual({ method: 'POST', path: '/api/test-widgets', rule: 'public' });
    expect(table).toContainEqual({ method: 'GET', path: '/api/health', rule: 'public' });
    const registered = new Set(table.map((route) => `${route.method} ${route.path}`));
    const unruled = t.server.app.routes
      .filter((route) => route.path.startsWith('/api/') && route.method !== 'ALL')
      .filter((route) => !registered.has(`${route.method} ${route.path}`));
    expect(unruled).toEqual([]);
  });

  it('refuses a route registered without a rule', () => {
    const route = createRoute({ method: 'get', path: '/api/x', responses: { 200: { description: 'ok' } } });
    expect(() => defineRoute(t.server.app, undefined as never, route, (c) => c.body(null, 200))).toThrow(
      /without an authorisation rule/,
    );
  });
});
