import { and, eq, isNotNull } from 'drizzle-orm';
import type { Database } from '../../db/client';
import { initiatives } from '../../db/schema/initiatives';
import { projects } from '../../db/schema/projects';
import { projectEvm } from '../costs/project-evm';

/** What a product's initiative has cost so far, through the project it was handed off to. */
export interface InitiativeActual {
  initiativeId: string;
  title: string;
  projectId: string | null;
  projectName: string | null;
  /** Actual cost (EVM AC) of the linked project at its status date, cents; 0 before a hand-off. */
  actualCents: number;
}

/**
 * The actual costs of a product's initiatives: each handed-off initiative's project's AC, from the project's earned
 * value (time entries at rates, expenses and fixed costs, as the project's cost pages count them), nothing copied.
 */
export async function initiativeActuals(db: Database, productId: string): Promise<InitiativeActual[]> {
  const rows = await db
    .select({
      initiativeId: initiatives.id,
      title: initiatives.title,
      projectId: initiatives.projectId,
      projectName: projects.name,
    })
    .from(initiatives)
    .leftJoin(projects, and(eq(projects.id, initiatives.projectId), isNotNull(initiatives.projectId)))
    .where(eq(initiatives.productId, productId))
    .orderBy(initiatives.title, initiatives.id);
  const actuals: InitiativeActual[] = [];
  for (const row of rows) {
    const actualCents = row.projectId === null ? 0 : (await projectEvm(db, row.projectId)).ac;
    actuals.push({ ...row, actualCents });
  }
  return actuals;
}
