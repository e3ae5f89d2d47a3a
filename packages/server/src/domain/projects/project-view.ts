import type { ProjectCalendarSettings, projects } from '../../db/schema/projects';
import type { ChangeSubject } from '../shared/change-log';

type ProjectRow = typeof projects.$inferSelect;

/** A project as the API shows it. */
export interface ProjectView {
  id: string;
  workspaceId: string;
  name: string;
  description: string;
  programId: string | null;
  productId: string | null;
  /** First day of the plan, `YYYY-MM-DD`. */
  startDate: string;
  /** The day progress is reported up to, `YYYY-MM-DD`, or null for "today". */
  statusDate: string | null;
  calendar: ProjectCalendarSettings;
  /** A template is copied to start new projects and listed apart from live plans. */
  isTemplate: boolean;
  createdBy: string | null;
  createdAt: string;
  updatedAt: string;
  version: number;
}

/** Maps a row to its API view. */
export function toProjectView(row: ProjectRow): ProjectView {
  return {
    id: row.id,
    workspaceId: row.workspaceId,
    name: row.name,
    description: row.description,
    programId: row.programId,
    productId: row.productId,
    startDate: row.startDate,
    statusDate: row.statusDate,
    calendar: row.calendar,
    isTemplate: row.isTemplate,
    createdBy: row.createdBy,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    version: row.version,
  };
}

/** The subject of a write to a project, carrying the product it belongs to so product-wide listeners hear of it. */
export function projectSubject(row: ProjectRow): ChangeSubject {
  return {
    entityType: 'project',
    entityId: row.id,
    workspaceId: row.workspaceId,
    projectId: row.id,
    productId: row.productId ?? undefined,
  };
}
