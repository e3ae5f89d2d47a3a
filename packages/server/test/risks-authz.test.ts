import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { routeTable } from '../src/http/route-rule';
import { riskExpectations } from './helpers/authz-risks';
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

const expectations = riskExpectations();

describe('who may use the risk register and the RAID log', () => {
  it('has a matrix row for every risk and RAID route', () => {
    const ours = routeTable(t.server.app)
      .map((route) => `${route.method} ${route.path}`)
      .filter((key) => /\/(risks|risk-register|risk-scale|raid)\b/.test(key));
    expect(ours.sort()).toEqual(Object.keys(expectations).sort());
  });

  it('lets viewers read, contributors and managers write, and hides everything from strangers', async () => {
    const mismatches: string[] = [];
    for (const [key, expectation] of Object.entries(expectations)) {
      const [method = 'GET'] = key.split(' ');
      for (const role of roles) {
        const caller = world.callers[role];
        const call = await expectation.call(world, role, caller);
        const init: { body?: unknown; headers?: Record<string, string> } = {};
        if (call.body !== undefined) init.body = call.body;
        if (call.headers) init.headers = call.headers;
        const response = await (call.as ?? caller).request(method, call.path, init);
        await response.text();
        if (response.status !== expectation.status[role])
          mismatches.push(`${key} as ${role}: expected ${expectation.status[role]}, got ${response.status}`);
      }
    }
    expect(mismatches).toEqual([]);
  }, 300_000);
});
