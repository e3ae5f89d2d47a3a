import { createRoute, z } from '@hono/zod-openapi';
import { callerId } from '../../auth/caller';
import { policy } from '../../auth/policy';
import type { App, AppDeps } from '../../http/context';
import { pageSchema } from '../../http/pagination';
import { defineRoute } from '../../http/route-rule';
import { optionalBodyVersion, setVersionTag, versionedChanges } from '../../http/version';
import {
  deleteBodySchema,
  errorResponses,
  errorSchema,
  idSchema,
  versionSchema,
  writeErrorResponses,
} from '../shared/api-schemas';
import { createAssignment, deleteAssignment, listAssignments, updateAssignment } from './assignment-service';
import { workContours } from './work-contours';

const assignmentSchema = z
  .object({
    id: z.string(),
    workspaceId: z.string(),
    projectId: z.string(),
    taskId: z.string(),
    taskName: z.string(),
    resourceId: z.string(),
    resourceName: z.string(),
    resourceKind: z.enum(['person', 'equipment', 'material']),
    units: z.number(),
    workMinutes: z.number().int().nullable(),
    contour: z.enum(workContours),
    overtimeWorkMinutes: z.number().int(),
    delayMinutes: z.number(),
    createdAt: z.string(),
    updatedAt: z.string(),
    version: z.number().int(),
  })
  .openapi('Assignment');

// Units above zero (a resource at 0 % does no work); a hundred full-time units is already a crowd.
const unitsSchema = z.number().finite().gt(0).max(100);
// Ten years of round-the-clock minutes, as for a task's duration.
const workSchema = z.number().int().min(0).max(5_256_000);
const contourSchema = z.enum(workContours);
// A delay may keep tenths of a minute, as MS Project saves it.
const delaySchema = z.number().finite().min(0).max(5_256_000);
const shapeFields = {
  contour: contourSchema.optional(),
  overtimeWorkMinutes: workSchema.optional(),
  delayMinutes: delaySchema.optional(),
};

const createBody = z.strictObject({
  taskId: idSchema,
  resourceId: idSchema,
  units: unitsSchema.optional(),
  workMinutes: workSchema.nullable().optional(),
  ...shapeFields,
});
const updateBody = z.strictObject({
  units: unitsSchema.optional(),
  workMinutes: workSchema.nullable().optional(),
  ...shapeFields,
  version: versionSchema.optional(),
});

const json = <T extends z.ZodType>(schema: T) => ({ content: { 'application/json': { schema } } });
const projectParams = z.object({ projectId: idSchema });
const assignmentParams = z.object({ assignmentId: idSchema });
const invalidReference = {
  422: {
    description: 'The task is not of this project, or the resource not of its workspace',
    ...json(errorSchema),
  },
};

const list = createRoute({
  method: 'get',
  path: '/api/projects/{projectId}/assignments',
  summary: "A project's assignments, by resource then task",
  request: {
    params: projectParams,
    query: z.object({ taskId: idSchema.optional(), resourceId: idSchema.optional() }),
  },
  responses: {
    200: { description: 'The assignments', ...json(pageSchema(assignmentSchema)) },
    ...errorResponses,
  },
});
const create = createRoute({
  method: 'post',
  path: '/api/projects/{projectId}/assignments',
  summary: 'Assign a resource of the workspace to a task of the project',
  request: { params: projectParams, body: { required: true, ...json(createBody) } },
  responses: {
    201: { description: 'Created', ...json(assignmentSchema) },
    ...writeErrorResponses,
    ...invalidReference,
  },
});
const update = createRoute({
  method: 'patch',
  path: '/api/assignments/{assignmentId}',
  request: { params: assignmentParams, body: { required: true, ...json(updateBody) } },
  responses: { 200: { description: 'Updated', ...json(assignmentSchema) }, ...writeErrorResponses },
});
const remove = createRoute({
  method: 'delete',
  path: '/api/assignments/{assignmentId}',
  request: { params: assignmentParams, body: { required: false, ...json(deleteBodySchema) } },
  responses: { 204: { description: 'Deleted' }, ...writeErrorResponses },
});

/** Registers the assignment routes. */
export function registerAssignmentRoutes(app: App, deps: AppDeps): void {
  defineRoute(app, policy.signedIn, list, async (c) => {
    const page = await listAssignments(
      deps.db,
      callerId(c),
      c.req.valid('param').projectId,
      c.req.valid('query'),
    );
    return c.json(page, 200);
  });
  defineRoute(app, policy.signedIn, create, async (c) => {
    const created = await createAssignment(
      deps.db,
      callerId(c),
      c.req.valid('param').projectId,
      c.req.valid('json'),
    );
    setVersionTag(c, created.version);
    return c.json(created, 201);
  });
  defineRoute(app, policy.signedIn, update, async (c) => {
    const { expected, changes } = versionedChanges(c, c.req.valid('json'));
    const updated = await updateAssignment(
      deps.db,
      callerId(c),
      c.req.valid('param').assignmentId,
      expected,
      changes,
    );
    setVersionTag(c, updated.version);
    return c.json(updated, 200);
  });
  defineRoute(app, policy.signedIn, remove, async (c) => {
    await deleteAssignment(
      deps.db,
      callerId(c),
      c.req.valid('param').assignmentId,
      optionalBodyVersion(c, c.req.valid('json')),
    );
    return c.body(null, 204);
  });
}
