import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useRef } from 'react';
import type { AgileTask } from './agile-api';
import { BoardCard, type CardActions, cardPitch } from './board-card';
import type { TaskIndex } from './task-model';

// One empty list for every unassigned card, so a memoised card sees the same props from one render to the next.
const nobody: readonly string[] = [];

/** A column of one lane: its cards, virtualised so a column of thousands renders only the dozen in view. */
export function BoardCell({
  listId,
  cards,
  index,
  tall,
  draggingId,
  dropIndex,
  focusId,
  canMoveLeft,
  canMoveRight,
  actions,
}: {
  /** The drop list id: `<lane>|<status>`. */
  listId: string;
  cards: readonly AgileTask[];
  index: TaskIndex;
  /** Fill the window's height (a board without lanes) rather than stop at a lane's height. */
  tall: boolean;
  draggingId: string | undefined;
  /** Where a dragged card would land in this cell, if the pointer is over it. */
  dropIndex: number | undefined;
  focusId: string | undefined;
  canMoveLeft: boolean;
  canMoveRight: boolean;
  actions: CardActions;
}) {
  const scroller = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: cards.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => cardPitch,
    overscan: 4,
    useFlushSync: false,
  });
  const focusAt = focusId ? cards.findIndex((card) => card.id === focusId) : -1;
  useEffect(() => {
    if (focusAt < 0) return;
    virtualizer.scrollToIndex(focusAt, { align: 'auto' });
    // The card renders on the next frame when it was outside the rendered window.
    const frame = requestAnimationFrame(() =>
      scroller.current?.querySelector<HTMLElement>(`[data-card-id="${focusId}"]`)?.focus(),
    );
    return () => cancelAnimationFrame(frame);
  }, [focusAt, focusId, virtualizer]);
  const total = virtualizer.getTotalSize();
  return (
    <div className="board-cell" data-drop-list={listId} data-row-height={cardPitch}>
      <div
        ref={scroller}
        className={tall ? 'board-cell__scroll board-cell__scroll--tall' : 'board-cell__scroll'}
        data-drop-scroll
      >
        <div className="board-cell__inner" style={{ height: Math.max(total, cardPitch) }}>
          {virtualizer.getVirtualItems().map((item) => {
            const task = cards[item.index];
            if (!task) return null;
            return (
              <div
                key={task.id}
                className="board-cell__item"
                style={{ transform: `translateY(${item.start}px)` }}
              >
                <BoardCard
                  task={task}
                  outline={index.outline.get(task.id) ?? ''}
                  assignees={index.assignees.get(task.id) ?? nobody}
                  dragging={task.id === draggingId}
                  canMoveLeft={canMoveLeft}
                  canMoveRight={canMoveRight}
                  actions={actions}
                />
              </div>
            );
          })}
          {dropIndex !== undefined ? (
            <div className="board-cell__drop" style={{ top: dropIndex * cardPitch - 5 }} aria-hidden="true" />
          ) : null}
          {cards.length === 0 ? <p className="board-cell__empty">No cards</p> : null}
        </div>
      </div>
    </div>
  );
}
