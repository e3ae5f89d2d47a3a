import { useState } from 'react';
import type { Baseline, Schedule } from '../../../api/plan';
import { Icons } from '../../../components/icons';
import type { UndoState } from './plan-history';
import { type Zoom, zooms } from './time-scale';
import type { GanttActions } from './use-gantt-actions';

const zoomLabels: Record<Zoom, string> = {
  hours: 'Hours',
  days: 'Days',
  weeks: 'Weeks',
  months: 'Months',
  quarters: 'Quarters',
};

/** The Gantt's commands: add, indent, outdent, delete, undo, redo, details, bulk edit, zoom, scroll to a date, baseline. */
export function GanttToolbar({
  zoom,
  onZoom,
  onToday,
  onProjectStart,
  actions,
  selectedCount,
  baselines,
  baselineId,
  onBaseline,
  cycle,
  undo,
}: {
  zoom: Zoom;
  onZoom: (zoom: Zoom) => void;
  onToday: () => void;
  onProjectStart: () => void;
  actions: GanttActions;
  selectedCount: number;
  baselines: readonly Baseline[];
  baselineId: string;
  onBaseline: (id: string) => void;
  cycle: Schedule['cycle'];
  /** Whether there is an edit to undo and one to redo (the buttons are off when not). */
  undo: UndoState;
}) {
  const [percent, setPercent] = useState('');
  const index = zooms.indexOf(zoom);
  const none = selectedCount === 0;
  return (
    <div className="gantt__toolbar" role="toolbar" aria-label="Gantt">
      <div className="gantt__group">
        {actions.readOnly ? null : (
          <>
            <button type="button" className="button button--small" onClick={actions.addBelow}>
              <Icons.plus width={14} /> Add task
            </button>
            <button
              type="button"
              className="button button--small"
              disabled={none}
              onClick={() => void actions.indent()}
            >
              Indent
            </button>
            <button
              type="button"
              className="button button--small"
              disabled={none}
              onClick={() => void actions.outdent()}
            >
              Outdent
            </button>
            <button
              type="button"
              className="button button--small"
              disabled={none}
              onClick={actions.askDelete}
            >
              Delete
            </button>
            <button
              type="button"
              className="button button--small"
              title="Undo the last task edit (Ctrl+Z)"
              disabled={!undo.canUndo}
              onClick={() => void actions.edits.undo()}
            >
              Undo
            </button>
            <button
              type="button"
              className="button button--small"
              title="Redo (Ctrl+Shift+Z)"
              disabled={!undo.canRedo}
              onClick={() => void actions.edits.redo()}
            >
              Redo
            </button>
          </>
        )}
        <button
          type="button"
          className="button button--small"
          disabled={selectedCount !== 1}
          onClick={actions.openPanel}
        >
          Details
        </button>
      </div>
      {selectedCount > 1 && !actions.readOnly ? (
        <form
          className="gantt__group gantt__bulk"
          aria-label="Edit the selected tasks"
          onSubmit={(event) => {
            event.preventDefault();
            const value = Number(percent);
            if (percent !== '' && value >= 0 && value <= 100)
              void actions.bulkUpdate({ percentComplete: value });
          }}
        >
          <span className="muted">{selectedCount} selected</span>
          <label className="gantt__inline-field">
            % done
            <input
              className="input input--small"
              type="number"
              min={0}
              max={100}
              value={percent}
              onChange={(event) => setPercent(event.target.value)}
            />
          </label>
          <button type="submit" className="button button--small">
            Apply
          </button>
          <button
            type="button"
            className="button button--small"
            onClick={() => void actions.bulkUpdate({ scheduling: 'manual' })}
          >
            Manual
          </button>
          <button
            type="button"
            className="button button--small"
            onClick={() => void actions.bulkUpdate({ scheduling: 'auto' })}
          >
            Auto
          </button>
        </form>
      ) : null}
      {cycle ? (
        <span className="badge badge--danger" role="status">
          Cycle: {cycle.names.join(' → ')}
        </span>
      ) : null}
      <div className="gantt__group gantt__group--end">
        {baselines.length > 0 ? (
          <select
            className="input input--small"
            aria-label="Baseline"
            value={baselineId}
            onChange={(event) => onBaseline(event.target.value)}
          >
            <option value="">No baseline</option>
            {baselines.map((b) => (
              <option key={b.id} value={b.id}>
                {b.name}
              </option>
            ))}
          </select>
        ) : null}
        <button type="button" className="button button--small button--ghost" onClick={onProjectStart}>
          Project start
        </button>
        <button type="button" className="button button--small button--ghost" onClick={onToday}>
          Today
        </button>
        <button
          type="button"
          className="button button--small"
          aria-label="Zoom in"
          disabled={index === 0}
          onClick={() => onZoom(zooms[index - 1] ?? zoom)}
        >
          +
        </button>
        <span className="gantt__zoom" aria-live="polite">
          {zoomLabels[zoom]}
        </span>
        <button
          type="button"
          className="button button--small"
          aria-label="Zoom out"
          disabled={index === zooms.length - 1}
          onClick={() => onZoom(zooms[index + 1] ?? zoom)}
        >
          −
        </button>
      </div>
    </div>
  );
}
