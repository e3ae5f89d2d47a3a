import {
  calendarFromSettings,
  compileCalendar,
  formatDay,
  type IndexedWorkingTime,
  type PeriodUnit,
  parseDay,
  parseInstant,
  type WorkingTime,
  type WorkloadAssignment,
  type WorkloadResource,
  workloadGrid,
  workloadPeriods,
  workSetsSpan,
} from '@tandem/core';
import { and, asc, eq, ne } from 'drizzle-orm';
import type { Database } from '../../db/client';
import { assignments } from '../../db/schema/assignments';
import { defaultCalendarSettings, projects } from '../../db/schema/projects';
import { resources } from '../../db/schema/resources';
import { tasks } from '../../db/schema/tasks';
import { projectCalendars, type StoredCalendarSettings } from '../schedule/project-calendars';
import { computeSchedule } from '../schedule/schedule-service';
import { invalid } from '../shared/errors';
import { assertCanSeeResources } from './resource-access';

/** What the workload grid covers: a date range cut into days or weeks. */
export interface WorkloadQuery {
  from: string;
  to: string;
  unit: PeriodUnit;
}

/** One cell of the grid, in whole minutes. */
export interface WorkloadCellView {
  /** All work placed in the period, overtime included. */
  assignedMinutes: number;
  /** The part of it planned as overtime, which does not count against capacity. */
  overtimeMinutes: number;
  capacityMinutes: number;
  overAllocated: boolean;
}

/** The workload of a workspace's people and equipment across all its projects. */
export interface WorkloadView {
  from: string;
  to: string;
  unit: PeriodUnit;
  periods: { key: string; firstDay: string; lastDay: string }[];
  resources: {
    id: string;
    name: string;
    kind: string;
    maxUnits: number;
    overAllocated: boolean;
    cells: WorkloadCellView[];
  }[];
  /** Projects whose plan has a dependency cycle: their work cannot be placed until it is broken. */
  unscheduledProjects: { id: string; name: string }[];
}

// A day grid of a year or a week grid of three years is already wider than any screen.
const maxDays = { day: 366, week: 1100 } as const;

function compileSettings(
  id: string,
  settings: Parameters<typeof calendarFromSettings>[1],
): IndexedWorkingTime {
  const calendar = calendarFromSettings(id, settings);
  return compileCalendar([calendar], calendar.id);
}

/**
 * The workload grid of a workspace: every person and piece of equipment, and per period the minutes of work its
 * assignments in every (non-template) project place there — each assignment's work, overtime included, placed by its
 * contour over its own span from its task's scheduled start plus its delay (see `spreadAssignment`) — against its
 * capacity. A resource with its own calendar works on it everywhere; one that follows the
 * projects' calendars works on each project's, and its capacity is counted on the workspace's standard week.
 */
