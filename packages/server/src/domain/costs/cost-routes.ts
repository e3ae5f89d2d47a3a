import { createRoute, z } from '@hono/zod-openapi';
import { callerId } from '../../auth/caller';
import { policy } from '../../auth/policy';
import type { App, AppDeps } from '../../http/context';
import { defineRoute } from '../../http/route-rule';
import { optionalBodyVersion, versionedChanges, versionedReply } from '../../http/version';
import {
  deleteBodySchema,
  errorResponses,
  errorSchema,
  idSchema,
  writeErrorResponses,
} from '../shared/api-schemas';
import { createBudgetLine, deleteBudgetLine, listBudgetLines, updateBudgetLine } from './budget-line-service';
import {
  budgetLineCreateBody,
  budgetLineSchema,
  budgetLineUpdateBody,
  budgetSchema,
  eacMethodSchema,
  evmSchema,
  expenseCreateBody,
  expenseListSchema,
  expenseSchema,
  expenseUpdateBody,
} from './cost-schemas';
import { projectEvmOf } from './evm-service';
import { createExpense, deleteExpense, listExpenses, updateExpense } from './expense-service';

const json = <T extends z.ZodType>(schema: T) => ({ content: { 'application/json': { schema } } });
const projectParams = z.object({ projectId: idSchema });
const lineParams = z.object({ budgetLineId: idSchema });
const expenseParams = z.object({ expenseId: idSchema });
const invalidReference = {
  422: { description: 'The task is not a task of this project', ...json(errorSchema) },
};

const listLines = createRoute({
  method: 'get',
  path: '/api/projects/{projectId}/budget-lines',
  summary: "A project's budget lines with the totals per category and per WBS branch (the BAC)",
  request: { params: projectParams },
  responses: { 200: { description: 'The budget', ...json(budgetSchema) }, ...errorResponses },
});
const createLine = createRoute({
  method: 'post',
  path: '/api/projects/{projectId}/budget-lines',
  summary: 'Add a budget line to the whole project (no taskId) or to a WBS branch',
  request: { params: projectParams, body: { required: true, ...json(budgetLineCreateBody) } },
  responses: {
    201: { description: 'Created', ...json(budgetLineSchema) },
    ...writeErrorResponses,
    ...invalidReference,
  },
});
const updateLine = createRoute({
  method: 'patch',
  path: '/api/budget-lines/{budgetLineId}',
  request: { params: lineParams, body: { required: true, ...json(budgetLineUpdateBody) } },
  responses: {
    200: { description: 'Updated', ...json(budgetLineSchema) },
    ...writeErrorResponses,
    ...invalidReference,
  },
});
const removeLine = createRoute({
  method: 'delete',
  path: '/api/budget-lines/{budgetLineId}',
  request: { params: lineParams, body: { required: false, ...json(deleteBodySchema) } },
  responses: { 204: { description: 'Deleted' }, ...writeErrorResponses },
});

const listCosts = createRoute({
  method: 'get',
  path: '/api/projects/{projectId}/expenses',
  summary: "A project's expenses, newest day first, with the totals per category",
  request: { params: projectParams },
  responses: { 200: { description: 'The expenses', ...json(expenseListSchema) }, ...errorResponses },
});
const createCost = createRoute({
  method: 'post',
  path: '/api/projects/{projectId}/expenses',
  summary: 'Record an expense of the project, optionally against one of its tasks',
  request: { params: projectParams, body: { required: true, ...json(expenseCreateBody) } },
  responses: {
    201: { description: 'Created', ...json(expenseSchema) },
    ...writeErrorResponses,
    ...invalidReference,
  },
});
const updateCost = createRoute({
  method: 'patch',
  path: '/api/expenses/{expenseId}',
  request: { params: expenseParams, body: { required: true, ...json(expenseUpdateBody) } },
  responses: {
    200: { description: 'Updated', ...json(expenseSchema) },
    ...writeErrorResponses,
    ...invalidReference,
  },
});
const removeCost = createRoute({
  method: 'delete',
  path: '/api/expenses/{expenseId}',
  request: { params: expenseParams, body: { required: false, ...json(deleteBodySchema) } },
  responses: { 204: { description: 'Deleted' }, ...writeErrorResponses },
});

const evm = createRoute({
  method: 'get',
  path: '/api/projects/{projectId}/evm',
  summary:
    'Earned value at the status date: PV, EV, AC, variances, indices, EAC by four methods, ETC, VAC, TCPI and the weekly S-curve',
  request: { params: projectParams, query: z.object({ method: eacMethodSchema.optional() }) },
  responses: { 200: { description: 'The earned value', ...json(evmSchema) }, ...errorResponses },
});

/** Registers the budget line, expense and earned value routes. */
export function registerCostRoutes(app: App, deps: AppDeps): void {
  defineRoute(app, policy.signedIn, listLines, async (c) => {
    return c.json(await listBudgetLines(deps.db, callerId(c), c.req.valid('param').projectId), 200);
  });
  defineRoute(app, policy.signedIn, createLine, async (c) => {
    const { projectId } = c.req.valid('param');
    return versionedReply(
      c,
      await createBudgetLine(deps.db, callerId(c), projectId, c.req.valid('json')),
      201,
    );
  });
  defineRoute(app, policy.signedIn, updateLine, async (c) => {
    const { expected, changes } = versionedChanges(c, c.req.valid('json'));
    const { budgetLineId } = c.req.valid('param');
    return versionedReply(
      c,
      await updateBudgetLine(deps.db, callerId(c), budgetLineId, expected, changes),
      200,
    );
  });
  defineRoute(app, policy.signedIn, removeLine, async (c) => {
    const expected = optionalBodyVersion(c, c.req.valid('json'));
    await deleteBudgetLine(deps.db, callerId(c), c.req.valid('param').budgetLineId, expected);
    return c.body(null, 204);
  });
  defineRoute(app, policy.signedIn, listCosts, async (c) => {
    return c.json(await listExpenses(deps.db, callerId(c), c.req.valid('param').projectId), 200);
  });
  defineRoute(app, policy.signedIn, createCost, async (c) => {
    const { projectId } = c.req.valid('param');
    return versionedReply(c, await createExpense(deps.db, callerId(c), projectId, c.req.valid('json')), 201);
  });
  defineRoute(app, policy.signedIn, updateCost, async (c) => {
    const { expected, changes } = versionedChanges(c, c.req.valid('json'));
    const { expenseId } = c.req.valid('param');
    return versionedReply(c, await updateExpense(deps.db, callerId(c), expenseId, expected, changes), 200);
  });
  defineRoute(app, policy.signedIn, removeCost, async (c) => {
    const expected = optionalBodyVersion(c, c.req.valid('json'));
    await deleteExpense(deps.db, callerId(c), c.req.valid('param').expenseId, expected);
    return c.body(null, 204);
  });
  defineRoute(app, policy.signedIn, evm, async (c) => {
    const { projectId } = c.req.valid('param');
    return c.json(await projectEvmOf(deps.db, callerId(c), projectId, c.req.valid('query').method), 200);
  });
}
