import { parseInstant } from '../calendar/day-number';
import type {
  ConstraintType,
  Link,
  LinkType,
  ScheduleProject,
  ScheduleTask,
  TaskId,
} from '../schedule/model';
import { taskId } from '../schedule/model';

/**
 * One concrete edit of a plan that a change request proposes. Task ids are the plan's; durations and lags are working
 * minutes; dates are wall-clock `YYYY-MM-DDTHH:MM`. An added task can be put after a predecessor and before a successor
 * (finish-to-start links) so that it takes its place in a chain.
 */
export type ChangeEdit =
  | {
      kind: 'addTask';
      name: string;
      parentId: string | null;
      durationMinutes: number;
      predecessorId?: string | null | undefined;
      successorId?: string | null | undefined;
    }
  | { kind: 'removeTask'; taskId: string }
  | { kind: 'setDuration'; taskId: string; durationMinutes: number }
  | { kind: 'addLink'; predecessorId: string; successorId: string; type: LinkType; lagMinutes: number }
  | { kind: 'removeLink'; predecessorId: string; successorId: string }
  | { kind: 'setConstraint'; taskId: string; constraintType: ConstraintType; constraintDate: string | null };

/** A kind of plan edit. */
export type ChangeEditKind = ChangeEdit['kind'];

/** What is wrong with one edit of a proposal: the field is its path, e.g. `proposal[2].taskId`. */
export interface ProposalIssue {
  index: number;
  field: string;
  message: string;
}

/** The id the what-if plan gives the task added by edit `index` (never a stored id, which has a prefix and no colon). */
export const addedTaskId = (index: number): TaskId => taskId(`new:${index}`);

const datedConstraints: ReadonlySet<ConstraintType> = new Set(['snet', 'snlt', 'fnet', 'fnlt', 'mso', 'mfo']);

/** The working state an edit sees: what the edits before it left of the plan. */
interface Working {
  tasks: ScheduleTask[];
  links: Link[];
  byId: Map<string, ScheduleTask>;
  parents: Set<string>;
}

function working(project: ScheduleProject): Working {
  const tasks = [...project.tasks];
  const parents = new Set<string>();
  for (const task of tasks) if (task.parentId !== undefined) parents.add(task.parentId);
  return { tasks, links: [...project.links], byId: new Map(tasks.map((task) => [task.id, task])), parents };
}

function descendantsOf(state: Working, id: string): Set<string> {
  const out = new Set<string>([id]);
  // Outline order puts every child after its parent, so one pass collects the whole branch.
  for (const task of state.tasks) {
    if (task.parentId !== undefined && out.has(task.parentId)) out.add(task.id);
  }
  return out;
}

function rebuildParents(state: Working): void {
  state.parents.clear();
  for (const task of state.tasks) if (task.parentId !== undefined) state.parents.add(task.parentId);
}

function newTask(index: number, edit: Extract<ChangeEdit, { kind: 'addTask' }>, units: number): ScheduleTask {
  return {
    id: addedTaskId(index),
    name: edit.name,
    ...(edit.parentId ? { parentId: taskId(edit.parentId) } : {}),
    durationMinutes: edit.durationMinutes,
    durationUnit: edit.durationMinutes % units === 0 ? 'days' : 'hours',
    elapsed: false,
    estimated: false,
    isMilestone: edit.durationMinutes === 0,
    manual: false,
    active: true,
    type: 'fixedUnits',
    effortDriven: false,
    constraint: { type: 'asap' },
    ignoreResourceCalendar: false,
    percentComplete: 0,
  };
}

/** Where an added task goes in outline order: after its parent's last descendant, or at the end. */
function insertAt(state: Working, parentId: string | null): number {
  if (parentId === null) return state.tasks.length;
  const branch = descendantsOf(state, parentId);
  let last = -1;
  state.tasks.forEach((task, i) => {
    if (branch.has(task.id)) last = i;
  });
  return last + 1;
}

type Check = (field: string, message: string) => false;

function needTask(state: Working, id: string | null | undefined, field: string, issue: Check): boolean {
  if (id === null || id === undefined) return true;
  if (state.byId.has(id)) return true;
  issue(field, `Task ${id} is not in the plan (or an earlier edit of the proposal removes it)`);
  return false;
}

function linkIndex(state: Working, from: string, to: string): number {
  return state.links.findIndex((link) => link.predecessorId === from && link.successorId === to);
}

function addFs(state: Working, from: TaskId, to: TaskId): void {
  if (linkIndex(state, from, to) >= 0) return;
  state.links.push({ predecessorId: from, successorId: to, type: 'FS', lag: { minutes: 0 } });
}

