import {
  type Constraint,
  type ConstraintType,
  type DurationUnit,
  money,
  parseInstant,
  type ScheduleTask,
  type TaskType,
  taskId,
} from '@tandem/core';

/** The task columns the engine reads, with plan dates as `YYYY-MM-DDTHH:MM` text. */
export interface EngineTaskFields {
  id: string;
  parentId: string | null;
  name: string;
  durationMinutes: number;
  durationUnit: string;
  elapsed: boolean;
  scheduling: string;
  manualStart: string | null;
  manualFinish: string | null;
  isMilestone: boolean;
  constraintType: string;
  constraintDate: string | null;
  deadline: string | null;
  percentComplete: number;
  actualStart: string | null;
  actualFinish: string | null;
  workMinutes: number | null;
  taskType: string;
  effortDriven: boolean;
  active: boolean;
  fixedCostCents: number;
}

const units = new Set(['minutes', 'hours', 'days', 'weeks', 'months']);
const dated = new Set(['snet', 'snlt', 'fnet', 'fnlt', 'mso', 'mfo']);

function constraintOf(task: EngineTaskFields): Constraint {
  const type = task.constraintType as ConstraintType;
  if (!dated.has(type)) return { type: type === 'alap' ? 'alap' : 'asap' };
  // The API refuses a dated constraint without its date; rows written otherwise (a bulk import) fall back to ASAP.
  if (task.constraintDate === null) return { type: 'asap' };
  return { type, date: parseInstant(task.constraintDate) };
}

/**
 * The engine's view of one task. `parentId` is kept only when the parent is in the plan, so a task is never the child
 * of something the engine cannot see.
 */
export function engineTask(task: EngineTaskFields, hasParent: boolean): ScheduleTask {
  const instant = (text: string | null) => (text === null ? undefined : parseInstant(text));
  const manualStart = instant(task.manualStart);
  const manualFinish = instant(task.manualFinish);
  const deadline = instant(task.deadline);
  const actualStart = instant(task.actualStart);
  const actualFinish = instant(task.actualFinish);
  return {
    id: taskId(task.id),
    name: task.name,
    ...(hasParent && task.parentId !== null ? { parentId: taskId(task.parentId) } : {}),
    durationMinutes: task.durationMinutes,
    durationUnit: (units.has(task.durationUnit) ? task.durationUnit : 'days') as DurationUnit,
    elapsed: task.elapsed,
    estimated: false,
    isMilestone: task.isMilestone,
    manual: task.scheduling === 'manual',
    ...(manualStart === undefined ? {} : { manualStart }),
    ...(manualFinish === undefined ? {} : { manualFinish }),
    active: task.active,
    type: task.taskType as TaskType,
    effortDriven: task.effortDriven,
    constraint: constraintOf(task),
    ...(deadline === undefined ? {} : { deadline }),
    ignoreResourceCalendar: false,
    percentComplete: task.percentComplete,
    ...(actualStart === undefined ? {} : { actualStart }),
    ...(actualFinish === undefined ? {} : { actualFinish }),
    ...(task.workMinutes === null ? {} : { work: task.workMinutes }),
    ...(task.fixedCostCents === 0 ? {} : { fixedCost: money(task.fixedCostCents) }),
  };
}

/** The engine fields of a stored task row (as drizzle reads it: plan dates as `YYYY-MM-DD HH:MM:SS`). */
export function engineFieldsOfRow(
  row: {
    [K in keyof EngineTaskFields]: EngineTaskFields[K];
  },
): EngineTaskFields {
  const wall = (text: string | null) => (text === null ? null : `${text.slice(0, 10)}T${text.slice(11, 16)}`);
  return {
    id: row.id,
    parentId: row.parentId,
    name: row.name,
    durationMinutes: row.durationMinutes,
    durationUnit: row.durationUnit,
    elapsed: row.elapsed,
    scheduling: row.scheduling,
    manualStart: wall(row.manualStart),
    manualFinish: wall(row.manualFinish),
    isMilestone: row.isMilestone,
    constraintType: row.constraintType,
    constraintDate: wall(row.constraintDate),
    deadline: wall(row.deadline),
    percentComplete: row.percentComplete,
    actualStart: wall(row.actualStart),
    actualFinish: wall(row.actualFinish),
    workMinutes: row.workMinutes,
    taskType: row.taskType,
    effortDriven: row.effortDriven,
    active: row.active,
    fixedCostCents: row.fixedCostCents,
  };
}
