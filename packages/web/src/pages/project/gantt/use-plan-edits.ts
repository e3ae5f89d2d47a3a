import { useQueryClient } from '@tanstack/react-query';
import { useMemo } from 'react';
import { messageOf } from '../../../api/client';
import {
  itemsOf,
  type LinkType,
  ownWrite,
  type Plan,
  type PlanLink,
  type PlanTask,
  planApi,
  planKeys,
  type TaskChanges,
} from '../../../api/plan';
import { useToast } from '../../../components/toast';
import { inverseChanges, planHistory } from './plan-history';
import { mergeSchedule } from './schedule-delta';

/** The edits the Gantt (and the task panel) make: each goes to the API, then the chart shows the server's schedule. */
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
  /** Takes back the last task edit (Ctrl+Z); false when there is none or the server refused. */
  undo(): Promise<boolean>;
  /** Does the last undone task edit again (Ctrl+Shift+Z). */
  redo(): Promise<boolean>;
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
    // Not awaited: the refetch waits for the edits in flight (see ownWrite), and an edit must not wait for it in turn.
    const refresh = () => {
      void client.invalidateQueries({ queryKey: key });
    };
    /**
     * After one of our own writes, the task or link the server replied with goes into the cached plan and only the
     * schedule's changes since the cached revision are fetched and merged (usually a few tasks; the whole schedule
     * when the server cannot tell); tasks are put in the schedule's outline order.
     */
    const reschedule = async (change: (plan: Plan) => Plan) => {
      const held = client.getQueryData<Plan>(key)?.schedule;
      const reply = held
        ? await planApi.scheduleSince(projectId, held.planRevision)
        : await planApi.schedule(projectId);
      // Merged against what the cache holds now: another edit may have brought in a newer schedule meanwhile.
      const schedule =
        mergeSchedule(client.getQueryData<Plan>(key)?.schedule, reply) ?? (await planApi.schedule(projectId));
      let complete = true;
      client.setQueryData<Plan>(key, (plan) => {
        if (!plan) return plan;
        const next = change(plan);
        if (schedule.cycle) {
          complete = false;
          return { ...next, schedule, planRevision: schedule.planRevision };
        }
        // Most edits keep the tasks and their order: the task and link lists are then kept as they are.
        if (sameOrder(next.tasks, schedule.tasks))
          return { ...next, schedule, planRevision: schedule.planRevision };
        const order = new Map(schedule.tasks.map((t, i) => [t.id, i]));
        const tasks = next.tasks.filter((t) => order.has(t.id));
        tasks.sort((a, b) => (order.get(a.id) ?? 0) - (order.get(b.id) ?? 0));
        // A task the schedule has and the cache has not was added by someone else: the whole plan is read again.
        if (tasks.length !== schedule.tasks.length) complete = false;
        const kept = new Set(tasks.map((t) => t.id));
        const links = next.links.filter((l) => kept.has(l.predecessorId) && kept.has(l.successorId));
        return { ...next, tasks, links, schedule, planRevision: schedule.planRevision };
      });
      if (!complete) refresh();
    };
    const withTask = (task: PlanTask) => (plan: Plan) => {
      const known = plan.tasks.some((t) => t.id === task.id);
      return {
        ...plan,
        tasks: known
          ? plan.tasks.map((t) => (t.id === task.id ? { ...t, ...task } : t))
          : [...plan.tasks, task],
      };
    };
    async function attempt<T>(run: () => Promise<T>): Promise<{ ok: true; value: T } | { ok: false }> {
      try {
        const value = await run();
        return { ok: true, value };
      } catch (error) {
        toast.error(messageOf(error));
        refresh();
        return { ok: false };
      }
    }
    const history = planHistory(projectId);
    /** The task as the cache holds it now (its newest version), for an undo or redo of an earlier edit. */
    const current = (taskId: string) => client.getQueryData<Plan>(key)?.tasks.find((t) => t.id === taskId);
    const patch = async (task: PlanTask, changes: TaskChanges) => {
      const result = await attempt(() => planApi.updateTask(task.id, changes, task.version));
      if (!result.ok) return false;
      await reschedule(withTask(result.value));
      return true;
    };
    /** Sends each task the same changes, one bulk write per group of tasks that take the same values. */
    const patchAll = async (changesById: ReadonlyMap<string, TaskChanges>) => {
      const groups = new Map<string, { ids: string[]; changes: TaskChanges }>();
      for (const [id, changes] of changesById) {
        const text = JSON.stringify(changes);
        const group = groups.get(text) ?? { ids: [], changes };
        group.ids.push(id);
        groups.set(text, group);
      }
      for (const { ids, changes } of groups.values()) {
        const [only] = ids;
        const task = only === undefined ? undefined : current(only);
        const ok = ids.length === 1 && task ? await patch(task, changes) : await bulkWrite(ids, changes);
        if (!ok) return false;
      }
      return true;
    };
    const bulkWrite = async (taskIds: string[], changes: TaskChanges) => {
      const result = await attempt(() => planApi.bulkUpdate(projectId, taskIds, changes));
      if (!result.ok) return false;
      const changed = new Map(itemsOf(result.value).map((t) => [t.id, t]));
      await reschedule((plan) => ({
        ...plan,
        tasks: plan.tasks.map((t) => {
          const next = changed.get(t.id);
          return next ? { ...t, ...next } : t;
        }),
      }));
      return true;
    };
    const edits: PlanEdits = {
      undo: () => history.undo(),
      redo: () => history.redo(),
      async createTask(body) {
        const result = await attempt(() => planApi.createTask(projectId, body));
        if (!result.ok) return undefined;
        await reschedule(withTask(result.value));
        return result.value;
      },
      async updateTask(task, changes) {
        if (!(await patch(task, changes))) return false;
        const inverse = inverseChanges(task, changes);
        const again = (values: TaskChanges) => async () => {
          const now = current(task.id);
          return now ? patch(now, values) : false;
        };
        history.record({ undo: again(inverse), redo: again(changes) });
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
        const gone = new Set(tasks.map((t) => t.id));
        await reschedule((plan) => ({ ...plan, tasks: plan.tasks.filter((t) => !gone.has(t.id)) }));
        return true;
      },
      async bulkUpdate(taskIds, changes) {
        const before = new Map(taskIds.flatMap((id) => current(id) ?? []).map((t) => [t.id, t]));
        if (!(await bulkWrite(taskIds, changes))) return false;
        const inverse = new Map([...before].map(([id, task]) => [id, inverseChanges(task, changes)]));
        history.record({
          undo: () => patchAll(inverse),
          redo: () => patchAll(new Map(taskIds.map((id) => [id, changes]))),
        });
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
        await reschedule((plan) => ({ ...plan, links: [...plan.links, result.value] }));
        return true;
      },
      async updateLink(link, changes) {
        const result = await attempt(() => planApi.updateLink(link.id, changes, link.version));
        if (!result.ok) return false;
        await reschedule((plan) => ({
          ...plan,
          links: plan.links.map((l) => (l.id === link.id ? { ...l, ...result.value } : l)),
        }));
        return true;
      },
      async deleteLink(link) {
        const result = await attempt(() => planApi.deleteLink(link.id, link.version));
        if (!result.ok) return false;
        await reschedule((plan) => ({ ...plan, links: plan.links.filter((l) => l.id !== link.id) }));
        return true;
      },
    };
    // Each edit, its reply and its schedule together: a live event's refetch waits for the whole of it.
    const wrapped = {} as Record<string, unknown>;
    for (const [name, edit] of Object.entries(edits)) {
      wrapped[name] = (...args: unknown[]) =>
        ownWrite(projectId, () => (edit as (...a: unknown[]) => Promise<unknown>)(...args));
    }
    return wrapped as unknown as PlanEdits;
  }, [client, projectId, toast]);
}

/** True when the plan's tasks are exactly the schedule's, in the same order. */
function sameOrder(tasks: readonly { id: string }[], scheduled: readonly { id: string }[]): boolean {
  if (tasks.length !== scheduled.length) return false;
  for (let i = 0; i < tasks.length; i++) if (tasks[i]?.id !== scheduled[i]?.id) return false;
  return true;
}
