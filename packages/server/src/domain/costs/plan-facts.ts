import { compileCalendar, type IndexedWorkingTime } from '@tandem/core';
import { sql } from 'drizzle-orm';
import type { Database } from '../../db/client';
import { planCache } from '../schedule/plan-cache';
import { projectCalendars, type StoredCalendarSettings } from '../schedule/project-calendars';
import type { ScheduleView } from '../schedule/schedule-view';
import { wallClockOf } from '../schedule/wall-clock';

/** What cost control and the dashboard read of a task besides its computed dates. */
export interface TaskFacts {
  parentId: string | null;
  name: string;
  isMilestone: boolean;
  /** `YYYY-MM-DDTHH:MM` or null. */
  deadline: string | null;
  actualStart: string | null;
  actualFinish: string | null;
}

/** A project's schedule with the facts of its tasks and its working time, at one plan revision. */
export interface PlanFacts {
  revision: number;
  schedule: ScheduleView;
  facts: Map<string, TaskFacts>;
  time: IndexedWorkingTime;
}

interface FactRow extends Record<string, unknown> {
  id: string;
  parentId: string | null;
  name: string;
  isMilestone: boolean;
  deadline: string | null;
  actualStart: string | null;
  actualFinish: string | null;
}

// Every task write bumps the plan revision, so the facts of one revision never go stale; a few projects are kept.
const kept = new Map<string, PlanFacts>();
const limit = 16;

/**
 * The schedule (from the plan cache) and the task facts of a project at plan revision `revision`, read once per
 * revision and kept in this process.
 */
export async function planFacts(
  db: Database,
  projectId: string,
  revision: number,
  calendar: StoredCalendarSettings,
): Promise<PlanFacts> {
  const cached = kept.get(projectId);
  if (cached && cached.revision === revision) {
    kept.delete(projectId);
    kept.set(projectId, cached);
    return cached;
  }
  const schedule = await planCache.schedule(db, projectId, revision);
  const { rows } = await db.execute<FactRow>(sql`
    select id, parent_id as "parentId", name, is_milestone as "isMilestone", deadline::text as deadline,
           actual_start::text as "actualStart", actual_finish::text as "actualFinish"
    from tasks where project_id = ${projectId}`);
  const facts = new Map<string, TaskFacts>();
  for (const row of rows) {
    facts.set(row.id, {
      parentId: row.parentId,
      name: row.name,
      isMilestone: row.isMilestone,
      deadline: wallClockOf(row.deadline),
      actualStart: wallClockOf(row.actualStart),
      actualFinish: wallClockOf(row.actualFinish),
    });
  }
  const { calendars, calendarId } = projectCalendars(calendar);
  const state: PlanFacts = {
    revision,
    schedule,
    facts,
    time: compileCalendar(calendars, calendarId),
  };
  kept.delete(projectId);
  kept.set(projectId, state);
  while (kept.size > limit) {
    const oldest = kept.keys().next().value;
    if (oldest === undefined) break;
    kept.delete(oldest);
  }
  return state;
}
