import { memo, useEffect, useRef, useState } from 'react';
import { rowHeight } from './bar-geometry';
import type { EditableColumn } from './cell-values';
import type { GanttRow } from './outline-rows';
import { sameRowProps } from './row-equality';
import { formatGridDate } from './wall-clock';

/** One column of the task grid. */
export interface GridColumn {
  key: 'id' | 'outline' | EditableColumn | 'predecessors' | 'resources';
  label: string;
  width: number;
  editable: boolean;
  align?: 'end';
  /** Set when the column's text can outgrow it: the cell clips it with an ellipsis (a cost per cell while scrolling). */
  clip?: boolean;
}

/** The grid's columns, left to right; resources only when some task has them. */
export function gridColumns(withResources: boolean): GridColumn[] {
  return [
    { key: 'id', label: 'ID', width: 52, editable: false, align: 'end' },
    { key: 'outline', label: 'WBS', width: 52, editable: false, clip: true },
    { key: 'name', label: 'Task name', width: 220, editable: true },
    { key: 'duration', label: 'Duration', width: 76, editable: true, align: 'end' },
    { key: 'start', label: 'Start', width: 124, editable: true },
    { key: 'finish', label: 'Finish', width: 124, editable: true },
    { key: 'percent', label: '% done', width: 64, editable: true, align: 'end' },
    { key: 'predecessors', label: 'Predecessors', width: 104, editable: false, clip: true },
    ...(withResources
      ? [{ key: 'resources' as const, label: 'Resources', width: 140, editable: false, clip: true }]
      : []),
  ];
}

/** Total width of the columns. */
export function columnsWidth(columns: readonly GridColumn[]): number {
  return columns.reduce((sum, c) => sum + c.width, 0);
}

/** What one row shows in each column, computed by the view. */
export interface RowText {
  id: number;
  duration: string;
  predecessors: string;
  resources: string;
}

function CellEditor({
  initial,
  label,
  onCommit,
  onCancel,
}: {
  initial: string;
  label: string;
  onCommit: (value: string, move: 'down' | 'next' | 'none') => void;
  onCancel: () => void;
}) {
  const [value, setValue] = useState(initial);
  const done = useRef(false);
  const input = useRef<HTMLInputElement>(null);
  useEffect(() => {
    input.current?.focus({ preventScroll: true });
    input.current?.select();
  }, []);
  const finish = (move: 'down' | 'next' | 'none' | 'cancel') => {
    if (done.current) return;
    done.current = true;
    if (move === 'cancel') onCancel();
    else onCommit(value, move);
  };
  return (
    <input
      ref={input}
      className="gantt__editor"
      aria-label={label}
      value={value}
      onChange={(event) => setValue(event.target.value)}
      onBlur={() => finish('none')}
      onKeyDown={(event) => {
        event.stopPropagation();
        if (event.key === 'Enter') {
          event.preventDefault();
          finish('down');
        } else if (event.key === 'Escape') {
          event.preventDefault();
          finish('cancel');
        } else if (event.key === 'Tab') {
          event.preventDefault();
          finish('next');
        }
      }}
    />
  );
}

/** Callbacks of the grid rows, kept in one stable object so rows re-render only when their own data changes. */
export interface GridHandlers {
  select(taskId: string, mode: 'only' | 'toggle' | 'range', column?: GridColumn['key']): void;
  toggle(taskId: string): void;
  edit(taskId: string, column: EditableColumn): void;
  commit(taskId: string, column: EditableColumn, value: string, move: 'down' | 'next' | 'none'): void;
  cancel(): void;
  openDetails(taskId: string): void;
}

/** The text a cell starts editing with. */
export type EditText = (row: GanttRow, column: EditableColumn) => string;

