import { request } from '../../api/client';

/** Time someone logged on a task on one day. */
export interface TimeEntry {
  id: string;
  workspaceId: string;
  projectId: string;
  projectName: string;
  taskId: string;
  taskName: string;
  userId: string;
  userName: string;
  day: string;
  minutes: number;
  note: string;
  timerStartedAt: string | null;
  version: number;
}

/** Where a week stands in approval. */
export type TimesheetState = 'open' | 'submitted' | 'approved' | 'rejected';

/** A person's week and its entries. */
export interface Timesheet {
  id: string | null;
  workspaceId: string;
  userId: string;
  userName: string;
  weekStart: string;
  state: TimesheetState;
  submittedAt: string | null;
  decidedAt: string | null;
  comment: string;
  totalMinutes: number;
  entries: TimeEntry[];
  version: number;
}

/** The running timer, if any. */
export interface Timer {
  entry: TimeEntry | null;
  elapsedMinutes: number;
}

/** The time, timer and timesheet calls. */
export const timeApi = {
  week: (workspaceId: string, weekStart: string) =>
    request<Timesheet>('GET', `/api/workspaces/${workspaceId}/timesheets/${weekStart}`),
  submit: (workspaceId: string, weekStart: string) =>
    request<Timesheet>('POST', `/api/workspaces/${workspaceId}/timesheets/${weekStart}/submit`),
  pending: (workspaceId: string) =>
    request<{ items: Timesheet[] }>('GET', `/api/workspaces/${workspaceId}/timesheets`),
  sheet: (id: string) => request<Timesheet>('GET', `/api/timesheets/${id}`),
  approve: (id: string) => request<Timesheet>('POST', `/api/timesheets/${id}/approve`, { body: {} }),
  reject: (id: string, comment: string) =>
    request<Timesheet>('POST', `/api/timesheets/${id}/reject`, { body: { comment } }),
  log: (body: { taskId: string; day: string; minutes: number }) =>
    request<TimeEntry>('POST', '/api/time-entries', { body }),
  change: (entry: TimeEntry, minutes: number) =>
    request<TimeEntry>('PATCH', `/api/time-entries/${entry.id}`, {
      body: { minutes, version: entry.version },
    }),
  remove: (entry: TimeEntry) =>
    request<void>('DELETE', `/api/time-entries/${entry.id}`, { ifMatch: entry.version }),
  timer: () => request<Timer>('GET', '/api/time-entries/timer'),
  start: (taskId: string, day: string) =>
    request<Timer>('POST', '/api/time-entries/timer/start', { body: { taskId, day } }),
  stop: () => request<Timer>('POST', '/api/time-entries/timer/stop'),
};

/** Query keys of the time pages. */
export const timeKeys = {
  all: ['time'] as const,
  week: (workspaceId: string, weekStart: string) => ['time', 'week', workspaceId, weekStart] as const,
  pending: (workspaceId: string) => ['time', 'pending', workspaceId] as const,
  sheet: (id: string) => ['time', 'sheet', id] as const,
  timer: ['time', 'timer'] as const,
};

/** Minutes as `h:mm` ("1:30"); empty for none. */
export function formatMinutes(minutes: number): string {
  if (minutes === 0) return '';
  return `${Math.floor(minutes / 60)}:${String(minutes % 60).padStart(2, '0')}`;
}

/**
 * Reads what someone typed in a cell: `1:30`, `1.5` or `1,5` hours, or `90m`; empty is zero. Undefined when it is not
 * a duration or is more than a day.
 */
export function parseMinutes(text: string): number | undefined {
  const value = text.trim();
  if (value === '') return 0;
  let minutes: number;
  const clock = /^(\d{1,2}):([0-5]\d)$/.exec(value);
  const suffixed = /^(\d{1,4})\s*m$/i.exec(value);
  if (clock) minutes = Number(clock[1]) * 60 + Number(clock[2]);
  else if (suffixed) minutes = Number(suffixed[1]);
  else if (/^\d+([.,]\d+)?\s*h?$/i.test(value))
    minutes = Math.round(Number.parseFloat(value.replace(',', '.')) * 60);
  else return undefined;
  return minutes <= 1440 ? minutes : undefined;
}
