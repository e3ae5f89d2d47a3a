import { describe, expect, it } from 'vitest';
import {
  checklistProgress,
  type DeliverableState,
  deliverableLate,
  nextDeliverableStates,
} from './deliverable-status';

describe('checklistProgress', () => {
  const cases: [string, string, { done: number; total: number }][] = [
    ['counts ticked and open items', '- [x] Signed\n- [ ] Filed\n- [X] Sent', { done: 2, total: 3 }],
    [
      'ignores text that is not a checklist item',
      'Intro\n- plain bullet\n* [ ] Real item',
      { done: 0, total: 1 },
    ],
    ['finds nothing in an empty text', '', { done: 0, total: 0 }],
    ['ignores an empty checkbox with no text', '- [ ] ', { done: 0, total: 0 }],
  ];
  for (const [name, text, expected] of cases)
    it(name, () => expect(checklistProgress(text)).toEqual(expected));
});

describe('deliverableLate', () => {
  const cases: [string, DeliverableState, string | null, string, boolean][] = [
    [
      'flags a pending deliverable whose milestone has passed',
      'pending',
      '2026-03-02T17:00',
      '2026-03-03',
      true,
    ],
    ['does not flag one due on the day itself', 'submitted', '2026-03-03T17:00', '2026-03-03', false],
    ['never flags an accepted deliverable', 'accepted', '2026-03-02T17:00', '2026-04-01', false],
    ['never flags one without a milestone', 'rejected', null, '2026-04-01', false],
  ];
  for (const [name, state, date, asOf, late] of cases)
    it(name, () => expect(deliverableLate(state, date, asOf)).toBe(late));
});

describe('nextDeliverableStates', () => {
  it('submits pending and rejected deliverables and decides submitted ones', () => {
    expect(nextDeliverableStates('pending')).toEqual(['submitted']);
    expect(nextDeliverableStates('submitted')).toEqual(['accepted', 'rejected']);
    expect(nextDeliverableStates('rejected')).toEqual(['submitted']);
    expect(nextDeliverableStates('accepted')).toEqual([]);
  });
});
