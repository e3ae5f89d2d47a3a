import { createRoute, z } from '@hono/zod-openapi';
import { callerId } from '../../auth/caller';
import { policy } from '../../auth/policy';
import type { App, AppDeps } from '../../http/context';
import { ApiError } from '../../http/errors';
import { defineRawRoute, defineRoute } from '../../http/route-rule';
import { dateSchema, errorResponses, idSchema, nameSchema } from '../shared/api-schemas';
import { exportCsv } from './csv-export';
import { importCsv } from './csv-import';
import { getImportJob } from './import-jobs';
import { exportMspdi } from './mspdi-export';
import { importMspdi } from './mspdi-import';
import { uploadOf } from './upload';

const csvOptions = z.strictObject({
  into: z.enum(['append', 'new']).default('append'),
  name: nameSchema.optional(),
  startDate: dateSchema.optional(),
  fileName: z.string().max(255).optional(),
});

/** A download: the file's bytes with its type and a name the browser saves it under. */
function download(body: string, type: string, fileName: string): Response {
  return new Response(body, {
    headers: {
      'content-type': type,
      'content-disposition': `attachment; filename="${fileName.replace(/"/g, '')}"; filename*=UTF-8''${encodeURIComponent(fileName)}`,
    },
  });
}

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
  defineRawRoute(app, policy.signedIn, 'post', '/api/projects/:projectId/imports/csv', async (c) => {
    const parsed = csvOptions.safeParse(c.req.query());
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw new ApiError(400, 'VALIDATION_FAILED', issue?.message ?? 'Invalid query', issue?.path.join('.'));
    }
    const { fileName: _name, ...options } = parsed.data;
    const result = await importCsv(
      deps.db,
      callerId(c),
      c.req.param('projectId') ?? '',
      await uploadOf(c),
      options,
    );
    return c.json(result, 201);
  });
  defineRawRoute(app, policy.signedIn, 'get', '/api/projects/:projectId/export.xml', async (c) => {
    const { fileName, xml } = await exportMspdi(deps.db, callerId(c), c.req.param('projectId') ?? '');
    return download(xml, 'application/xml; charset=utf-8', fileName);
  });
  defineRawRoute(app, policy.signedIn, 'get', '/api/projects/:projectId/export.csv', async (c) => {
    const { fileName, csv } = await exportCsv(deps.db, callerId(c), c.req.param('projectId') ?? '');
    return download(`\uFEFF${csv}`, 'text/csv; charset=utf-8', fileName);
  });
  defineRoute(app, policy.signedIn, getImport, async (c) => {
    return c.json(await getImportJob(deps.db, callerId(c), c.req.valid('param').importId), 200);
  });
}
