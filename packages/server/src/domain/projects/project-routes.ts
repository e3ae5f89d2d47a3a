import { createRoute, z } from '@hono/zod-openapi';
import { callerId } from '../../auth/caller';
import { policy } from '../../auth/policy';
import type { App, AppDeps } from '../../http/context';
import { pageSchema } from '../../http/pagination';
import { defineRoute } from '../../http/route-rule';
import { optionalBodyVersion, setVersionTag, versionedChanges } from '../../http/version';
import {
  dateSchema,
  deleteBodySchema,
  errorResponses,
  idSchema,
  listQuery,
  longTextSchema,
  nameSchema,
  versionSchema,
  writeErrorResponses,
} from '../shared/api-schemas';
import { holidaysInput, workingHoursInput } from '../shared/working-time-schemas';
import { createProject, deleteProject, getProject, listProjects, updateProject } from './project-service';

const calendarSchema = z
  .object({
    minutesPerDay: z.number().int(),
    minutesPerWeek: z.number().int(),
    daysPerMonth: z.number().int(),
    workingDays: z.array(z.number().int()),
    workingHours: z.array(z.object({ start: z.string(), finish: z.string() })).optional(),
    holidays: z.array(z.object({ date: z.string(), name: z.string() })).optional(),
  })
  .openapi('ProjectCalendarSettings');

const calendarInput = z.strictObject({
  minutesPerDay: z.number().int().min(1).max(1440).optional(),
  minutesPerWeek: z.number().int().min(1).max(10_080).optional(),
  daysPerMonth: z.number().int().min(1).max(31).optional(),
  workingDays: z
    .array(z.number().int().min(0).max(6))
    .max(7)
    .refine((days) => new Set(days).size === days.length, 'working days must not repeat')
    .optional(),
  workingHours: workingHoursInput.optional(),
  holidays: holidaysInput.optional(),
});

const projectSchema = z
  .object({
    id: z.string(),
    workspaceId: z.string(),
    name: z.string(),
    description: z.string(),
    programId: z.string().nullable(),
    productId: z.string().nullable(),
    startDate: z.string(),
    statusDate: z.string().nullable(),
    calendar: calendarSchema,
    isTemplate: z.boolean(),
    createdBy: z.string().nullable(),
    createdAt: z.string(),
    updatedAt: z.string(),
    version: z.number().int(),
  })
  .openapi('Project');

const createBody = z.strictObject({
  name: nameSchema,
  description: longTextSchema.optional(),
  programId: idSchema.nullable().optional(),
  productId: idSchema.nullable().optional(),
  startDate: dateSchema,
  statusDate: dateSchema.nullable().optional(),
  calendar: calendarInput.optional(),
});

const updateBody = z.strictObject({
  name: nameSchema.optional(),
  description: longTextSchema.optional(),
  programId: idSchema.nullable().optional(),
  productId: idSchema.nullable().optional(),
  startDate: dateSchema.optional(),
  statusDate: dateSchema.nullable().optional(),
  calendar: calendarInput.optional(),
  version: versionSchema.optional(),
});

const json = <T extends z.ZodType>(schema: T) => ({ content: { 'application/json': { schema } } });
const workspaceParams = z.object({ workspaceId: idSchema });
const projectParams = z.object({ projectId: idSchema });
const listParams = listQuery.extend({
  programId: idSchema.optional(),
  productId: idSchema.optional(),
  template: z
    .enum(['true', 'false'])
    .optional()
    .transform((value) => value === 'true')
    .openapi({ description: 'true lists the templates instead of the live projects' }),
});

const list = createRoute({
  method: 'get',
  path: '/api/workspaces/{workspaceId}/projects',
  summary: 'Projects of a workspace the caller may see, optionally of one program or product',
  request: { params: workspaceParams, query: listParams },
  responses: {
    200: { description: 'A page of projects', ...json(pageSchema(projectSchema)) },
    ...errorResponses,
  },
});

const create = createRoute({
  method: 'post',
  path: '/api/workspaces/{workspaceId}/projects',
  summary: 'Create a project; the creator becomes its project manager',
  request: { params: workspaceParams, body: { required: true, ...json(createBody) } },
  responses: { 201: { description: 'Created', ...json(projectSchema) }, ...errorResponses },
});

const get = createRoute({
  method: 'get',
  path: '/api/projects/{projectId}',
  request: { params: projectParams },
  responses: { 200: { description: 'The project', ...json(projectSchema) }, ...errorResponses },
});

const update = createRoute({
  method: 'patch',
  path: '/api/projects/{projectId}',
  request: { params: projectParams, body: { required: true, ...json(updateBody) } },
  responses: { 200: { description: 'Updated', ...json(projectSchema) }, ...writeErrorResponses },
});

const remove = createRoute({
  method: 'delete',
  path: '/api/projects/{projectId}',
  summary: 'Delete a project and all its tasks',
  request: { params: projectParams, body: { required: false, ...json(deleteBodySchema) } },
  responses: { 204: { description: 'Deleted' }, ...writeErrorResponses },
});

/** Registers the project routes. */
export function registerProjectRoutes(app: App, deps: AppDeps): void {
  defineRoute(app, policy.workspaceMember, list, async (c) => {
    const { workspaceId } = c.req.valid('param');
    return c.json(await listProjects(deps.db, callerId(c), workspaceId, c.req.valid('query')), 200);
  });
  defineRoute(app, policy.workspaceMember, create, async (c) => {
    const project = await createProject(
      deps.db,
      callerId(c),
      c.req.valid('param').workspaceId,
      c.req.valid('json'),
    );
    setVersionTag(c, project.version);
    return c.json(project, 201);
  });
  defineRoute(app, policy.signedIn, get, async (c) => {
    const project = await getProject(deps.db, callerId(c), c.req.valid('param').projectId);
    setVersionTag(c, project.version);
    return c.json(project, 200);
  });
  defineRoute(app, policy.signedIn, update, async (c) => {
    const { expected, changes } = versionedChanges(c, c.req.valid('json'));
    const project = await updateProject(
      deps.db,
      callerId(c),
      c.req.valid('param').projectId,
      expected,
      changes,
    );
    setVersionTag(c, project.version);
    return c.json(project, 200);
  });
  defineRoute(app, policy.signedIn, remove, async (c) => {
    const expected = optionalBodyVersion(c, c.req.valid('json'));
    await deleteProject(deps.db, callerId(c), c.req.valid('param').projectId, expected);
    return c.body(null, 204);
  });
}
