import { createRoute, z } from '@hono/zod-openapi';
import { eq } from 'drizzle-orm';
import { callerId } from '../../auth/caller';
import { policy } from '../../auth/policy';
import { projects } from '../../db/schema/projects';
import type { App, AppDeps } from '../../http/context';
import { defineRawRoute, defineRoute } from '../../http/route-rule';
import { optionalBodyVersion, setVersionTag, versionedChanges } from '../../http/version';
import {
  dateSchema,
  deleteBodySchema,
  errorResponses,
  idSchema,
  longTextSchema,
  nameSchema,
  versionSchema,
  writeErrorResponses,
} from '../shared/api-schemas';
import { notFound } from '../shared/errors';
import { statusReportPdf } from './report-pdf';
import {
  createStatusReport,
  deleteStatusReport,
  getStatusReport,
  listStatusReports,
  publishStatusReport,
  updateStatusReport,
} from './report-service';
import { registerStatusReportSharing } from './report-shared';

const json = <T extends z.ZodType>(schema: T) => ({ content: { 'application/json': { schema } } });
const colour = z.enum(['green', 'amber', 'red']);
const entrySchema = z.object({ suggested: colour.nullable(), chosen: colour.nullable(), reason: z.string() });
const ragSchema = z
  .object({
    schedule: entrySchema,
    cost: entrySchema,
    scope: entrySchema,
    risk: entrySchema,
    quality: entrySchema,
  })
  .openapi('RagRatings');
const choiceSchema = z.strictObject({
  chosen: colour.nullable().optional(),
  reason: longTextSchema.max(2000).optional(),
});
const choicesSchema = z.strictObject({
  schedule: choiceSchema.optional(),
  cost: choiceSchema.optional(),
  scope: choiceSchema.optional(),
  risk: choiceSchema.optional(),
  quality: choiceSchema.optional(),
});
const summaryShape = {
  id: z.string(),
  projectId: z.string(),
  title: z.string(),
  periodStart: z.string(),
  periodFinish: z.string(),
  state: z.enum(['draft', 'published']),
  rag: ragSchema,
  publishedAt: z.string().nullable(),
  publishedBy: z.string().nullable(),
  createdBy: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  version: z.number().int(),
};
const summarySchema = z.object(summaryShape).openapi('StatusReportSummary');
const reportSchema = z
  .object({ ...summaryShape, narrative: z.string(), figures: z.record(z.string(), z.unknown()).nullable() })
  .openapi('StatusReport');

// PostgreSQL has no year 0: a period is kept to the dates a plan can hold.
const periodDate = dateSchema.refine((day) => day >= '1900-01-01', 'must be 1900-01-01 or later');
const projectParams = z.object({ projectId: idSchema });
const reportParams = z.object({ projectId: idSchema, reportId: idSchema });
const createBody = z.strictObject({
  title: nameSchema,
  // Left out, they follow the latest report's period up to today (see `defaultReportPeriod`).
  periodStart: periodDate.optional(),
  periodFinish: periodDate.optional(),
  narrative: longTextSchema.optional(),
  rag: choicesSchema.optional(),
});
const updateBody = z.strictObject({
  title: nameSchema.optional(),
  periodStart: periodDate.optional(),
  periodFinish: periodDate.optional(),
  narrative: longTextSchema.optional(),
  rag: choicesSchema.optional(),
  version: versionSchema.optional(),
});
const base = '/api/projects/{projectId}/status-reports';

const list = createRoute({
  method: 'get',
  path: base,
  summary: "A project's status reports, newest period first (drafts only for those who may edit the project)",
  request: { params: projectParams },
  responses: {
    200: { description: 'The history', ...json(z.object({ items: z.array(summarySchema) })) },
    ...errorResponses,
  },
});

const create = createRoute({
  method: 'post',
  path: base,
  summary:
    'Start a draft report; its colours are suggested from the figures, overrides need a reason; without a period it follows the latest report up to today',
  request: { params: projectParams, body: { required: true, ...json(createBody) } },
  responses: { 201: { description: 'Created', ...json(reportSchema) }, ...errorResponses },
});

const get = createRoute({
  method: 'get',
  path: `${base}/{reportId}`,
  summary: 'A report: published with its frozen figures, a draft with the figures and suggestions of now',
  request: { params: reportParams },
  responses: { 200: { description: 'The report', ...json(reportSchema) }, ...errorResponses },
});

