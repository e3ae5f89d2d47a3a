import { describe, expect, it } from 'vitest';
import type { PlanLink } from '../../../api/plan';
import { indexLinks, linksIn, type RowLink } from './link-window';

const entry = (id: string, from: number, to: number): RowLink => ({
  link: {
    id,
    predecessorId: `t${from}`,
    successorId: `t${to}`,
    type: 'FS',
    lagMinutes: 0,
    version: 1,
  } satisfies PlanLink,
  from,
  to,
});

describe('linksIn', () => {
  const links = [
    entry('near', 10, 12),
    entry('across-buckets', 60, 70),
    entry('upward', 200, 150),
    entry('long', 5, 5_000),
    entry('far', 900, 905),
  ];
  const index = indexLinks(links);
  const ids = (first: number, last: number) => linksIn(index, first, last).map((e) => e.link.id);

  it('finds every link that meets the window, the same as walking them all', () => {
    for (const [first, last] of [
      [0, 40],
      [65, 100],
      [160, 190],
      [890, 930],
      [6_000, 6_040],
    ] as const) {
      const walked = links
        .filter((e) => Math.max(e.from, e.to) >= first && Math.min(e.from, e.to) <= last)
        .map((e) => e.link.id)
        .sort();
      expect(ids(first, last).sort()).toEqual(walked);
    }
  });

  it('keeps a long link that passes through the window without either end in it', () => {
    expect(ids(2_000, 2_040)).toEqual(['long']);
  });

  it('keeps the links in the same order as the window moves', () => {
    const before = ids(0, 80);
    const after = ids(40, 120);
    expect(after.filter((id) => before.includes(id))).toEqual(before.filter((id) => after.includes(id)));
  });
});
