/** The typed client of a project's plan: tasks with their scheduling fields, links, the schedule, comments. */
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { request } from './client';

export type TaskScheduling = 'auto' | 'manual';
export type ConstraintType = 'asap' | 'alap' | 'snet' | 'snlt' | 'fnet' | 'fnlt' | 'mso' | 'mfo';
export type LinkType = 'FS' | 'SS' | 'FF' | 'SF';
export type TaskPriority = 'lowest' | 'low' | 'medium' | 'high' | 'highest';

/** A task as the plan endpoints return it: every field a user edits. Dates are wall-clock `YYYY-MM-DDTHH:MM`. */
export interface PlanTask {
  id: string;
  projectId: string;
  parentId: string | null;
  name: string;
  description?: string;
  position: number;
  durationMinutes: number;
  durationUnit?: string;
  elapsed?: boolean;
  scheduling?: TaskScheduling;
  manualStart?: string | null;
  manualFinish?: string | null;
  isMilestone?: boolean;
  constraintType?: ConstraintType;
  constraintDate?: string | null;
  deadline?: string | null;
  percentComplete?: number;
  actualStart?: string | null;
  actualFinish?: string | null;
  workMinutes?: number | null;
  storyPoints?: number | null;
  status?: string;
  priority?: TaskPriority;
  labels?: string[];
  sprintId?: string | null;
  /** The product feature the task delivers. */
  featureId?: string | null;
  /** Names of the resources assigned, when the server sends them. */
  resourceNames?: string[];
  version: number;
}

/** A dependency: the successor waits on the predecessor by `type`, shifted by a lag. */
export interface PlanLink {
  id: string;
  predecessorId: string;
  successorId: string;
  type: LinkType;
  lagMinutes: number;
  lagPercent?: number | null;
  version: number;
}

/** One task's computed dates, slack and criticality. */
export interface ScheduledTask {
  id: string;
  outline: string;
  level: number;
  summary: boolean;
  start: string;
  finish: string;
  earlyStart?: string;
  earlyFinish?: string;
  lateStart?: string;
  lateFinish?: string;
  durationMinutes: number;
  workMinutes?: number;
  costCents?: number;
  percentComplete: number;
  totalSlack: number;
  freeSlack?: number;
  critical: boolean;
}

/** The engine's answer for one plan revision. */
export interface Schedule {
  planRevision: number;
  start: string;
  finish: string;
  statusDate: string | null;
  cycle: null | { taskIds: string[]; names: string[] };
  tasks: ScheduledTask[];
  criticalPath: string[];
}

/**
 * What `GET …/schedule?since=REV` answers: with `delta: true`, only the tasks whose values changed since revision
 * `since` and the ids removed since; with `delta: false` (the server could not tell), the whole schedule.
 */
export interface ScheduleTasksReply extends Schedule {
  delta?: boolean;
  since?: number;
  removed?: string[];
  shape?: undefined;
}

/** One changed field of a columns delta: rows as runs `[first, count, …]`, and their values or one shared difference. */
export interface ScheduleColumn {
  at: number[];
  values?: (string | number | boolean)[];
  add?: number;
}

/**
 * What `GET …/schedule?since=REV&shape=columns` answers when the server can tell what changed: per changed field, the
 * rows (indexes in the schedule at `since`) and their new values; `criticalPath` only when it changed.
 */
export interface ScheduleColumnsReply extends Omit<Schedule, 'tasks' | 'criticalPath'> {
  delta: true;
  shape: 'columns';
  since: number;
  count: number;
  columns: Record<string, ScheduleColumn>;
  criticalPath?: string[];
}

/** A delta reply: columns when the server could tell them, otherwise tasks (or the whole schedule). */
export type ScheduleReply = ScheduleTasksReply | ScheduleColumnsReply;

