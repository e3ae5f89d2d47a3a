import type { ScheduleTask } from '@tandem/core/schedule/model';
import {
  applySchedule,
  type MspdiAssignment,
  type MspdiProject,
  type MspdiResource,
  type MspdiTask,
  writeMspdi,
} from '@tandem/interop';
import { eq } from 'drizzle-orm';
import { policy } from '../../auth/policy';
import type { Database } from '../../db/client';
import { projects } from '../../db/schema/projects';
import { tasks } from '../../db/schema/tasks';
import { codeOfContour } from '../assignments/work-contours';
import { scheduleSuccessOf } from '../baselines/core-schedule';
import { loadPlanInput } from '../schedule/build-input';
import { computeSchedule } from '../schedule/schedule-service';
import { notFound } from '../shared/errors';
import { toMspdiCalendars } from './mspdi-calendars';

const constraintCodes = ['asap', 'alap', 'mso', 'mfo', 'snet', 'snlt', 'fnet', 'fnlt'];
const taskTypeCodes = ['fixedUnits', 'fixedDuration', 'fixedWork'];
const linkTypeCodes = ['FF', 'FS', 'SF', 'SS'];
const durationCodes = { minutes: 3, hours: 5, days: 7, weeks: 9, months: 11 } as const;

/** The project a caller may see, with what an export names it by. */
export async function visibleProject(db: Database, userId: string, projectId: string) {
  const [row] = await db.select().from(projects).where(eq(projects.id, projectId));
  if (!row) throw notFound('Project', projectId);
  await policy.assertCanSee(db, userId, { kind: 'project', id: row.id, workspaceId: row.workspaceId });
  return row;
}

/** A file name made of the project's name: letters, digits, spaces, dashes and dots only. */
export function fileNameOf(name: string, extension: string): string {
  const base = name.replace(/[^\p{L}\p{N} ._-]+/gu, '').trim() || 'project';
  return `${base.slice(0, 100)}.${extension}`;
}

function mspdiTask(
  task: ScheduleTask,
  uid: number,
  outline: string,
  level: number,
  notes: string,
): MspdiTask {
  const duration = Math.round(task.durationMinutes);
  return {
    UID: uid,
    ID: uid,
    Name: task.name,
    Active: task.active,
    Manual: task.manual,
    Type: taskTypeCodes.indexOf(task.type),
    OutlineNumber: outline,
    OutlineLevel: level,
    ...(task.manual && task.manualStart !== undefined && { ManualStart: task.manualStart }),
    ...(task.manual && task.manualFinish !== undefined && { ManualFinish: task.manualFinish }),
    Duration: duration,
    DurationFormat: durationCodes[task.durationUnit] + (task.elapsed ? 1 : 0),
    ...(task.work !== undefined && { Work: task.work }),
    EffortDriven: task.effortDriven,
    Milestone: task.isMilestone,
    ...(task.fixedCost !== undefined && task.fixedCost !== 0 && { FixedCost: task.fixedCost }),
    PercentComplete: task.percentComplete,
    ...(task.actualStart !== undefined && { ActualStart: task.actualStart }),
    ...(task.actualFinish !== undefined && { ActualFinish: task.actualFinish }),
    ConstraintType: constraintCodes.indexOf(task.constraint.type),
    ...(task.constraint.date !== undefined && { ConstraintDate: task.constraint.date }),
    ...(task.deadline !== undefined && { Deadline: task.deadline }),
    ...(notes !== '' && { Notes: notes }),
    predecessorLinks: [],
    baselines: [],
    extendedAttributes: [],
    other: [],
  };
}

/** What both exports read: the visible project, its plan input, its computed schedule and each task's notes. */
export async function exportSources(db: Database, userId: string, projectId: string) {
  const row = await visibleProject(db, userId, projectId);
  const [input, schedule] = await Promise.all([loadPlanInput(db, projectId), computeSchedule(db, projectId)]);
  const notes = new Map(
    (
      await db
        .select({ id: tasks.id, description: tasks.description })
        .from(tasks)
        .where(eq(tasks.projectId, projectId))
    ).map((task) => [task.id, task.description]),
  );
  return { row, input, schedule, notes };
}

/**
 * The project as an MS Project XML (MSPDI) document: calendars, the task tree with every scheduling input, links,
 * resources and assignments, and the dates the schedule service computed in MS Project's computed fields.
 * @example const { fileName, xml } = await exportMspdi(db, userId, projectId);
 */
