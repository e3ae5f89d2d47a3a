import type { MatrixRow } from './authz-resources-time';
import { editEntity, inWorkspace, manageEntity, seeEntity } from './authz-statuses';
import type { AuthzWorld } from './authz-world';

// Launch templates are the workspace's: every member reads them, guests may not change them.
const workspaceWrite = (ok: number) => ({ ...inWorkspace(ok), guest: 403, viewer: 403 });
const first = { 'if-match': '"1"' };

let counter = 0;

/** A new release (version 1) of the world's product. */
async function freshRelease(w: AuthzWorld): Promise<string> {
  const path = `/api/products/${w.productId}/releases`;
  const body = { versionName: `9.${++counter}.0`, targetDate: '2026-06-01' };
  return (await w.callers.owner.json<{ id: string }>('POST', path, body, 201)).id;
}

/** A new release with its launch plan; returns the plan and its first item. */
async function freshLaunch(w: AuthzWorld): Promise<{ planId: string; itemId: string }> {
  const releaseId = await freshRelease(w);
  const plan = await w.callers.owner.json<{ id: string; items: { id: string }[] }>(
    'POST',
    `/api/releases/${releaseId}/launch`,
    {},
    201,
  );
  return { planId: plan.id, itemId: plan.items[0]?.id ?? '' };
}

/** A new webhook of the world's product, to a host that never resolves (`.test` is reserved), so a ping fails fast. */
async function freshHook(w: AuthzWorld): Promise<string> {
  const path = `/api/products/${w.productId}/webhooks`;
  return (
    await w.callers.owner.json<{ id: string }>(
      'POST',
      path,
      { url: 'http://hooks.example.test/h', events: ['ping'] },
      201,
    )
  ).id;
}

/** A new user-defined launch template of the world's workspace. */
async function freshTemplate(w: AuthzWorld): Promise<string> {
  const path = `/api/workspaces/${w.workspaceId}/launch-templates`;
  return (await w.callers.owner.json<{ id: string }>('POST', path, { name: 'By role', items: [] }, 201)).id;
}

/** A new budget line of the world's product. */
async function freshLine(w: AuthzWorld): Promise<string> {
  const path = `/api/products/${w.productId}/budget-lines`;
  return (
    await w.callers.owner.json<{ id: string }>(
      'POST',
      path,
      { name: 'Line', category: 'other', amountCents: 1 },
      201,
    )
  ).id;
}

/** A new initiative of the world's product, not handed off. */
async function freshInitiative(w: AuthzWorld): Promise<string> {
  const path = `/api/products/${w.productId}/initiatives`;
  return (await w.callers.owner.json<{ id: string }>('POST', path, { title: 'By role' }, 201)).id;
}

