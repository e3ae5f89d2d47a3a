import type { ComponentProps, KeyboardEvent } from 'react';
import type { PlanTask } from '../../../api/plan';
import { rowHeight } from './bar-geometry';
import type { EditableColumn } from './cell-values';
import type { DisplayRow } from './display-rows';
import { DraftRow } from './draft-row';
import { type EditText, type GridColumn, type GridHandlers, GridRow, type RowText } from './gantt-grid';
import { GanttTimeline, type TimelineHandlers } from './gantt-timeline';
import type { GanttRow } from './outline-rows';
import { slotOrder } from './row-window';
import { useRowWindow } from './use-row-window';

/** What the drawn rows need of the view's actions. */
export interface WindowActions {
  selected: ReadonlySet<string>;
  focusId: string | undefined;
  column: GridColumn['key'];
  editing: { taskId: string; column: EditableColumn } | undefined;
  editText: EditText;
  gridHandlers: GridHandlers;
  timelineHandlers: TimelineHandlers;
  onKeyDown: (event: KeyboardEvent<HTMLDivElement>) => void;
  commitDraft: (name: string, next: boolean) => void;
}

/** What the timeline beside the rows shows, handed through as the chart gives it. */
export type TimelineView = Pick<
  ComponentProps<typeof GanttTimeline>,
  'scale' | 'left' | 'right' | 'links' | 'today' | 'statusDate' | 'baseline' | 'minutesPerWeek'
>;

/**
 * The rows of the grid and the timeline beside them, for the rows in the scroller's window. It alone follows the
 * vertical scroll, so moving to the next block of rows re-renders these rows and bars, not the chart around them; rows
 * and bars are keyed by slot (see `slotOrder`), so the block's new rows take over the nodes of the rows it left.
 */
export function GanttWindow({
  scroller,
  display,
  timelineRows,
  columns,
  gridWidth,
  textOf,
  actions,
  onCancelDraft,
  timeline,
}: {
  scroller: HTMLDivElement | null;
  display: readonly DisplayRow[];
  timelineRows: readonly (GanttRow | undefined)[];
  columns: readonly GridColumn[];
  gridWidth: number;
  textOf: (task: PlanTask) => RowText;
  actions: WindowActions;
  onCancelDraft: () => void;
  timeline: TimelineView;
}) {
  const range = useRowWindow(scroller, display.length);
  const first = range.first;
  const last = Math.min(range.last, display.length - 1);
  return (
    <div className="gantt__rows">
      <div
        className="gantt__grid"
        role="treegrid"
        aria-label="Tasks"
        aria-rowcount={display.length}
        aria-multiselectable="true"
        tabIndex={0}
        style={{ width: gridWidth, height: display.length * rowHeight }}
        onKeyDown={actions.onKeyDown}
      >
        {slotOrder(first, last).map((index, slot) => {
          const entry = display[index];
          if (!entry) return null;
          if (entry.kind === 'draft') {
            return (
              <DraftRow
                key="draft"
                top={index * rowHeight}
                level={entry.level}
                columns={columns}
                onCommit={actions.commitDraft}
                onCancel={onCancelDraft}
              />
            );
          }
          const id = entry.row.task.id;
          return (
            <GridRow
              // biome-ignore lint/suspicious/noArrayIndexKey: a slot keeps its nodes for whichever row it holds.
              key={slot}
              row={entry.row}
              text={textOf(entry.row.task)}
              index={index}
              columns={columns}
              selected={actions.selected.has(id)}
              activeColumn={actions.focusId === id ? actions.column : undefined}
              editing={actions.editing?.taskId === id ? actions.editing.column : undefined}
              editText={actions.editText}
              handlers={actions.gridHandlers}
            />
          );
        })}
      </div>
      <GanttTimeline
        {...timeline}
        rows={timelineRows}
        first={first}
        last={last}
        selected={actions.selected}
        handlers={actions.timelineHandlers}
      />
    </div>
  );
}