export async function workloadOf(
  db: Database,
  userId: string,
  workspaceId: string,
  query: WorkloadQuery,
): Promise<WorkloadView> {
  await assertCanSeeResources(db, userId, workspaceId, `Workspace ${workspaceId}`);
  const days = parseDay(query.to) - parseDay(query.from) + 1;
  if (days < 1) throw invalid('to', `The range ends (${query.to}) before it starts (${query.from})`);
  if (days > maxDays[query.unit]) {
    throw invalid(
      'to',
      `A ${query.unit} grid covers at most ${maxDays[query.unit]} days; this range has ${days}`,
    );
  }
  const periods = workloadPeriods(parseDay(query.from), parseDay(query.to), query.unit);
  const resourceRows = await db
    .select()
    .from(resources)
    .where(and(eq(resources.workspaceId, workspaceId), ne(resources.kind, 'material')))
    .orderBy(asc(resources.name), asc(resources.id));
  const standard = compileSettings('standard', defaultCalendarSettings);
  const ownTime = new Map<string, IndexedWorkingTime>();
  const workloadResources: WorkloadResource[] = resourceRows.map((row) => {
    const time = row.calendar ? compileSettings(`resource:${row.id}`, row.calendar) : standard;
    if (row.calendar) ownTime.set(row.id, time);
    return { id: row.id, maxUnits: row.maxUnits, time };
  });

  const assignmentRows = await db
    .select({
      projectId: assignments.projectId,
      projectName: projects.name,
      calendar: projects.calendar,
      taskId: assignments.taskId,
      resourceId: assignments.resourceId,
      units: assignments.units,
      workMinutes: assignments.workMinutes,
      contour: assignments.contour,
      overtimeMinutes: assignments.overtimeWorkMinutes,
      delayMinutes: assignments.delayMinutes,
      durationMinutes: tasks.durationMinutes,
      taskType: tasks.taskType,
      scheduling: tasks.scheduling,
      elapsed: tasks.elapsed,
    })
    .from(assignments)
    .innerJoin(projects, eq(projects.id, assignments.projectId))
    .innerJoin(tasks, eq(tasks.id, assignments.taskId))
    .where(and(eq(assignments.workspaceId, workspaceId), eq(projects.isTemplate, false)));

  const first = periods[0]?.start ?? 0;
  const last = periods.at(-1)?.finish ?? 0;
  const placed: WorkloadAssignment[] = [];
  const unscheduled = new Map<string, string>();
  const byProject = new Map<string, typeof assignmentRows>();
  for (const row of assignmentRows) {
    const list = byProject.get(row.projectId) ?? [];
    list.push(row);
    byProject.set(row.projectId, list);
  }
  for (const [projectId, rows] of byProject) {
    const schedule = await computeSchedule(db, projectId);
    if (schedule.cycle) {
      unscheduled.set(projectId, rows[0]?.projectName ?? projectId);
      continue;
    }
    const spans = new Map(schedule.tasks.map((task) => [task.id, task]));
    const { calendars, calendarId } = projectCalendars((rows[0]?.calendar ?? {}) as StoredCalendarSettings);
    let projectTime: WorkingTime | undefined;
    for (const row of rows) {
      const span = spans.get(row.taskId);
      if (!span) continue;
      const start = parseInstant(span.start);
      const finish = parseInstant(span.finish);
      // An assignment ends by its task's finish: the task spans its longest assignment, delay included.
      if (finish <= first || start >= last) continue;
      projectTime ??= compileCalendar(calendars, calendarId);
      placed.push({
        resourceId: row.resourceId,
        start,
        finish,
        workMinutes: row.workMinutes ?? Math.round(row.durationMinutes * row.units),
        time: ownTime.get(row.resourceId) ?? projectTime,
        shape: {
          units: row.units,
          contour: row.contour,
          overtimeMinutes: row.overtimeMinutes,
          delayMinutes: row.delayMinutes,
          fillsTask: !workSetsSpan({
            type: row.taskType,
            elapsed: row.elapsed,
            manual: row.scheduling === 'manual',
          }),
        },
      });
    }
  }

  const grid = workloadGrid(periods, workloadResources, placed);
  return {
    from: query.from,
    to: query.to,
    unit: query.unit,
    periods: periods.map((period) => ({
      key: period.key,
      firstDay: period.key,
      lastDay: formatDay(period.lastDay),
    })),
    resources: resourceRows.map((row, index) => {
      const cells = grid[index]?.cells ?? [];
      return {
        id: row.id,
        name: row.name,
        kind: row.kind,
        maxUnits: Math.round(row.maxUnits * 10_000) / 10_000,
        overAllocated: grid[index]?.overAllocated ?? false,
        cells: cells.map((cell) => ({
          assignedMinutes: Math.round(cell.assignedMinutes),
          overtimeMinutes: Math.round(cell.overtimeMinutes),
          capacityMinutes: Math.round(cell.capacityMinutes),
          overAllocated: cell.overAllocated,
        })),
      };
    }),
    unscheduledProjects: [...unscheduled].map(([id, name]) => ({ id, name })),
  };
}
