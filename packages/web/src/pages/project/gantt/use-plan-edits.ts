import { useQueryClient } from '@tanstack/react-query';
import { useMemo } from 'react';
import { messageOf } from '../../../api/client';
import {
  type LinkType,
  type Plan,
  type PlanLink,
  type PlanTask,
  planApi,
  planKeys,
  type TaskChanges,
} from '../../../api/plan';
import { useToast } from '../../../components/toast';

/** The edits the Gantt (and the task panel) make: each goes to the API, then the plan is refetched from the server. */
export interface PlanEdits {
  createTask(body: TaskChanges & { name: string }): Promise<PlanTask | undefined>;
  updateTask(task: PlanTask, changes: TaskChanges): Promise<boolean>;
  deleteTasks(tasks: readonly PlanTask[]): Promise<boolean>;
  bulkUpdate(taskIds: string[], changes: TaskChanges): Promise<boolean>;
  createLink(
    predecessorId: string,
    successorId: string,
    type?: LinkType,
    lagMinutes?: number,
  ): Promise<boolean>;
  updateLink(link: PlanLink, changes: { type?: LinkType; lagMinutes?: number }): Promise<boolean>;
  deleteLink(link: PlanLink): Promise<boolean>;
}

/**
 * Calls the plan API for one project and refetches the plan after every write, so the chart always shows the
 * server's rescheduled result; failures (a cycle, a stale version, a refused value) show as a toast.
 */
export function usePlanEdits(projectId: string): PlanEdits {
  const client = useQueryClient();
  const toast = useToast();
  return useMemo(() => {
    const key = planKeys.plan(projectId);
    const refresh = () => client.invalidateQueries({ queryKey: key });
    // The reply's new version goes into the cache at once, so a second edit before the refetch is not refused as stale.
    const remember = (task: PlanTask | undefined) => {
      if (!task?.id) return;
      client.setQueryData<Plan>(key, (plan) =>
        plan ? { ...plan, tasks: plan.tasks.map((t) => (t.id === task.id ? { ...t, ...task } : t)) } : plan,
      );
    };
    async function attempt<T>(run: () => Promise<T>): Promise<{ ok: true; value: T } | { ok: false }> {
      try {
        const value = await run();
        return { ok: true, value };
      } catch (error) {
        toast.error(messageOf(error));
        await refresh();
        return { ok: false };
      }
    }
    return {
      async createTask(body) {
        const result = await attempt(() => planApi.createTask(projectId, body));
        if (!result.ok) return undefined;
        await refresh();
        return result.value;
      },
      async updateTask(task, changes) {
        const result = await attempt(() => planApi.updateTask(task.id, changes, task.version));
        if (!result.ok) return false;
        remember(result.value);
        await refresh();
        return true;
      },
      async deleteTasks(tasks) {
        const [only] = tasks;
        const result = await attempt(() =>
          tasks.length === 1 && only
            ? planApi.deleteTask(only.id, only.version)
            : planApi.bulkDelete(
                projectId,
                tasks.map((t) => t.id),
              ),
        );
        if (!result.ok) return false;
        await refresh();
        return true;
      },
      async bulkUpdate(taskIds, changes) {
        const result = await attempt(() => planApi.bulkUpdate(projectId, taskIds, changes));
        if (!result.ok) return false;
        await refresh();
        return true;
      },
      async createLink(predecessorId, successorId, type = 'FS', lagMinutes) {
        const result = await attempt(() =>
          planApi.createLink(projectId, {
            predecessorId,
            successorId,
            type,
            ...(lagMinutes === undefined ? {} : { lagMinutes }),
          }),
        );
        if (!result.ok) return false;
        await refresh();
        return true;
      },
      async updateLink(link, changes) {
        const result = await attempt(() => planApi.updateLink(link.id, changes, link.version));
        if (!result.ok) return false;
        await refresh();
        return true;
      },
      async deleteLink(link) {
        const result = await attempt(() => planApi.deleteLink(link.id, link.version));
        if (!result.ok) return false;
        await refresh();
        return true;
      },
    };
  }, [client, projectId, toast]);
}
