import {
  type Assignment,
  type Calendar,
  type CalendarId,
  calendarFromSettings,
  calendarId,
  compileCalendar,
  defaultUnitSettings,
  type Instant,
  type Link,
  type LinkType,
  money,
  parseInstant,
  type Resource,
  resourceId,
  type ScheduleProject,
  taskId,
  type WorkContour,
  type WorkMinutes,
} from '@tandem/core';
import { sql } from 'drizzle-orm';
import type { Queryable } from '../../db/client';
import type { ProjectCalendarSettings } from '../../db/schema/projects';
import { notFound } from '../shared/errors';
import { type EngineTaskFields, engineTask } from './engine-task';
import { outlineOf } from './outline';
import { projectCalendars, type StoredCalendarSettings } from './project-calendars';

/** The engine input of one project at one plan revision, with the outline the API shows. */
export interface PlanInput {
  projectId: string;
  revision: number;
  /** The project's first day and status day, `YYYY-MM-DD`. */
  startDay: string;
  statusDay: string | null;
  project: ScheduleProject;
  /** Outline numbers and levels, in the order of `project.tasks`. */
  outline: string[];
  levels: number[];
  /** Each task's position among its siblings, to tell a move from an edit. */
  positions: Map<string, number>;
}

const wall = (column: string) => sql.raw(`to_char(${column}, 'YYYY-MM-DD"T"HH24:MI')`);

/** The select list of the engine's task columns, plan dates as wall-clock text. */
export const engineTaskColumns = sql`
  id, parent_id as "parentId", name, duration_minutes as "durationMinutes", duration_unit as "durationUnit",
  elapsed, scheduling, ${wall('manual_start')} as "manualStart", ${wall('manual_finish')} as "manualFinish",
  is_milestone as "isMilestone", constraint_type as "constraintType", ${wall('constraint_date')} as "constraintDate",
  ${wall('deadline')} as "deadline", percent_complete as "percentComplete", ${wall('actual_start')} as "actualStart",
  ${wall('actual_finish')} as "actualFinish", work_minutes as "workMinutes", task_type as "taskType",
  effort_driven as "effortDriven", active, fixed_cost_cents as "fixedCostCents", position`;

/** A stored link as the engine reads it. */
export interface EngineLinkFields {
  predecessorId: string;
  successorId: string;
  type: string;
  lagMinutes: number;
  lagPercent: number | null;
}

/** The engine's view of a link: a percent lag when one is set, else working minutes. */
export function engineLink(link: EngineLinkFields): Link {
  return {
    predecessorId: taskId(link.predecessorId),
    successorId: taskId(link.successorId),
    type: link.type as LinkType,
    lag: link.lagPercent === null ? { minutes: link.lagMinutes } : { percent: link.lagPercent },
  };
}

interface ProjectRow {
  startDate: string;
  statusDate: string | null;
  calendar: StoredCalendarSettings;
  planRevision: number;
}

interface AssignmentRow {
  taskId: string;
  resourceId: string;
  units: number;
  workMinutes: number | null;
  contour: WorkContour;
  overtimeWorkMinutes: number;
  delayMinutes: number;
  name: string;
  calendar: ProjectCalendarSettings | null;
  maxUnits: number;
  standardRateCents: number;
  overtimeRateCents: number;
  costPerUseCents: number;
  actualWork: number;
}

/** The first working minute of the project's first day on its calendar (midnight when the calendar has no work). */
function projectStart(calendars: readonly Calendar[], id: Calendar['id'], startDay: string): Instant {
  const midnight = parseInstant(startDay);
  try {
    return compileCalendar(calendars, id).nextWorkStart(midnight);
  } catch {
    // A calendar with no working time: the engine names that problem itself when it runs.
    return midnight;
  }
}

/**
 * Reads a project's plan (tasks in outline order, links, resources with their assignments and the actual work logged
 * against them) in one snapshot and builds the engine's input. Assignment actual work is the time its resource's user
 * logged on the task.
 */
export async function loadPlanInput(db: Queryable, projectId: string): Promise<PlanInput> {
  const [project] = (
    await db.execute<ProjectRow & Record<string, unknown>>(sql`
      select start_date::text as "startDate", status_date::text as "statusDate", calendar,
             plan_revision as "planRevision"
      from projects where id = ${projectId}`)
  ).rows;
  if (!project) throw notFound('Project', projectId);
  const taskRows = (
    await db.execute<EngineTaskFields & { position: number } & Record<string, unknown>>(
      sql`select ${engineTaskColumns} from tasks where project_id = ${projectId}`,
    )
  ).rows;
  const linkRows = (
    await db.execute<EngineLinkFields & Record<string, unknown>>(sql`
      select predecessor_id as "predecessorId", successor_id as "successorId", type, lag_minutes as "lagMinutes",
             lag_percent as "lagPercent"
      from task_links where project_id = ${projectId}`)
  ).rows;
  const assignmentRows = (
    await db.execute<AssignmentRow & Record<string, unknown>>(sql`
      select a.task_id as "taskId", a.resource_id as "resourceId", a.units, a.work_minutes as "workMinutes",
             a.contour, a.overtime_work_minutes as "overtimeWorkMinutes", a.delay_minutes as "delayMinutes",
             r.name, r.calendar, r.max_units as "maxUnits", r.standard_rate_cents as "standardRateCents",
             r.overtime_rate_cents as "overtimeRateCents", r.cost_per_use_cents as "costPerUseCents",
             coalesce((select sum(e.minutes) from time_entries e
                       where e.task_id = a.task_id and e.user_id = r.user_id), 0)::int as "actualWork"
      from assignments a join resources r on r.id = a.resource_id
      where a.project_id = ${projectId}`)
  ).rows;
  return buildPlanInput(projectId, project, taskRows, linkRows, assignmentRows);
}

