import { describe, expect, it } from 'vitest';
import { scopeChanges } from './scope-changes';

const features = [
  { id: 'f1', title: 'Offline maps' },
  { id: 'f2', title: 'Dark mode' },
];
const delivered = [
  { id: 't1', name: 'Offline maps', parentId: null, featureId: 'f1' },
  { id: 't2', name: 'Dark mode', parentId: null, featureId: 'f2' },
];

describe('scopeChanges', () => {
  it('sees nothing when every feature is delivered and the finish holds', () => {
    expect(
      scopeChanges({ features, tasks: delivered, plannedFinish: '2026-12-31', forecastFinish: '2026-12-20' }),
    ).toEqual([]);
  });

  it('sees a feature whose tasks were removed', () => {
    expect(
      scopeChanges({ features, tasks: [delivered[0]!], plannedFinish: null, forecastFinish: null }),
    ).toEqual([{ kind: 'feature_removed', key: 'removed:f2', featureId: 'f2', title: 'Dark mode' }]);
  });

  it('counts a feature delivered by a subtask as still in scope', () => {
    const tasks = [delivered[0]!, { id: 't3', name: 'Theme', parentId: 't1', featureId: 'f2' }];
    expect(scopeChanges({ features, tasks, plannedFinish: null, forecastFinish: null })).toEqual([]);
  });

  it('sees a new top-level task for a feature outside the initiative', () => {
    const tasks = [...delivered, { id: 't9', name: 'Sharing', parentId: null, featureId: 'f9' }];
    expect(scopeChanges({ features, tasks, plannedFinish: null, forecastFinish: null })).toEqual([
      { kind: 'feature_added', key: 'added:f9', featureId: 'f9', taskId: 't9', name: 'Sharing' },
    ]);
  });

  it('ignores a subtask for another feature and a top-level task with no feature', () => {
    const tasks = [
      ...delivered,
      { id: 't4', name: 'Spike', parentId: 't1', featureId: 'f9' },
      { id: 't5', name: 'Kick-off', parentId: null, featureId: null },
    ];
    expect(scopeChanges({ features, tasks, plannedFinish: null, forecastFinish: null })).toEqual([]);
  });

  const finishes = [
    { forecast: '2026-12-06', threshold: undefined, slipped: false },
    { forecast: '2026-12-07', threshold: undefined, slipped: true },
    { forecast: '2026-12-07', threshold: 10, slipped: false },
  ];
  for (const { forecast, threshold, slipped } of finishes) {
    it(`${slipped ? 'sees' : 'ignores'} a finish of ${forecast} against 2026-12-01 with threshold ${threshold ?? 5}`, () => {
      const changes = scopeChanges({
        features,
        tasks: delivered,
        plannedFinish: '2026-12-01',
        forecastFinish: forecast,
        ...(threshold === undefined ? {} : { thresholdDays: threshold }),
      });
      expect(changes.some((change) => change.kind === 'finish_slipped')).toBe(slipped);
    });
  }
});
