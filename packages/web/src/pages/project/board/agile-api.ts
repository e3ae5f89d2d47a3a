/** The typed client of boards, lists and sprints: workflow, sprints and their charts, saved views, tasks. */
import type { BurnSeries, Velocity, WorkflowCategory } from '@tandem/core';
import { useQuery } from '@tanstack/react-query';
import { ApiError, request } from '../../../api/client';

export type Priority = 'lowest' | 'low' | 'medium' | 'high' | 'highest';

/** The priorities from highest to lowest, as lists and swimlanes order them. */
export const priorities: readonly Priority[] = ['highest', 'high', 'medium', 'low', 'lowest'];

/** A task with the fields boards, lists and the backlog read. */
export interface AgileTask {
  id: string;
  projectId: string;
  parentId: string | null;
  name: string;
  description: string;
  position: number;
  status: string;
  rank: number;
  sprintId: string | null;
  storyPoints: number | null;
  priority: Priority;
  labels: string[];
  completedAt: string | null;
  customFields: Record<string, string | number | boolean | null>;
  updatedAt: string;
  version: number;
}

/** One board column. */
export interface WorkflowColumn {
  key: string;
  name: string;
  category: WorkflowCategory;
  wipLimit: number | null;
}

export interface Workflow {
  projectId: string;
  columns: WorkflowColumn[];
  counts: Record<string, number>;
  version: number;
}

/** A custom field a project defines; tasks keep values under its key. */
export interface CustomField {
  key: string;
  name: string;
  type: 'text' | 'number' | 'date' | 'select' | 'checkbox';
  options?: string[];
}

export interface CustomFields {
  projectId: string;
  fields: CustomField[];
  version: number;
}

export type SprintState = 'planned' | 'active' | 'completed';

export interface Sprint {
  id: string;
  projectId: string;
  name: string;
  goal: string;
  startDate: string;
  finishDate: string;
  state: SprintState;
  capacityPoints: number | null;
  startedAt: string | null;
  completedAt: string | null;
  committed: { points: number; taskIds: string[] } | null;
  done: { points: number; taskIds: string[] } | null;
  taskCount: number;
  points: number;
  doneCount: number;
  donePoints: number;
  version: number;
}

export type SavedViewKind = 'list' | 'board' | 'gantt';

export interface SavedView {
  id: string;
  projectId: string;
  kind: SavedViewKind;
  name: string;
  config: Record<string, unknown>;
  createdBy: string | null;
  version: number;
}

/** Who works on a task, from its assignments. */
export interface Assignee {
  taskId: string;
  resourceId: string;
  name: string;
}

const enc = encodeURIComponent;
// The server's `taskPageLimit`.
const taskPageLimit = 10_000;

