import { eq, sql } from 'drizzle-orm';
import type { Transaction } from '../../db/client';
import { projects } from '../../db/schema/projects';
import { recordChange } from '../shared/change-log';
import { projectSubject, toProjectView } from './project-view';

/**
 * Unlinks every project from a product or program about to be deleted, each as a versioned, audited update, so no
 * project changes without a trace and a client holding the old version gets a 409 rather than a silent overwrite.
 */
export async function unlinkProjects(
  tx: Transaction,
  actorId: string,
  link: 'productId' | 'programId',
  targetId: string,
): Promise<void> {
  const column = projects[link];
  const beforeRows = await tx.select().from(projects).where(eq(column, targetId)).for('update');
  if (beforeRows.length === 0) return;
  const updated = await tx
    .update(projects)
    .set({ [link]: null, version: sql`${projects.version} + 1`, updatedAt: sql`now()` })
    .where(eq(column, targetId))
    .returning();
  const beforeById = new Map(beforeRows.map((row) => [row.id, row]));
  for (const row of updated) {
    const before = beforeById.get(row.id);
    // The subject is taken from the row before the write, so unlinking a product still names it.
    await recordChange(
      tx,
      actorId,
      projectSubject(before ?? row),
      'update',
      before ? toProjectView(before) : null,
      toProjectView(row),
    );
  }
}