/** The matrix rows of releases, webhooks, launch plans, the product budget and the hand-off. */
export function releaseExpectations(): Record<string, MatrixRow> {
  return {
    'GET /api/products/:productId/releases': {
      status: seeEntity,
      call: async (w) => ({ path: `/api/products/${w.productId}/releases` }),
    },
    'POST /api/products/:productId/releases': {
      status: editEntity(201),
      call: async (w) => ({
        path: `/api/products/${w.productId}/releases`,
        body: { versionName: `8.${++counter}` },
      }),
    },
    'GET /api/releases/:releaseId': {
      status: seeEntity,
      call: async (w) => ({ path: `/api/releases/${await freshRelease(w)}` }),
    },
    'PATCH /api/releases/:releaseId': {
      status: editEntity(200),
      call: async (w) => ({
        path: `/api/releases/${await freshRelease(w)}`,
        body: { name: 'x' },
        headers: first,
      }),
    },
    'DELETE /api/releases/:releaseId': {
      status: editEntity(204),
      call: async (w) => ({ path: `/api/releases/${await freshRelease(w)}`, headers: first }),
    },
    'GET /api/releases/:releaseId/notes-draft': {
      status: seeEntity,
      call: async (w) => ({ path: `/api/releases/${await freshRelease(w)}/notes-draft` }),
    },
    'GET /api/releases/:releaseId/customers': {
      status: seeEntity,
      call: async (w) => ({ path: `/api/releases/${await freshRelease(w)}/customers` }),
    },
    'GET /api/releases/:releaseId/customers.csv': {
      status: seeEntity,
      call: async (w) => ({ path: `/api/releases/${await freshRelease(w)}/customers.csv` }),
    },
    'POST /api/releases/:releaseId/announce': {
      status: editEntity(200),
      call: async (w) => ({ path: `/api/releases/${await freshRelease(w)}/announce` }),
    },
    'GET /api/releases/:releaseId/launch': {
      status: seeEntity,
      call: async (w) => ({ path: `/api/releases/${await freshRelease(w)}/launch` }),
    },
    'POST /api/releases/:releaseId/launch': {
      status: editEntity(201),
      call: async (w) => ({ path: `/api/releases/${await freshRelease(w)}/launch`, body: {} }),
    },
    'POST /api/launch-plans/:planId/items': {
      status: editEntity(201),
      call: async (w) => ({
        path: `/api/launch-plans/${(await freshLaunch(w)).planId}/items`,
        body: { area: 'docs', title: 'By role' },
      }),
    },
    'PATCH /api/launch-items/:itemId': {
      status: editEntity(200),
      call: async (w) => ({
        path: `/api/launch-items/${(await freshLaunch(w)).itemId}`,
        body: { status: 'done' },
        headers: first,
      }),
    },
    'DELETE /api/launch-items/:itemId': {
      status: editEntity(204),
      call: async (w) => ({ path: `/api/launch-items/${(await freshLaunch(w)).itemId}`, headers: first }),
    },
    'GET /api/workspaces/:workspaceId/launch-templates': {
      status: inWorkspace(200),
      call: async (w) => ({ path: `/api/workspaces/${w.workspaceId}/launch-templates` }),
    },
    'POST /api/workspaces/:workspaceId/launch-templates': {
      status: workspaceWrite(201),
      call: async (w) => ({
        path: `/api/workspaces/${w.workspaceId}/launch-templates`,
        body: { name: 'T', items: [] },
      }),
    },
    'PATCH /api/launch-templates/:templateId': {
      status: workspaceWrite(200),
      call: async (w) => ({
        path: `/api/launch-templates/${await freshTemplate(w)}`,
        body: { name: 'U' },
        headers: first,
      }),
    },
    'DELETE /api/launch-templates/:templateId': {
      status: workspaceWrite(204),
      call: async (w) => ({ path: `/api/launch-templates/${await freshTemplate(w)}`, headers: first }),
    },
    'GET /api/products/:productId/webhooks': {
      status: manageEntity(200),
      call: async (w) => ({ path: `/api/products/${w.productId}/webhooks` }),
    },
    'POST /api/products/:productId/webhooks': {
      status: manageEntity(201),
      call: async (w) => ({
        path: `/api/products/${w.productId}/webhooks`,
        body: { url: 'https://hooks.example.com/t', events: ['ping'] },
      }),
    },
    'PATCH /api/webhooks/:webhookId': {
      status: manageEntity(200),
      call: async (w) => ({
        path: `/api/webhooks/${await freshHook(w)}`,
        body: { active: false },
        headers: first,
      }),
    },
    'DELETE /api/webhooks/:webhookId': {
      status: manageEntity(204),
      call: async (w) => ({ path: `/api/webhooks/${await freshHook(w)}`, headers: first }),
    },
    'GET /api/webhooks/:webhookId/deliveries': {
      status: manageEntity(200),
      call: async (w) => ({ path: `/api/webhooks/${await freshHook(w)}/deliveries` }),
    },
    'POST /api/webhooks/:webhookId/ping': {
      status: manageEntity(200),
      call: async (w) => ({ path: `/api/webhooks/${await freshHook(w)}/ping` }),
    },
    'GET /api/products/:productId/budget': {
      status: seeEntity,
      call: async (w) => ({ path: `/api/products/${w.productId}/budget` }),
    },
    'POST /api/products/:productId/budget-lines': {
      status: editEntity(201),
      call: async (w) => ({
        path: `/api/products/${w.productId}/budget-lines`,
        body: { name: 'Line', category: 'labour', amountCents: 100 },
      }),
    },
    'PATCH /api/product-budget-lines/:lineId': {
      status: editEntity(200),
      call: async (w) => ({
        path: `/api/product-budget-lines/${await freshLine(w)}`,
        body: { amountCents: 5 },
        headers: first,
      }),
    },
    'DELETE /api/product-budget-lines/:lineId': {
      status: editEntity(204),
      call: async (w) => ({ path: `/api/product-budget-lines/${await freshLine(w)}`, headers: first }),
    },
    'POST /api/initiatives/:initiativeId/start-project': {
      status: editEntity(201),
      call: async (w) => ({
        path: `/api/initiatives/${await freshInitiative(w)}/start-project`,
        body: { name: 'Delivery', projectManagerId: w.callers.manager.id, startDate: '2026-03-02' },
      }),
    },
    'GET /api/initiatives/:initiativeId/delivery': {
      status: seeEntity,
      call: async (w) => ({ path: `/api/initiatives/${await freshInitiative(w)}/delivery` }),
    },
    'POST /api/initiatives/:initiativeId/scope-check': {
      status: editEntity(200),
      call: async (w) => ({ path: `/api/initiatives/${await freshInitiative(w)}/scope-check` }),
    },
  };
}
