import type { Schedule, ScheduledTask, ScheduleReply } from '../../../api/plan';

/**
 * The schedule `reply` describes, given the schedule the client holds; undefined when a delta was computed against
 * another revision than `held` (the caller then reads the whole schedule). A full reply is taken as it is.
 */
export function mergeSchedule(held: Schedule | undefined, reply: ScheduleReply): Schedule | undefined {
  const { delta, since, removed, ...schedule } = reply;
  if (delta !== true) return schedule;
  if (!held || held.planRevision !== since) return undefined;
  if (reply.tasks.length === 0 && (removed?.length ?? 0) === 0) return { ...schedule, tasks: held.tasks };
  const changed = new Map<string, ScheduledTask>(reply.tasks.map((task) => [task.id, task]));
  const gone = new Set(removed ?? []);
  const tasks: ScheduledTask[] = [];
  for (const task of held.tasks) {
    if (gone.has(task.id)) continue;
    tasks.push(changed.get(task.id) ?? task);
  }
  return { ...schedule, tasks };
}
