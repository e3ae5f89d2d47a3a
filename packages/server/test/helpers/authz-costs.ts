import type { MatrixRow } from './authz-resources-time';
import { editEntity, seeEntity } from './authz-statuses';
import type { AuthzWorld } from './authz-world';

const first = { 'if-match': '"1"' };

/** A new budget line (version 1) of the world's project. */
async function freshLine(w: AuthzWorld): Promise<string> {
  const path = `/api/projects/${w.projectId}/budget-lines`;
  const body = { category: 'labour', name: 'By role', amountCents: 100 };
  return (await w.callers.owner.json<{ id: string }>('POST', path, body, 201)).id;
}

/** A new expense (version 1) of the world's project. */
async function freshExpense(w: AuthzWorld): Promise<string> {
  const path = `/api/projects/${w.projectId}/expenses`;
  const body = { day: '2026-03-04', category: 'other', amountCents: 100 };
  return (await w.callers.owner.json<{ id: string }>('POST', path, body, 201)).id;
}

/** The matrix rows of the budget line, expense, earned value and dashboard routes. */
export function costExpectations(): Record<string, MatrixRow> {
  return {
    'GET /api/projects/:projectId/budget-lines': {
      status: seeEntity,
      call: async (w) => ({ path: `/api/projects/${w.projectId}/budget-lines` }),
    },
    'POST /api/projects/:projectId/budget-lines': {
      status: editEntity(201),
      call: async (w) => ({
        path: `/api/projects/${w.projectId}/budget-lines`,
        body: { category: 'materials', name: 'By role', amountCents: 250 },
      }),
    },
    'PATCH /api/budget-lines/:budgetLineId': {
      status: editEntity(200),
      call: async (w) => ({
        path: `/api/budget-lines/${await freshLine(w)}`,
        body: { amountCents: 300 },
        headers: first,
      }),
    },
    'DELETE /api/budget-lines/:budgetLineId': {
      status: editEntity(204),
      call: async (w) => ({ path: `/api/budget-lines/${await freshLine(w)}`, headers: first }),
    },
    'GET /api/projects/:projectId/expenses': {
      status: seeEntity,
      call: async (w) => ({ path: `/api/projects/${w.projectId}/expenses` }),
    },
    'POST /api/projects/:projectId/expenses': {
      status: editEntity(201),
      call: async (w) => ({
        path: `/api/projects/${w.projectId}/expenses`,
        body: { day: '2026-03-05', category: 'materials', amountCents: 250 },
      }),
    },
    'PATCH /api/expenses/:expenseId': {
      status: editEntity(200),
      call: async (w) => ({
        path: `/api/expenses/${await freshExpense(w)}`,
        body: { note: 'By role' },
        headers: first,
      }),
    },
    'DELETE /api/expenses/:expenseId': {
      status: editEntity(204),
      call: async (w) => ({ path: `/api/expenses/${await freshExpense(w)}`, headers: first }),
    },
    'GET /api/projects/:projectId/evm': {
      status: seeEntity,
      call: async (w) => ({ path: `/api/projects/${w.projectId}/evm` }),
    },
    'GET /api/projects/:projectId/dashboard': {
      status: seeEntity,
      call: async (w) => ({ path: `/api/projects/${w.projectId}/dashboard` }),
    },
  };
}
