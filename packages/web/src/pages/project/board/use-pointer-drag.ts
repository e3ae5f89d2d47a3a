import { type PointerEvent as ReactPointerEvent, useCallback, useEffect, useRef, useState } from 'react';

/** Where a dragged item would land: a list (a board cell, a sprint, the backlog) and an insertion index in it. */
export interface DropTarget {
  list: string;
  index: number;
}

/** The drag in progress: the item, the pointer, and the target under it. */
export interface DragState {
  id: string;
  x: number;
  y: number;
  /** Offset of the pointer inside the dragged element, so the ghost does not jump. */
  dx: number;
  dy: number;
  width: number;
  target: DropTarget | null;
}

// Under this many pixels of movement a press is a click, not a drag.
const threshold = 5;
const edge = 48;

/**
 * The insertion index under the pointer in a list of fixed-height rows. Lists mark themselves with
 * `data-drop-list="<id>"` and `data-row-height`; their scrolling element is the list itself or a child marked
 * `data-drop-scroll`. Fixed heights let virtualised lists answer without measuring rows that are not rendered.
 */
export function targetAt(x: number, y: number): DropTarget | null {
  const list = document.elementFromPoint(x, y)?.closest<HTMLElement>('[data-drop-list]');
  if (!list) return null;
  const scroller = list.querySelector<HTMLElement>('[data-drop-scroll]') ?? list;
  const rowHeight = Number(list.dataset.rowHeight ?? 40);
  const rect = scroller.getBoundingClientRect();
  const offset = Number(list.dataset.dropOffset ?? 0);
  const index = Math.max(0, Math.floor((y - rect.top + scroller.scrollTop - offset) / rowHeight + 0.5));
  return { list: list.dataset.dropList ?? '', index };
}

/** Scrolls the list under the pointer when the pointer nears its top or bottom edge, so long lists can be crossed. */
function autoScroll(x: number, y: number): void {
  const list = document.elementFromPoint(x, y)?.closest<HTMLElement>('[data-drop-list]');
  const scroller = list?.querySelector<HTMLElement>('[data-drop-scroll]') ?? list;
  if (!scroller) return;
  const rect = scroller.getBoundingClientRect();
  if (y < rect.top + edge) scroller.scrollTop -= 16;
  else if (y > rect.bottom - edge) scroller.scrollTop += 16;
}

/**
 * Drag and drop with pointer events (mouse, pen and touch alike): the pressed element follows the pointer as a ghost
 * and `onDrop` receives the list and index under it. A click without movement stays a click.
 * @example const drag = usePointerDrag(onDrop); <div onPointerDown={(e) => drag.start(e, task.id)} />
 */
export function usePointerDrag(onDrop: (id: string, target: DropTarget) => void) {
  const [drag, setDrag] = useState<DragState | null>(null);
  const pending = useRef<{ id: string; x: number; y: number; element: HTMLElement } | null>(null);
  const moved = useRef(false);
  const dropRef = useRef(onDrop);
  dropRef.current = onDrop;

  useEffect(() => {
    const move = (event: PointerEvent) => {
      const press = pending.current;
      if (!press) return;
      if (!moved.current && Math.hypot(event.clientX - press.x, event.clientY - press.y) < threshold) return;
      if (!moved.current) {
        moved.current = true;
        document.body.classList.add('is-dragging');
      }
      autoScroll(event.clientX, event.clientY);
      const rect = press.element.getBoundingClientRect();
      setDrag((current) => ({
        id: press.id,
        x: event.clientX,
        y: event.clientY,
        dx: current?.dx ?? press.x - rect.left,
        dy: current?.dy ?? press.y - rect.top,
        width: current?.width ?? rect.width,
        target: targetAt(event.clientX, event.clientY),
      }));
    };
    const up = (event: PointerEvent) => {
      const press = pending.current;
      pending.current = null;
      document.body.classList.remove('is-dragging');
      if (!press || !moved.current) return;
      const target = targetAt(event.clientX, event.clientY);
      setDrag(null);
      if (target) dropRef.current(press.id, target);
      // The click that follows a drag must not open the dropped card.
      setTimeout(() => {
        moved.current = false;
      }, 0);
    };
    const cancel = (event: KeyboardEvent) => {
      if (event.key !== 'Escape' || !pending.current) return;
      pending.current = null;
      moved.current = false;
      document.body.classList.remove('is-dragging');
      setDrag(null);
    };
    window.addEventListener('pointermove', move);
    window.addEventListener('pointerup', up);
    window.addEventListener('keydown', cancel);
    return () => {
      window.removeEventListener('pointermove', move);
      window.removeEventListener('pointerup', up);
      window.removeEventListener('keydown', cancel);
    };
  }, []);

  const start = useCallback((event: ReactPointerEvent<HTMLElement>, id: string) => {
    if (event.button !== 0) return;
    if ((event.target as HTMLElement).closest('button, a, input, select, textarea')) return;
    moved.current = false;
    pending.current = { id, x: event.clientX, y: event.clientY, element: event.currentTarget };
  }, []);

  /** True while the click that ends a drag is being delivered. */
  const justDragged = useCallback(() => moved.current, []);
  return { drag, start, justDragged };
}

/** The index among the list without the dragged item, from the index among the list as shown (which still has it). */
export function indexWithout(shownIds: readonly string[], draggedId: string, index: number): number {
  const at = shownIds.indexOf(draggedId);
  return at !== -1 && at < index ? index - 1 : index;
}
