import { describe, expect, it } from 'vitest';
import type { AgileTask, Sprint, WorkflowColumn } from '../board/agile-api';
import { indexTasks } from '../board/task-model';
import { type ListContext, listRows, sortTasks } from './list-rows';

const task = (id: string, position: number, fields: Partial<AgileTask> = {}): AgileTask => ({
  id,
  projectId: 'p',
  parentId: null,
  name: id,
  description: '',
  position,
  status: 'todo',
  rank: position,
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
const columns: WorkflowColumn[] = [
  { key: 'todo', name: 'To do', category: 'todo', wipLimit: null },
  { key: 'done', name: 'Done', category: 'done', wipLimit: null },
];
const sprints = [{ id: 's1', name: 'Sprint 1' }] as Sprint[];
const tasks = [
  task('charlie', 1, {
    status: 'done',
    storyPoints: 3,
    priority: 'low',
    labels: ['ux', 'api'],
    sprintId: 's1',
  }),
  task('alpha', 2, { storyPoints: 8, priority: 'highest', labels: ['api'] }),
  task('bravo', 10, { priority: 'high' }),
];
const context: ListContext = { index: indexTasks(tasks), columns, sprints };

describe('list rows', () => {
  it.each([
    [{ field: 'name', direction: 'asc' }, ['alpha', 'bravo', 'charlie']],
    [{ field: 'name', direction: 'desc' }, ['charlie', 'bravo', 'alpha']],
    [{ field: 'outline', direction: 'asc' }, ['charlie', 'alpha', 'bravo']],
    [{ field: 'priority', direction: 'asc' }, ['alpha', 'bravo', 'charlie']],
    [{ field: 'storyPoints', direction: 'desc' }, ['alpha', 'charlie', 'bravo']],
    [{ field: 'status', direction: 'desc' }, ['charlie', 'alpha', 'bravo']],
  ] as const)('sorts by %j', (sort, names) => {
    expect(sortTasks(tasks, sort, context).map((t) => t.id)).toEqual(names);
  });

  it('groups by label, listing a task under each of its labels, with counts and points', () => {
    const rows = listRows(tasks, { field: 'name', direction: 'asc' }, 'label', context);
    expect(
      rows.map((row) => (row.kind === 'group' ? `# ${row.title} ${row.count} ${row.points}` : row.task.id)),
    ).toEqual(['# api 2 11', 'alpha', 'charlie', '# ux 1 3', 'charlie', '# No label 1 0', 'bravo']);
  });

  it.each([
    ['status', ['To do', 'Done']],
    ['sprint', ['Sprint 1', 'Backlog']],
    ['priority', ['highest', 'high', 'low']],
  ] as const)('groups by %s in workflow, sprint or priority order', (group, titles) => {
    const rows = listRows(tasks, { field: 'name', direction: 'asc' }, group, context);
    expect(rows.flatMap((row) => (row.kind === 'group' ? [row.title] : []))).toEqual(titles);
  });
});
