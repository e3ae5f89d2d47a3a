import { QueryClient } from '@tanstack/react-query';
import { describe, expect, it } from 'vitest';
import { invalidateFor } from './live-events';
import { planKeys } from './plan';
import { keys } from './query-keys';

function cacheWith(...queryKeys: (readonly unknown[])[]): QueryClient {
  const client = new QueryClient();
  for (const key of queryKeys) client.setQueryData(key, { items: [] });
  return client;
}

const stale = (client: QueryClient, key: readonly unknown[]) => client.getQueryState(key)?.isInvalidated;

describe('invalidateFor', () => {
  it('marks stale the list, the page and the history of a changed project, and nothing else', () => {
    const list = keys.entities('projects', 'wsp_1', '', 'name');
    const page = keys.entity('projects', 'prj_1');
    const history = keys.history('project', 'prj_1');
    const otherPage = keys.entity('projects', 'prj_2');
    const products = keys.entities('products', 'wsp_1', '', 'name');
    const client = cacheWith(list, page, history, otherPage, products);
    invalidateFor(client, {
      entityType: 'project',
      entityId: 'prj_1',
      action: 'update',
      workspaceId: 'wsp_1',
    });
    expect([list, page, history].map((k) => stale(client, k))).toEqual([true, true, true]);
    expect([otherPage, products].map((k) => stale(client, k))).toEqual([false, false]);
  });

  it('refreshes the member list when a membership changes', () => {
    const members = keys.members('wsp_1');
    const client = cacheWith(members);
    invalidateFor(client, {
      entityType: 'workspace_member',
      entityId: 'usr_2',
      action: 'create',
      workspaceId: 'wsp_1',
    });
    expect(stale(client, members)).toBe(true);
  });

  it('refreshes the project of a changed task', () => {
    const page = keys.entity('projects', 'prj_1');
    const client = cacheWith(page);
    invalidateFor(client, {
      entityType: 'task',
      entityId: 'tsk_1',
      action: 'update',
      workspaceId: 'wsp_1',
      projectId: 'prj_1',
    });
    expect(stale(client, page)).toBe(true);
  });

  it('refreshes the plan of the project whose link changed, and no other plan', () => {
    const plan = planKeys.plan('prj_1');
    const otherPlan = planKeys.plan('prj_2');
    const client = cacheWith(plan, otherPlan);
    invalidateFor(client, {
      entityType: 'task_link',
      entityId: 'lnk_1',
      action: 'create',
      workspaceId: 'wsp_1',
      projectId: 'prj_1',
    });
    expect([stale(client, plan), stale(client, otherPlan)]).toEqual([true, false]);
  });

  it('refreshes the assignments of a plan only when an assignment changes', () => {
    const assignments = planKeys.assignments('prj_1');
    const client = cacheWith(assignments);
    const change = { entityId: 'x', action: 'update', workspaceId: 'wsp_1', projectId: 'prj_1' };
    invalidateFor(client, { ...change, entityType: 'task' });
    expect(stale(client, assignments)).toBe(false);
    invalidateFor(client, { ...change, entityType: 'assignment' });
    expect(stale(client, assignments)).toBe(true);
  });
});

describe('staleKeysFor', () => {
  it('names each query once when a burst of changes touches the same list', () => {
    const client = new QueryClient();
    const list = keys.entities('projects', 'wsp_1', '', 'name');
    client.setQueryData(list, { items: [] });
    let invalidations = 0;
    client.getQueryCache().subscribe((event) => {
      if (event.type === 'updated' && event.action.type === 'invalidate') invalidations++;
    });
    const burst = Array.from({ length: 50 }, (_, i) => ({
      entityType: 'project',
      entityId: `prj_${i}`,
      action: 'create',
      workspaceId: 'wsp_1',
    }));
    invalidateFor(client, ...burst);
    expect(invalidations).toBe(1);
  });

  it('refreshes the resource list and the workload on a resource change, and the time pages on logged time', () => {
    const resources = ['resources', 'wsp_1'];
    const workload = ['workload', 'wsp_1', '2026-11-02', '2026-11-29', 'day'];
    const week = ['time', 'week', 'wsp_1', '2026-11-23'];
    const plan = planKeys.plan('prj_1');
    const client = cacheWith(resources, workload, week, plan);
    invalidateFor(client, {
      entityType: 'resource',
      entityId: 'res_1',
      action: 'update',
      workspaceId: 'wsp_1',
    });
    expect([resources, workload, week, plan].map((k) => stale(client, k))).toEqual([
      true,
      true,
      false,
      false,
    ]);
    const again = cacheWith(resources, workload, week, plan);
    invalidateFor(again, {
      entityType: 'timeEntry',
      entityId: 'tim_1',
      action: 'create',
      workspaceId: 'wsp_1',
      projectId: 'prj_1',
    });
    expect([resources, workload, week, plan].map((k) => stale(again, k))).toEqual([false, true, true, true]);
  });
});
