import { describe, expect, it } from 'vitest';
import type { PlanLink, PlanTask, ScheduledTask } from '../../../api/plan';
import { displayRows, linksByRow } from './display-rows';
import { visibleRows } from './outline-rows';

const task = (id: string, parentId: string | null, position: number): PlanTask => ({
  id,
  projectId: 'p',
  parentId,
  name: id,
  position,
  durationMinutes: 480,
  version: 1,
});
const tasks = [task('A', null, 1), task('A1', 'A', 1), task('A2', 'A', 2), task('B', null, 2)];
const rows = visibleRows(tasks, new Map<string, ScheduledTask>(), new Set());
const link = (id: string, from: string, to: string): PlanLink => ({
  id,
  predecessorId: from,
  successorId: to,
  type: 'FS',
  lagMinutes: 0,
  version: 1,
});

describe('display rows', () => {
  it('puts a task being added below the whole subtree of the task it follows', () => {
    const shown = displayRows(rows, { place: { parentId: null, position: 1.5 }, afterTaskId: 'A' });
    expect(shown.map((r) => (r.kind === 'task' ? r.row.task.id : `draft@${r.level}`))).toEqual([
      'A',
      'A1',
      'A2',
      'draft@1',
      'B',
    ]);
  });

  it('indents a task being added under a parent one level deeper, and puts it last without a task to follow', () => {
    const child = displayRows(rows, { place: { parentId: 'A', position: 1.5 }, afterTaskId: 'A1' });
    expect(child[2]).toEqual({ kind: 'draft', level: 2, place: { parentId: 'A', position: 1.5 } });
    const last = displayRows(rows, { place: { parentId: null, position: 3 }, afterTaskId: undefined });
    expect(last.at(-1)?.kind).toBe('draft');
  });

  it('gives each link the rows of its tasks and leaves out links to hidden tasks', () => {
    const collapsed = displayRows(visibleRows(tasks, new Map(), new Set(['A'])), undefined);
    const links = [link('l1', 'A1', 'B'), link('l2', 'A', 'B')];
    expect(linksByRow(links, displayRows(rows, undefined)).map((l) => [l.link.id, l.from, l.to])).toEqual([
      ['l1', 1, 3],
      ['l2', 0, 3],
    ]);
    expect(linksByRow(links, collapsed).map((l) => l.link.id)).toEqual(['l2']);
  });
});
