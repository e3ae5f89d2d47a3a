import type { MatrixRow } from './authz-resources-time';
import { editEntity, inWorkspace, seeEntity } from './authz-statuses';
import type { AuthzWorld } from './authz-world';

// Customers are the workspace's commercial list: every member but guests, who get 403.
const customerAccess = (ok: number) => ({ ...inWorkspace(ok), guest: 403, viewer: 403 });
const first = { 'if-match': '"1"' };

let counter = 0;

const post = async (w: AuthzWorld, path: string, body: unknown) =>
  (await w.callers.owner.json<{ id: string }>('POST', path, body, 201)).id;
const feature = (w: AuthzWorld) => post(w, `/api/products/${w.productId}/features`, { title: 'F' });
const feedback = (w: AuthzWorld) =>
  post(w, `/api/products/${w.productId}/feedback`, { title: 'Fb', body: 'Export to PDF please' });
const objective = (w: AuthzWorld) => post(w, `/api/products/${w.productId}/objectives`, { title: 'O' });
const keyResult = async (w: AuthzWorld) =>
  post(w, `/api/objectives/${await objective(w)}/key-results`, {
    title: 'K',
    startValue: 0,
    targetValue: 10,
  });
const kpi = (w: AuthzWorld) => post(w, `/api/products/${w.productId}/kpis`, { name: `KPI ${++counter}` });
const customer = (w: AuthzWorld) =>
  post(w, `/api/workspaces/${w.workspaceId}/customers`, { name: `C ${++counter}` });
async function link(w: AuthzWorld): Promise<string> {
  const linked = await w.callers.owner.json<{ links: { id: string }[] }>(
    'POST',
    `/api/feedback/${await feedback(w)}/links`,
    { featureId: await feature(w), importance: 'nice' },
    201,
  );
  return linked.links[0]?.id ?? '';
}

