import { describe, expect, it } from 'vitest';
import type { AgileTask, WorkflowColumn } from './agile-api';
import { boardLanes } from './board-lanes';
import { indexTasks } from './task-model';

const columns: WorkflowColumn[] = [
  { key: 'todo', name: 'To do', category: 'todo', wipLimit: null },
  { key: 'done', name: 'Done', category: 'done', wipLimit: null },
];
const task = (id: string, fields: Partial<AgileTask> = {}): AgileTask => ({
  id,
  projectId: 'p',
  parentId: null,
  name: id,
  description: '',
  position: 1,
  status: 'todo',
  rank: 1,
  sprintId: null,
  storyPoints: null,
  priority: 'medium',
  labels: [],
  completedAt: null,
  customFields: {},
  updatedAt: '',
  version: 1,
  ...fields,
});
const tasks = [
  task('epic', { position: 1 }),
  task('a', { parentId: 'epic', rank: 2, priority: 'high' }),
  task('b', { parentId: 'epic', rank: 1, status: 'done' }),
  task('c', { position: 2, rank: 3, status: 'blocked', priority: 'lowest' }),
];
const index = indexTasks(tasks, [{ taskId: 'a', resourceId: 'r', name: 'Zoe' }]);

describe('boardLanes', () => {
  it('puts every card in one lane, by rank, and a card of an unknown status in the first column', () => {
    const [lane] = boardLanes(index.leaves, columns, 'none', index);
    expect(lane?.cells.get('todo')?.map((t) => t.id)).toEqual(['a', 'c']);
    expect(lane?.cells.get('done')?.map((t) => t.id)).toEqual(['b']);
  });

  it.each([
    ['assignee', ['Zoe', 'Unassigned']],
    ['epic', ['epic', 'No epic']],
    ['priority', ['High priority', 'Medium priority', 'Lowest priority']],
  ] as const)('splits the cards into lanes by %s, the catch-all last', (swimlanes, titles) => {
    expect(boardLanes(index.leaves, columns, swimlanes, index).map((lane) => lane.title)).toEqual(titles);
  });

  it('shows one empty lane when no card passes the filter', () => {
    const lanes = boardLanes([], columns, 'epic', index);
    expect(lanes).toHaveLength(1);
    expect(lanes[0]?.count).toBe(0);
  });
});
