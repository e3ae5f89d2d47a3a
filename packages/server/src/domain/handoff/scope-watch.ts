import { eq } from 'drizzle-orm';
import type { Database } from '../../db/client';
import { initiatives } from '../../db/schema/initiatives';
import type { AppDeps } from '../../http/context';
import { handedOffProjects } from './handed-off-projects';
import { checkProjectScope } from './scope-check';

/** How long plan writes to one project settle before its scope is checked (a drag or a paste is many writes). */
const settleMs = 300;

async function deliversAnInitiative(db: Database, projectId: string): Promise<boolean> {
  const [linked] = await db
    .select({ id: initiatives.id })
    .from(initiatives)
    .where(eq(initiatives.projectId, projectId))
    .limit(1);
  return linked !== undefined;
}

/**
 * Checks the scope of the initiatives handed off to a project after its tasks change: every committed task change
 * reaches every server through LISTEN/NOTIFY, and the check's unique keys make servers that both run it raise each
 * change once. Kept out of the task write path so a task edit neither waits for nor fails with it. Whether a project
 * was handed off at all is remembered until an initiative changes (which every server also hears), so writes to
 * projects that deliver no initiative cost no query after the first.
 */
export function watchScopeChanges(deps: Pick<AppDeps, 'db' | 'changes' | 'logger'>): () => void {
  const pending = new Map<string, ReturnType<typeof setTimeout>>();
  const handedOff = handedOffProjects((projectId) => deliversAnInitiative(deps.db, projectId));
  const check = async (projectId: string) => {
    if (await handedOff.isHandedOff(projectId)) await checkProjectScope(deps.db, projectId);
  };
  const unsubscribe = deps.changes.subscribe((change) => {
    if (change.entityType === 'initiative') {
      handedOff.forget();
      return;
    }
    if (change.entityType !== 'task' || !change.projectId) return;
    const projectId = change.projectId;
    clearTimeout(pending.get(projectId));
    const timer = setTimeout(() => {
      pending.delete(projectId);
      check(projectId).catch((error: unknown) => {
        deps.logger.error({ msg: 'scope check failed', projectId, error: String(error) });
      });
    }, settleMs);
    // A pending check must not keep a stopping server alive.
    timer.unref?.();
    pending.set(projectId, timer);
  });
  return () => {
    unsubscribe();
    for (const timer of pending.values()) clearTimeout(timer);
  };
}
