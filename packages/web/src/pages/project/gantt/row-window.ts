import { rowHeight } from './bar-geometry';

/** The display rows drawn, first to last inclusive (last < first when there are none). */
export interface RowWindow {
  first: number;
  last: number;
}

/**
 * Rows per block of the drawn window: the window moves only when the visible rows leave their block, so a slow
 * scroll re-renders every fourth row rather than every row. Larger blocks were measured worse: mounting a block of
 * 128 rows takes over 100 ms, a DOM twice as large makes every scroll frame slower, and at 8 a fast scroll (five rows
 * a frame) packs the rows of two frames into one more often, which is the frame a scroll's 95th percentile reads.
 */
export const rowBlock = 4;
/** Rows drawn beyond the block on each side: a fast scroll shows drawn rows during the frame the next block renders. */
export const rowOverscan = 8;

/** The rows to draw for a scroll position: the visible rows' block, the viewport's height beyond it, and overscan. */
export function rowWindow(scrollTop: number, viewHeight: number, count: number): RowWindow {
  const firstVisible = Math.max(0, Math.floor(scrollTop / rowHeight));
  const visible = Math.max(1, Math.ceil(Math.max(0, viewHeight) / rowHeight) + 1);
  const blockStart = Math.floor(firstVisible / rowBlock) * rowBlock;
  const first = Math.min(Math.max(0, blockStart - rowOverscan), Math.max(0, count - 1));
  const last = Math.min(count - 1, blockStart + rowBlock + visible + rowOverscan - 1);
  return { first, last };
}

/**
 * The scroll offset that shows row `index` whole below the sticky header, moving as little as possible (none when it
 * is already in view).
 */
export function scrollTopFor(index: number, scrollTop: number, viewHeight: number): number {
  const top = index * rowHeight;
  if (top < scrollTop) return top;
  if (top + rowHeight > scrollTop + viewHeight) return Math.max(0, top + rowHeight - viewHeight);
  return scrollTop;
}

/**
 * The rows first to last in the order of their slots (a row's index modulo the window's length): a row keyed by its
 * slot keeps its DOM nodes when the window moves, and the row leaving at one end hands them to the row entering at the
 * other. Kept in slot order, the nodes never move either: rows are placed by their own offset, not by document order.
 */
export function slotOrder(first: number, last: number): number[] {
  const size = last - first + 1;
  if (size <= 0) return [];
  const out = new Array<number>(size);
  for (let index = first; index <= last; index++) out[index % size] = index;
  return out;
}
