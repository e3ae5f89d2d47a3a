import { createRoute, z } from '@hono/zod-openapi';
import { callerId } from '../../auth/caller';
import { policy } from '../../auth/policy';
import type { App, AppDeps } from '../../http/context';
import { pageSchema } from '../../http/pagination';
import { defineRoute } from '../../http/route-rule';
import { expectedVersion, setVersionTag } from '../../http/version';
import {
  deleteBodySchema,
  errorResponses,
  idSchema,
  listQuery,
  longTextSchema,
  nameSchema,
  versionSchema,
  writeErrorResponses,
} from '../shared/api-schemas';
import { createProgram, deleteProgram, getProgram, listPrograms, updateProgram } from './program-service';

const programSchema = z
  .object({
    id: z.string(),
    workspaceId: z.string(),
    name: z.string(),
    objective: z.string(),
    description: z.string(),
    createdBy: z.string().nullable(),
    createdAt: z.string(),
    updatedAt: z.string(),
    version: z.number().int(),
  })
  .openapi('Program');

const createBody = z.strictObject({
  name: nameSchema,
  objective: longTextSchema.optional(),
  description: longTextSchema.optional(),
});

const updateBody = z.strictObject({
  name: nameSchema.optional(),
  objective: longTextSchema.optional(),
  description: longTextSchema.optional(),
  version: versionSchema.optional(),
});

const json = <T extends z.ZodType>(schema: T) => ({ content: { 'application/json': { schema } } });
const workspaceParams = z.object({ workspaceId: idSchema });
const programParams = z.object({ programId: idSchema });

const list = createRoute({
  method: 'get',
  path: '/api/workspaces/{workspaceId}/programs',
  summary: 'Programs of a workspace the caller may see',
  request: { params: workspaceParams, query: listQuery },
  responses: {
    200: { description: 'A page of programs', ...json(pageSchema(programSchema)) },
    ...errorResponses,
  },
});

const create = createRoute({
  method: 'post',
  path: '/api/workspaces/{workspaceId}/programs',
  summary: 'Create a program; the creator becomes its program manager',
  request: { params: workspaceParams, body: { required: true, ...json(createBody) } },
  responses: { 201: { description: 'Created', ...json(programSchema) }, ...errorResponses },
});

const get = createRoute({
  method: 'get',
  path: '/api/programs/{programId}',
  request: { params: programParams },
  responses: { 200: { description: 'The program', ...json(programSchema) }, ...errorResponses },
});

const update = createRoute({
  method: 'patch',
  path: '/api/programs/{programId}',
  request: { params: programParams, body: { required: true, ...json(updateBody) } },
  responses: { 200: { description: 'Updated', ...json(programSchema) }, ...writeErrorResponses },
});

const remove = createRoute({
  method: 'delete',
  path: '/api/programs/{programId}',
  request: { params: programParams, body: { required: false, ...json(deleteBodySchema) } },
  responses: { 204: { description: 'Deleted' }, ...writeErrorResponses },
});

/** Registers the program routes. */
export function registerProgramRoutes(app: App, deps: AppDeps): void {
  defineRoute(app, policy.workspaceMember, list, async (c) => {
    const { workspaceId } = c.req.valid('param');
    return c.json(
      await listPrograms(deps.db, callerId(c), workspaceId, c.req.valid('query'), c.get('workspaceRole')),
      200,
    );
  });
  defineRoute(app, policy.workspaceMember, create, async (c) => {
    const program = await createProgram(
      deps.db,
      callerId(c),
      c.req.valid('param').workspaceId,
      c.req.valid('json'),
    );
    setVersionTag(c, program.version);
    return c.json(program, 201);
  });
  defineRoute(app, policy.signedIn, get, async (c) => {
    const program = await getProgram(deps.db, callerId(c), c.req.valid('param').programId);
    setVersionTag(c, program.version);
    return c.json(program, 200);
  });
  defineRoute(app, policy.signedIn, update, async (c) => {
    const { version, ...changes } = c.req.valid('json');
    const expected = expectedVersion(c, version);
    const program = await updateProgram(
      deps.db,
      callerId(c),
      c.req.valid('param').programId,
      expected,
      changes,
    );
    setVersionTag(c, program.version);
    return c.json(program, 200);
  });
  defineRoute(app, policy.signedIn, remove, async (c) => {
    const body = (c.req.valid('json') as z.infer<typeof deleteBodySchema> | undefined) ?? {};
    const expected = expectedVersion(c, body.version);
    await deleteProgram(deps.db, callerId(c), c.req.valid('param').programId, expected);
    return c.body(null, 204);
  });
}
