import { describe, expect, it } from 'vitest';
import { type RankItem, rankItems } from './ranking';

const item = (id: string, score: number | null, pinnedPosition?: number): RankItem => ({
  id,
  score,
  tieBreaker: id,
  ...(pinnedPosition === undefined ? {} : { pinnedPosition }),
});
const order = (items: RankItem[]) => rankItems(items).map((r) => r.id);

describe('ranking', () => {
  it.each([
    ['highest score first', [item('a', 1), item('b', 3), item('c', 2)], ['b', 'c', 'a']],
    [
      'ties by the tie-breaker, whatever the input order',
      [item('c', 2), item('a', 2), item('b', 2)],
      ['a', 'b', 'c'],
    ],
    ['unscored last', [item('a', null), item('b', 0), item('c', -1)], ['b', 'c', 'a']],
    ['a pin wins over the score', [item('a', 9), item('b', 5), item('c', 1, 1)], ['c', 'a', 'b']],
    [
      'a pin in the middle',
      [item('a', 9), item('b', 5), item('c', 4), item('d', 1, 2)],
      ['a', 'd', 'b', 'c'],
    ],
    ['a pin beyond the end goes last', [item('a', 9), item('b', 1, 10)], ['a', 'b']],
    [
      'two pins on one place: the earlier id first',
      [item('x', 1, 1), item('w', 1, 1), item('a', 5)],
      ['w', 'x', 'a'],
    ],
  ])('orders %s', (_, items, expected) => {
    expect(order(items)).toEqual(expected);
  });

  it('says why each item sits where it does, numbering from one', () => {
    expect(rankItems([item('a', null), item('b', 3), item('c', 1, 1)])).toEqual([
      { id: 'c', position: 1, reason: 'pinned' },
      { id: 'b', position: 2, reason: 'score' },
      { id: 'a', position: 3, reason: 'unscored' },
    ]);
  });

  it('is stable: ranking a shuffled copy gives the same order', () => {
    const items = Array.from({ length: 200 }, (_, k) =>
      item(`f${String(k).padStart(3, '0')}`, k % 7, k % 37 === 0 ? k % 5 : undefined),
    );
    const shuffled = [...items].reverse();
    expect(order(shuffled)).toEqual(order(items));
  });
});
