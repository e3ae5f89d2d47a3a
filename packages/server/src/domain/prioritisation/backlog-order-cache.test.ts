import { describe, expect, it } from 'vitest';
import { BacklogOrderCache } from './backlog-order-cache';
import type { RankedOrder } from './backlog-ranking';

const order = (revision: number, count: number, tag = 'f'): RankedOrder => ({
  revision,
  ids: Array.from({ length: count }, (_, k) => `${tag}${k}`),
  positions: Int32Array.from({ length: count }, (_, k) => k + 1),
});

describe('BacklogOrderCache', () => {
  it('serves an order only at the revision it was ranked at', () => {
    const cache = new BacklogOrderCache(100);
    const ranked = order(7, 3);
    cache.set('p', 'rice', ranked);
    expect(cache.get('p', 'rice', 7)).toBe(ranked);
    expect(cache.get('p', 'rice', 8)).toBeUndefined();
    expect(cache.get('p', 'wsjf', 7)).toBeUndefined();
  });

  it('drops every method of a product when an order of another revision is kept', () => {
    const cache = new BacklogOrderCache(100);
    cache.set('p', 'rice', order(7, 3));
    cache.set('p', 'wsjf', order(7, 3));
    cache.set('p', 'rice', order(9, 4));
    expect(cache.get('p', 'wsjf', 7)).toBeUndefined();
    expect(cache.get('p', 'wsjf', 9)).toBeUndefined();
    expect(cache.get('p', 'rice', 9)?.ids).toHaveLength(4);
    expect(cache.size).toBe(5);
    // Equality, not order: a database restored from a backup may number revisions lower than before.
    cache.set('p', 'demand', order(2, 5));
    expect(cache.get('p', 'rice', 9)).toBeUndefined();
    expect(cache.get('p', 'demand', 2)?.ids).toHaveLength(5);
    expect(cache.size).toBe(6);
  });

  it('lets the least recently read products go once the ids held pass the capacity', () => {
    const cache = new BacklogOrderCache(10);
    cache.set('a', 'rice', order(1, 4));
    cache.set('b', 'rice', order(1, 4));
    cache.get('a', 'rice', 1);
    cache.set('c', 'rice', order(1, 4));
    expect(cache.get('b', 'rice', 1)).toBeUndefined();
    expect(cache.get('a', 'rice', 1)).toBeDefined();
    expect(cache.get('c', 'rice', 1)).toBeDefined();
    expect(cache.size).toBe(10);
    // One backlog larger than the whole capacity is still kept, alone.
    cache.set('d', 'rice', order(1, 20));
    expect(cache.size).toBe(21);
    expect(cache.get('a', 'rice', 1)).toBeUndefined();
    expect(cache.get('d', 'rice', 1)).toBeDefined();
  });

  it('counts an empty backlog too, so reads of many empty or unknown products stay within the capacity', () => {
    const cache = new BacklogOrderCache(5);
    for (let k = 0; k < 100; k++) cache.set(`p${k}`, 'rice', order(1, 0));
    expect(cache.size).toBe(5);
    expect(cache.get('p0', 'rice', 1)).toBeUndefined();
    expect(cache.get('p99', 'rice', 1)).toBeDefined();
  });
});
