import { createRoute, z } from '@hono/zod-openapi';
import { callerId } from '../../auth/caller';
import { policy } from '../../auth/policy';
import type { App, AppDeps } from '../../http/context';
import { defineRoute } from '../../http/route-rule';
import { linkSchema } from '../links/link-schemas';
import { errorResponses, idSchema } from '../shared/api-schemas';
import { invalid } from '../shared/errors';
import { taskSchema } from '../tasks/task-routes';
import { planOf } from './plan-service';
import { scheduleJsonOf, scheduleSinceOf } from './schedule-service';

const scheduledTaskSchema = z
  .object({
    id: z.string(),
    outline: z.string().openapi({ example: '1.2.3' }),
    level: z.number().int(),
    summary: z.boolean(),
    start: z.string(),
    finish: z.string(),
    earlyStart: z.string(),
    earlyFinish: z.string(),
    lateStart: z.string(),
    lateFinish: z.string(),
    durationMinutes: z.number().int(),
    workMinutes: z.number().int(),
    costCents: z.number().int(),
    percentComplete: z.number().int(),
    totalSlack: z.number().int(),
    freeSlack: z.number().int(),
    critical: z.boolean(),
  })
  .openapi('ScheduledTask');

const scheduleSchema = z
  .object({
    planRevision: z.number().int(),
    start: z.string(),
    finish: z.string(),
    statusDate: z.string().nullable(),
    cycle: z.object({ taskIds: z.array(z.string()), names: z.array(z.string()) }).nullable(),
    tasks: z.array(scheduledTaskSchema),
    criticalPath: z.array(z.string()),
  })
  .openapi('Schedule');

const scheduleReplySchema = scheduleSchema
  .extend({
    delta: z.boolean().optional().openapi({
      description: 'Present when `since` was sent: true when `tasks` holds only the tasks changed since then',
    }),
    since: z.number().int().optional(),
    removed: z
      .array(z.string())
      .optional()
      .openapi({ description: 'On a delta, the ids of tasks deleted since' }),
    shape: z.literal('columns').optional().openapi({
      description:
        'Present on a columns delta (asked with `shape=columns`): `tasks` is absent, `columns` holds the changes',
    }),
    count: z
      .number()
      .int()
      .optional()
      .openapi({ description: 'On a columns delta, how many tasks the schedule has' }),
    columns: z
      .record(
        z.string(),
        z.object({
          at: z.array(z.number().int()).openapi({
            description:
              'The changed rows as runs `[first, count, …]` of indexes in the schedule held at `since`',
          }),
          values: z.array(z.union([z.string(), z.number(), z.boolean()])).optional(),
          add: z.number().optional().openapi({ description: 'One difference added to every changed row' }),
        }),
      )
      .optional()
      .openapi({
        description:
          'On a columns delta, per changed field of the scheduled task, its new values (or one shared difference); ' +
          '`criticalPath` is then absent when it did not change',
      }),
  })
  .partial({ tasks: true, criticalPath: true })
  .openapi('ScheduleReply');

const scheduleQuery = z.object({
  since: z
    .string()
    .regex(/^\d{1,15}$/, 'since is a plan revision: a non-negative integer')
    .optional()
    .openapi({
      description:
        'A plan revision the client holds: the reply is then a delta since it, or the whole schedule with `delta: false`',
      example: '41',
    }),
  shape: z
    .enum(['tasks', 'columns'])
    .optional()
    .openapi({
      description:
        'With `since`: `columns` asks for only the changed fields, column by column (a few kilobytes where an edit ' +
        'moved the slack of every task), when the server can tell them; otherwise the reply is as for `tasks`',
    }),
});

const planSchema = z
  .object({
    project: z.object({ id: z.string() }).catchall(z.unknown()),
    planRevision: z.number().int(),
    tasks: z.array(taskSchema),
    links: z.array(linkSchema),
    schedule: scheduleSchema,
  })
  .openapi('Plan');

const json = <T extends z.ZodType>(schema: T) => ({ content: { 'application/json': { schema } } });
const projectParams = z.object({ projectId: idSchema });

const schedule = createRoute({
  method: 'get',
  path: '/api/projects/{projectId}/schedule',
  summary: "The project's computed schedule at its current plan revision",
  request: { params: projectParams, query: scheduleQuery },
  responses: { 200: { description: 'The schedule', ...json(scheduleReplySchema) }, ...errorResponses },
});

const plan = createRoute({
  method: 'get',
  path: '/api/projects/{projectId}/plan',
  summary: 'The whole plan in one reply: project, tasks in outline order, links and schedule',
  request: { params: projectParams },
  responses: { 200: { description: 'The plan', ...json(planSchema) }, ...errorResponses },
});

const jsonHeaders = { 'content-type': 'application/json; charset=utf-8' };

/** Registers the schedule and plan routes. */
export function registerScheduleRoutes(app: App, deps: AppDeps): void {
  // Both replies are JSON text built once (per revision, or by PostgreSQL): sent as is, not parsed and serialised again.
  defineRoute(app, policy.signedIn, schedule, async (c) => {
    const { projectId } = c.req.valid('param');
    const { since, shape } = c.req.valid('query');
    if (shape !== undefined && since === undefined) {
      throw invalid('shape', 'shape applies to a delta: send since with it');
    }
    const body =
      since === undefined
        ? await scheduleJsonOf(deps.db, callerId(c), projectId)
        : await scheduleSinceOf(deps.db, callerId(c), projectId, Number(since), shape);
    return c.body(body, 200, jsonHeaders) as never;
  });
  defineRoute(app, policy.signedIn, plan, async (c) => {
    const body = await planOf(deps.db, callerId(c), c.req.valid('param').projectId);
    return c.body(body, 200, jsonHeaders) as never;
  });
}
