import { createRoute, z } from '@hono/zod-openapi';
import { callerId } from '../../auth/caller';
import { policy } from '../../auth/policy';
import type { App, AppDeps } from '../../http/context';
import { defineRoute } from '../../http/route-rule';
import { evmSchema } from '../costs/cost-schemas';
import { errorResponses, idSchema } from '../shared/api-schemas';
import { projectDashboard } from './dashboard-service';

const health = z.enum(['good', 'watch', 'poor', 'unknown']);

const dashboardSchema = z
  .object({
    project: z.object({
      id: z.string(),
      name: z.string(),
      start: z.string(),
      finish: z.string(),
      statusDate: z.string(),
      planRevision: z.number().int(),
    }),
    progress: z.object({
      percent: z.number().nullable(),
      measuredBy: z.enum(['work', 'duration']),
      tasks: z.number().int(),
      doneTasks: z.number().int(),
    }),
    milestones: z.array(
      z.object({
        taskId: z.string(),
        name: z.string(),
        date: z.string(),
        totalSlackMinutes: z.number(),
        critical: z.boolean(),
        overdue: z.boolean(),
      }),
    ),
    late: z.object({
      count: z.number().int(),
      items: z.array(
        z.object({
          taskId: z.string(),
          name: z.string(),
          finish: z.string(),
          deadline: z.string().nullable(),
          percentComplete: z.number(),
          reasons: z.array(z.enum(['pastFinish', 'pastDeadline', 'missesDeadline'])),
        }),
      ),
    }),
    risks: z.object({
      open: z.number().int(),
      openHigh: z.number().int(),
      top: z.array(
        z.object({
          id: z.string(),
          title: z.string(),
          score: z.number(),
          status: z.enum(['open', 'closed', 'occurred']),
        }),
      ),
    }),
    budget: z.object({
      bac: z.number(),
      ac: z.number(),
      remaining: z.number(),
      percentSpent: z.number().nullable(),
      percentComplete: z.number().nullable(),
      health,
    }),
    evm: evmSchema,
  })
  .openapi('ProjectDashboard');

const dashboard = createRoute({
  method: 'get',
  path: '/api/projects/{projectId}/dashboard',
  summary:
    'A project at a glance: progress by work, next milestones, late work, top risks, budget burn and earned value',
  request: { params: z.object({ projectId: idSchema }) },
  responses: {
    200: { description: 'The dashboard', content: { 'application/json': { schema: dashboardSchema } } },
    ...errorResponses,
  },
});

/** Registers the project dashboard route. */
export function registerDashboardRoutes(app: App, deps: AppDeps): void {
  defineRoute(app, policy.signedIn, dashboard, async (c) => {
    return c.json(await projectDashboard(deps.db, callerId(c), c.req.valid('param').projectId), 200);
  });
}
