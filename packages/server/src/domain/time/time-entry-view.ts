import type { timeEntries } from '../../db/schema/time-entries';

type EntryRow = typeof timeEntries.$inferSelect;

/** A time entry as the API shows it, with the names of its project, task and person. */
export interface TimeEntryView {
  id: string;
  workspaceId: string;
  projectId: string;
  projectName: string;
  taskId: string;
  taskName: string;
  userId: string;
  userName: string;
  /** `YYYY-MM-DD`. */
  day: string;
  minutes: number;
  note: string;
  /** When the running timer of this entry started (ISO instant); null when no timer runs. */
  timerStartedAt: string | null;
  createdAt: string;
  updatedAt: string;
  version: number;
}

/** The names an entry's view shows. */
export interface EntryNames {
  projectName: string;
  taskName: string;
  userName: string;
}

/** Maps a row and its names to the API view. */
export function toTimeEntryView(row: EntryRow, names: EntryNames): TimeEntryView {
  return {
    id: row.id,
    workspaceId: row.workspaceId,
    projectId: row.projectId,
    projectName: names.projectName,
    taskId: row.taskId,
    taskName: names.taskName,
    userId: row.userId,
    userName: names.userName,
    day: row.day,
    minutes: row.minutes,
    note: row.note,
    timerStartedAt: row.timerStartedAt?.toISOString() ?? null,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    version: row.version,
  };
}

/** The subject of an entry's change: its project's, so the plan's viewers hear its actual work move. */
export function timeEntrySubject(row: Pick<EntryRow, 'id' | 'workspaceId' | 'projectId'>) {
  return {
    entityType: 'timeEntry' as const,
    entityId: row.id,
    workspaceId: row.workspaceId,
    projectId: row.projectId,
  };
}