export async function exportMspdi(
  db: Database,
  userId: string,
  projectId: string,
): Promise<{ fileName: string; xml: string }> {
  const { row, input, schedule, notes } = await exportSources(db, userId, projectId);
  const plan = input.project;
  const { calendars, uidOf: calendarUid } = toMspdiCalendars(plan.calendars);
  const uidOf = new Map(plan.tasks.map((task, index) => [task.id as string, index + 1]));
  const taskList: MspdiTask[] = [
    {
      UID: 0,
      ID: 0,
      Name: row.name,
      OutlineNumber: '0',
      OutlineLevel: 0,
      Summary: true,
      predecessorLinks: [],
      baselines: [],
      extendedAttributes: [],
      other: [],
    },
    ...plan.tasks.map((task, index) =>
      mspdiTask(
        task,
        index + 1,
        input.outline[index] ?? String(index + 1),
        input.levels[index] ?? 1,
        notes.get(task.id) ?? '',
      ),
    ),
  ];
  for (const link of plan.links) {
    const successor = taskList[uidOf.get(link.successorId) ?? -1];
    const predecessor = uidOf.get(link.predecessorId);
    if (!successor || predecessor === undefined) continue;
    const percent = 'percent' in link.lag;
    successor.predecessorLinks.push({
      PredecessorUID: predecessor,
      Type: linkTypeCodes.indexOf(link.type),
      CrossProject: false,
      // MSPDI keeps a lag in tenths of a minute, or as a plain percentage with LagFormat 19.
      LinkLag: 'percent' in link.lag ? link.lag.percent : link.lag.minutes * 10,
      LagFormat: percent ? 19 : 7,
    });
  }
  const resourceUid = new Map(plan.resources.map((resource, index) => [resource.id as string, index + 1]));
  const resources: MspdiResource[] = plan.resources.map((resource, index) => ({
    UID: index + 1,
    ID: index + 1,
    Name: resource.name,
    Type: 1,
    MaxUnits: resource.maxUnits,
    StandardRate: resource.standardRate / 100,
    ...(resource.overtimeRate !== undefined && { OvertimeRate: resource.overtimeRate / 100 }),
    ...(resource.costPerUse !== undefined && { CostPerUse: resource.costPerUse }),
    ...(resource.calendarId !== undefined &&
      calendarUid.has(resource.calendarId) && {
        CalendarUID: calendarUid.get(resource.calendarId) as number,
      }),
    baselines: [],
    extendedAttributes: [],
    other: [],
  }));
  const assignments: MspdiAssignment[] = plan.assignments.map((assignment, index) => ({
    UID: index + 1,
    TaskUID: uidOf.get(assignment.taskId) as number,
    ResourceUID: resourceUid.get(assignment.resourceId) as number,
    Units: assignment.units,
    Work: assignment.workMinutes,
    ...(assignment.contour !== undefined && { WorkContour: codeOfContour(assignment.contour) }),
    ...(assignment.overtimeWork !== undefined && { OvertimeWork: assignment.overtimeWork }),
    ...(assignment.delayMinutes !== undefined && { Delay: Math.round(assignment.delayMinutes * 10) }),
    baselines: [],
    extendedAttributes: [],
    other: [],
  }));
  const document: MspdiProject = {
    properties: {
      Name: fileNameOf(row.name, 'xml'),
      Title: row.name,
      ...(row.description !== '' && { Subject: row.description }),
      ScheduleFromStart: true,
      StartDate: plan.startDate,
      CalendarUID: calendarUid.get(plan.calendarId) as number,
      MinutesPerDay: plan.units.minutesPerDay,
      MinutesPerWeek: plan.units.minutesPerWeek,
      DaysPerMonth: plan.units.daysPerMonth,
      HonorConstraints: plan.honorConstraintDates,
      ...(plan.statusDate !== undefined && { StatusDate: plan.statusDate }),
    },
    sections: [],
    extendedAttributeDefinitions: [],
    calendars,
    tasks: taskList,
    resources,
    assignments,
    other: [],
  };
  // The engine's results go into MS Project's computed fields (dates, slack, criticality) through the interop writer.
  const scheduled = schedule.cycle === null ? applySchedule(document, scheduleSuccessOf(schedule)) : document;
  return { fileName: fileNameOf(row.name, 'xml'), xml: writeMspdi(scheduled) };
}
