import { describe, expect, it } from 'vitest';
import { ListPageCache, rowsWeight } from './list-page-cache';

const kept = (revision: number, page: string, weight = 10) => ({ revision, page, weight });

describe('ListPageCache', () => {
  it('serves a page only at the revision it was read at', () => {
    const cache = new ListPageCache<string>(100);
    cache.set('k', kept(7, 'seven'));
    expect(cache.get('k', 7)).toBe('seven');
    expect(cache.get('k', 8)).toBeUndefined();
    expect(cache.peek('k')?.revision).toBe(7);
    cache.set('k', kept(8, 'eight'));
    expect(cache.get('k', 7)).toBeUndefined();
    expect(cache.get('k', 8)).toBe('eight');
    expect(cache.weight).toBe(10);
  });

  it('lets the least recently read pages go once their weight passes the capacity', () => {
    const cache = new ListPageCache<string>(30);
    for (const key of ['a', 'b', 'c', 'd']) cache.set(key, kept(1, key, 7));
    expect(cache.get('a', 1)).toBe('a');
    cache.set('e', kept(1, 'e', 7));
    expect(cache.peek('b')).toBeUndefined();
    expect(['a', 'c', 'd', 'e'].map((key) => cache.get(key, 1))).toEqual(['a', 'c', 'd', 'e']);
    expect(cache.weight).toBe(28);
  });

  it('keeps no page heavier than a quarter of its capacity', () => {
    const cache = new ListPageCache<string>(100);
    cache.set('small', kept(1, 'small', 25));
    cache.set('big', kept(1, 'big', 26));
    expect(cache.peek('big')).toBeUndefined();
    expect(cache.get('small', 1)).toBe('small');
    // A page that grew too heavy leaves instead of staying at its old revision.
    cache.set('small', kept(2, 'grown', 60));
    expect(cache.peek('small')).toBeUndefined();
    expect(cache.weight).toBe(0);
  });
});

describe('rowsWeight', () => {
  it('counts the characters of text values and one per row', () => {
    expect(rowsWeight([{ a: 'abc', b: 4, c: null }, { a: '' }])).toBe(5);
  });
});
