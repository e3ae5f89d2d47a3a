import { type RefObject, useCallback, useLayoutEffect, useRef, useState } from 'react';
import { headerHeight } from './gantt-header';
import { type RowWindow, rowWindow, scrollTopFor } from './row-window';

/**
 * The rows the chart draws, in blocks: a scroll re-renders nothing until the visible rows leave the drawn block, so
 * most frames of a scroll only move pixels. `scrollToRow` brings a row into view below the sticky header.
 */
export function useRowWindow(scroller: RefObject<HTMLDivElement | null>, count: number) {
  const [range, setRange] = useState<RowWindow>(() => rowWindow(0, 0, count));
  const shown = useRef(range);
  const sync = useCallback(() => {
    const element = scroller.current;
    if (!element) return;
    const next = rowWindow(element.scrollTop, element.clientHeight - headerHeight, count);
    if (next.first === shown.current.first && next.last === shown.current.last) return;
    shown.current = next;
    setRange(next);
  }, [scroller, count]);
  useLayoutEffect(() => {
    sync();
    const element = scroller.current;
    if (!element) return;
    element.addEventListener('scroll', sync, { passive: true });
    const observer = new ResizeObserver(sync);
    observer.observe(element);
    return () => {
      element.removeEventListener('scroll', sync);
      observer.disconnect();
    };
  }, [scroller, sync]);
  const scrollToRow = useCallback(
    (index: number) => {
      const element = scroller.current;
      if (!element || index < 0) return;
      const top = scrollTopFor(index, element.scrollTop, element.clientHeight - headerHeight);
      if (top !== element.scrollTop) element.scrollTop = top;
    },
    [scroller],
  );
  return { ...range, scrollToRow };
}
