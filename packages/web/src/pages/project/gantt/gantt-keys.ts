/** A key press as the grid reads it. */
export interface KeyPress {
  key: string;
  shiftKey: boolean;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
}

/** What a key does in the task grid when no cell is being edited. */
export type GridAction =
  | { type: 'move'; rows: number; extend: boolean }
  | { type: 'column'; step: -1 | 1 }
  | { type: 'edit' }
  | { type: 'add' }
  | { type: 'indent' }
  | { type: 'outdent' }
  | { type: 'delete' }
  | { type: 'clear' }
  | { type: 'details' }
  | { type: 'collapse' }
  | { type: 'expand' }
  | { type: 'selectAll' };

/** Rows a page key moves by. */
const page = 10;

/**
 * The grid's keyboard map, after MS Project's: arrows move (Shift extends the selection), Enter or F2 edits, Insert
 * or Ctrl+Enter adds a task below, Tab and Shift+Tab indent and outdent, Delete deletes, Escape clears, Shift+F2
 * opens the details, minus and plus collapse and expand.
 */
export function gridAction(press: KeyPress): GridAction | undefined {
  const command = press.ctrlKey || press.metaKey;
  switch (press.key) {
    case 'ArrowDown':
      return { type: 'move', rows: 1, extend: press.shiftKey };
    case 'ArrowUp':
      return { type: 'move', rows: -1, extend: press.shiftKey };
    case 'PageDown':
      return { type: 'move', rows: page, extend: press.shiftKey };
    case 'PageUp':
      return { type: 'move', rows: -page, extend: press.shiftKey };
    case 'Home':
      return command ? { type: 'move', rows: Number.NEGATIVE_INFINITY, extend: press.shiftKey } : undefined;
    case 'End':
      return command ? { type: 'move', rows: Number.POSITIVE_INFINITY, extend: press.shiftKey } : undefined;
    case 'ArrowLeft':
      return press.altKey && press.shiftKey ? { type: 'outdent' } : { type: 'column', step: -1 };
    case 'ArrowRight':
      return press.altKey && press.shiftKey ? { type: 'indent' } : { type: 'column', step: 1 };
    case 'Enter':
      if (command) return { type: 'add' };
      if (press.altKey) return { type: 'details' };
      return { type: 'edit' };
    case 'F2':
      return press.shiftKey ? { type: 'details' } : { type: 'edit' };
    case 'Insert':
      return { type: 'add' };
    case 'Tab':
      return press.shiftKey ? { type: 'outdent' } : { type: 'indent' };
    case 'Delete':
      return { type: 'delete' };
    case 'Escape':
      return { type: 'clear' };
    case '-':
      return command ? undefined : { type: 'collapse' };
    case '+':
    case '=':
      return command ? undefined : { type: 'expand' };
    case 'a':
    case 'A':
      return command ? { type: 'selectAll' } : undefined;
    default:
      return undefined;
  }
}

/**
 * Undo and redo anywhere in the Gantt, as MS Project users expect: Ctrl+Z undoes, Ctrl+Shift+Z or Ctrl+Y redoes
 * (Cmd on a Mac).
 */
export function historyAction(press: KeyPress): 'undo' | 'redo' | undefined {
  if (!(press.ctrlKey || press.metaKey) || press.altKey) return undefined;
  const key = press.key.toLowerCase();
  if (key === 'z') return press.shiftKey ? 'redo' : 'undo';
  if (key === 'y' && !press.shiftKey) return 'redo';
  return undefined;
}

/** The new focus row after moving by `rows` from `from`, kept within the table. */
export function clampRow(from: number, rows: number, count: number): number {
  if (count === 0) return -1;
  if (rows === Number.NEGATIVE_INFINITY) return 0;
  if (rows === Number.POSITIVE_INFINITY) return count - 1;
  return Math.min(count - 1, Math.max(0, from + rows));
}

/** The ids between the anchor and the focus, inclusive, in row order: a Shift selection. */
export function rangeOf(ids: readonly string[], anchor: string, focus: string): string[] {
  const a = ids.indexOf(anchor);
  const b = ids.indexOf(focus);
  if (a < 0 || b < 0) return b < 0 ? [] : [focus];
  return ids.slice(Math.min(a, b), Math.max(a, b) + 1);
}