/** The project fields a Gantt reads. */
export interface PlanProject {
  id: string;
  workspaceId: string;
  name: string;
  startDate: string;
  statusDate?: string | null;
  calendar?: { minutesPerDay?: number; minutesPerWeek?: number; daysPerMonth?: number };
  workflow?: { key: string; name: string; category?: string }[];
  /** The product the project delivers for (set by a hand-off); its features are what tasks may deliver. */
  productId?: string | null;
  version: number;
}

/** Everything a Gantt needs, in one reply. */
export interface Plan {
  project: PlanProject;
  planRevision: number;
  tasks: PlanTask[];
  links: PlanLink[];
  schedule: Schedule;
}

/** Fields a task create or update may send. */
export type TaskChanges = Partial<
  Omit<PlanTask, 'id' | 'projectId' | 'version' | 'resourceNames' | 'durationUnit'> & { durationUnit: string }
>;

/** A comment on a task, in Markdown. */
export interface TaskComment {
  id: string;
  taskId: string;
  body: string;
  author?: { id: string; name: string } | null;
  authorId?: string;
  createdAt: string;
  version: number;
}

/** A named snapshot of the schedule; `tasks` holds each task's baseline dates when the server includes them. */
export interface Baseline {
  id: string;
  name: string;
  createdAt?: string;
  tasks?: Record<string, { start: string; finish: string }>;
}

/** A resource assigned to a task of the plan. */
export interface PlanAssignment {
  id: string;
  taskId: string;
  resourceId: string;
  resourceName: string;
  /** 1 = full time. */
  units: number;
}

const enc = encodeURIComponent;

