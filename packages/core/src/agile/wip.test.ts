import { describe, expect, it } from 'vitest';
import { moveExceedsWip, wipStates } from './wip';

const columns = [
  { key: 'todo', wipLimit: null },
  { key: 'doing', wipLimit: 2 },
  { key: 'review', wipLimit: 1 },
];

describe('WIP limits', () => {
  it.each([
    { counts: [], doing: { count: 0, exceeded: false, full: false } },
    { counts: [['doing', 2]], doing: { count: 2, exceeded: false, full: true } },
    { counts: [['doing', 3]], doing: { count: 3, exceeded: true, full: false } },
  ] as const)('reports $counts against a limit of 2', ({ counts, doing }) => {
    const states = wipStates(columns, new Map(counts.map(([k, v]) => [k, v])));
    expect(states.find((s) => s.key === 'doing')).toEqual({ key: 'doing', limit: 2, ...doing });
    expect(states.find((s) => s.key === 'todo')).toMatchObject({ limit: null, exceeded: false, full: false });
  });

  it.each([
    { key: 'todo', count: 99, exceeds: false },
    { key: 'doing', count: 1, exceeds: false },
    { key: 'doing', count: 2, exceeds: true },
    { key: 'review', count: 1, exceeds: true },
    { key: 'unknown', count: 5, exceeds: false },
  ])(
    'says whether one more card in $key (holding $count) exceeds the limit: $exceeds',
    ({ key, count, exceeds }) => {
      expect(moveExceedsWip(columns, new Map([[key, count]]), key)).toBe(exceeds);
    },
  );
});
