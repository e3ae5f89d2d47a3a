import { createRoute, z } from '@hono/zod-openapi';
import { callerId } from '../auth/caller';
import { policy } from '../auth/policy';
import { errorResponses, idSchema } from '../domain/shared/api-schemas';
import type { App, AppDeps } from '../http/context';
import { listQuerySchema, pageSchema } from '../http/pagination';
import { defineRoute } from '../http/route-rule';
import { entityFilter, listAudit, workspaceFilter } from './history';
import { assertCanReadHistory, historyEntityTypes } from './history-access';
import { actorNames } from './history-actors';

const entrySchema = z
  .object({
    id: z.string(),
    at: z.string(),
    actor: z.object({ id: z.string(), name: z.string() }).nullable(),
    entityType: z.string(),
    entityId: z.string(),
    action: z.string(),
    before: z.unknown(),
    after: z.unknown(),
  })
  .openapi('AuditEntry');

const pageQuery = listQuerySchema.pick({ limit: true, cursor: true });
const json = <T extends z.ZodType>(schema: T) => ({ content: { 'application/json': { schema } } });

const entityHistory = createRoute({
  method: 'get',
  path: '/api/history/{entityType}/{entityId}',
  summary: 'Audit entries of one entity, newest first',
  request: {
    params: z.object({ entityType: z.enum(historyEntityTypes), entityId: idSchema }),
    query: pageQuery,
  },
  responses: {
    200: { description: 'A page of audit entries', ...json(pageSchema(entrySchema)) },
    ...errorResponses,
  },
});

const workspaceAudit = createRoute({
  method: 'get',
  path: '/api/workspaces/{workspaceId}/audit',
  summary: 'The audit log of a workspace, newest first (owners and admins)',
  request: { params: z.object({ workspaceId: idSchema }), query: pageQuery },
  responses: {
    200: { description: 'A page of audit entries', ...json(pageSchema(entrySchema)) },
    ...errorResponses,
  },
});

/** Registers the entity history and workspace audit log routes. */
export function registerHistoryRoutes(app: App, deps: AppDeps): void {
  defineRoute(app, policy.signedIn, entityHistory, async (c) => {
    const { entityType, entityId } = c.req.valid('param');
    await assertCanReadHistory(deps.db, callerId(c), entityType, entityId);
    const page = await listAudit(
      deps.db,
      entityFilter(entityType, entityId),
      c.req.valid('query'),
      actorNames,
    );
    return c.json(page, 200);
  });
  defineRoute(app, policy.workspaceAdmin, workspaceAudit, async (c) => {
    const { workspaceId } = c.req.valid('param');
    const page = await listAudit(deps.db, workspaceFilter(workspaceId), c.req.valid('query'), actorNames);
    return c.json(page, 200);
  });
}
