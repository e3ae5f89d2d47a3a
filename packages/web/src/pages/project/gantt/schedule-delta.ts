import type {
  Schedule,
  ScheduleColumnsReply,
  ScheduledTask,
  ScheduleReply,
  ScheduleTasksReply,
} from '../../../api/plan';

/**
 * The schedule `reply` describes, given the schedule the client holds; undefined when a delta was computed against
 * another revision than `held` (the caller then reads the whole schedule). A full reply is taken as it is.
 */
export function mergeSchedule(held: Schedule | undefined, reply: ScheduleReply): Schedule | undefined {
  if (reply.shape === 'columns') return mergeColumns(held, reply);
  return mergeTasks(held, reply);
}

function mergeTasks(held: Schedule | undefined, reply: ScheduleTasksReply): Schedule | undefined {
  const { delta, since, removed, shape: _shape, ...schedule } = reply;
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

/**
 * Applies a columns delta: each changed row gets a copy of its task with the new values; the others keep their
 * objects, so the chart redraws only the rows that changed.
 */
function mergeColumns(held: Schedule | undefined, reply: ScheduleColumnsReply): Schedule | undefined {
  const { delta: _d, shape: _s, since, count, columns, criticalPath, ...project } = reply;
  if (!held || held.planRevision !== since || held.tasks.length !== count) return undefined;
  const tasks = held.tasks.slice();
  const copied = new Uint8Array(tasks.length);
  for (const [field, column] of Object.entries(columns)) {
    const { at, values, add } = column;
    let k = 0;
    for (let r = 0; r + 1 < at.length; r += 2) {
      const first = at[r] as number;
      const last = first + (at[r + 1] as number);
      for (let i = first; i < last; i++, k++) {
        const task = tasks[i];
        if (!task) return undefined;
        const row = (copied[i] ? task : { ...task }) as unknown as Record<string, unknown>;
        copied[i] = 1;
        row[field] = values ? values[k] : (row[field] as number) + (add ?? 0);
        tasks[i] = row as unknown as ScheduledTask;
      }
    }
  }
  return { ...project, tasks, criticalPath: criticalPath ?? held.criticalPath };
}
