import { describe, expect, it } from 'vitest';
import { clampRow, gridAction, historyAction, rangeOf } from './gantt-keys';

const press = (key: string, mods: Partial<{ shift: boolean; ctrl: boolean; alt: boolean }> = {}) => ({
  key,
  shiftKey: mods.shift ?? false,
  ctrlKey: mods.ctrl ?? false,
  metaKey: false,
  altKey: mods.alt ?? false,
});

describe('grid keyboard', () => {
  it('moves with the arrows and extends the selection with Shift', () => {
    expect(gridAction(press('ArrowDown'))).toEqual({ type: 'move', rows: 1, extend: false });
    expect(gridAction(press('ArrowUp', { shift: true }))).toEqual({ type: 'move', rows: -1, extend: true });
    expect(gridAction(press('ArrowRight'))).toEqual({ type: 'column', step: 1 });
  });

  it('edits with Enter, adds with Ctrl+Enter or Insert, and opens details with Shift+F2', () => {
    expect(gridAction(press('Enter'))?.type).toBe('edit');
    expect(gridAction(press('Enter', { ctrl: true }))?.type).toBe('add');
    expect(gridAction(press('Insert'))?.type).toBe('add');
    expect(gridAction(press('F2', { shift: true }))?.type).toBe('details');
  });

  it('indents with Tab and outdents with Shift+Tab or Alt+Shift+Left', () => {
    expect(gridAction(press('Tab'))?.type).toBe('indent');
    expect(gridAction(press('Tab', { shift: true }))?.type).toBe('outdent');
    expect(gridAction(press('ArrowLeft', { alt: true, shift: true }))?.type).toBe('outdent');
  });

  it('leaves keys it does not own to the browser', () => {
    expect(gridAction(press('x'))).toBeUndefined();
    expect(gridAction(press('-', { ctrl: true }))).toBeUndefined();
    expect(gridAction(press('Home'))).toBeUndefined();
  });

  it('keeps the focus row inside the table', () => {
    expect(clampRow(3, 10, 5)).toBe(4);
    expect(clampRow(3, -10, 5)).toBe(0);
    expect(clampRow(3, Number.POSITIVE_INFINITY, 5)).toBe(4);
    expect(clampRow(0, 1, 0)).toBe(-1);
  });

  it('selects the rows between anchor and focus whichever comes first', () => {
    const ids = ['a', 'b', 'c', 'd'];
    expect(rangeOf(ids, 'c', 'a')).toEqual(['a', 'b', 'c']);
    expect(rangeOf(ids, 'b', 'd')).toEqual(['b', 'c', 'd']);
    expect(rangeOf(ids, 'gone', 'd')).toEqual(['d']);
  });
});

describe('historyAction', () => {
  it('undoes with Ctrl+Z and redoes with Ctrl+Shift+Z or Ctrl+Y, and leaves plain keys alone', () => {
    expect(historyAction(press('z', { ctrl: true }))).toBe('undo');
    expect(historyAction(press('Z', { ctrl: true, shift: true }))).toBe('redo');
    expect(historyAction(press('y', { ctrl: true }))).toBe('redo');
    expect(historyAction(press('z'))).toBeUndefined();
    expect(historyAction(press('z', { ctrl: true, alt: true }))).toBeUndefined();
  });
});
