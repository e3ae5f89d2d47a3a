import type { TimesheetState, timesheets } from '../../db/schema/timesheets';
import type { TimeEntryView } from './time-entry-view';

type SheetRow = typeof timesheets.$inferSelect;

/** A person's week as the API shows it: where it stands in approval, and its entries. */
export interface TimesheetView {
  /** Null for a week nobody has submitted yet (it is open). */
  id: string | null;
  workspaceId: string;
  userId: string;
  userName: string;
  weekStart: string;
  state: TimesheetState;
  submittedAt: string | null;
  decidedBy: string | null;
  decidedAt: string | null;
  comment: string;
  totalMinutes: number;
  /** Entries of the week in this workspace, by day; empty in the approvals list. */
  entries: TimeEntryView[];
  version: number;
}

/** The view of a stored week. */
export function toTimesheetView(
  row: SheetRow,
  userName: string,
  entries: TimeEntryView[],
  totalMinutes = entries.reduce((sum, entry) => sum + entry.minutes, 0),
): TimesheetView {
  return {
    id: row.id,
    workspaceId: row.workspaceId,
    userId: row.userId,
    userName,
    weekStart: row.weekStart,
    state: row.state,
    submittedAt: row.submittedAt?.toISOString() ?? null,
    decidedBy: row.decidedBy,
    decidedAt: row.decidedAt?.toISOString() ?? null,
    comment: row.comment,
    totalMinutes,
    entries,
    version: row.version,
  };
}

/** The subject of a timesheet's change: workspace-level, since a week spans projects. */
export function timesheetSubject(row: Pick<SheetRow, 'id' | 'workspaceId'>) {
  return { entityType: 'timesheet' as const, entityId: row.id, workspaceId: row.workspaceId };
}
