import { describe, expect, it } from 'vitest';
import { outlineOf } from './outline';

describe('outlineOf', () => {
  it('numbers a tree depth first with siblings by position', () => {
    const nodes = [
      { id: 'b', parentId: null, position: 2 },
      { id: 'a', parentId: null, position: 1 },
      { id: 'a2', parentId: 'a', position: 5 },
      { id: 'a1', parentId: 'a', position: 0.5 },
      { id: 'a1x', parentId: 'a1', position: 1 },
    ];
    const outline = outlineOf(nodes);
    expect(outline.order.map((i) => nodes[i]?.id)).toEqual(['a', 'a1', 'a1x', 'a2', 'b']);
    expect(outline.numbers).toEqual(['1', '1.1', '1.1.1', '1.2', '2']);
    expect(outline.levels).toEqual([1, 2, 3, 2, 1]);
  });

  it('breaks position ties by id and survives a deep chain', () => {
    const deep = Array.from({ length: 20_000 }, (_, i) => ({
      id: `t${i}`,
      parentId: i === 0 ? null : `t${i - 1}`,
      position: 1,
    }));
    const outline = outlineOf([
      ...deep,
      { id: 'z', parentId: null, position: 1 },
      { id: 'y', parentId: null, position: 1 },
    ]);
    expect(outline.numbers.at(-1)).toBe('3');
    expect(outline.levels[19_999]).toBe(20_000);
  });
});