/** One row of the task grid; drawn again only when what it shows changes (or its slot takes another row). */
export const GridRow = memo(
  function GridRow({
    row,
    text,
    index,
    columns,
    selected,
    activeColumn,
    editing,
    editText,
    handlers,
  }: {
    row: GanttRow;
    text: RowText;
    /** The display row it shows: its place, and its row number for assistive technology. */
    index: number;
    columns: readonly GridColumn[];
    selected: boolean;
    /** The focused column, when this row holds the keyboard focus. */
    activeColumn: GridColumn['key'] | undefined;
    editing: EditableColumn | undefined;
    editText: EditText;
    handlers: GridHandlers;
  }) {
    const { task, scheduled } = row;
    const critical = scheduled?.critical ?? false;
    const cell = (column: GridColumn) => {
      if (editing === column.key && column.editable) {
        const key = column.key as EditableColumn;
        return (
          <CellEditor
            key={task.id}
            initial={editText(row, key)}
            label={`${column.label} of ${task.name}`}
            onCommit={(value, move) => handlers.commit(task.id, key, value, move)}
            onCancel={handlers.cancel}
          />
        );
      }
      switch (column.key) {
        case 'id':
          return text.id;
        case 'outline':
          return scheduled?.outline ?? '';
        case 'name':
          return (
            <span className="gantt__name" style={{ paddingLeft: (row.level - 1) * 16 }}>
              {row.hasChildren ? (
                <button
                  type="button"
                  className="gantt__toggle"
                  aria-label={`${row.collapsed ? 'Expand' : 'Collapse'} ${task.name}`}
                  aria-expanded={!row.collapsed}
                  tabIndex={-1}
                  onClick={(event) => {
                    event.stopPropagation();
                    handlers.toggle(task.id);
                  }}
                >
                  {row.collapsed ? '▸' : '▾'}
                </button>
              ) : (
                <span className="gantt__toggle" aria-hidden="true" />
              )}
              <span
                className={
                  row.hasChildren ? 'gantt__name-text gantt__name-text--summary' : 'gantt__name-text'
                }
              >
                {task.name}
              </span>
            </span>
          );
        case 'duration':
          return text.duration;
        case 'start':
          return formatGridDate(scheduled?.start).slice(0, 14);
        case 'finish':
          return formatGridDate(scheduled?.finish).slice(0, 14);
        case 'percent':
          return `${scheduled?.percentComplete ?? task.percentComplete ?? 0}%`;
        case 'predecessors':
          return text.predecessors;
        case 'resources':
          return text.resources;
        default:
          return null;
      }
    };
    return (
      // biome-ignore lint/a11y: the grid holds the focus and moves it with the arrow keys.
      <div
        role="row"
        aria-selected={selected}
        aria-level={row.level}
        aria-rowindex={index + 1}
        data-task-id={task.id}
        className={`gantt__row${selected ? ' gantt__row--selected' : ''}${critical ? ' gantt__row--critical' : ''}`}
        style={{ transform: `translateY(${index * rowHeight}px)` }}
      >
        {columns.map((column) => (
          // biome-ignore lint/a11y: cells are reached with the grid's arrow keys, not Tab.
          <div
            key={column.key}
            role="gridcell"
            data-column={column.key}
            className={`gantt__cell${column.align === 'end' ? ' gantt__cell--end' : ''}${column.clip ? ' gantt__cell--clip' : ''}${activeColumn === column.key ? ' gantt__cell--active' : ''}${critical && column.key === 'name' ? ' gantt__cell--critical' : ''}`}
            style={{ width: column.width, height: rowHeight }}
            title={
              column.key === 'start' || column.key === 'finish'
                ? formatGridDate(scheduled?.[column.key])
                : undefined
            }
            onClick={(event) => {
              if (editing) return;
              handlers.select(
                task.id,
                event.shiftKey ? 'range' : event.ctrlKey || event.metaKey ? 'toggle' : 'only',
                column.key,
              );
              // A double click edits an editable cell and opens the task's details from any other.
              if (event.detail !== 2) return;
              if (column.editable) handlers.edit(task.id, column.key as EditableColumn);
              else handlers.openDetails(task.id);
            }}
          >
            {cell(column)}
          </div>
        ))}
      </div>
    );
  },
  sameRowProps(['text']),
);
