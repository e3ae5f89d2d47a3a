import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadDemo } from '../src/demo/load-demo';
import { domainTestFeatures } from './helpers/domain-features';
import { sql } from './helpers/domain-world';
import { startTestServer, type TestServer } from './helpers/server';

let t: TestServer;

beforeAll(async () => {
  t = await startTestServer({ features: domainTestFeatures() });
});
afterAll(async () => {
  await t?.close();
});

async function ownerGet<T>(password: string, email: string, path: string): Promise<T> {
  const signedIn = await t.request('POST', '/api/auth/signin', { body: { email, password } });
  const cookie = signedIn.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
  const response = await t.request('GET', path, { headers: { cookie } });
  expect(response.status).toBe(200);
  return (await response.json()) as T;
}

describe('the demo agile history', () => {
  it('has three completed sprints with a velocity, an active sprint with a burndown up to today, and a planned one', async () => {
    const demo = await loadDemo(t.server.deps.db);
    const owner = demo.accounts.find((a) => a.role === 'owner')?.email ?? '';
    const rows = await sql(t, 'select project_id, state from sprints order by start_date');
    expect(rows.map((row) => row.state)).toEqual([
      'completed',
      'completed',
      'completed',
      'active',
      'planned',
    ]);
    const projectId = rows[0]?.project_id as string;
    const velocity = await ownerGet<{ sprints: unknown[]; average: number }>(
      demo.password,
      owner,
      `/api/projects/${projectId}/velocity`,
    );
    expect(velocity.sprints).toHaveLength(3);
    expect(velocity.average).toBeGreaterThan(0);
    const [active] = await sql(t, `select id from sprints where state = 'active'`);
    const chart = await ownerGet<{ series: { days: { remaining: number | null }[]; committed: number } }>(
      demo.password,
      owner,
      `/api/sprints/${active?.id}/burndown`,
    );
    const shown = chart.series.days.filter((d) => d.remaining !== null).map((d) => d.remaining as number);
    expect(shown.length).toBeGreaterThan(1);
    expect(shown.at(-1)).toBeLessThan(chart.series.committed);
    const statuses = await sql(t, `select distinct status from tasks where project_id = $1 order by 1`, [
      projectId,
    ]);
    expect(statuses.map((row) => row.status)).toEqual(['done', 'in_progress', 'review', 'todo']);
  });
});
