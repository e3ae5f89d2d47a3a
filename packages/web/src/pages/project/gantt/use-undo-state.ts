import { useSyncExternalStore } from 'react';
import { planHistory, type UndoState } from './plan-history';

/** Whether the plan's history has an edit to undo and one to redo, kept current as edits, undos and redos happen. */
export function useUndoState(projectId: string): UndoState {
  const history = planHistory(projectId);
  return useSyncExternalStore(history.subscribe, () => history.state);
}