/** Every assignment of a project, read page by page. */
async function allAssignments(projectId: string): Promise<PlanAssignment[]> {
  const out: PlanAssignment[] = [];
  let cursor: string | undefined;
  do {
    const page = await request<{ items: PlanAssignment[]; nextCursor: string | null }>(
      'GET',
      `/api/projects/${enc(projectId)}/assignments`,
      { query: { limit: 200, cursor } },
    );
    out.push(...page.items);
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return out;
}

/** Every plan call, one function per route. */
export const planApi = {
  plan: (projectId: string, signal?: AbortSignal) =>
    request<Plan>('GET', `/api/projects/${enc(projectId)}/plan`, signal ? { signal } : {}),
  schedule: (projectId: string) => request<Schedule>('GET', `/api/projects/${enc(projectId)}/schedule`),
  /** The schedule as a columns delta since a revision the client holds (or whole, marked `delta: false`). */
  scheduleSince: (projectId: string, since: number) =>
    request<ScheduleReply>('GET', `/api/projects/${enc(projectId)}/schedule`, {
      query: { since, shape: 'columns' },
    }),
  createTask: (projectId: string, body: TaskChanges & { name: string }) =>
    request<PlanTask>('POST', `/api/projects/${enc(projectId)}/tasks`, { body }),
  updateTask: (taskId: string, changes: TaskChanges, version: number) =>
    request<PlanTask>('PATCH', `/api/tasks/${enc(taskId)}`, { body: changes, ifMatch: version }),
  deleteTask: (taskId: string, version: number) =>
    request<void>('DELETE', `/api/tasks/${enc(taskId)}`, { ifMatch: version }),
  bulkUpdate: (projectId: string, taskIds: string[], changes: TaskChanges) =>
    request<{ items: PlanTask[] }>('POST', `/api/projects/${enc(projectId)}/tasks/bulk`, {
      body: { taskIds, changes },
    }),
  bulkDelete: (projectId: string, taskIds: string[]) =>
    request<unknown>('POST', `/api/projects/${enc(projectId)}/tasks/bulk-delete`, { body: { taskIds } }),
  createLink: (
    projectId: string,
    body: { predecessorId: string; successorId: string; type: LinkType; lagMinutes?: number },
  ) => request<PlanLink>('POST', `/api/projects/${enc(projectId)}/links`, { body }),
  updateLink: (linkId: string, changes: { type?: LinkType; lagMinutes?: number }, version: number) =>
    request<PlanLink>('PATCH', `/api/links/${enc(linkId)}`, { body: changes, ifMatch: version }),
  deleteLink: (linkId: string, version: number) =>
    request<void>('DELETE', `/api/links/${enc(linkId)}`, { ifMatch: version }),
  comments: (taskId: string) =>
    request<{ items: TaskComment[] } | TaskComment[]>('GET', `/api/tasks/${enc(taskId)}/comments`),
  addComment: (taskId: string, body: string) =>
    request<TaskComment>('POST', `/api/tasks/${enc(taskId)}/comments`, { body: { body } }),
  assignments: allAssignments,
  baselines: (projectId: string) =>
    request<{ items: Baseline[] } | Baseline[]>('GET', `/api/projects/${enc(projectId)}/baselines`),
  baseline: (baselineId: string) =>
    request<Baseline | { baseline: Baseline }>('GET', `/api/baselines/${enc(baselineId)}`),
};

/** Query keys of the plan; live events of a project's tasks and links mark them stale. */
export const planKeys = {
  all: ['plan'] as const,
  plan: (projectId: string) => ['plan', projectId] as const,
  comments: (taskId: string) => ['plan', 'comments', taskId] as const,
  /** Under the plan's key: the baselines tab refreshes the Gantt's list through it. */
  baselines: (projectId: string) => ['plan', projectId, 'baselines'] as const,
  // Apart from the plan's key, so a task edit does not refetch them; live events name them on their own changes.
  baseline: (baselineId: string) => ['plan-baseline', baselineId] as const,
  assignments: (projectId: string) => ['plan-assignments', projectId] as const,
};

/** Lists come bare or as a page; both read as an array. */
export function itemsOf<T>(reply: { items: T[] } | T[] | undefined): T[] {
  if (!reply) return [];
  return Array.isArray(reply) ? reply : reply.items;
}

/** Own writes in flight per project: a refetch waits for them, since each brings its schedule into the cache itself. */
const ownWrites = new Map<string, Set<Promise<unknown>>>();

/** Runs one of our own writes to a plan, so that refetches of that plan wait for it. */
export async function ownWrite<T>(projectId: string, run: () => Promise<T>): Promise<T> {
  const running = run();
  const set = ownWrites.get(projectId) ?? new Set();
  ownWrites.set(projectId, set);
  set.add(running);
  try {
    return await running;
  } finally {
    set.delete(running);
  }
}

/**
 * The plan of a project, kept fresh by live events. A refetch first asks for the schedule's changes since the cached
 * revision (a small reply): when the cache already holds the newest revision (the live event of one's own edit), the
 * large plan is not downloaded again.
 */
export function usePlan(projectId: string) {
  const client = useQueryClient();
  return useQuery({
    queryKey: planKeys.plan(projectId),
    queryFn: async ({ signal }) => {
      if (client.getQueryData<Plan>(planKeys.plan(projectId))) {
        await Promise.allSettled([...(ownWrites.get(projectId) ?? [])]);
        const held = client.getQueryData<Plan>(planKeys.plan(projectId));
        // Only the revision is compared: asking since the held one makes the reply a few tasks, not the whole schedule.
        const schedule = held
          ? await planApi.scheduleSince(projectId, held.schedule.planRevision)
          : await planApi.schedule(projectId);
        // Read after the wait: the live event of one's own edit usually finds its schedule already in the cache.
        const cached = client.getQueryData<Plan>(planKeys.plan(projectId));
        if (cached && schedule.planRevision <= cached.planRevision) return cached;
      }
      return planApi.plan(projectId, signal);
    },
    // A drag refetches at once; keeping the old plan on screen meanwhile avoids a flash of the skeleton.
    placeholderData: (previous) => previous,
    // Edits merge their changes into the cached plan keeping every unchanged object, so comparing 10,000 tasks deeply
    // on each write would only cost time.
    structuralSharing: false,
  });
}
