import type { WorkContour } from '@tandem/core';
import { request } from '../../api/client';

/** What a resource is: someone, something that works on a calendar, or something consumed. */
export type ResourceKind = 'person' | 'equipment' | 'material';

/** A resource's own working time. */
export interface ResourceCalendar {
  workingDays: number[];
  workingHours: { start: string; finish: string }[];
  holidays: { date: string; name: string }[];
  minutesPerDay: number;
}

/** A resource of the workspace. */
export interface Resource {
  id: string;
  workspaceId: string;
  name: string;
  kind: ResourceKind;
  userId: string | null;
  calendar: ResourceCalendar | null;
  maxUnits: number;
  standardRateCents: number;
  overtimeRateCents: number;
  costPerUseCents: number;
  version: number;
}

/** The fields a resource form sends. */
export interface ResourceInput {
  name: string;
  kind: ResourceKind;
  userId: string | null;
  calendar: Omit<ResourceCalendar, 'minutesPerDay'> | null;
  maxUnits: number;
  standardRateCents: number;
  overtimeRateCents: number;
  costPerUseCents: number;
}

/** A resource assigned to a task. */
export interface Assignment {
  id: string;
  projectId: string;
  taskId: string;
  taskName: string;
  resourceId: string;
  resourceName: string;
  resourceKind: ResourceKind;
  units: number;
  workMinutes: number | null;
  /** How the work is spread over the assignment's span; any contour but flat stretches it. */
  contour: WorkContour;
  /** Overtime part of the work, in minutes: it takes no working time. */
  overtimeWorkMinutes: number;
  /** Working minutes after the task's start before the assignment begins. */
  delayMinutes: number;
  version: number;
}

/** One cell of the workload grid. */
export interface WorkloadCell {
  /** All work placed in the period, overtime included. */
  assignedMinutes: number;
  /** The part of it planned as overtime, which does not count against capacity. */
  overtimeMinutes: number;
  capacityMinutes: number;
  overAllocated: boolean;
}

/** The workload grid of a workspace. */
export interface Workload {
  periods: { key: string; firstDay: string; lastDay: string }[];
  resources: {
    id: string;
    name: string;
    kind: string;
    maxUnits: number;
    overAllocated: boolean;
    cells: WorkloadCell[];
  }[];
  unscheduledProjects: { id: string; name: string }[];
}

/** Time logged on a project's tasks and its cost. */
export interface ProjectActuals {
  items: { taskId: string; taskName: string; actualMinutes: number; actualCostCents: number }[];
  totalMinutes: number;
  totalCostCents: number;
}

/** The resource, assignment and workload calls. */
export const resourcesApi = {
  list: (workspaceId: string) =>
    request<{ items: Resource[] }>('GET', `/api/workspaces/${workspaceId}/resources`, {
      query: { limit: 200 },
    }),
  create: (workspaceId: string, body: ResourceInput) =>
    request<Resource>('POST', `/api/workspaces/${workspaceId}/resources`, { body }),
  update: (resource: Resource, body: Partial<ResourceInput>) =>
    request<Resource>('PATCH', `/api/resources/${resource.id}`, {
      body: { ...body, version: resource.version },
    }),
  remove: (resource: Resource) =>
    request<void>('DELETE', `/api/resources/${resource.id}`, { ifMatch: resource.version }),
  assignments: (projectId: string, taskId?: string) =>
    request<{ items: Assignment[] }>('GET', `/api/projects/${projectId}/assignments`, { query: { taskId } }),
  assign: (projectId: string, body: { taskId: string; resourceId: string; units: number }) =>
    request<Assignment>('POST', `/api/projects/${projectId}/assignments`, { body }),
  updateAssignment: (
    assignment: Assignment,
    body: Partial<
      Pick<Assignment, 'units' | 'workMinutes' | 'contour' | 'overtimeWorkMinutes' | 'delayMinutes'>
    >,
  ) =>
    request<Assignment>('PATCH', `/api/assignments/${assignment.id}`, {
      body: { ...body, version: assignment.version },
    }),
  unassign: (assignment: Assignment) =>
    request<void>('DELETE', `/api/assignments/${assignment.id}`, { ifMatch: assignment.version }),
  actuals: (projectId: string) => request<ProjectActuals>('GET', `/api/projects/${projectId}/actuals`),
  workload: (workspaceId: string, from: string, to: string, unit: 'day' | 'week') =>
    request<Workload>('GET', `/api/workspaces/${workspaceId}/workload`, { query: { from, to, unit } }),
};

/** Query keys of resources, assignments and workload. */
export const resourceKeys = {
  list: (workspaceId: string) => ['resources', workspaceId] as const,
  workloadOf: (workspaceId: string) => ['workload', workspaceId] as const,
  workload: (workspaceId: string, from: string, to: string, unit: string) =>
    ['workload', workspaceId, from, to, unit] as const,
  /** Under the plan's key, so the plan's live refresh also refreshes its assignments. */
  assignments: (projectId: string) => ['plan', projectId, 'assignments'] as const,
  actuals: (projectId: string) => ['plan', projectId, 'actuals'] as const,
};

/** Units as a percentage for people ("50 %"). */
export function percentOf(units: number): string {
  return `${Math.round(units * 100)} %`;
}

/** Cents as money with two decimals ("90.00"). */
export function moneyOf(cents: number): string {
  return (cents / 100).toFixed(2);
}

/** Minutes as hours with at most one decimal ("7.5 h"). */
export function hoursOf(minutes: number): string {
  return `${Math.round(minutes / 6) / 10} h`;
}
