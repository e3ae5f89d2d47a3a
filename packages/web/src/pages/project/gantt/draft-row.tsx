import { useEffect, useRef, useState } from 'react';
import { rowHeight } from './bar-geometry';
import type { GridColumn } from './gantt-grid';

/** The row of a task being added: a name field that creates the task on Enter and opens the next one below. */
export function DraftRow({
  top,
  level,
  columns,
  onCommit,
  onCancel,
}: {
  top: number;
  level: number;
  columns: readonly GridColumn[];
  onCommit: (name: string, next: boolean) => void;
  onCancel: () => void;
}) {
  const [name, setName] = useState('');
  const input = useRef<HTMLInputElement>(null);
  const done = useRef(false);
  useEffect(() => input.current?.focus({ preventScroll: true }), []);
  const finish = (next: boolean | 'cancel') => {
    if (done.current) return;
    done.current = true;
    if (next === 'cancel' || name.trim() === '') onCancel();
    else onCommit(name.trim(), next);
  };
  return (
    // biome-ignore lint/a11y: a row of the task grid, whose focus is its name field.
    <div role="row" className="gantt__row gantt__row--draft" style={{ transform: `translateY(${top}px)` }}>
      {columns.map((column) => (
        // biome-ignore lint/a11y: a cell of the task grid, whose focus is its name field.
        <div
          key={column.key}
          role="gridcell"
          className="gantt__cell"
          style={{ width: column.width, height: rowHeight }}
        >
          {column.key === 'name' ? (
            <input
              ref={input}
              className="gantt__editor"
              style={{ marginLeft: (level - 1) * 16 + 18 }}
              aria-label="New task name"
              placeholder="New task name"
              value={name}
              onChange={(event) => setName(event.target.value)}
              onBlur={() => finish(false)}
              onKeyDown={(event) => {
                event.stopPropagation();
                if (event.key === 'Enter') {
                  event.preventDefault();
                  finish(true);
                } else if (event.key === 'Escape') {
                  event.preventDefault();
                  finish('cancel');
                }
              }}
            />
          ) : null}
        </div>
      ))}
    </div>
  );
}
