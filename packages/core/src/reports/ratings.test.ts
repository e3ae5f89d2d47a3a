import { describe, expect, it } from 'vitest';
import { isMilestoneLate } from './figures';
import type { RagEntry, RagRatings } from './rag';
import {
  effectiveColour,
  ratingProblems,
  settledRatings,
  suggestedRatings,
  withSuggestions,
} from './ratings';

const entry = (suggested: RagEntry['suggested'], chosen: RagEntry['chosen'], reason = ''): RagEntry => ({
  suggested,
  chosen,
  reason,
});
const ratings = (cost: RagEntry): RagRatings => ({
  schedule: entry('green', null),
  cost,
  scope: entry('green', 'green'),
  risk: entry(null, null),
  quality: entry('amber', null),
});

describe('ratingProblems', () => {
  it.each([
    ['following the suggestion', entry('green', null), []],
    ['choosing the suggested colour', entry('amber', 'amber'), []],
    ['overriding with a reason', entry('red', 'amber', 'Vendor credit agreed'), []],
    ['overriding without a reason', entry('red', 'green'), ['rag.cost.reason']],
    ['overriding with a blank reason', entry('red', 'green', '   '), ['rag.cost.reason']],
    ['choosing a colour where there is no data, without a reason', entry(null, 'green'), ['rag.cost.reason']],
  ] as const)('%s', (_name, cost, fields) => {
    expect(ratingProblems(ratings(cost)).map((problem) => problem.field)).toEqual(fields);
  });
  it('names the colours in its message', () => {
    expect(ratingProblems(ratings(entry('red', 'green')))[0]?.message).toBe(
      'The cost colour green departs from the suggested red: give a reason',
    );
  });
});

describe('ratings over time', () => {
  it('shows the chosen colour, else the suggested one, else no data', () => {
    expect(effectiveColour(entry('red', 'amber'))).toBe('amber');
    expect(effectiveColour(entry('red', null))).toBe('red');
    expect(effectiveColour(entry(null, null))).toBeNull();
  });
  it('takes fresh suggestions and keeps choices and reasons', () => {
    const next = withSuggestions(ratings(entry('red', 'amber', 'why')), {
      schedule: 'red',
      cost: 'green',
      scope: 'green',
      risk: 'amber',
      quality: null,
    });
    expect(next.cost).toEqual(entry('green', 'amber', 'why'));
    expect(next.schedule).toEqual(entry('red', null));
    expect(next.risk).toEqual(entry('amber', null));
  });
  it('settles every choice at publication', () => {
    const settled = settledRatings(ratings(entry('red', null)));
    expect(settled.cost.chosen).toBe('red');
    expect(settled.risk.chosen).toBeNull();
    expect(settled.quality.chosen).toBe('amber');
  });
  it('starts a report following every suggestion', () => {
    const fresh = suggestedRatings({
      schedule: 'green',
      cost: null,
      scope: 'amber',
      risk: 'red',
      quality: null,
    });
    expect(fresh.scope).toEqual(entry('amber', null));
  });
});

describe('isMilestoneLate', () => {
  it.each([
    [
      'finishing after its target',
      { finish: '2026-03-11T17:00', target: '2026-03-10T17:00', percentComplete: 0 },
      '2026-03-01',
      true,
    ],
    [
      'finishing on its target',
      { finish: '2026-03-10T17:00', target: '2026-03-10 17:00:00', percentComplete: 0 },
      '2026-03-01',
      false,
    ],
    [
      'unfinished past its target',
      { finish: '2026-03-09T17:00', target: '2026-03-10T17:00', percentComplete: 50 },
      '2026-03-12',
      true,
    ],
    [
      'done before its target',
      { finish: '2026-03-09T17:00', target: '2026-03-10T17:00', percentComplete: 100 },
      '2026-03-12',
      false,
    ],
    [
      'without a target',
      { finish: '2026-03-19T17:00', target: null, percentComplete: 0 },
      '2026-03-12',
      false,
    ],
  ] as const)('is %s: %s', (_name, milestone, asOf, expected) => {
    expect(isMilestoneLate(milestone, asOf)).toBe(expected);
  });
});
