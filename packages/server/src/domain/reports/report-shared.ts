import type { ReportFigures } from '@tandem/core';
import { eq } from 'drizzle-orm';
import type { Queryable } from '../../db/client';
import { projects } from '../../db/schema/projects';
import { statusReports } from '../../db/schema/reports';
import { ApiError } from '../../http/errors';
import { registerSharedRenderer, type SharedRef } from '../sharing/shared-renderers';
import { statusReportPdf } from './report-pdf';
import { type StatusReportView, toStatusReportView } from './report-view';

/** The entity type of a status report's share links. */
export const statusReportEntityType = 'status_report';

/** What a stakeholder opening a report's link sees: the published report and the project's name. */
export interface SharedStatusReport {
  projectName: string;
  report: Omit<StatusReportView, 'createdBy' | 'publishedBy'>;
}

async function publishedReport(db: Queryable, ref: SharedRef) {
  const [found] = await db
    .select({ report: statusReports, projectName: projects.name })
    .from(statusReports)
    .innerJoin(projects, eq(projects.id, statusReports.projectId))
    .where(eq(statusReports.id, ref.entityId));
  if (found?.report.state !== 'published' || found.report.workspaceId !== ref.workspaceId) return null;
  const view = toStatusReportView(found.report, (found.report.snapshot as ReportFigures | null) ?? null);
  return { view, projectName: found.projectName };
}

/** A published report as its share link shows it (who wrote and published it stays inside the workspace). */
export async function sharedStatusReport(db: Queryable, ref: SharedRef): Promise<SharedStatusReport | null> {
  const found = await publishedReport(db, ref);
  if (!found) return null;
  const { createdBy: _createdBy, publishedBy: _publishedBy, ...report } = found.view;
  return { projectName: found.projectName, report };
}

/** Lets share links open published status reports (JSON and PDF); drafts cannot be shared (409). */
export function registerStatusReportSharing(): void {
  registerSharedRenderer(statusReportEntityType, sharedStatusReport, {
    owner: async (db, entityId) => {
      const [row] = await db
        .select({ projectId: statusReports.projectId, workspaceId: statusReports.workspaceId })
        .from(statusReports)
        .where(eq(statusReports.id, entityId));
      return row ? { kind: 'project', id: row.projectId, workspaceId: row.workspaceId } : null;
    },
    assertShareable: async (db, entityId) => {
      const [row] = await db
        .select({ state: statusReports.state })
        .from(statusReports)
        .where(eq(statusReports.id, entityId));
      if (row?.state !== 'published') {
        throw new ApiError(
          409,
          'CONFLICT',
          `Status report ${entityId} is a draft: publish it before sharing it`,
          'entityId',
        );
      }
    },
    pdf: async (db, ref) => {
      const found = await publishedReport(db, ref);
      return found ? statusReportPdf(found.view, { projectName: found.projectName }) : null;
    },
  });
}
