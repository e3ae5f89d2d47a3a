import { type RefObject, useEffect } from 'react';
import { historyAction } from './gantt-keys';
import type { PlanEdits } from './use-plan-edits';

/**
 * Ctrl+Z and Ctrl+Shift+Z (or Ctrl+Y) wherever the focus is on the page while the Gantt shows, except in a text field,
 * which keeps its own undo; `latest` is read at the key press, so the listener is added once.
 */
export function useHistoryKeys(latest: RefObject<{ edits: PlanEdits; readOnly: boolean }>): void {
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const action = historyAction(event);
      if (!action || latest.current.readOnly || isTextField(event.target)) return;
      event.preventDefault();
      void latest.current.edits[action]();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [latest]);
}

function isTextField(target: EventTarget | null): boolean {
  return (
    target instanceof HTMLInputElement ||
    target instanceof HTMLTextAreaElement ||
    target instanceof HTMLSelectElement ||
    (target instanceof HTMLElement && target.isContentEditable)
  );
}
