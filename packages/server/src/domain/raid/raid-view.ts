import type { raidItems } from '../../db/schema/raid';
import type { ChangeSubject } from '../shared/change-log';

type RaidRow = typeof raidItems.$inferSelect;

/** An issue, assumption or decision as the API shows it. */
export interface RaidItemView {
  id: string;
  projectId: string;
  kind: RaidRow['kind'];
  title: string;
  description: string;
  severity: RaidRow['severity'];
  priority: RaidRow['priority'];
  ownerId: string | null;
  dueDate: string | null;
  /** An unresolved item whose due date has passed. */
  overdue: boolean;
  status: RaidRow['status'];
  resolution: string;
  riskId: string | null;
  createdBy: string | null;
  createdAt: string;
  updatedAt: string;
  version: number;
}

/** Maps a row to its view; `today` (`YYYY-MM-DD`) decides whether it is overdue. */
export function toRaidItemView(row: RaidRow, today: string): RaidItemView {
  const settled = row.status === 'resolved' || row.status === 'closed';
  return {
    id: row.id,
    projectId: row.projectId,
    kind: row.kind,
    title: row.title,
    description: row.description,
    severity: row.severity,
    priority: row.priority,
    ownerId: row.ownerId,
    dueDate: row.dueDate,
    overdue: !settled && row.dueDate !== null && row.dueDate < today,
    status: row.status,
    resolution: row.resolution,
    riskId: row.riskId,
    createdBy: row.createdBy,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    version: row.version,
  };
}

/** The subject of a write to a RAID item, heard by the project's listeners. */
export function raidSubject(row: Pick<RaidRow, 'id' | 'workspaceId' | 'projectId'>): ChangeSubject {
  return { entityType: 'raidItem', entityId: row.id, workspaceId: row.workspaceId, projectId: row.projectId };
}
