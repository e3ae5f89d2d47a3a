import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { pinForDrop, placePins, positionOfUnpinned } from './pin-placement';
import { type RankItem, rankItems } from './ranking';

describe('pin placement', () => {
  it('places pins among score-ranked items as the full ranking does', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            score: fc.option(fc.integer({ min: 0, max: 9 })),
            pin: fc.option(fc.integer({ min: 1, max: 40 }).map((n) => n / 2)),
          }),
          { maxLength: 30 },
        ),
        (rows) => {
          const items: RankItem[] = rows.map((row, k) => ({
            id: `f${String(k).padStart(2, '0')}`,
            score: row.score,
            tieBreaker: `f${String(k).padStart(2, '0')}`,
            pinnedPosition: row.pin,
          }));
          const full = new Map(rankItems(items).map((ranked) => [ranked.id, ranked.position]));
          const unpinned = rankItems(items.filter((item) => item.pinnedPosition == null));
          const pins = placePins(
            items
              .filter((item) => item.pinnedPosition != null)
              .map((item) => ({
                id: item.id,
                pinnedPosition: item.pinnedPosition as number,
                tieBreaker: item.tieBreaker,
              })),
            unpinned.length,
          );
          for (const pin of pins) expect(pin.position).toBe(full.get(pin.id));
          for (const item of unpinned)
            expect(positionOfUnpinned(item.position, pins)).toBe(full.get(item.id));
        },
      ),
    );
  });

  it('puts a pin beyond the end right after the last item', () => {
    expect(placePins([{ id: 'p', pinnedPosition: 50, tieBreaker: 'p' }], 3)).toEqual([
      { id: 'p', position: 4, unpinnedBefore: 3 },
    ]);
  });

  it.each([
    ['a free place', 4, undefined, undefined, 4],
    ['a place after a pin', 4, 3, undefined, 4],
    ['before a pin holding the place', 4, undefined, 4, 3.5],
    ['between two pins on one place', 4, 3.5, 4, 3.75],
    ['before a pin further down', 4, undefined, 7, 4],
  ])('pins a drop on %s', (_, position, before, after, expected) => {
    expect(pinForDrop(position, before, after)).toBe(expected);
  });

  it('lands a dropped item where it was dropped, before the pin it displaced', () => {
    const items: RankItem[] = [
      { id: 'a', score: 9, tieBreaker: 'a' },
      { id: 'b', score: 8, tieBreaker: 'b' },
      { id: 'c', score: 7, tieBreaker: 'c', pinnedPosition: 3 },
      { id: 'x', score: 1, tieBreaker: 'x', pinnedPosition: pinForDrop(3, undefined, 3) },
    ];
    expect(rankItems(items).map((item) => item.id)).toEqual(['a', 'b', 'x', 'c']);
  });
});
