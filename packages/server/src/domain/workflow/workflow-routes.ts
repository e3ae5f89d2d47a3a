import { createRoute, z } from '@hono/zod-openapi';
import { callerId } from '../../auth/caller';
import { policy } from '../../auth/policy';
import type { App, AppDeps } from '../../http/context';
import { defineRoute } from '../../http/route-rule';
import { expectedVersion, setVersionTag } from '../../http/version';
import { errorResponses, idSchema, versionSchema, writeErrorResponses } from '../shared/api-schemas';
import { getCustomFields, putCustomFields } from './custom-field-service';
import { getWorkflow, putWorkflow } from './workflow-service';

const columnSchema = z
  .object({
    key: z.string(),
    name: z.string(),
    category: z.enum(['todo', 'inProgress', 'done']),
    wipLimit: z.number().int().nullable(),
  })
  .openapi('WorkflowColumn');

const workflowSchema = z
  .object({
    projectId: z.string(),
    columns: z.array(columnSchema),
    counts: z.record(z.string(), z.number().int()),
    version: z.number().int(),
  })
  .openapi('Workflow');

// Shape only: the rules between columns (unique keys, a done column, WIP ranges) are core's `workflowProblem`.
const columnInput = z.strictObject({
  key: z.string().max(40),
  name: z.string().max(60),
  category: z.enum(['todo', 'inProgress', 'done']),
  wipLimit: z.number().nullable().default(null),
});

const workflowBody = z.strictObject({
  columns: z.array(columnInput).max(50),
  moveTo: z.string().max(40).optional(),
  version: versionSchema.optional(),
});

const fieldKey = z
  .string()
  .regex(/^[a-z][a-zA-Z0-9_]{0,39}$/, 'a key is a letter then letters, digits or _, at most 40 characters');

const fieldSchema = z
  .object({
    key: z.string(),
    name: z.string(),
    type: z.enum(['text', 'number', 'date', 'select', 'checkbox']),
    options: z.array(z.string()).optional(),
  })
  .openapi('CustomFieldDefinition');

const fieldsSchema = z
  .object({ projectId: z.string(), fields: z.array(fieldSchema), version: z.number().int() })
  .openapi('CustomFields');

const fieldInput = z.strictObject({
  key: fieldKey,
  name: z.string().trim().min(1).max(60),
  type: z.enum(['text', 'number', 'date', 'select', 'checkbox']),
  options: z.array(z.string().trim().min(1).max(100)).max(50).optional(),
});

const fieldsBody = z.strictObject({
  fields: z.array(fieldInput).max(100),
  version: versionSchema.optional(),
});

const json = <T extends z.ZodType>(schema: T) => ({ content: { 'application/json': { schema } } });
const projectParams = z.object({ projectId: idSchema });

const getFlow = createRoute({
  method: 'get',
  path: '/api/projects/{projectId}/workflow',
  summary: 'The board columns of a project, with the number of tasks in each',
  request: { params: projectParams },
  responses: { 200: { description: 'The workflow', ...json(workflowSchema) }, ...errorResponses },
});

const putFlow = createRoute({
  method: 'put',
  path: '/api/projects/{projectId}/workflow',
  summary:
    'Replace the columns (add, rename, reorder, remove, WIP limits); tasks of removed columns go to moveTo',
  request: { params: projectParams, body: { required: true, ...json(workflowBody) } },
  responses: { 200: { description: 'Saved', ...json(workflowSchema) }, ...writeErrorResponses },
});

const getFields = createRoute({
  method: 'get',
  path: '/api/projects/{projectId}/custom-fields',
  summary: 'The custom fields a project defines for its tasks',
  request: { params: projectParams },
  responses: { 200: { description: 'The definitions', ...json(fieldsSchema) }, ...errorResponses },
});

const putFields = createRoute({
  method: 'put',
  path: '/api/projects/{projectId}/custom-fields',
  summary: "Replace a project's custom field definitions; values of removed fields leave its tasks",
  request: { params: projectParams, body: { required: true, ...json(fieldsBody) } },
  responses: { 200: { description: 'Saved', ...json(fieldsSchema) }, ...writeErrorResponses },
});

/** Registers the workflow and custom field routes of a project. */
export function registerWorkflowRoutes(app: App, deps: AppDeps): void {
  defineRoute(app, policy.signedIn, getFlow, async (c) => {
    const view = await getWorkflow(deps.db, callerId(c), c.req.valid('param').projectId);
    setVersionTag(c, view.version);
    return c.json(view, 200);
  });
  defineRoute(app, policy.signedIn, putFlow, async (c) => {
    const { version, columns, moveTo } = c.req.valid('json');
    const expected = expectedVersion(c, version);
    const view = await putWorkflow(deps.db, callerId(c), c.req.valid('param').projectId, expected, {
      columns,
      moveTo,
    });
    setVersionTag(c, view.version);
    return c.json(view, 200);
  });
  defineRoute(app, policy.signedIn, getFields, async (c) => {
    const view = await getCustomFields(deps.db, callerId(c), c.req.valid('param').projectId);
    setVersionTag(c, view.version);
    return c.json(view, 200);
  });
  defineRoute(app, policy.signedIn, putFields, async (c) => {
    const { version, fields } = c.req.valid('json');
    const expected = expectedVersion(c, version);
    const clean = fields.map(({ options, ...field }) =>
      options === undefined ? field : { ...field, options },
    );
    const view = await putCustomFields(deps.db, callerId(c), c.req.valid('param').projectId, expected, clean);
    setVersionTag(c, view.version);
    return c.json(view, 200);
  });
}
