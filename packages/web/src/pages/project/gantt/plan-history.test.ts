import { describe, expect, it } from 'vitest';
import { inverseChanges, PlanHistory } from './plan-history';

/** A value the steps set, so the order of undo and redo can be read back. */
function counter() {
  const log: string[] = [];
  const step = (name: string, ok = true) => ({
    undo: async () => {
      log.push(`undo ${name}`);
      return ok;
    },
    redo: async () => {
      log.push(`redo ${name}`);
      return ok;
    },
  });
  return { log, step };
}

describe('PlanHistory', () => {
  it('undoes the last edits first, redoes them in order, and a new edit clears what was undone', async () => {
    const history = new PlanHistory();
    const { log, step } = counter();
    history.record(step('a'));
    history.record(step('b'));
    // Asked at once, as two quick Ctrl+Z presses: run one after the other.
    expect(await Promise.all([history.undo(), history.undo()])).toEqual([true, true]);
    expect(await history.undo()).toBe(false);
    expect(await history.redo()).toBe(true);
    history.record(step('c'));
    expect(await history.redo()).toBe(false);
    expect(log).toEqual(['undo b', 'undo a', 'redo a']);
  });

  it('drops a step the server refused, and keeps at most its limit', async () => {
    const history = new PlanHistory(2);
    const { log, step } = counter();
    history.record(step('a'));
    history.record(step('b'));
    history.record(step('c', false));
    expect(await history.undo()).toBe(false);
    expect(await history.redo()).toBe(false);
    expect(await history.undo()).toBe(true);
    expect(await history.undo()).toBe(false);
    expect(log).toEqual(['undo c', 'undo b']);
  });
});

describe('PlanHistory.state', () => {
  it('says when there is an edit to undo or redo, and tells its listeners when that changes', async () => {
    const history = new PlanHistory();
    const { step } = counter();
    const seen: string[] = [];
    const show = () => `${history.state.canUndo ? 'undo' : '-'} ${history.state.canRedo ? 'redo' : '-'}`;
    const stop = history.subscribe(() => seen.push(show()));
    expect(show()).toBe('- -');
    history.record(step('a'));
    const before = history.state;
    history.record(step('b'));
    // Nothing changed for the buttons: the same snapshot, and no call.
    expect(history.state).toBe(before);
    await history.undo();
    await history.undo();
    await history.redo();
    history.record(step('c'));
    stop();
    await history.undo();
    expect(seen).toEqual(['undo -', 'undo redo', '- redo', 'undo redo', 'undo -']);
  });

  it('takes away a step the server refused from both stacks', async () => {
    const history = new PlanHistory();
    const { step } = counter();
    history.record(step('a', false));
    expect(await history.undo()).toBe(false);
    expect(history.state).toEqual({ canUndo: false, canRedo: false });
  });
});

describe('inverseChanges', () => {
  it('gives the values the changes replaced, null where the task had none', () => {
    const task = { durationMinutes: 480, constraintType: 'asap', constraintDate: null as string | null };
    expect(inverseChanges(task, { constraintType: 'snet', constraintDate: '2026-03-04T08:00' })).toEqual({
      constraintType: 'asap',
      constraintDate: null,
    });
  });
});
