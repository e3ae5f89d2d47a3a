import type { MatrixRow } from './authz-resources-time';
import { inWorkspace, seeEntity } from './authz-statuses';

/** The matrix rows of the routes that tell callers what they may do: whoever may see the thing may ask. */
export function permissionExpectations(): Record<string, MatrixRow> {
  return {
    'GET /api/products/:productId/permissions': {
      status: seeEntity,
      call: async (w) => ({ path: `/api/products/${w.productId}/permissions` }),
    },
    'GET /api/programs/:programId/permissions': {
      status: seeEntity,
      call: async (w) => ({ path: `/api/programs/${w.programId}/permissions` }),
    },
    'GET /api/projects/:projectId/permissions': {
      status: seeEntity,
      call: async (w) => ({ path: `/api/projects/${w.projectId}/permissions` }),
    },
    'GET /api/workspaces/:workspaceId/permissions': {
      status: inWorkspace(200),
      call: async (w) => ({ path: `/api/workspaces/${w.workspaceId}/permissions` }),
    },
  };
}
