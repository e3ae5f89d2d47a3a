import { createRoute, z } from '@hono/zod-openapi';
import { callerId } from '../../auth/caller';
import { policy } from '../../auth/policy';
import type { App, AppDeps } from '../../http/context';
import { defineRoute } from '../../http/route-rule';
import { dateSchema, errorResponses, errorSchema, idSchema } from '../shared/api-schemas';
import { approveBody, rejectBody, timesheetSchema } from './time-schemas';
import {
  decideTimesheet,
  getTimesheet,
  myTimesheet,
  pendingTimesheets,
  submitTimesheet,
} from './timesheet-service';

const json = <T extends z.ZodType>(schema: T) => ({ content: { 'application/json': { schema } } });
const weekParams = z.object({ workspaceId: idSchema, weekStart: dateSchema });
const sheetParams = z.object({ timesheetId: idSchema });
const conflict = {
  409: { description: 'The week is not in a state that allows this', ...json(errorSchema) },
};

const mine = createRoute({
  method: 'get',
  path: '/api/workspaces/{workspaceId}/timesheets/{weekStart}',
  summary: "The caller's week (Monday to Sunday) in a workspace, with its entries",
  request: { params: weekParams },
  responses: { 200: { description: 'The week', ...json(timesheetSchema) }, ...errorResponses },
});
const submit = createRoute({
  method: 'post',
  path: '/api/workspaces/{workspaceId}/timesheets/{weekStart}/submit',
  summary: "Submit the caller's week for approval; its entries lock",
  request: { params: weekParams },
  responses: {
    200: { description: 'Submitted', ...json(timesheetSchema) },
    ...errorResponses,
    ...conflict,
    422: { description: 'Nothing logged that week', ...json(errorSchema) },
  },
});
const pending = createRoute({
  method: 'get',
  path: '/api/workspaces/{workspaceId}/timesheets',
  summary: 'Weeks the caller may decide on (submitted by default), oldest first',
  request: {
    params: z.object({ workspaceId: idSchema }),
    query: z.object({ state: z.enum(['submitted', 'approved', 'rejected']).default('submitted') }),
  },
  responses: {
    200: {
      description: 'The weeks, with totals',
      ...json(z.object({ items: z.array(timesheetSchema), nextCursor: z.null() })),
    },
    ...errorResponses,
  },
});
const get = createRoute({
  method: 'get',
  path: '/api/timesheets/{timesheetId}',
  request: { params: sheetParams },
  responses: { 200: { description: 'The week', ...json(timesheetSchema) }, ...errorResponses },
});
const approve = createRoute({
  method: 'post',
  path: '/api/timesheets/{timesheetId}/approve',
  summary: 'Approve a submitted week (a manager of one of its projects, or an owner or admin)',
  request: { params: sheetParams, body: { required: false, ...json(approveBody) } },
  responses: { 200: { description: 'Approved', ...json(timesheetSchema) }, ...errorResponses, ...conflict },
});
const reject = createRoute({
  method: 'post',
  path: '/api/timesheets/{timesheetId}/reject',
  summary: 'Send a submitted week back with a comment; its entries open again',
  request: { params: sheetParams, body: { required: true, ...json(rejectBody) } },
  responses: { 200: { description: 'Sent back', ...json(timesheetSchema) }, ...errorResponses, ...conflict },
});

/** Registers the timesheet routes: a person's week, submitting it, and deciding on others'. */
export function registerTimesheetRoutes(app: App, deps: AppDeps): void {
  defineRoute(app, policy.workspaceMember, pending, async (c) => {
    const { workspaceId } = c.req.valid('param');
    return c.json(
      await pendingTimesheets(deps.db, callerId(c), workspaceId, c.req.valid('query').state),
      200,
    );
  });
  defineRoute(app, policy.workspaceMember, mine, async (c) => {
    const { workspaceId, weekStart } = c.req.valid('param');
    return c.json(await myTimesheet(deps.db, callerId(c), workspaceId, weekStart), 200);
  });
  defineRoute(app, policy.workspaceMember, submit, async (c) => {
    const { workspaceId, weekStart } = c.req.valid('param');
    return c.json(await submitTimesheet(deps.db, callerId(c), workspaceId, weekStart), 200);
  });
  defineRoute(app, policy.signedIn, get, async (c) => {
    return c.json(await getTimesheet(deps.db, callerId(c), c.req.valid('param').timesheetId), 200);
  });
  defineRoute(app, policy.signedIn, approve, async (c) => {
    const body = (c.req.valid('json') as z.infer<typeof approveBody> | undefined) ?? {};
    const id = c.req.valid('param').timesheetId;
    return c.json(await decideTimesheet(deps.db, callerId(c), id, 'approve', body.comment ?? ''), 200);
  });
  defineRoute(app, policy.signedIn, reject, async (c) => {
    const id = c.req.valid('param').timesheetId;
    return c.json(
      await decideTimesheet(deps.db, callerId(c), id, 'reject', c.req.valid('json').comment),
      200,
    );
  });
}
