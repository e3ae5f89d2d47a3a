import { describe, expect, it } from 'vitest';
import { rowHeight } from './bar-geometry';
import { rowBlock, rowOverscan, rowWindow, scrollTopFor, slotOrder } from './row-window';

describe('rowWindow', () => {
  it('draws the first block, the viewport beyond it and the overscan at the top of the plan', () => {
    expect(rowWindow(0, 10 * rowHeight, 10_000)).toEqual({ first: 0, last: rowBlock + 11 + rowOverscan - 1 });
  });

  it('keeps the same window while the visible rows stay in their block', () => {
    const at = (rows: number) => rowWindow(rows * rowHeight, 20 * rowHeight, 10_000);
    expect(at(rowBlock + 1)).toEqual(at(2 * rowBlock - 1));
    expect(at(2 * rowBlock)).not.toEqual(at(2 * rowBlock - 1));
  });

  it('always holds every visible row', () => {
    for (let top = 0; top < 40_000; top += 37) {
      const window = rowWindow(top, 700, 10_000);
      const firstVisible = Math.floor(top / rowHeight);
      const lastVisible = Math.floor((top + 700) / rowHeight);
      expect(window.first).toBeLessThanOrEqual(firstVisible);
      expect(window.last).toBeGreaterThanOrEqual(Math.min(lastVisible, 9_999));
    }
  });

  it('stops at the last row and draws nothing for an empty plan', () => {
    expect(rowWindow(0, 700, 5)).toEqual({ first: 0, last: 4 });
    const empty = rowWindow(0, 700, 0);
    expect(empty.last).toBeLessThan(empty.first);
  });
});

describe('scrollTopFor', () => {
  it('leaves the scroll alone when the row is in view', () => {
    expect(scrollTopFor(5, 0, 640)).toBe(0);
  });

  it('scrolls up to a row above the view and down just enough for a row below it', () => {
    expect(scrollTopFor(3, 320, 640)).toBe(3 * rowHeight);
    expect(scrollTopFor(30, 0, 640)).toBe(31 * rowHeight - 640);
  });
});

describe('slotOrder', () => {
  it('lists the rows in index order when the window starts at the top', () => {
    expect(slotOrder(0, 4)).toEqual([0, 1, 2, 3, 4]);
  });

  it('gives a moved window the slots of the rows it left, and keeps the other rows in theirs', () => {
    const before = slotOrder(10, 19);
    const after = slotOrder(13, 22);
    expect(after).toEqual([20, 21, 22, 13, 14, 15, 16, 17, 18, 19]);
    for (let slot = 0; slot < 10; slot++) {
      const kept = before[slot] ?? -1;
      if (kept >= 13) expect(after[slot]).toBe(kept);
      else expect(after[slot]).toBe(kept + 10);
    }
  });

  it('holds nothing for an empty window', () => {
    expect(slotOrder(0, -1)).toEqual([]);
  });
});