const update = createRoute({
  method: 'patch',
  path: `${base}/{reportId}`,
  summary: 'Change a draft (409 once published)',
  request: { params: reportParams, body: { required: true, ...json(updateBody) } },
  responses: { 200: { description: 'Changed', ...json(reportSchema) }, ...writeErrorResponses },
});

const publish = createRoute({
  method: 'post',
  path: `${base}/{reportId}/publish`,
  summary: 'Publish a draft: freezes the figures and colours; the report is read-only from then on',
  request: { params: reportParams, body: { required: false, ...json(deleteBodySchema) } },
  responses: { 200: { description: 'Published', ...json(reportSchema) }, ...writeErrorResponses },
});

const remove = createRoute({
  method: 'delete',
  path: `${base}/{reportId}`,
  summary: 'Delete a draft (409 for a published report)',
  request: { params: reportParams, body: { required: false, ...json(deleteBodySchema) } },
  responses: { 204: { description: 'Deleted' }, ...writeErrorResponses },
});

/** Registers the status report routes and lets share links open published reports. */
export function registerStatusReportRoutes(app: App, deps: AppDeps): void {
  registerStatusReportSharing();
  // A plain route before the JSON read, whose `{reportId}` would otherwise take "….pdf" for an id.
  defineRawRoute(
    app,
    policy.signedIn,
    'get',
    '/api/projects/:projectId/status-reports/:file{[^/]+\\.pdf}',
    async (c) => {
      const projectId = c.req.param('projectId') ?? '';
      const reportId = (c.req.param('file') ?? '').replace(/\.pdf$/, '');
      // A plain route has no schema: ids PostgreSQL could not even compare are simply not found.
      if (!idSchema.safeParse(projectId).success) throw notFound('Project', projectId);
      if (!idSchema.safeParse(reportId).success) throw notFound('Status report', reportId);
      const report = await getStatusReport(deps.db, callerId(c), projectId, reportId);
      const [project] = await deps.db
        .select({ name: projects.name })
        .from(projects)
        .where(eq(projects.id, projectId));
      if (!project) throw notFound('Project', projectId);
      const pdf = await statusReportPdf(report, { projectName: project.name });
      c.header('Content-Type', 'application/pdf');
      c.header('Content-Disposition', `inline; filename="status-report-${report.periodFinish}.pdf"`);
      return c.body(pdf as Uint8Array<ArrayBuffer>, 200);
    },
  );
  defineRoute(app, policy.signedIn, list, async (c) => {
    return c.json(
      { items: await listStatusReports(deps.db, callerId(c), c.req.valid('param').projectId) },
      200,
    );
  });
  defineRoute(app, policy.signedIn, create, async (c) => {
    const report = await createStatusReport(
      deps.db,
      callerId(c),
      c.req.valid('param').projectId,
      c.req.valid('json'),
    );
    setVersionTag(c, report.version);
    return c.json(report as z.infer<typeof reportSchema>, 201);
  });
  defineRoute(app, policy.signedIn, get, async (c) => {
    const { projectId, reportId } = c.req.valid('param');
    const report = await getStatusReport(deps.db, callerId(c), projectId, reportId);
    setVersionTag(c, report.version);
    return c.json(report as z.infer<typeof reportSchema>, 200);
  });
  defineRoute(app, policy.signedIn, update, async (c) => {
    const { projectId, reportId } = c.req.valid('param');
    const { expected, changes } = versionedChanges(c, c.req.valid('json'));
    const report = await updateStatusReport(deps.db, callerId(c), projectId, reportId, expected, changes);
    setVersionTag(c, report.version);
    return c.json(report as z.infer<typeof reportSchema>, 200);
  });
  defineRoute(app, policy.signedIn, publish, async (c) => {
    const { projectId, reportId } = c.req.valid('param');
    const expected = optionalBodyVersion(c, c.req.valid('json'));
    const report = await publishStatusReport(deps.db, callerId(c), projectId, reportId, expected);
    setVersionTag(c, report.version);
    return c.json(report as z.infer<typeof reportSchema>, 200);
  });
  defineRoute(app, policy.signedIn, remove, async (c) => {
    const { projectId, reportId } = c.req.valid('param');
    await deleteStatusReport(
      deps.db,
      callerId(c),
      projectId,
      reportId,
      optionalBodyVersion(c, c.req.valid('json')),
    );
    return c.body(null, 204);
  });
}
