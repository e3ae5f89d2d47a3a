import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { domainTestFeatures } from './helpers/domain-features';
import { sql } from './helpers/domain-world';
import { buildRiskWorld, type Risk, type RiskWorld } from './helpers/risk-world';
import { startTestServer, type TestServer } from './helpers/server';
import { openEventStream } from './helpers/sse';

let t: TestServer;
let w: RiskWorld;

beforeAll(async () => {
  t = await startTestServer({ features: domainTestFeatures() });
  w = await buildRiskWorld(t);
});
afterAll(async () => {
  await t?.close();
});

describe('register writes at the same time', () => {
  it('leave today’s snapshot equal to the register, however they interleave', async () => {
    const projectId = await w.project();
    const created = await Promise.all(
      Array.from({ length: 12 }, (_, i) =>
        w.owner.json<Risk>(
          'POST',
          `/api/projects/${projectId}/risks`,
          { title: `Parallel ${i}`, probability: (i % 5) + 1, impact: 5 },
          201,
        ),
      ),
    );
    // Half of them close while the others occur, all at once.
    await Promise.all(
      created.map((risk, i) =>
        i % 2 === 0
          ? w.contributor.json('PATCH', `/api/risks/${risk.id}`, { status: 'closed', version: 1 }, 200)
          : w.contributor.json('POST', `/api/risks/${risk.id}/occurrence`, { version: 1 }, 201),
      ),
    );
    const [snapshot] = await sql(
      t,
      'select open_count, closed_count, occurred_count from risk_snapshots where project_id = $1',
      [projectId],
    );
    expect(snapshot).toEqual({ open_count: 0, closed_count: 6, occurred_count: 6 });
    const issues = await sql(
      t,
      `select count(*)::int as n from raid_items where project_id = $1 and kind = 'issue'`,
      [projectId],
    );
    expect(issues[0]?.n).toBe(6);
  });

  it('answer one of two writers at the same version with 409, and keep the other', async () => {
    const projectId = await w.project();
    const risk = await w.owner.json<Risk>(
      'POST',
      `/api/projects/${projectId}/risks`,
      { title: 'Contested', probability: 2, impact: 2 },
      201,
    );
    const [a, b] = await Promise.all([
      w.owner.request('PATCH', `/api/risks/${risk.id}`, { body: { impact: 4, version: 1 } }),
      w.contributor.request('PATCH', `/api/risks/${risk.id}`, { body: { impact: 5, version: 1 } }),
    ]);
    expect([a.status, b.status].sort()).toEqual([200, 409]);
    const after = await w.owner.json<Risk>('GET', `/api/risks/${risk.id}`);
    expect(after.version).toBe(2);
  });
});

describe('live changes and history', () => {
  it('streams a risk write to the project’s viewers and records it in the audit log', async () => {
    const projectId = await w.project();
    const stream = await openEventStream(
      `${t.url}/api/events?workspaceId=${w.workspaceId}`,
      w.viewer.readHeaders(),
    );
    try {
      await stream.waitFor((event) => event.event === 'ready');
      const risk = await w.owner.json<Risk>(
        'POST',
        `/api/projects/${projectId}/risks`,
        { title: 'Heard live', probability: 3, impact: 3 },
        201,
      );
      const heard = await stream.waitFor(
        (event) =>
          event.event === 'change' && (JSON.parse(event.data) as { entityId: string }).entityId === risk.id,
      );
      expect(JSON.parse(heard.data)).toMatchObject({
        entityType: 'risk',
        action: 'create',
        projectId,
        version: 1,
      });
    } finally {
      stream.close();
    }
    const audit = await sql(
      t,
      `select action, after->>'title' as title from audit_entries where entity_type = 'risk' and after->>'projectId' = $1`,
      [projectId],
    );
    expect(audit).toEqual([{ action: 'create', title: 'Heard live' }]);
  });
});
