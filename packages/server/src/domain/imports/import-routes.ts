import { createRoute, z } from '@hono/zod-openapi';
import { callerId } from '../../auth/caller';
import { policy } from '../../auth/policy';
import type { App, AppDeps } from '../../http/context';
import { defineRawRoute, defineRoute } from '../../http/route-rule';
import { errorResponses, idSchema } from '../shared/api-schemas';
import { getImportJob } from './import-jobs';
import { importMspdi } from './mspdi-import';
import { uploadOf } from './upload';

const importSchema = z
  .object({
    id: z.string(),
    workspaceId: z.string(),
    format: z.string(),
    fileName: z.string(),
    state: z.enum(['running', 'succeeded', 'failed']),
    progress: z.number().int(),
    projectId: z.string().nullable(),
    error: z.object({ code: z.string(), message: z.string(), field: z.string().optional() }).nullable(),
    summary: z.record(z.string(), z.number()).nullable(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .openapi('Import');

const getImport = createRoute({
  method: 'get',
  path: '/api/imports/{importId}',
  summary: 'State and progress (0–100) of an import the caller started; its project once it succeeded',
  request: { params: z.object({ importId: idSchema }) },
  responses: {
    200: { description: 'The import', content: { 'application/json': { schema: importSchema } } },
    ...errorResponses,
  },
});

/** Registers the import routes: MS Project XML into a new project, and the state of an import. */
export function registerImportRoutes(app: App, deps: AppDeps): void {
  // The file is the raw request body (or a multipart `file`), streamed: no JSON schema applies to it.
  defineRawRoute(
    app,
    policy.workspaceMember,
    'post',
    '/api/workspaces/:workspaceId/imports/mspdi',
    async (c) => {
      const workspaceId = c.req.param('workspaceId') ?? '';
      const job = await importMspdi(deps.db, deps.logger, callerId(c), workspaceId, await uploadOf(c));
      c.header('Location', `/api/imports/${job.id}`);
      return c.json(job, 202);
    },
  );
  defineRoute(app, policy.signedIn, getImport, async (c) => {
    return c.json(await getImportJob(deps.db, callerId(c), c.req.valid('param').importId), 200);
  });
}
