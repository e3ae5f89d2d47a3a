import { describe, expect, it } from 'vitest';
import type { PlanTask, ScheduledTask } from '../../../api/plan';
import {
  indentPlace,
  outdentPlace,
  placeAfter,
  predecessorText,
  resourceText,
  visibleRows,
} from './outline-rows';

const task = (id: string, parentId: string | null, position: number): PlanTask => ({
  id,
  projectId: 'p',
  parentId,
  name: id,
  position,
  durationMinutes: 480,
  version: 1,
});

// Depth-first, siblings by position: A (A1, A2 (A2a)), B, C.
const tasks = [
  task('A', null, 1),
  task('A1', 'A', 1),
  task('A2', 'A', 2),
  task('A2a', 'A2', 1),
  task('B', null, 2),
  task('C', null, 3),
];
const none = new Map<string, ScheduledTask>();

describe('outline rows', () => {
  it('shows every task with its level and whether it has children', () => {
    const rows = visibleRows(tasks, none, new Set());
    expect(rows.map((r) => `${r.task.id}:${r.level}${r.hasChildren ? '+' : ''}`)).toEqual([
      'A:1+',
      'A1:2',
      'A2:2+',
      'A2a:3',
      'B:1',
      'C:1',
    ]);
  });

  it('hides everything under a collapsed task and nothing after it', () => {
    expect(visibleRows(tasks, none, new Set(['A'])).map((r) => r.task.id)).toEqual(['A', 'B', 'C']);
    const rows = visibleRows(tasks, none, new Set(['A2']));
    expect(rows.map((r) => r.task.id)).toEqual(['A', 'A1', 'A2', 'B', 'C']);
    expect(rows.find((r) => r.task.id === 'A2')?.collapsed).toBe(true);
  });

  it('ignores a collapse mark on a task without children', () => {
    const rows = visibleRows(tasks, none, new Set(['B']));
    expect(rows).toHaveLength(6);
    expect(rows.find((r) => r.task.id === 'B')?.collapsed).toBe(false);
  });

  it('places a new task between the selected one and its next sibling, or last', () => {
    expect(placeAfter(tasks, 'A1')).toEqual({ parentId: 'A', position: 1.5 });
    expect(placeAfter(tasks, 'C')).toEqual({ parentId: null, position: 4 });
    expect(placeAfter(tasks, undefined)).toEqual({ parentId: null, position: 4 });
    expect(placeAfter([], undefined)).toEqual({ parentId: null, position: 1 });
  });

  it('indents under the sibling above as its last child, and refuses the first child', () => {
    expect(indentPlace(tasks, 'B')).toEqual({ parentId: 'A', position: 3 });
    expect(indentPlace(tasks, 'A2')).toEqual({ parentId: 'A1', position: 1 });
    expect(indentPlace(tasks, 'A1')).toBeUndefined();
    expect(indentPlace(tasks, 'A')).toBeUndefined();
  });

  it('outdents to right after the parent, and refuses a top-level task', () => {
    expect(outdentPlace(tasks, 'A2a')).toEqual({ parentId: 'A', position: 3 });
    expect(outdentPlace(tasks, 'A1')).toEqual({ parentId: null, position: 1.5 });
    expect(outdentPlace(tasks, 'B')).toBeUndefined();
  });

  it('writes predecessors as row numbers, with the type and lag when not plain finish-to-start', () => {
    const numbers = new Map([
      ['A', 1],
      ['B', 5],
    ]);
    expect(
      predecessorText(
        [
          { predecessorId: 'A', type: 'FS', lagMinutes: 0 },
          { predecessorId: 'B', type: 'SS', lagMinutes: 960 },
          { predecessorId: 'gone', type: 'FS', lagMinutes: 0 },
        ],
        numbers,
        480,
      ),
    ).toBe('1, 5SS+2d');
  });

  it('lists the resources of each task with their units when not full time', () => {
    const text = resourceText(tasks, [
      { taskId: 'A1', resourceName: 'Ada', units: 1 },
      { taskId: 'A1', resourceName: 'Grace', units: 0.5 },
      { taskId: 'B', resourceName: 'Crane', units: 2 },
    ]);
    expect(text.get('A1')).toBe('Ada, Grace [50%]');
    expect(text.get('B')).toBe('Crane [200%]');
    expect(text.has('C')).toBe(false);
  });
});
