import { describe, expect, it } from 'vitest';
import type { AgileTask } from './agile-api';
import { byRank, filterTasks, indexTasks, rankAt } from './task-model';

let next = 0;
const task = (name: string, fields: Partial<AgileTask> = {}): AgileTask => ({
  id: fields.id ?? `t${++next}`,
  projectId: 'p',
  parentId: null,
  name,
  description: '',
  position: next,
  status: 'todo',
  rank: next,
  sprintId: null,
  storyPoints: null,
  priority: 'medium',
  labels: [],
  completedAt: null,
  customFields: {},
  updatedAt: '2026-01-01T00:00:00Z',
  version: 1,
  ...fields,
});

const epic = task('Checkout', { id: 'epic' });
const feature = task('Payment', { id: 'feature', parentId: 'epic' });
const card = task('Card form', { id: 'card', parentId: 'feature', labels: ['ux'], priority: 'high' });
const wallet = task('Wallet', { id: 'wallet', parentId: 'feature', sprintId: 's1', status: 'done' });
const loose = task('Fix typo', { id: 'loose' });
const all = [wallet, loose, card, feature, epic];

describe('indexTasks', () => {
  const index = indexTasks(all, [{ taskId: 'card', resourceId: 'r1', name: 'Ada Lovelace' }]);

  it('keeps only the leaves as work items', () => {
    expect(index.leaves.map((t) => t.id).sort()).toEqual(['card', 'loose', 'wallet']);
  });

  it('numbers the outline from sibling positions', () => {
    expect(index.outline.get('epic')).toBe('1');
    expect(index.outline.get('card')).toBe('1.1.1');
    expect(index.outline.get('wallet')).toBe('1.1.2');
    expect(index.outline.get('loose')).toBe('2');
  });

  it('finds the top-level summary above each task as its epic', () => {
    expect(index.epic.get('card')?.id).toBe('epic');
    expect(index.epic.has('loose')).toBe(false);
  });

  it.each([
    [{ text: 'card' }, ['card']],
    [{ text: '1.1.2' }, ['wallet']],
    [{ label: 'ux' }, ['card']],
    [{ priority: 'high' as const }, ['card']],
    [{ status: 'done' }, ['wallet']],
    [{ sprint: 's1' }, ['wallet']],
    [{ sprint: 'backlog' }, ['card', 'loose']],
    [{ assignee: 'Ada Lovelace' }, ['card']],
    [{ assignee: 'none' }, ['loose', 'wallet']],
    [{}, ['card', 'loose', 'wallet']],
  ])('filters by %j', (filter, ids) => {
    expect(
      filterTasks(index.leaves, filter, index)
        .map((t) => t.id)
        .sort(),
    ).toEqual(ids);
  });
});

describe('ranks', () => {
  it.each([
    [0, 0],
    [1, 1.5],
    [2, 3],
    [9, 3],
  ])('puts a card dropped at %i at rank %d', (index, rank) => {
    expect(rankAt([{ rank: 1 }, { rank: 2 }], index)).toBe(rank);
  });

  it('orders by rank', () => {
    expect([task('b', { rank: 2 }), task('a', { rank: 1 })].sort(byRank).map((t) => t.name)).toEqual([
      'a',
      'b',
    ]);
  });
});
