import type { MatrixRow } from './authz-resources-time';
import { editEntity, seeEntity } from './authz-statuses';
import type { AuthzWorld } from './authz-world';

const first = { 'if-match': '"1"' };
// A feature's scores are at version 0 until it is first scored or pinned.
const unscored = { 'if-match': '"0"' };

let counter = 0;

const post = async (w: AuthzWorld, path: string, body: unknown) =>
  (await w.callers.owner.json<{ id: string }>('POST', path, body, 201)).id;
const feature = (w: AuthzWorld) => post(w, `/api/products/${w.productId}/features`, { title: 'F' });
const criterion = (w: AuthzWorld) =>
  post(w, `/api/products/${w.productId}/scorecard-criteria`, { name: `C ${++counter}`, weight: 1 });
const initiative = (w: AuthzWorld) =>
  post(w, `/api/products/${w.productId}/initiatives`, { title: `I ${++counter}` });

/** A new initiative holding a new feature of the world's product. */
async function initiativeWithFeature(w: AuthzWorld): Promise<{ initiativeId: string; featureId: string }> {
  const initiativeId = await initiative(w);
  const featureId = await feature(w);
  await w.callers.owner.json('POST', `/api/initiatives/${initiativeId}/features`, { featureId }, 201);
  return { initiativeId, featureId };
}

/** The matrix rows of the ranked backlog, feature scores and pins, the scorecard, initiatives and the roadmap. */
export function prioritisationExpectations(): Record<string, MatrixRow> {
  const product = (w: AuthzWorld) => `/api/products/${w.productId}`;
  return {
    'GET /api/products/:productId/backlog': {
      status: seeEntity,
      call: async (w) => ({ path: `${product(w)}/backlog?by=wsjf` }),
    },
    'GET /api/products/:productId/value-effort': {
      status: seeEntity,
      call: async (w) => ({ path: `${product(w)}/value-effort` }),
    },
    'GET /api/features/:featureId/scores': {
      status: seeEntity,
      call: async (w) => ({ path: `/api/features/${await feature(w)}/scores` }),
    },
    'PUT /api/features/:featureId/scores': {
      status: editEntity(200),
      call: async (w) => ({
        path: `/api/features/${await feature(w)}/scores`,
        body: { valueEffort: { value: 5, effort: 3 } },
        headers: unscored,
      }),
    },
    'PUT /api/features/:featureId/rank': {
      status: editEntity(200),
      call: async (w) => ({
        path: `/api/features/${await feature(w)}/rank`,
        body: { pinnedPosition: 1 },
        headers: unscored,
      }),
    },
    'GET /api/products/:productId/scorecard-criteria': {
      status: seeEntity,
      call: async (w) => ({ path: `${product(w)}/scorecard-criteria` }),
    },
    'POST /api/products/:productId/scorecard-criteria': {
      status: editEntity(201),
      call: async (w) => ({
        path: `${product(w)}/scorecard-criteria`,
        body: { name: `N ${++counter}`, weight: 2 },
      }),
    },
    'PATCH /api/scorecard-criteria/:criterionId': {
      status: editEntity(200),
      call: async (w) => ({
        path: `/api/scorecard-criteria/${await criterion(w)}`,
        body: { weight: 3 },
        headers: first,
      }),
    },
    'DELETE /api/scorecard-criteria/:criterionId': {
      status: editEntity(204),
      call: async (w) => ({ path: `/api/scorecard-criteria/${await criterion(w)}`, headers: first }),
    },
    'GET /api/products/:productId/initiatives': {
      status: seeEntity,
      call: async (w) => ({ path: `${product(w)}/initiatives` }),
    },
    'POST /api/products/:productId/initiatives': {
      status: editEntity(201),
      call: async (w) => ({
        path: `${product(w)}/initiatives`,
        body: { title: 'By role', plannedStart: '2026-04-01', plannedFinish: '2026-06-30' },
      }),
    },
    'GET /api/initiatives/:initiativeId': {
      status: seeEntity,
      call: async (w) => ({ path: `/api/initiatives/${await initiative(w)}` }),
    },
    'PATCH /api/initiatives/:initiativeId': {
      status: editEntity(200),
      call: async (w) => ({
        path: `/api/initiatives/${await initiative(w)}`,
        body: { status: 'planned' },
        headers: first,
      }),
    },
    'DELETE /api/initiatives/:initiativeId': {
      status: editEntity(204),
      call: async (w) => ({ path: `/api/initiatives/${await initiative(w)}`, headers: first }),
    },
    'GET /api/initiatives/:initiativeId/features': {
      status: seeEntity,
      call: async (w) => ({
        path: `/api/initiatives/${(await initiativeWithFeature(w)).initiativeId}/features`,
      }),
    },
    'POST /api/initiatives/:initiativeId/features': {
      status: editEntity(201),
      call: async (w) => ({
        path: `/api/initiatives/${await initiative(w)}/features`,
        body: { featureId: await feature(w) },
      }),
    },
    'DELETE /api/initiatives/:initiativeId/features/:featureId': {
      status: editEntity(204),
      call: async (w) => {
        const { initiativeId, featureId } = await initiativeWithFeature(w);
        return { path: `/api/initiatives/${initiativeId}/features/${featureId}` };
      },
    },
    'GET /api/products/:productId/roadmap': {
      status: seeEntity,
      call: async (w) => ({ path: `${product(w)}/roadmap?asOf=2026-05-01` }),
    },
    'GET /api/products/:productId/roadmap.pdf': {
      status: seeEntity,
      call: async (w) => ({ path: `${product(w)}/roadmap.pdf?lanes=theme` }),
    },
  };
}
