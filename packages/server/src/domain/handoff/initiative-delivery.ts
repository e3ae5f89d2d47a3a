import { type DeliveryHealth, deliveryHealth, deliveryProgress } from '@tandem/core';
import { eq, inArray } from 'drizzle-orm';
import { policy } from '../../auth/policy';
import type { Database, Queryable } from '../../db/client';
import { initiatives } from '../../db/schema/initiatives';
import { projects } from '../../db/schema/projects';
import { projectEvm } from '../costs/project-evm';
import { computeSchedule } from '../schedule/schedule-service';
import { notFound } from '../shared/errors';

/** How the project an initiative was handed off to is doing, read live from its schedule and earned value. */
export interface InitiativeDelivery {
  /** The delivering project; null when the reader may not see it (its name and link are not theirs to learn). */
  projectId: string | null;
  projectName: string | null;
  /** Percent complete, duration-weighted over the detail tasks. */
  progress: number;
  /** `YYYY-MM-DD` the project's schedule finishes, or null while its plan has a dependency cycle. */
  forecastFinish: string | null;
  plannedFinish: string | null;
  spi: number | null;
  health: DeliveryHealth;
  reasons: string[];
}

/**
 * Who reads a delivery: a signed-in user sees the delivering project's name and link only when they may see the
 * project; `stakeholders` (a share link's anonymous readers) never do. Both see the forecast, progress and health,
 * which are the product's statement about the initiative.
 */
export type DeliveryReader = { userId: string } | 'stakeholders';

/** An initiative as its delivery is read from. */
export interface DeliveredInitiative {
  id: string;
  workspaceId: string;
  projectId: string | null;
  plannedFinish: string | null;
}

interface ProjectFigures {
  name: string;
  visible: boolean;
  progress: number;
  forecastFinish: string | null;
  spi: number | null;
}

/** The projects of the workspace among `projectIds` the reader may see (none for stakeholders). */
export async function projectsVisibleTo(
  db: Queryable,
  reader: DeliveryReader,
  workspaceId: string,
  projectIds: Iterable<string>,
): Promise<Set<string>> {
  const visible = new Set<string>();
  if (reader === 'stakeholders') return visible;
  for (const id of new Set(projectIds)) {
    if (await policy.canSee(db, reader.userId, { kind: 'project', id, workspaceId })) visible.add(id);
  }
  return visible;
}

/**
 * The delivery of each handed-off initiative, keyed by initiative id (absent before the hand-off): the one
 * computation behind the initiative reply, the roadmap, the stakeholders' roadmap and the delivery route. Nothing is
 * copied: the schedule comes from the per-revision plan cache and SPI from the project's earned value at its status
 * date; each project is read once however many initiatives it delivers. The caller checks the product.
 * @example const byInitiative = await initiativeDeliveries(db, rows, { userId });
 */
export async function initiativeDeliveries(
  db: Queryable,
  rows: readonly DeliveredInitiative[],
  reader: DeliveryReader,
): Promise<Map<string, InitiativeDelivery>> {
  const projectIds = [...new Set(rows.flatMap((row) => (row.projectId ? [row.projectId] : [])))];
  const result = new Map<string, InitiativeDelivery>();
  if (projectIds.length === 0) return result;
  const found = await db
    .select({ id: projects.id, name: projects.name, workspaceId: projects.workspaceId })
    .from(projects)
    .where(inArray(projects.id, projectIds));
  const figures = new Map<string, ProjectFigures>();
  for (const project of found) {
    // The schedule and EVM services read through the pool; every caller passes the database, not a transaction.
    const schedule = await computeSchedule(db as Database, project.id);
    const { spi } = await projectEvm(db as Database, project.id);
    const visible = await projectsVisibleTo(db, reader, project.workspaceId, [project.id]);
    figures.set(project.id, {
      name: project.name,
      visible: visible.has(project.id),
      progress: deliveryProgress(schedule.tasks),
      forecastFinish:
        schedule.cycle === null && schedule.tasks.length > 0 ? schedule.finish.slice(0, 10) : null,
      spi,
    });
  }
  for (const row of rows) {
    const project = row.projectId ? figures.get(row.projectId) : undefined;
    if (!project || !row.projectId) continue;
    const judged = deliveryHealth({
      plannedFinish: row.plannedFinish,
      forecastFinish: project.forecastFinish,
      spi: project.spi,
    });
    result.set(row.id, {
      projectId: project.visible ? row.projectId : null,
      projectName: project.visible ? project.name : null,
      progress: project.progress,
      forecastFinish: project.forecastFinish,
      plannedFinish: row.plannedFinish,
      spi: project.spi,
      health: judged.health,
      reasons: judged.reasons,
    });
  }
  return result;
}

/** The delivery of one initiative for the reader, null before the hand-off; no permission check (see above). */
export async function initiativeDelivery(
  db: Queryable,
  row: DeliveredInitiative,
  reader: DeliveryReader,
): Promise<InitiativeDelivery | null> {
  return (await initiativeDeliveries(db, [row], reader)).get(row.id) ?? null;
}

/** The delivery of an initiative the caller may see (404 otherwise); null before it is handed off. */
export async function deliveryOf(db: Database, userId: string, initiativeId: string) {
  const [row] = await db.select().from(initiatives).where(eq(initiatives.id, initiativeId));
  if (!row) throw notFound('Initiative', initiativeId);
  const product = { kind: 'product' as const, id: row.productId, workspaceId: row.workspaceId };
  if (!(await policy.canSee(db, userId, product))) throw notFound('Initiative', initiativeId);
  return initiativeDelivery(db, row, { userId });
}
