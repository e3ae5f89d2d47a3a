import { createRoute, z } from '@hono/zod-openapi';
import { callerId } from '../../auth/caller';
import { policy } from '../../auth/policy';
import type { App, AppDeps } from '../../http/context';
import { defineRoute } from '../../http/route-rule';
import { dateSchema, errorResponses, idSchema } from '../shared/api-schemas';
import { workloadOf } from './workload-service';

const cellSchema = z.object({
  assignedMinutes: z.number().int().describe('All work placed in the period, overtime included'),
  overtimeMinutes: z
    .number()
    .int()
    .describe('The part of it planned as overtime, not counted against capacity'),
  capacityMinutes: z.number().int(),
  overAllocated: z.boolean(),
});

const workloadSchema = z
  .object({
    from: z.string(),
    to: z.string(),
    unit: z.enum(['day', 'week']),
    periods: z.array(z.object({ key: z.string(), firstDay: z.string(), lastDay: z.string() })),
    resources: z.array(
      z.object({
        id: z.string(),
        name: z.string(),
        kind: z.string(),
        maxUnits: z.number(),
        overAllocated: z.boolean(),
        cells: z.array(cellSchema),
      }),
    ),
    unscheduledProjects: z.array(z.object({ id: z.string(), name: z.string() })),
  })
  .openapi('Workload');

const workload = createRoute({
  method: 'get',
  path: '/api/workspaces/{workspaceId}/workload',
  summary:
    'Assigned work against capacity per resource and day or week, across every project of the workspace',
  request: {
    params: z.object({ workspaceId: idSchema }),
    query: z.object({ from: dateSchema, to: dateSchema, unit: z.enum(['day', 'week']).default('day') }),
  },
  responses: {
    200: { description: 'The grid', content: { 'application/json': { schema: workloadSchema } } },
    ...errorResponses,
  },
});

/** Registers the workload route. */
export function registerWorkloadRoutes(app: App, deps: AppDeps): void {
  defineRoute(app, policy.workspaceMember, workload, async (c) => {
    const { workspaceId } = c.req.valid('param');
    return c.json(await workloadOf(deps.db, callerId(c), workspaceId, c.req.valid('query')), 200);
  });
}
