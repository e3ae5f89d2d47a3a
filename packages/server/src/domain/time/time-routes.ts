import { createRoute, z } from '@hono/zod-openapi';
import { callerId } from '../../auth/caller';
import { policy } from '../../auth/policy';
import type { App, AppDeps } from '../../http/context';
import { defineRoute } from '../../http/route-rule';
import { optionalBodyVersion, setVersionTag, versionedChanges } from '../../http/version';
import {
  deleteBodySchema,
  errorResponses,
  errorSchema,
  idSchema,
  writeErrorResponses,
} from '../shared/api-schemas';
import { projectActuals } from './actuals-service';
import { createTimeEntry, deleteTimeEntry, listTimeEntries, updateTimeEntry } from './time-entry-service';
import {
  createEntryBody,
  entryQuery,
  startTimerBody,
  timeEntrySchema,
  timerSchema,
  updateEntryBody,
} from './time-schemas';
import { currentTimer, startTimer, stopTimer } from './timer-service';

const json = <T extends z.ZodType>(schema: T) => ({ content: { 'application/json': { schema } } });
const entryParams = z.object({ entryId: idSchema });
const locked = {
  409: { description: 'The week is submitted or approved, or a timer already runs', ...json(errorSchema) },
};

const list = createRoute({
  method: 'get',
  path: '/api/time-entries',
  summary: "The caller's time entries in a date range, or a managed project's",
  request: { query: entryQuery },
  responses: {
    200: {
      description: 'The entries, by day',
      ...json(z.object({ items: z.array(timeEntrySchema), nextCursor: z.null() })),
    },
    ...errorResponses,
  },
});
const create = createRoute({
  method: 'post',
  path: '/api/time-entries',
  summary: 'Log time on a task; the first time logged on a task sets its actual start',
  request: { body: { required: true, ...json(createEntryBody) } },
  responses: { 201: { description: 'Logged', ...json(timeEntrySchema) }, ...errorResponses, ...locked },
});
const update = createRoute({
  method: 'patch',
  path: '/api/time-entries/{entryId}',
  request: { params: entryParams, body: { required: true, ...json(updateEntryBody) } },
  responses: { 200: { description: 'Updated', ...json(timeEntrySchema) }, ...writeErrorResponses },
});
const remove = createRoute({
  method: 'delete',
  path: '/api/time-entries/{entryId}',
  request: { params: entryParams, body: { required: false, ...json(deleteBodySchema) } },
  responses: { 204: { description: 'Deleted' }, ...writeErrorResponses },
});
const timer = createRoute({
  method: 'get',
  path: '/api/time-entries/timer',
  summary: "The caller's running timer",
  responses: { 200: { description: 'The timer', ...json(timerSchema) }, ...errorResponses },
});
const start = createRoute({
  method: 'post',
  path: '/api/time-entries/timer/start',
  summary: "Start a timer on a task (one per person), on the caller's entry of the day",
  request: { body: { required: true, ...json(startTimerBody) } },
  responses: { 200: { description: 'Started', ...json(timerSchema) }, ...errorResponses, ...locked },
});
const stop = createRoute({
  method: 'post',
  path: '/api/time-entries/timer/stop',
  summary: 'Stop the running timer, adding the minutes it ran to its entry',
  responses: { 200: { description: 'Stopped', ...json(timerSchema) }, ...errorResponses, ...locked },
});

const actuals = createRoute({
  method: 'get',
  path: '/api/projects/{projectId}/actuals',
  summary: "Minutes logged on a project's tasks and their cost at the loggers' standard rates",
  request: { params: z.object({ projectId: idSchema }) },
  responses: {
    200: {
      description: 'Actual work and cost per task',
      ...json(
        z.object({
          items: z.array(
            z.object({
              taskId: z.string(),
              taskName: z.string(),
              actualMinutes: z.number().int(),
              actualCostCents: z.number().int(),
            }),
          ),
          totalMinutes: z.number().int(),
          totalCostCents: z.number().int(),
        }),
      ),
    },
    ...errorResponses,
  },
});

/** Registers the time entry and timer routes. */
export function registerTimeRoutes(app: App, deps: AppDeps): void {
  defineRoute(app, policy.signedIn, actuals, async (c) => {
    return c.json(await projectActuals(deps.db, callerId(c), c.req.valid('param').projectId), 200);
  });
  defineRoute(app, policy.signedIn, list, async (c) => {
    return c.json(await listTimeEntries(deps.db, callerId(c), c.req.valid('query')), 200);
  });
  defineRoute(app, policy.signedIn, create, async (c) => {
    const created = await createTimeEntry(deps.db, callerId(c), c.req.valid('json'));
    setVersionTag(c, created.version);
    return c.json(created, 201);
  });
  // Registered before the `{entryId}` routes' siblings so `timer` is never taken for an id.
  defineRoute(app, policy.signedIn, timer, async (c) =>
    c.json(await currentTimer(deps.db, callerId(c)), 200),
  );
  defineRoute(app, policy.signedIn, start, async (c) => {
    const { taskId, day } = c.req.valid('json');
    return c.json(await startTimer(deps.db, callerId(c), taskId, day), 200);
  });
  defineRoute(app, policy.signedIn, stop, async (c) => c.json(await stopTimer(deps.db, callerId(c)), 200));
  defineRoute(app, policy.signedIn, update, async (c) => {
    const { expected, changes } = versionedChanges(c, c.req.valid('json'));
    const updated = await updateTimeEntry(
      deps.db,
      callerId(c),
      c.req.valid('param').entryId,
      expected,
      changes,
    );
    setVersionTag(c, updated.version);
    return c.json(updated, 200);
  });
  defineRoute(app, policy.signedIn, remove, async (c) => {
    await deleteTimeEntry(
      deps.db,
      callerId(c),
      c.req.valid('param').entryId,
      optionalBodyVersion(c, c.req.valid('json')),
    );
    return c.body(null, 204);
  });
}
