import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { domainTestFeatures } from './helpers/domain-features';
import { type Caller, createWorkspace, signUp } from './helpers/domain-world';
import { startTestServer, type TestServer } from './helpers/server';

interface Versioned {
  id: string;
  version: number;
}

interface Outcome {
  client: number;
  sentVersion: number;
  /** True when the client knew, before sending, that a newer version had already been committed. */
  knownStale: boolean;
  status: number;
  value: string;
  resultVersion?: number;
  currentVersion?: number | undefined;
}

let t: TestServer;
let owner: Caller;
let targets: { label: string; path: string; field: 'name' | 'description' }[];

beforeAll(async () => {
  t = await startTestServer({ features: domainTestFeatures() });
  owner = await signUp(t, 'Concurrency Owner');
  const workspaceId = await createWorkspace(t, owner);
  const product = await owner.json<Versioned>('POST', `/api/workspaces/${workspaceId}/products`, {
    name: 'P',
  });
  const project = await owner.json<Versioned>('POST', `/api/workspaces/${workspaceId}/projects`, {
    name: 'J',
    startDate: '2026-01-05',
  });
  const taskA = await owner.json<Versioned>('POST', `/api/projects/${project.id}/tasks`, { name: 'A' });
  const taskB = await owner.json<Versioned>('POST', `/api/projects/${project.id}/tasks`, { name: 'B' });
  targets = [
    { label: 'product', path: `/api/products/${product.id}`, field: 'name' },
    { label: 'project', path: `/api/projects/${project.id}`, field: 'description' },
    { label: 'task', path: `/api/tasks/${taskA.id}`, field: 'name' },
    { label: 'task', path: `/api/tasks/${taskB.id}`, field: 'name' },
  ];
});
afterAll(async () => {
  await t?.close();
});

async function allHistory(label: string, id: string) {
  const entries: { action: string; after: Record<string, unknown> | null }[] = [];
  let cursor: string | null = null;
  do {
    const query: string = cursor ? `&cursor=${encodeURIComponent(cursor)}` : '';
    const page: { items: typeof entries; nextCursor: string | null } = await owner.json(
      'GET',
      `/api/history/${label}/${id}?limit=200${query}`,
    );
    entries.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor);
  return entries;
}

describe('fifty clients writing the same entities', () => {
  it('accept exactly one write per version, answer every stale write with 409, and lose nothing', async () => {
    // The highest version each entity is known to have reached, as observed from committed replies.
    const committed = new Map<string, number>(targets.map((target) => [target.path, 1]));
    const outcomes = new Map<string, Outcome[]>(targets.map((target) => [target.path, []]));
    const client = async (index: number) => {
      for (let round = 0; round < 8; round++) {
        const target = targets[(index + round) % targets.length]!;
        let sentVersion: number;
        let knownStale = false;
        if (round % 3 === 2) {
          // Deliberately stale: a version older than one already committed.
          sentVersion = Math.max(1, (committed.get(target.path) ?? 1) - 1);
          knownStale = sentVersion < (committed.get(target.path) ?? 1);
        } else {
          sentVersion = (await owner.json<Versioned>('GET', target.path)).version;
        }
        const value = `c${index}-r${round}`;
        const response = await owner.request('PATCH', target.path, {
          body: { [target.field]: value },
          headers: { 'if-match': `"${sentVersion}"` },
        });
        const body = (await response.json()) as Versioned & { current?: Versioned };
        const outcome: Outcome = { client: index, sentVersion, knownStale, status: response.status, value };
        if (response.status === 200) {
          outcome.resultVersion = body.version;
          committed.set(target.path, Math.max(committed.get(target.path) ?? 1, body.version));
        }
        if (response.status === 409) outcome.currentVersion = body.current?.version;
        outcomes.get(target.path)!.push(outcome);
      }
    };
    await Promise.all(Array.from({ length: 50 }, (_, index) => client(index)));

    for (const target of targets) {
      const results = outcomes.get(target.path)!;
      expect(results.every((o) => o.status === 200 || o.status === 409)).toBe(true);
      const accepted = results.filter((o) => o.status === 200).sort((a, b) => a.sentVersion - b.sentVersion);
      const rejected = results.filter((o) => o.status === 409);
      expect(accepted.length).toBeGreaterThan(0);
      expect(rejected.length).toBeGreaterThan(0);
      // Each accepted write moved the entity from the version it was based on to the next, and no two shared a base.
      expect(accepted.map((o) => o.resultVersion)).toEqual(accepted.map((o) => o.sentVersion + 1));
      expect(accepted.map((o) => o.sentVersion)).toEqual(accepted.map((_, i) => i + 1));
      for (const o of results.filter((r) => r.knownStale)) expect(o.status).toBe(409);
      for (const o of rejected) expect(o.currentVersion).toBeGreaterThan(o.sentVersion);

      const final = await owner.json<Versioned & Record<string, unknown>>('GET', target.path);
      expect(final.version).toBe(accepted.length + 1);
      expect(final[target.field]).toBe(accepted[accepted.length - 1]!.value);

      const id = target.path.split('/').pop()!;
      const updates = (await allHistory(target.label, id)).filter((entry) => entry.action === 'update');
      expect(updates).toHaveLength(accepted.length);
      const audited = new Map(updates.map((entry) => [entry.after?.version, entry.after?.[target.field]]));
      for (const o of accepted) expect(audited.get(o.resultVersion)).toBe(o.value);
    }
  });
});
