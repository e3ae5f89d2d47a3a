import { type RefObject, useCallback, useLayoutEffect, useRef, useState } from 'react';
import { headerHeight } from './gantt-header';
import { type RowWindow, rowWindow, scrollTopFor } from './row-window';

/**
 * The rows the chart draws, in blocks: a scroll re-renders nothing until the visible rows leave the drawn block, so
 * most frames of a scroll only move pixels. Only the component that draws the rows holds this state, so a block
 * change re-renders the rows and the timeline, not the whole chart with its queries and actions.
 */
export function useRowWindow(scroller: HTMLElement | null, count: number): RowWindow {
  const [range, setRange] = useState<RowWindow>(() => rowWindow(0, 0, count));
  const shown = useRef(range);
  // The viewport's height comes from the resize observer: read in a scroll handler, it would force a layout.
  const viewHeight = useRef(0);
  const sync = useCallback(() => {
    if (!scroller) return;
    const next = rowWindow(scroller.scrollTop, viewHeight.current - headerHeight, count);
    if (next.first === shown.current.first && next.last === shown.current.last) return;
    shown.current = next;
    setRange(next);
  }, [scroller, count]);
  useLayoutEffect(() => {
    if (!scroller) return;
    viewHeight.current = scroller.clientHeight;
    sync();
    scroller.addEventListener('scroll', sync, { passive: true });
    const observer = new ResizeObserver(() => {
      viewHeight.current = scroller.clientHeight;
      sync();
    });
    observer.observe(scroller);
    return () => {
      scroller.removeEventListener('scroll', sync);
      observer.disconnect();
    };
  }, [scroller, sync]);
  return range;
}

/** Brings a display row into view below the sticky header, moving the scroll as little as possible. */
export function useScrollToRow(scroller: RefObject<HTMLDivElement | null>): (index: number) => void {
  return useCallback(
    (index: number) => {
      const element = scroller.current;
      if (!element || index < 0) return;
      const top = scrollTopFor(index, element.scrollTop, element.clientHeight - headerHeight);
      if (top !== element.scrollTop) element.scrollTop = top;
    },
    [scroller],
  );
}
