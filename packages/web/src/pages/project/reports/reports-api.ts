import type { RagColour, RagDimension, RagRatings, ReportFigures } from '@tandem/core';
import { request } from '../../../api/client';

/** A report in a project's history. */
export interface StatusReportSummary {
  id: string;
  projectId: string;
  title: string;
  periodStart: string;
  periodFinish: string;
  state: 'draft' | 'published';
  rag: RagRatings;
  publishedAt: string | null;
  createdAt: string;
  updatedAt: string;
  version: number;
}

/** A whole report with its figures (frozen once published). */
export interface StatusReport extends StatusReportSummary {
  narrative: string;
  figures: ReportFigures | null;
}

/** What the manager sets of a dimension: a colour (null to follow the suggestion) and why. */
export interface RagChoice {
  chosen: RagColour | null;
  reason: string;
}

/** The fields of a draft the editor saves. */
export interface StatusReportInput {
  title: string;
  periodStart: string;
  periodFinish: string;
  narrative: string;
  rag: Record<RagDimension, RagChoice>;
}

/** A read-only link as its managers see it. */
export interface ShareLink {
  id: string;
  label: string;
  createdAt: string;
  revokedAt: string | null;
  lastUsedAt: string | null;
  active: boolean;
}

/** The entity type of a status report's share links. */
export const statusReportEntityType = 'status_report';

const base = (projectId: string) => `/api/projects/${projectId}/status-reports`;

/** The calls of the Reports tab. */
export const reportsApi = {
  list: (projectId: string) => request<{ items: StatusReportSummary[] }>('GET', base(projectId)),
  get: (projectId: string, id: string) => request<StatusReport>('GET', `${base(projectId)}/${id}`),
  create: (projectId: string, body: Pick<StatusReportInput, 'title' | 'periodStart' | 'periodFinish'>) =>
    request<StatusReport>('POST', base(projectId), { body }),
  update: (report: StatusReport, body: Partial<StatusReportInput>) =>
    request<StatusReport>('PATCH', `${base(report.projectId)}/${report.id}`, {
      body,
      ifMatch: report.version,
    }),
  publish: (report: StatusReport) =>
    request<StatusReport>('POST', `${base(report.projectId)}/${report.id}/publish`, {
      ifMatch: report.version,
    }),
  remove: (report: StatusReport) =>
    request<void>('DELETE', `${base(report.projectId)}/${report.id}`, { ifMatch: report.version }),
  pdfUrl: (report: StatusReportSummary) => `${base(report.projectId)}/${report.id}.pdf`,
  links: (reportId: string) =>
    request<{ items: ShareLink[] }>('GET', '/api/share-links', {
      query: { entityType: statusReportEntityType, entityId: reportId },
    }),
  share: (reportId: string, label: string) =>
    request<{ link: ShareLink; token: string; path: string }>('POST', '/api/share-links', {
      body: { entityType: statusReportEntityType, entityId: reportId, ...(label ? { label } : {}) },
    }),
  revoke: (linkId: string) => request<ShareLink>('DELETE', `/api/share-links/${linkId}`),
};

/** Query keys of the tab. */
export const reportKeys = {
  list: (projectId: string) => ['status-reports', projectId] as const,
  one: (projectId: string, id: string) => ['status-reports', projectId, id] as const,
  links: (reportId: string) => ['share-links', statusReportEntityType, reportId] as const,
};
