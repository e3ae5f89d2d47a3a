import type { AppDeps } from '../../http/context';
import { checkProjectScope } from './scope-check';

/** How long plan writes to one project settle before its scope is checked (a drag or a paste is many writes). */
const settleMs = 300;

/**
 * Checks the scope of the initiatives handed off to a project after its tasks change: every committed task change
 * reaches every server through LISTEN/NOTIFY, and the check's unique keys make servers that both run it raise each
 * change once. Kept out of the task write path so a task edit neither waits for nor fails with it.
 */
export function watchScopeChanges(deps: Pick<AppDeps, 'db' | 'changes' | 'logger'>): () => void {
  const pending = new Map<string, ReturnType<typeof setTimeout>>();
  const unsubscribe = deps.changes.subscribe((change) => {
    if (change.entityType !== 'task' || !change.projectId) return;
    const projectId = change.projectId;
    clearTimeout(pending.get(projectId));
    const timer = setTimeout(() => {
      pending.delete(projectId);
      checkProjectScope(deps.db, projectId).catch((error: unknown) => {
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