/** Applies one edit to the working state, reporting what stops it; returns false when it could not be. */
function applyEdit(state: Working, edit: ChangeEdit, index: number, units: number, issue: Check): boolean {
  const at = (field: string) => `proposal[${index}].${field}`;
  switch (edit.kind) {
    case 'addTask': {
      const ok =
        needTask(state, edit.parentId, at('parentId'), issue) &&
        needTask(state, edit.predecessorId, at('predecessorId'), issue) &&
        needTask(state, edit.successorId, at('successorId'), issue);
      if (!ok) return false;
      if (edit.name.trim() === '') return issue(at('name'), 'An added task needs a name');
      const task = newTask(index, edit, units);
      state.tasks.splice(insertAt(state, edit.parentId), 0, task);
      state.byId.set(task.id, task);
      if (edit.parentId) state.parents.add(edit.parentId);
      if (edit.predecessorId) addFs(state, taskId(edit.predecessorId), task.id);
      if (edit.successorId) addFs(state, task.id, taskId(edit.successorId));
      return true;
    }
    case 'removeTask': {
      if (!needTask(state, edit.taskId, at('taskId'), issue)) return false;
      const gone = descendantsOf(state, edit.taskId);
      state.tasks = state.tasks.filter((task) => !gone.has(task.id));
      for (const id of gone) state.byId.delete(id);
      state.links = state.links.filter(
        (link) => !gone.has(link.predecessorId) && !gone.has(link.successorId),
      );
      rebuildParents(state);
      return true;
    }
    case 'setDuration': {
      if (!needTask(state, edit.taskId, at('taskId'), issue)) return false;
      if (state.parents.has(edit.taskId)) {
        return issue(
          at('taskId'),
          `Task ${edit.taskId} is a summary task: its duration comes from its children`,
        );
      }
      replaceTask(state, edit.taskId, (task) => ({
        ...task,
        durationMinutes: edit.durationMinutes,
        isMilestone: edit.durationMinutes === 0 ? task.isMilestone || task.durationMinutes === 0 : false,
      }));
      return true;
    }
    case 'addLink': {
      const ok =
        needTask(state, edit.predecessorId, at('predecessorId'), issue) &&
        needTask(state, edit.successorId, at('successorId'), issue);
      if (!ok) return false;
      if (edit.predecessorId === edit.successorId) {
        return issue(at('successorId'), `Task ${edit.successorId} cannot depend on itself`);
      }
      if (linkIndex(state, edit.predecessorId, edit.successorId) >= 0) {
        return issue(
          at('successorId'),
          `Task ${edit.predecessorId} is already linked to ${edit.successorId}`,
        );
      }
      state.links.push({
        predecessorId: taskId(edit.predecessorId),
        successorId: taskId(edit.successorId),
        type: edit.type,
        lag: { minutes: edit.lagMinutes },
      });
      return true;
    }
    case 'removeLink': {
      const found = linkIndex(state, edit.predecessorId, edit.successorId);
      if (found < 0) {
        return issue(
          at('successorId'),
          `The plan has no link from ${edit.predecessorId} to ${edit.successorId}`,
        );
      }
      state.links.splice(found, 1);
      return true;
    }
    case 'setConstraint': {
      if (!needTask(state, edit.taskId, at('taskId'), issue)) return false;
      const dated = datedConstraints.has(edit.constraintType);
      if (dated && edit.constraintDate === null) {
        return issue(at('constraintDate'), `A ${edit.constraintType} constraint needs a date`);
      }
      let date: ScheduleTask['constraint']['date'];
      if (dated && edit.constraintDate !== null) {
        try {
          date = parseInstant(edit.constraintDate);
        } catch {
          return issue(at('constraintDate'), `"${edit.constraintDate}" is not a date-time YYYY-MM-DDTHH:MM`);
        }
      }
      replaceTask(state, edit.taskId, (task) => ({
        ...task,
        constraint: date === undefined ? { type: edit.constraintType } : { type: edit.constraintType, date },
      }));
      return true;
    }
    default:
      return assertNever(edit);
  }
}

function replaceTask(state: Working, id: string, change: (task: ScheduleTask) => ScheduleTask): void {
  const at = state.tasks.findIndex((task) => task.id === id);
  const task = state.tasks[at];
  if (!task) return;
  const next = change(task);
  state.tasks[at] = next;
  state.byId.set(id, next);
}

/** The outcome of applying a proposal to a copy of the plan: the what-if plan, or what stops it. */
export type ProposalResult =
  | { ok: true; project: ScheduleProject; added: TaskId[]; removed: TaskId[] }
  | { ok: false; issues: ProposalIssue[] };

/**
 * Applies a proposal's edits in order to a copy of the plan (the input is not touched), checking each against the
 * plan as the edits before it left it: a task that is not there, a link that does not exist or already does, a
 * summary's duration, a dated constraint without its date.
 * @example applyProposal(plan, [{ kind: 'setDuration', taskId: 'B', durationMinutes: 1920 }])
 */
export function applyProposal(project: ScheduleProject, edits: readonly ChangeEdit[]): ProposalResult {
  const state = working(project);
  const issues: ProposalIssue[] = [];
  edits.forEach((edit, index) => {
    applyEdit(state, edit, index, project.units.minutesPerDay, (field, message) => {
      issues.push({ index, field, message });
      return false;
    });
  });
  if (issues.length > 0) return { ok: false, issues };
  const kept = new Set(state.tasks.map((task) => task.id as string));
  const before = new Set(project.tasks.map((task) => task.id as string));
  const added = state.tasks.filter((task) => !before.has(task.id)).map((task) => task.id);
  const removed = project.tasks.filter((task) => !kept.has(task.id)).map((task) => task.id);
  return {
    ok: true,
    project: {
      ...project,
      tasks: state.tasks,
      links: state.links,
      assignments: project.assignments.filter((assignment) => kept.has(assignment.taskId)),
    },
    added,
    removed,
  };
}

function assertNever(value: never): never {
  throw new Error(`Unexpected plan edit ${JSON.stringify(value)}`);
}
