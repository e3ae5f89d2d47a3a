import { type DeliveryHealth, deliveryHealth, deliveryProgress } from '@tandem/core';
import { eq } from 'drizzle-orm';
import { policy } from '../../auth/policy';
import type { Database } from '../../db/client';
import { initiatives } from '../../db/schema/initiatives';
import { projects } from '../../db/schema/projects';
import { projectEvm } from '../costs/project-evm';
import { computeSchedule } from '../schedule/schedule-service';
import { notFound } from '../shared/errors';

/** How the project an initiative was handed off to is doing, read live from its schedule and earned value. */
export interface InitiativeDelivery {
  projectId: string;
  projectName: string;
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
 * The delivery of a handed-off initiative (null before the hand-off), with no permission check: for the roadmap and
 * the initiative views, which check the product first. Nothing is copied: the schedule comes from the per-revision
 * plan cache and SPI from the project's earned value at its status date.
 * @example const delivery = await initiativeDelivery(db, { projectId, plannedFinish: '2026-12-01' });
 */
export async function initiativeDelivery(
  db: Database,
  initiative: { projectId: string | null; plannedFinish: string | null },
): Promise<InitiativeDelivery | null> {
  if (initiative.projectId === null) return null;
  const [project] = await db
    .select({ id: projects.id, name: projects.name })
    .from(projects)
    .where(eq(projects.id, initiative.projectId));
  if (!project) return null;
  const schedule = await computeSchedule(db, project.id);
  const forecastFinish = schedule.cycle === null ? schedule.finish.slice(0, 10) : null;
  const { spi } = await projectEvm(db, project.id);
  const judged = deliveryHealth({ plannedFinish: initiative.plannedFinish, forecastFinish, spi });
  return {
    projectId: project.id,
    projectName: project.name,
    progress: deliveryProgress(schedule.tasks),
    forecastFinish,
    plannedFinish: initiative.plannedFinish,
    spi,
    health: judged.health,
    reasons: judged.reasons,
  };
}

/** The delivery of an initiative the caller may see (404 otherwise); null before it is handed off. */
export async function deliveryOf(db: Database, userId: string, initiativeId: string) {
  const [row] = await db.select().from(initiatives).where(eq(initiatives.id, initiativeId));
  if (!row) throw notFound('Initiative', initiativeId);
  const product = { kind: 'product' as const, id: row.productId, workspaceId: row.workspaceId };
  if (!(await policy.canSee(db, userId, product))) throw notFound('Initiative', initiativeId);
  return initiativeDelivery(db, row);
}
