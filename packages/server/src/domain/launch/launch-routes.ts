import { createRoute, z } from '@hono/zod-openapi';
import { callerId } from '../../auth/caller';
import { policy } from '../../auth/policy';
import type { App, AppDeps } from '../../http/context';
import { defineRoute } from '../../http/route-rule';
import { optionalBodyVersion, setVersionTag, versionedChanges } from '../../http/version';
import {
  dateSchema,
  deleteBodySchema,
  errorResponses,
  idSchema,
  nameSchema,
  versionSchema,
  writeErrorResponses,
} from '../shared/api-schemas';
import {
  addLaunchItem,
  createLaunchPlan,
  deleteLaunchItem,
  getLaunchPlan,
  updateLaunchItem,
} from './launch-plans';
import { createTemplate, deleteTemplate, listTemplates, updateTemplate } from './launch-templates';

const areaSchema = z.enum(['marketing', 'sales', 'support', 'docs']);
const itemStatusSchema = z.enum(['todo', 'in_progress', 'done', 'blocked']);

const templateItemSchema = z.strictObject({
  area: areaSchema,
  title: nameSchema,
  offsetDays: z.number().int().min(-365).max(365),
});
const templateSchema = z
  .object({
    id: z.string(),
    workspaceId: z.string(),
    name: z.string(),
    isDefault: z.boolean(),
    items: z.array(templateItemSchema),
    createdAt: z.string(),
    updatedAt: z.string(),
    version: z.number().int(),
  })
  .openapi('LaunchTemplate');
const itemSchema = z
  .object({
    id: z.string(),
    launchPlanId: z.string(),
    area: areaSchema,
    title: z.string(),
    ownerId: z.string().nullable(),
    dueDate: z.string().nullable(),
    status: itemStatusSchema,
    position: z.number(),
    createdAt: z.string(),
    updatedAt: z.string(),
    version: z.number().int(),
  })
  .openapi('LaunchItem');
const planSchema = z
  .object({
    id: z.string(),
    releaseId: z.string(),
    templateId: z.string().nullable(),
    items: z.array(itemSchema),
    progress: z.object({ done: z.number().int(), total: z.number().int() }),
    createdAt: z.string(),
    version: z.number().int(),
  })
  .openapi('LaunchPlan');

const templateItems = z.array(templateItemSchema).max(200);
const templateCreate = z.strictObject({ name: nameSchema, items: templateItems });
const templateUpdate = z.strictObject({
  name: nameSchema.optional(),
  items: templateItems.optional(),
  version: versionSchema.optional(),
});
const itemFields = {
  ownerId: idSchema.nullable().optional(),
  dueDate: dateSchema.nullable().optional(),
  status: itemStatusSchema.optional(),
};
const itemCreate = z.strictObject({ area: areaSchema, title: nameSchema, ...itemFields });
const itemUpdate = z.strictObject({
  area: areaSchema.optional(),
  title: nameSchema.optional(),
  ...itemFields,
  version: versionSchema.optional(),
});

const json = <T extends z.ZodType>(schema: T) => ({ content: { 'application/json': { schema } } });
const workspaceParams = z.object({ workspaceId: idSchema });
const templateParams = z.object({ templateId: idSchema });
const releaseParams = z.object({ releaseId: idSchema });
const planParams = z.object({ planId: idSchema });
const itemParams = z.object({ itemId: idSchema });