/** The matrix rows of product strategy, objectives and key results, KPIs, customers, feedback and features. */
export function productDiscoveryExpectations(): Record<string, MatrixRow> {
  const product = (w: AuthzWorld) => `/api/products/${w.productId}`;
  return {
    'GET /api/products/:productId/strategy': {
      status: seeEntity,
      call: async (w) => ({ path: `${product(w)}/strategy` }),
    },
    'PATCH /api/products/:productId/strategy': {
      status: editEntity(200),
      call: async (w) => ({
        path: `/api/products/${await w.fresh('product')}/strategy`,
        body: { targetMarket: 'x' },
        headers: first,
      }),
    },
    'GET /api/products/:productId/objectives': {
      status: seeEntity,
      call: async (w) => ({ path: `${product(w)}/objectives` }),
    },
    'POST /api/products/:productId/objectives': {
      status: editEntity(201),
      call: async (w) => ({ path: `${product(w)}/objectives`, body: { title: 'O' } }),
    },
    'GET /api/objectives/:objectiveId': {
      status: seeEntity,
      call: async (w) => ({ path: `/api/objectives/${await objective(w)}` }),
    },
    'PATCH /api/objectives/:objectiveId': {
      status: editEntity(200),
      call: async (w) => ({
        path: `/api/objectives/${await objective(w)}`,
        body: { title: 'P' },
        headers: first,
      }),
    },
    'DELETE /api/objectives/:objectiveId': {
      status: editEntity(204),
      call: async (w) => ({ path: `/api/objectives/${await objective(w)}`, headers: first }),
    },
    'POST /api/objectives/:objectiveId/key-results': {
      status: editEntity(201),
      call: async (w) => ({
        path: `/api/objectives/${await objective(w)}/key-results`,
        body: { title: 'K', startValue: 1, targetValue: 2 },
      }),
    },
    'PATCH /api/key-results/:keyResultId': {
      status: editEntity(200),
      call: async (w) => ({
        path: `/api/key-results/${await keyResult(w)}`,
        body: { currentValue: 5 },
        headers: first,
      }),
    },
    'DELETE /api/key-results/:keyResultId': {
      status: editEntity(204),
      call: async (w) => ({ path: `/api/key-results/${await keyResult(w)}`, headers: first }),
    },
    'GET /api/products/:productId/kpis': {
      status: seeEntity,
      call: async (w) => ({ path: `${product(w)}/kpis` }),
    },
    'POST /api/products/:productId/kpis': {
      status: editEntity(201),
      call: async (w) => ({ path: `${product(w)}/kpis`, body: { name: 'K' } }),
    },
    'GET /api/kpis/:kpiId': {
      status: seeEntity,
      call: async (w) => ({ path: `/api/kpis/${await kpi(w)}` }),
    },
    'PATCH /api/kpis/:kpiId': {
      status: editEntity(200),
      call: async (w) => ({ path: `/api/kpis/${await kpi(w)}`, body: { target: 3 }, headers: first }),
    },
    'DELETE /api/kpis/:kpiId': {
      status: editEntity(204),
      call: async (w) => ({ path: `/api/kpis/${await kpi(w)}`, headers: first }),
    },
    'POST /api/kpis/:kpiId/measurements': {
      status: editEntity(201),
      call: async (w) => ({
        path: `/api/kpis/${await kpi(w)}/measurements`,
        body: { at: '2026-01-01', value: 1 },
      }),
    },
    'DELETE /api/kpis/:kpiId/measurements/:at': {
      status: editEntity(200),
      call: async (w) => {
        const id = await kpi(w);
        await post(w, `/api/kpis/${id}/measurements`, { at: '2026-01-01', value: 1 });
        return { path: `/api/kpis/${id}/measurements/2026-01-01` };
      },
    },
    'GET /api/workspaces/:workspaceId/customers': {
      status: customerAccess(200),
      call: async (w) => ({ path: `/api/workspaces/${w.workspaceId}/customers` }),
    },
    'POST /api/workspaces/:workspaceId/customers': {
      status: customerAccess(201),
      call: async (w) => ({
        path: `/api/workspaces/${w.workspaceId}/customers`,
        body: { name: `N ${++counter}` },
      }),
    },
    'GET /api/customers/:customerId': {
      status: customerAccess(200),
      call: async (w) => ({ path: `/api/customers/${await customer(w)}` }),
    },
    'PATCH /api/customers/:customerId': {
      status: customerAccess(200),
      call: async (w) => ({
        path: `/api/customers/${await customer(w)}`,
        body: { segment: 'S' },
        headers: first,
      }),
    },
    'DELETE /api/customers/:customerId': {
      status: customerAccess(204),
      call: async (w) => ({ path: `/api/customers/${await customer(w)}`, headers: first }),
    },
    'GET /api/customers/:customerId/feedback': {
      status: customerAccess(200),
      call: async (w) => ({ path: `/api/customers/${await customer(w)}/feedback` }),
    },
    'GET /api/products/:productId/feedback': {
      status: seeEntity,
      call: async (w) => ({ path: `${product(w)}/feedback` }),
    },
    'POST /api/products/:productId/feedback': {
      status: editEntity(201),
      call: async (w) => ({ path: `${product(w)}/feedback`, body: { title: 'T' } }),
    },
    'POST /api/products/:productId/feedback/import': {
      status: editEntity(201),
      call: async (w) => ({
        path: `${product(w)}/feedback/import`,
        body: 'title,body\nImported,Hello',
        headers: { 'content-type': 'text/csv' },
      }),
    },
    'GET /api/feedback/:feedbackId': {
      status: seeEntity,
      call: async (w) => ({ path: `/api/feedback/${await feedback(w)}` }),
    },
    'PATCH /api/feedback/:feedbackId': {
      status: editEntity(200),
      call: async (w) => ({
        path: `/api/feedback/${await feedback(w)}`,
        body: { state: 'archived' },
        headers: first,
      }),
    },
    'DELETE /api/feedback/:feedbackId': {
      status: editEntity(204),
      call: async (w) => ({ path: `/api/feedback/${await feedback(w)}`, headers: first }),
    },
    'POST /api/feedback/:feedbackId/links': {
      status: editEntity(201),
      call: async (w) => ({
        path: `/api/feedback/${await feedback(w)}/links`,
        body: { featureId: await feature(w), importance: 'critical', highlight: 'PDF' },
      }),
    },
    'DELETE /api/feedback-links/:linkId': {
      status: editEntity(200),
      call: async (w) => ({ path: `/api/feedback-links/${await link(w)}` }),
    },
    'GET /api/products/:productId/features': {
      status: seeEntity,
      call: async (w) => ({ path: `${product(w)}/features` }),
    },
    'POST /api/products/:productId/features': {
      status: editEntity(201),
      call: async (w) => ({ path: `${product(w)}/features`, body: { title: 'F' } }),
    },
    'GET /api/features/:featureId': {
      status: seeEntity,
      call: async (w) => ({ path: `/api/features/${await feature(w)}` }),
    },
    'PATCH /api/features/:featureId': {
      status: editEntity(200),
      call: async (w) => ({
        path: `/api/features/${await feature(w)}`,
        body: { status: 'planned' },
        headers: first,
      }),
    },
    'DELETE /api/features/:featureId': {
      status: editEntity(204),
      call: async (w) => ({ path: `/api/features/${await feature(w)}`, headers: first }),
    },
    'GET /api/features/:featureId/feedback': {
      status: seeEntity,
      call: async (w) => ({ path: `/api/features/${await feature(w)}/feedback` }),
    },
  };
}
