import type { resources } from '../../db/schema/resources';
import { toCalendarView } from './resource-calendar';

type ResourceRow = typeof resources.$inferSelect;

/** A resource as the API shows it. */
export interface ResourceView {
  id: string;
  workspaceId: string;
  name: string;
  kind: ResourceRow['kind'];
  userId: string | null;
  calendar: ReturnType<typeof toCalendarView>;
  maxUnits: number;
  standardRateCents: number;
  overtimeRateCents: number;
  costPerUseCents: number;
  createdAt: string;
  updatedAt: string;
  version: number;
}

/** Maps a row to its API view. */
export function toResourceView(row: ResourceRow): ResourceView {
  return {
    id: row.id,
    workspaceId: row.workspaceId,
    name: row.name,
    kind: row.kind,
    userId: row.userId,
    calendar: toCalendarView(row.calendar),
    // A `real` column gives 0.1 back as 0.10000000149; units are typed with at most four decimals.
    maxUnits: Math.round(row.maxUnits * 10_000) / 10_000,
    standardRateCents: row.standardRateCents,
    overtimeRateCents: row.overtimeRateCents,
    costPerUseCents: row.costPerUseCents,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    version: row.version,
  };
}

/** The subject of a resource's change: workspace-level, so every member hears it. */
export function resourceSubject(row: Pick<ResourceRow, 'id' | 'workspaceId'>) {
  return { entityType: 'resource' as const, entityId: row.id, workspaceId: row.workspaceId };
}
