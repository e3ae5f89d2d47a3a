import { useVirtualizer } from '@tanstack/react-virtual';
import { type KeyboardEvent, type PointerEvent, useRef } from 'react';
import { useCan } from '../../../lib/permissions';
import type { AgileTask, Sprint } from '../board/agile-api';
import type { TaskIndex } from '../board/task-model';

/** Height of a backlog row: fixed, so the drop index under the pointer needs no measuring. */
export const backlogRowHeight = 40;

/** A ranked list of tasks (a sprint's or the backlog's): rows dragged to reorder or to move between lists. */
export function BacklogRows({
  listId,
  label,
  tasks,
  index,
  sprints,
  statusName,
  draggingId,
  dropIndex,
  maxHeight,
  onPointerDown,
  onReorder,
  onMoveTo,
  onOpen,
}: {
  /** `backlog` or a sprint id. */
  listId: string;
  label: string;
  tasks: readonly AgileTask[];
  index: TaskIndex;
  /** Sprints a row can be moved to. */
  sprints: readonly Sprint[];
  statusName: (key: string) => string;
  draggingId: string | undefined;
  dropIndex: number | undefined;
  maxHeight: number;
  onPointerDown: (event: PointerEvent<HTMLElement>, task: AgileTask) => void;
  /** Moves a row up (-1) or down (+1) from the keyboard. */
  onReorder: (task: AgileTask, step: -1 | 1) => void;
  onMoveTo: (task: AgileTask, sprintId: string | null) => void;
  onOpen: (task: AgileTask) => void;
}) {
  const scroller = useRef<HTMLDivElement>(null);
  // A viewer reads and opens rows; dragging, reordering and moving them between sprints are edits.
  const canEdit = useCan('edit');
  const virtualizer = useVirtualizer({
    count: tasks.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => backlogRowHeight,
    overscan: 10,
  });
  const onKeyDown = (event: KeyboardEvent<HTMLElement>, task: AgileTask) => {
    if (event.target !== event.currentTarget) return;
    if (canEdit && event.altKey && (event.key === 'ArrowUp' || event.key === 'ArrowDown')) {
      event.preventDefault();
      onReorder(task, event.key === 'ArrowUp' ? -1 : 1);
    } else if (event.key === 'Enter') {
      event.preventDefault();
      onOpen(task);
    }
  };
  return (
    <section
      className="backlog-list"
      aria-label={label}
      data-drop-list={listId}
      data-row-height={backlogRowHeight}
    >
      <div ref={scroller} className="backlog-list__scroll" style={{ maxHeight }} data-drop-scroll>
        <div style={{ height: Math.max(virtualizer.getTotalSize(), backlogRowHeight), position: 'relative' }}>
          {virtualizer.getVirtualItems().map((item) => {
            const task = tasks[item.index];
            if (!task) return null;
            return (
              // biome-ignore lint/a11y/useSemanticElements: a row holds a select of its own, so it cannot be a <button>.
              <div
                key={task.id}
                role="button"
                tabIndex={0}
                data-task-id={task.id}
                aria-label={`${task.name}. Alt and the arrow keys reorder it; Enter opens it.`}
                className={`backlog-row${task.id === draggingId ? ' backlog-row--dragging' : ''}`}
                style={{ transform: `translateY(${item.start}px)` }}
                onPointerDown={(event) => canEdit && onPointerDown(event, task)}
                onKeyDown={(event) => onKeyDown(event, task)}
                onDoubleClick={() => onOpen(task)}
              >
                {canEdit ? (
                  <span className="backlog-row__grip" aria-hidden="true">
                    ⋮⋮
                  </span>
                ) : null}
                <span className="backlog-row__key">{index.outline.get(task.id)}</span>
                <span className="backlog-row__name">{task.name}</span>
                {task.labels.slice(0, 2).map((label) => (
                  <span key={label} className="chip">
                    {label}
                  </span>
                ))}
                <span className={`priority priority--${task.priority}`}>{task.priority}</span>
                <span className="badge">{statusName(task.status)}</span>
                <span className="points" title="Story points">
                  {task.storyPoints ?? '–'}
                </span>
                <select
                  className="select select--small backlog-row__move"
                  aria-label={`Move ${task.name} to`}
                  value={task.sprintId ?? ''}
                  disabled={!canEdit}
                  onChange={(event) => onMoveTo(task, event.target.value || null)}
                >
                  <option value="">Backlog</option>
                  {sprints.map((sprint) => (
                    <option key={sprint.id} value={sprint.id}>
                      {sprint.name}
                    </option>
                  ))}
                </select>
              </div>
            );
          })}
          {dropIndex !== undefined ? (
            <div
              className="backlog-list__drop"
              style={{ top: dropIndex * backlogRowHeight - 1 }}
              aria-hidden="true"
            />
          ) : null}
        </div>
        {tasks.length === 0 ? (
          <p className="backlog-list__empty">{canEdit ? 'Drag tasks here' : 'No tasks'}</p>
        ) : null}
      </div>
    </section>
  );
}
