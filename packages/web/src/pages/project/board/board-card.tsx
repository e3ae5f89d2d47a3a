import { type KeyboardEvent, memo, type PointerEvent } from 'react';
import { initials } from '../../../components/feedback';
import { Icons } from '../../../components/icons';
import type { AgileTask } from './agile-api';

/** Height of a card plus the gap below it: fixed, so virtualised columns and drop targets need no measuring. */
export const cardPitch = 104;

/** How a focused card answers the keyboard: arrows move the focus, Shift+arrows move the card, Enter opens it. */
export type CardKey = 'up' | 'down' | 'left' | 'right';

/**
 * What a card asks of the board. The board hands every card the same object, so a card re-renders only when its own
 * task changes: scrolling a column then mounts the cards coming into view and leaves the others alone.
 */
export interface CardActions {
  open(task: AgileTask): void;
  pointerDown(event: PointerEvent<HTMLElement>, task: AgileTask): void;
  key(task: AgileTask, key: CardKey, move: boolean): void;
  move(task: AgileTask, direction: 'left' | 'right'): void;
}

/** One card of the board: key, name, priority, labels, story points and who works on it. */
export const BoardCard = memo(function BoardCard({
  task,
  outline,
  assignees,
  dragging,
  canMoveLeft,
  canMoveRight,
  actions,
}: {
  task: AgileTask;
  outline: string;
  assignees: readonly string[];
  dragging: boolean;
  canMoveLeft: boolean;
  canMoveRight: boolean;
  actions: CardActions;
}) {
  const onOpen = () => actions.open(task);
  const onMove = (direction: 'left' | 'right') => actions.move(task, direction);
  const keyMap: Record<string, CardKey> = {
    ArrowUp: 'up',
    ArrowDown: 'down',
    ArrowLeft: 'left',
    ArrowRight: 'right',
  };
  const onKeyDown = (event: KeyboardEvent<HTMLElement>) => {
    if (event.target !== event.currentTarget) return;
    const key = keyMap[event.key];
    if (key) {
      event.preventDefault();
      actions.key(task, key, event.shiftKey || event.altKey);
    } else if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      onOpen();
    }
  };
  return (
    // biome-ignore lint/a11y/useSemanticElements: a card holds buttons of its own, so it cannot itself be a <button>.
    <div
      className={`board-card board-card--${task.priority}${dragging ? ' board-card--dragging' : ''}`}
      role="button"
      tabIndex={0}
      data-card-id={task.id}
      aria-label={`${task.name}, ${outline}. Enter opens it; Shift and the arrow keys move it.`}
      onPointerDown={(event) => actions.pointerDown(event, task)}
      onClick={onOpen}
      onKeyDown={onKeyDown}
    >
      <div className="board-card__top">
        <span className="board-card__key">{outline}</span>
        <span className={`priority priority--${task.priority}`} title={`Priority: ${task.priority}`}>
          {task.priority}
        </span>
        <span className="board-card__moves">
          <button
            type="button"
            className="icon-button board-card__move"
            aria-label={`Move ${task.name} to the previous column`}
            disabled={!canMoveLeft}
            onClick={(event) => {
              event.stopPropagation();
              onMove('left');
            }}
          >
            <Icons.chevronRight width={14} style={{ transform: 'rotate(180deg)' }} />
          </button>
          <button
            type="button"
            className="icon-button board-card__move"
            aria-label={`Move ${task.name} to the next column`}
            disabled={!canMoveRight}
            onClick={(event) => {
              event.stopPropagation();
              onMove('right');
            }}
          >
            <Icons.chevronRight width={14} />
          </button>
        </span>
      </div>
      <p className="board-card__name">{task.name}</p>
      <div className="board-card__meta">
        {task.labels.slice(0, 3).map((label) => (
          <span key={label} className="chip">
            {label}
          </span>
        ))}
        {task.labels.length > 3 ? <span className="chip">+{task.labels.length - 3}</span> : null}
        <span className="spacer" />
        {task.storyPoints !== null ? (
          <span className="points" title="Story points">
            {task.storyPoints}
          </span>
        ) : null}
        {assignees.slice(0, 2).map((name) => (
          <span key={name} className="avatar avatar--small" title={name}>
            {initials(name)}
          </span>
        ))}
      </div>
    </div>
  );
});
