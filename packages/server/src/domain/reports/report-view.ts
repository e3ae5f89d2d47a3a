import type { RagRatings, ReportFigures } from '@tandem/core';
import type { StatusReportState, statusReports } from '../../db/schema/reports';
import type { ChangeSubject } from '../shared/change-log';

type StatusReportRow = typeof statusReports.$inferSelect;

/** A status report in a project's history: its period, state and colours, without narrative or figures. */
export interface StatusReportSummary {
  id: string;
  projectId: string;
  title: string;
  periodStart: string;
  periodFinish: string;
  state: StatusReportState;
  rag: RagRatings;
  publishedAt: string | null;
  publishedBy: string | null;
  createdBy: string | null;
  createdAt: string;
  updatedAt: string;
  version: number;
}

/**
 * A whole status report: for a published one the figures frozen at publication, for a draft the figures as they are
 * now (and its suggested colours recomputed from them).
 */
export interface StatusReportView extends StatusReportSummary {
  narrative: string;
  figures: ReportFigures | null;
}

/** The history entry of a report row. */
export function toStatusReportSummary(row: StatusReportRow): StatusReportSummary {
  return {
    id: row.id,
    projectId: row.projectId,
    title: row.title,
    periodStart: row.periodStart,
    periodFinish: row.periodFinish,
    state: row.state,
    rag: row.rag,
    publishedAt: row.publishedAt?.toISOString() ?? null,
    publishedBy: row.publishedBy,
    createdBy: row.createdBy,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    version: row.version,
  };
}

/** The whole report, with the figures it shows. */
export function toStatusReportView(row: StatusReportRow, figures: ReportFigures | null): StatusReportView {
  return { ...toStatusReportSummary(row), narrative: row.narrative, figures };
}

/** The audit and live-change subject of a report. */
export function statusReportSubject(
  row: Pick<StatusReportRow, 'id' | 'workspaceId' | 'projectId'>,
): ChangeSubject {
  return {
    entityType: 'statusReport',
    entityId: row.id,
    workspaceId: row.workspaceId,
    projectId: row.projectId,
  };
}
