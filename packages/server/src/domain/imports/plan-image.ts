import type { assignments } from '../../db/schema/assignments';
import type { BaselineTask } from '../../db/schema/baselines';
import type { ProjectCalendarSettings, projects } from '../../db/schema/projects';
import type { resources } from '../../db/schema/resources';
import type { taskLinks } from '../../db/schema/task-links';
import type { tasks } from '../../db/schema/tasks';

type TaskInsert = typeof tasks.$inferInsert;
type LinkInsert = typeof taskLinks.$inferInsert;
type ResourceInsert = typeof resources.$inferInsert;
type AssignmentInsert = typeof assignments.$inferInsert;

/** The fields of a task a plan image sets; ids, project, parent and position are given when it is written. */
export type TaskImageFields = Omit<
  TaskInsert,
  | 'id'
  | 'workspaceId'
  | 'projectId'
  | 'parentId'
  | 'position'
  | 'createdBy'
  | 'createdAt'
  | 'updatedAt'
  | 'version'
>;

/** One task of a plan image; `parentKey` names a task earlier in the list (outline order). */
export interface TaskImage {
  key: string;
  parentKey: string | null;
  fields: TaskImageFields;
}

/** A dependency between two tasks of the image, by their keys. */
export interface LinkImage {
  predecessorKey: string;
  successorKey: string;
  type: NonNullable<LinkInsert['type']>;
  lagMinutes: number;
  lagPercent: number | null;
}

/** A workspace resource the image creates. */
export interface ResourceImage {
  key: string;
  fields: Omit<ResourceInsert, 'id' | 'workspaceId' | 'createdAt' | 'updatedAt' | 'version'>;
}

/** An assignment of a resource of the image (`resourceKey`) or of an existing one (`resourceId`) to a task. */
export interface AssignmentImage {
  taskKey: string;
  resource: { key: string } | { id: string };
  units: number;
  workMinutes: AssignmentInsert['workMinutes'];
  contour?: AssignmentInsert['contour'];
  overtimeWorkMinutes?: AssignmentInsert['overtimeWorkMinutes'];
  delayMinutes?: AssignmentInsert['delayMinutes'];
}

/** The project row of a plan image. */
export interface ProjectImage {
  name: string;
  description: string;
  startDate: string;
  statusDate: string | null;
  calendar: ProjectCalendarSettings;
  programId?: string | null;
  productId?: string | null;
  isTemplate?: boolean;
  workflow?: (typeof projects.$inferInsert)['workflow'];
  customFields?: (typeof projects.$inferInsert)['customFields'];
}

/** A saved baseline the plan brings with it (an MS Project file's Baseline … Baseline10), by task key. */
export interface BaselineImage {
  name: string;
  tasks: Record<string, BaselineTask>;
}

/**
 * A whole plan in memory, independent of where it came from (an MS Project file, a CSV file, a project being copied):
 * written to the database in one transaction with a few bulk inserts.
 */
export interface PlanImage {
  project: ProjectImage;
  /** In outline order: a parent comes before its children, siblings in their order. */
  tasks: TaskImage[];
  links: LinkImage[];
  resources: ResourceImage[];
  assignments: AssignmentImage[];
  /** Baselines to keep with the plan; none when absent. */
  baselines?: BaselineImage[];
}

/** How many things a plan image holds, as an import reports it. */
export function imageSummary(image: PlanImage): Record<string, number> {
  return {
    tasks: image.tasks.length,
    links: image.links.length,
    resources: image.resources.length,
    assignments: image.assignments.length,
    calendars: image.project.calendar.calendars?.length ?? 0,
    baselines: image.baselines?.length ?? 0,
  };
}
