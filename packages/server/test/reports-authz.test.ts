import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { routeTable } from '../src/http/route-rule';
import { reportExpectations } from './helpers/authz-reports';
import { type AuthzWorld, buildAuthzWorld, roles } from './helpers/authz-world';
import { startTestServer, type TestServer } from './helpers/server';

let t: TestServer;
let world: AuthzWorld;
beforeAll(async () => {
  t = await startTestServer();
  world = await buildAuthzWorld(t);
});
afterAll(async () => {
  await t?.close();
});

const expectations = reportExpectations();
const ours = (path: string) => /status-reports|share-links|\/api\/shared\//.test(path);

describe('who may do what with status reports and share links', () => {
  it('has a row for every report and share link route', () => {
    const keys = routeTable(t.server.app)
      .filter((route) => ours(route.path))
      .map((route) => `${route.method} ${route.path}`);
    expect(keys.sort()).toEqual(Object.keys(expectations).sort());
  });

  it('answers every role as its row says', async () => {
    const mismatches: string[] = [];
    for (const [key, row] of Object.entries(expectations)) {
      const method = key.split(' ')[0] ?? 'GET';
      for (const role of roles) {
        const caller = world.callers[role];
        const call = await row.call(world, role, caller);
        const init: { body?: unknown; headers?: Record<string, string> } = {};
        if (call.body !== undefined) init.body = call.body;
        if (call.headers) init.headers = call.headers;
        const response = await (call.as ?? caller).request(method, call.path, init);
        await response.arrayBuffer();
        if (response.status !== row.status[role]) {
          mismatches.push(`${key} as ${role}: expected ${row.status[role]}, got ${response.status}`);
        }
      }
    }
    expect(mismatches).toEqual([]);
  }, 300_000);
});
