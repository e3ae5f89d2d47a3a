import type { InitiativeStatus, initiatives } from '../../db/schema/initiatives';
import type { ChangeSubject } from '../shared/change-log';

type InitiativeRow = typeof initiatives.$inferSelect;

/** The statuses an initiative moves through. */
export const initiativeStatuses = [
  'proposed',
  'planned',
  'in_progress',
  'done',
  'cancelled',
] as const satisfies readonly InitiativeStatus[];

/** An initiative as the API shows it. */
export interface InitiativeView {
  id: string;
  productId: string;
  parentId: string | null;
  objectiveId: string | null;
  title: string;
  description: string;
  theme: string;
  team: string;
  plannedStart: string | null;
  plannedFinish: string | null;
  status: InitiativeStatus;
  projectId: string | null;
  createdBy: string | null;
  createdAt: string;
  updatedAt: string;
  version: number;
}

/** Maps a row to its API view. */
export function toInitiativeView(row: InitiativeRow): InitiativeView {
  return {
    id: row.id,
    productId: row.productId,
    parentId: row.parentId,
    objectiveId: row.objectiveId,
    title: row.title,
    description: row.description,
    theme: row.theme,
    team: row.team,
    plannedStart: row.plannedStart,
    plannedFinish: row.plannedFinish,
    status: row.status,
    projectId: row.projectId,
    createdBy: row.createdBy,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    version: row.version,
  };
}

/** The audit and live-change subject of an initiative. */
export function initiativeSubject(
  row: Pick<InitiativeRow, 'id' | 'workspaceId' | 'productId'>,
): ChangeSubject {
  return {
    entityType: 'initiative',
    entityId: row.id,
    workspaceId: row.workspaceId,
    productId: row.productId,
  };
}