/** Every call of the agile views, one function per route. */
export const agileApi = {
  async tasks(projectId: string): Promise<AgileTask[]> {
    const all: AgileTask[] = [];
    let cursor: string | undefined;
    do {
      // The server's largest page holds a whole plan: one request, where pages of 200 took one round trip each.
      const page = await request<{ items: AgileTask[]; nextCursor: string | null }>(
        'GET',
        `/api/projects/${enc(projectId)}/tasks`,
        { query: { limit: taskPageLimit, cursor } },
      );
      all.push(...page.items);
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    return all;
  },
  updateTask: (taskId: string, changes: Partial<AgileTask>, version: number) =>
    request<AgileTask>('PATCH', `/api/tasks/${enc(taskId)}`, { body: changes, ifMatch: version }),
  createTask: (projectId: string, body: Partial<AgileTask> & { name: string }) =>
    request<AgileTask>('POST', `/api/projects/${enc(projectId)}/tasks`, { body }),

  workflow: (projectId: string) => request<Workflow>('GET', `/api/projects/${enc(projectId)}/workflow`),
  saveWorkflow: (projectId: string, columns: WorkflowColumn[], version: number, moveTo?: string) =>
    request<Workflow>('PUT', `/api/projects/${enc(projectId)}/workflow`, {
      body: { columns, ...(moveTo ? { moveTo } : {}) },
      ifMatch: version,
    }),

  customFields: (projectId: string) =>
    request<CustomFields>('GET', `/api/projects/${enc(projectId)}/custom-fields`),
  saveCustomFields: (projectId: string, fields: CustomField[], version: number) =>
    request<CustomFields>('PUT', `/api/projects/${enc(projectId)}/custom-fields`, {
      body: { fields },
      ifMatch: version,
    }),

  sprints: async (projectId: string) =>
    (await request<{ items: Sprint[] }>('GET', `/api/projects/${enc(projectId)}/sprints`)).items,
  createSprint: (
    projectId: string,
    body: {
      name: string;
      goal?: string;
      startDate: string;
      finishDate: string;
      capacityPoints?: number | null;
    },
  ) => request<Sprint>('POST', `/api/projects/${enc(projectId)}/sprints`, { body }),
  updateSprint: (sprintId: string, body: Partial<Sprint>, version: number) =>
    request<Sprint>('PATCH', `/api/sprints/${enc(sprintId)}`, { body, ifMatch: version }),
  deleteSprint: (sprintId: string, version: number) =>
    request<void>('DELETE', `/api/sprints/${enc(sprintId)}`, { ifMatch: version }),
  startSprint: (sprintId: string, version: number) =>
    request<Sprint>('POST', `/api/sprints/${enc(sprintId)}/start`, { ifMatch: version }),
  completeSprint: (sprintId: string, carryOverTo: string, version: number) =>
    request<Sprint>('POST', `/api/sprints/${enc(sprintId)}/complete`, {
      body: { carryOverTo },
      ifMatch: version,
    }),
  burndown: (sprintId: string) =>
    request<{ sprint: Sprint; series: BurnSeries }>('GET', `/api/sprints/${enc(sprintId)}/burndown`),
  velocity: (projectId: string, count = 6) =>
    request<Velocity>('GET', `/api/projects/${enc(projectId)}/velocity`, { query: { count } }),

  views: async (projectId: string, kind: SavedViewKind) =>
    (
      await request<{ items: SavedView[] }>('GET', `/api/projects/${enc(projectId)}/views`, {
        query: { kind },
      })
    ).items,
  createView: (
    projectId: string,
    body: { kind: SavedViewKind; name: string; config: Record<string, unknown> },
  ) => request<SavedView>('POST', `/api/projects/${enc(projectId)}/views`, { body }),
  updateView: (viewId: string, body: { name?: string; config?: Record<string, unknown> }, version: number) =>
    request<SavedView>('PATCH', `/api/views/${enc(viewId)}`, { body, ifMatch: version }),
  deleteView: (viewId: string, version: number) =>
    request<void>('DELETE', `/api/views/${enc(viewId)}`, { ifMatch: version }),

  /** The people and other resources assigned to the project's tasks; none where assignments are not available. */
  async assignees(projectId: string): Promise<Assignee[]> {
    const all: Assignee[] = [];
    let cursor: string | undefined;
    try {
      do {
        const page = await request<{
          items: { taskId: string; resourceId: string; resourceName: string }[];
          nextCursor: string | null;
        }>('GET', `/api/projects/${enc(projectId)}/assignments`, { query: { limit: 200, cursor } });
        all.push(
          ...page.items.map((a) => ({ taskId: a.taskId, resourceId: a.resourceId, name: a.resourceName })),
        );
        cursor = page.nextCursor ?? undefined;
      } while (cursor);
    } catch (error) {
      // A server without resource planning answers 404 for the route; the board then shows no assignees.
      if (error instanceof ApiError && error.status === 404) return [];
      throw error;
    }
    return all;
  },
};

/**
 * Query keys of the agile views. They live under the project's own key, which the live-event stream marks stale on
 * every change of the project's tasks, sprints and views, so other people's moves show without a reload.
 */
export const agileKeys = {
  all: (projectId: string) => ['entity', 'projects', projectId, 'agile'] as const,
  tasks: (projectId: string) => ['entity', 'projects', projectId, 'agile', 'tasks'] as const,
  workflow: (projectId: string) => ['entity', 'projects', projectId, 'agile', 'workflow'] as const,
  sprints: (projectId: string) => ['entity', 'projects', projectId, 'agile', 'sprints'] as const,
  customFields: (projectId: string) => ['entity', 'projects', projectId, 'agile', 'custom-fields'] as const,
  burndown: (projectId: string, sprintId: string) =>
    ['entity', 'projects', projectId, 'agile', 'burndown', sprintId] as const,
  velocity: (projectId: string) => ['entity', 'projects', projectId, 'agile', 'velocity'] as const,
  views: (projectId: string, kind: SavedViewKind) =>
    ['entity', 'projects', projectId, 'agile', 'views', kind] as const,
  assignees: (projectId: string) => ['entity', 'projects', projectId, 'agile', 'assignees'] as const,
};

// Loaded data stays on screen while a refetch runs, so a live update never flashes a skeleton.
const keep = <T>(previous: T | undefined) => previous;

/** Every task of a project. */
export const useProjectTasks = (projectId: string) =>
  useQuery({
    queryKey: agileKeys.tasks(projectId),
    queryFn: () => agileApi.tasks(projectId),
    placeholderData: keep,
  });
/** The project's workflow. */
export const useWorkflow = (projectId: string) =>
  useQuery({
    queryKey: agileKeys.workflow(projectId),
    queryFn: () => agileApi.workflow(projectId),
    placeholderData: keep,
  });
/** The custom fields the project defines. */
export const useCustomFields = (projectId: string) =>
  useQuery({
    queryKey: agileKeys.customFields(projectId),
    queryFn: () => agileApi.customFields(projectId),
    placeholderData: keep,
  });
/** The project's sprints. */
export const useSprints = (projectId: string) =>
  useQuery({
    queryKey: agileKeys.sprints(projectId),
    queryFn: () => agileApi.sprints(projectId),
    placeholderData: keep,
  });
/** Who is assigned to which task. */
export const useAssignees = (projectId: string) =>
  useQuery({
    queryKey: agileKeys.assignees(projectId),
    queryFn: () => agileApi.assignees(projectId),
    placeholderData: keep,
  });
/** The saved views of one kind. */
export const useSavedViews = (projectId: string, kind: SavedViewKind) =>
  useQuery({ queryKey: agileKeys.views(projectId, kind), queryFn: () => agileApi.views(projectId, kind) });