const routes = {
  listTemplates: createRoute({
    method: 'get',
    path: '/api/workspaces/{workspaceId}/launch-templates',
    summary: 'Go-to-market checklist templates of a workspace (a default one is seeded)',
    request: { params: workspaceParams },
    responses: {
      200: { description: 'Templates', ...json(z.object({ items: z.array(templateSchema) })) },
      ...errorResponses,
    },
  }),
  createTemplate: createRoute({
    method: 'post',
    path: '/api/workspaces/{workspaceId}/launch-templates',
    request: { params: workspaceParams, body: { required: true, ...json(templateCreate) } },
    responses: { 201: { description: 'Created', ...json(templateSchema) }, ...writeErrorResponses },
  }),
  updateTemplate: createRoute({
    method: 'patch',
    path: '/api/launch-templates/{templateId}',
    request: { params: templateParams, body: { required: true, ...json(templateUpdate) } },
    responses: { 200: { description: 'Updated', ...json(templateSchema) }, ...writeErrorResponses },
  }),
  deleteTemplate: createRoute({
    method: 'delete',
    path: '/api/launch-templates/{templateId}',
    request: { params: templateParams, body: { required: false, ...json(deleteBodySchema) } },
    responses: { 204: { description: 'Deleted' }, ...writeErrorResponses },
  }),
  getPlan: createRoute({
    method: 'get',
    path: '/api/releases/{releaseId}/launch',
    summary: 'The launch plan of a release (null before one is made)',
    request: { params: releaseParams },
    responses: {
      200: { description: 'The plan', ...json(z.object({ plan: planSchema.nullable() })) },
      ...errorResponses,
    },
  }),
  createPlan: createRoute({
    method: 'post',
    path: '/api/releases/{releaseId}/launch',
    summary: 'Make the launch plan of a release from a template (the default when none is named)',
    request: {
      params: releaseParams,
      body: { required: false, ...json(z.strictObject({ templateId: idSchema.optional() })) },
    },
    responses: { 201: { description: 'Created', ...json(planSchema) }, ...writeErrorResponses },
  }),
  addItem: createRoute({
    method: 'post',
    path: '/api/launch-plans/{planId}/items',
    request: { params: planParams, body: { required: true, ...json(itemCreate) } },
    responses: { 201: { description: 'Created', ...json(itemSchema) }, ...writeErrorResponses },
  }),
  updateItem: createRoute({
    method: 'patch',
    path: '/api/launch-items/{itemId}',
    request: { params: itemParams, body: { required: true, ...json(itemUpdate) } },
    responses: { 200: { description: 'Updated', ...json(itemSchema) }, ...writeErrorResponses },
  }),
  deleteItem: createRoute({
    method: 'delete',
    path: '/api/launch-items/{itemId}',
    request: { params: itemParams, body: { required: false, ...json(deleteBodySchema) } },
    responses: { 204: { description: 'Deleted' }, ...writeErrorResponses },
  }),
};

/** Registers the go-to-market routes: templates, launch plans and their checklist items. */
export function registerLaunchRoutes(app: App, deps: AppDeps): void {
  defineRoute(app, policy.signedIn, routes.listTemplates, async (c) => {
    return c.json(
      { items: await listTemplates(deps.db, callerId(c), c.req.valid('param').workspaceId) },
      200,
    );
  });
  defineRoute(app, policy.signedIn, routes.createTemplate, async (c) => {
    const created = await createTemplate(
      deps.db,
      callerId(c),
      c.req.valid('param').workspaceId,
      c.req.valid('json'),
    );
    setVersionTag(c, created.version);
    return c.json(created, 201);
  });
  defineRoute(app, policy.signedIn, routes.updateTemplate, async (c) => {
    const { expected, changes } = versionedChanges(c, c.req.valid('json'));
    const updated = await updateTemplate(
      deps.db,
      callerId(c),
      c.req.valid('param').templateId,
      expected,
      changes,
    );
    setVersionTag(c, updated.version);
    return c.json(updated, 200);
  });
  defineRoute(app, policy.signedIn, routes.deleteTemplate, async (c) => {
    const expected = optionalBodyVersion(c, c.req.valid('json'));
    await deleteTemplate(deps.db, callerId(c), c.req.valid('param').templateId, expected);
    return c.body(null, 204);
  });
  defineRoute(app, policy.signedIn, routes.getPlan, async (c) => {
    return c.json({ plan: await getLaunchPlan(deps.db, callerId(c), c.req.valid('param').releaseId) }, 200);
  });
  defineRoute(app, policy.signedIn, routes.createPlan, async (c) => {
    const body = c.req.valid('json') as { templateId?: string } | undefined;
    const plan = await createLaunchPlan(
      deps.db,
      callerId(c),
      c.req.valid('param').releaseId,
      body?.templateId,
    );
    return c.json(plan, 201);
  });
  defineRoute(app, policy.signedIn, routes.addItem, async (c) => {
    const created = await addLaunchItem(
      deps.db,
      callerId(c),
      c.req.valid('param').planId,
      c.req.valid('json'),
    );
    setVersionTag(c, created.version);
    return c.json(created, 201);
  });
  defineRoute(app, policy.signedIn, routes.updateItem, async (c) => {
    const { expected, changes } = versionedChanges(c, c.req.valid('json'));
    const updated = await updateLaunchItem(
      deps.db,
      callerId(c),
      c.req.valid('param').itemId,
      expected,
      changes,
    );
    setVersionTag(c, updated.version);
    return c.json(updated, 200);
  });
  defineRoute(app, policy.signedIn, routes.deleteItem, async (c) => {
    const expected = optionalBodyVersion(c, c.req.valid('json'));
    await deleteLaunchItem(deps.db, callerId(c), c.req.valid('param').itemId, expected);
    return c.body(null, 204);
  });
}
