import { isHighRisk } from '@tandem/core';
import { and, desc, eq } from 'drizzle-orm';
import type { Queryable } from '../../db/client';
import { projects } from '../../db/schema/projects';
import { risks } from '../../db/schema/risks';

/** The open risks of a project at a glance, for the dashboard and status reports. */
export interface RiskSummary {
  open: number;
  /** Open risks scoring at least 60% of the scale's largest score. */
  openHigh: number;
  /** The five highest-scoring open risks, highest first. */
  top: { id: string; title: string; score: number; status: 'open' | 'closed' | 'occurred' }[];
}

/**
 * Counts a project's open and open high risks and names the top five; the caller has authorised the read. An unknown
 * project has no risks.
 * @example const { open, openHigh, top } = await riskSummary(db, projectId);
 */
export async function riskSummary(db: Queryable, projectId: string): Promise<RiskSummary> {
  const [project] = await db
    .select({ riskScale: projects.riskScale })
    .from(projects)
    .where(eq(projects.id, projectId));
  if (!project) return { open: 0, openHigh: 0, top: [] };
  const rows = await db
    .select({ id: risks.id, title: risks.title, score: risks.score, status: risks.status })
    .from(risks)
    .where(and(eq(risks.projectId, projectId), eq(risks.status, 'open')))
    .orderBy(desc(risks.score), risks.createdAt);
  return {
    open: rows.length,
    openHigh: rows.filter((row) => isHighRisk(row.score, project.riskScale)).length,
    top: rows.slice(0, 5),
  };
}
