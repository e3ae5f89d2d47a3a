/** A whole schedule as `GET …/schedule` answers it. */
export interface Schedule {
  planRevision: number;
  start: string;
  finish: string;
  statusDate: string | null;
  cycle: null | { taskIds: string[]; names: string[] };
  tasks: Record<string, unknown>[];
  criticalPath: string[];
}

interface Column {
  at: number[];
  values?: unknown[];
  add?: number;
}

/** What `GET …/schedule?since=REV&shape=columns` answers: a columns delta, a tasks delta, or the whole schedule. */
export type Reply = Partial<Schedule> & {
  delta?: boolean;
  shape?: 'columns';
  since?: number;
  count?: number;
  columns?: Record<string, Column>;
  removed?: string[];
};

/** What a client does with a columns delta: copies each changed row with its new values, keeps the rest. */
function withColumns(held: Schedule, reply: Reply): Schedule {
  const { delta: _d, shape: _s, since: _since, count: _c, columns = {}, criticalPath, ...project } = reply;
  const tasks = held.tasks.map((task) => ({ ...task }));
  for (const [field, { at, values, add }] of Object.entries(columns)) {
    let k = 0;
    for (let r = 0; r < at.length; r += 2) {
      for (let i = at[r] as number; i < (at[r] as number) + (at[r + 1] as number); i++, k++) {
        const row = tasks[i] as Record<string, unknown>;
        row[field] = values ? values[k] : (row[field] as number) + (add ?? 0);
      }
    }
  }
  return {
    ...(project as Omit<Schedule, 'tasks' | 'criticalPath'>),
    tasks,
    criticalPath: criticalPath ?? held.criticalPath,
  };
}

/** What a client does with a tasks delta: replaces the changed tasks by id, drops the removed, takes the rest. */
function withTasks(held: Schedule, reply: Reply): Schedule {
  const { delta: _d, since: _s, removed = [], tasks = [], ...project } = reply;
  const changed = new Map(tasks.map((task) => [task.id, task]));
  const gone = new Set(removed);
  return {
    ...(project as Omit<Schedule, 'tasks'>),
    tasks: held.tasks
      .filter((task) => !gone.has(task.id as string))
      .map((task) => changed.get(task.id) ?? task),
  };
}

/** The schedule a client holds after applying a `since` reply of any shape to the schedule it held. */
export function applied(held: Schedule, reply: Reply): Schedule {
  if (reply.shape === 'columns') return withColumns(held, reply);
  if (reply.delta) return withTasks(held, reply);
  const { delta: _d, ...whole } = reply;
  return whole as Schedule;
}