/**
 * The calendar of an assigned resource, added to `into`: the file calendars an import carried (shared by id with the
 * project's), or one built from the simple settings; none when the resource follows the project calendar.
 */
function resourceCalendar(row: AssignmentRow, into: Calendar[]): CalendarId | undefined {
  const settings = row.calendar as StoredCalendarSettings | null;
  if (!settings) return undefined;
  if (Array.isArray(settings.calendars) && settings.calendars.length > 0 && settings.calendarId) {
    for (const calendar of settings.calendars) {
      if (!into.some((candidate) => candidate.id === calendar.id)) into.push(calendar);
    }
    return calendarId(settings.calendarId);
  }
  const own = calendarFromSettings(`resource:${row.resourceId}`, settings, row.name);
  into.push(own);
  return own.id;
}

function buildPlanInput(
  projectId: string,
  project: ProjectRow,
  taskRows: (EngineTaskFields & { position: number })[],
  linkRows: EngineLinkFields[],
  assignmentRows: AssignmentRow[],
): PlanInput {
  const settings = project.calendar;
  const { calendars, calendarId: projectCalendarId } = projectCalendars(settings);
  const outline = outlineOf(taskRows);
  const ids = new Set(taskRows.map((row) => row.id));
  const tasks = outline.order.map((i) => {
    const row = taskRows[i] as EngineTaskFields;
    return engineTask(row, row.parentId !== null && ids.has(row.parentId));
  });
  const durations = new Map(taskRows.map((row) => [row.id, row.durationMinutes]));
  const resources = new Map<string, Resource>();
  const resourceCalendars: Calendar[] = [];
  const assignments: Assignment[] = assignmentRows.map((row) => {
    if (!resources.has(row.resourceId)) {
      const own = resourceCalendar(row, resourceCalendars);
      resources.set(row.resourceId, {
        id: resourceId(row.resourceId),
        name: row.name,
        ...(own ? { calendarId: own } : {}),
        maxUnits: row.maxUnits,
        standardRate: money(row.standardRateCents),
        overtimeRate: money(row.overtimeRateCents),
        costPerUse: money(row.costPerUseCents),
      });
    }
    const work = row.workMinutes ?? Math.round((durations.get(row.taskId) ?? 0) * row.units);
    return {
      taskId: taskId(row.taskId),
      resourceId: resourceId(row.resourceId),
      units: row.units,
      workMinutes: work,
      ...(row.actualWork > 0 ? { actualWork: row.actualWork } : {}),
      ...(row.contour === 'flat' ? {} : { contour: row.contour }),
      ...(row.overtimeWorkMinutes > 0 ? { overtimeWork: row.overtimeWorkMinutes } : {}),
      ...(row.delayMinutes > 0 ? { delayMinutes: row.delayMinutes } : {}),
    };
  });
  const known = new Set(calendars.map((calendar) => calendar.id));
  const allCalendars = [...calendars, ...resourceCalendars.filter((calendar) => !known.has(calendar.id))];
  return {
    projectId,
    revision: project.planRevision,
    startDay: project.startDate,
    statusDay: project.statusDate,
    project: {
      startDate: projectStart(allCalendars, projectCalendarId, project.startDate),
      scheduleFrom: 'start',
      calendarId: projectCalendarId,
      calendars: allCalendars,
      units: {
        minutesPerDay: settings.minutesPerDay ?? defaultUnitSettings.minutesPerDay,
        minutesPerWeek: settings.minutesPerWeek ?? defaultUnitSettings.minutesPerWeek,
        daysPerMonth: settings.daysPerMonth ?? defaultUnitSettings.daysPerMonth,
      },
      honorConstraintDates: true,
      criticalSlackLimit: 0 as WorkMinutes,
      tasks,
      links: linkRows
        .filter((link) => ids.has(link.predecessorId) && ids.has(link.successorId))
        .map(engineLink),
      resources: [...resources.values()],
      assignments,
    },
    outline: outline.numbers,
    levels: outline.levels,
    positions: new Map(taskRows.map((row) => [row.id, row.position])),
  };
}
