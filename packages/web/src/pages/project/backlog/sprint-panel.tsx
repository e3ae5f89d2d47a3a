import type { ReactNode } from 'react';
import { formatDate } from '../../../lib/format';
import { useCan } from '../../../lib/permissions';
import type { Sprint } from '../board/agile-api';

/** A sprint's heading: its name, dates, state, points planned against capacity and the actions that fit its state. */
export function SprintPanel({
  sprint,
  canStart,
  onStart,
  onComplete,
  onEdit,
  onDelete,
  children,
}: {
  sprint: Sprint;
  /** False while another sprint of the project is active. */
  canStart: boolean;
  onStart: () => void;
  onComplete: () => void;
  onEdit: () => void;
  onDelete: () => void;
  children: ReactNode;
}) {
  const canEdit = useCan('edit');
  const capacity = sprint.capacityPoints;
  const over = capacity !== null && sprint.points > capacity;
  const share = capacity ? Math.min(1, sprint.points / capacity) : 0;
  return (
    <section className={`card sprint-panel sprint-panel--${sprint.state}`} aria-label={sprint.name}>
      <header className="sprint-panel__header">
        <div className="stack-sm" style={{ flex: 1 }}>
          <div className="row">
            <h2>{sprint.name}</h2>
            <span className={`badge${sprint.state === 'active' ? ' badge--accent' : ''}`}>
              {sprint.state}
            </span>
            <span className="subtle">
              {formatDate(sprint.startDate)} – {formatDate(sprint.finishDate)}
            </span>
          </div>
          {sprint.goal ? <p className="muted sprint-panel__goal">{sprint.goal}</p> : null}
        </div>
        <div className={`sprint-capacity${over ? ' sprint-capacity--over' : ''}`}>
          <span data-testid="sprint-points">
            {sprint.points} {capacity !== null ? `/ ${capacity}` : ''} points
          </span>
          {capacity !== null ? (
            <span className="sprint-capacity__bar" aria-hidden="true">
              <span style={{ width: `${share * 100}%` }} />
            </span>
          ) : null}
          {over ? (
            <span className="field__error">Over capacity by {sprint.points - (capacity ?? 0)}</span>
          ) : null}
        </div>
        <div className="row" hidden={!canEdit}>
          {sprint.state === 'planned' ? (
            <button
              type="button"
              className="button button--primary button--small"
              disabled={!canStart}
              title={canStart ? undefined : 'Complete the active sprint first'}
              onClick={onStart}
            >
              Start sprint
            </button>
          ) : null}
          {sprint.state === 'active' ? (
            <button type="button" className="button button--primary button--small" onClick={onComplete}>
              Complete sprint
            </button>
          ) : null}
          <button type="button" className="button button--small" onClick={onEdit}>
            Edit
          </button>
          {sprint.state !== 'active' ? (
            <button type="button" className="button button--small button--ghost" onClick={onDelete}>
              Delete
            </button>
          ) : null}
        </div>
      </header>
      {children}
    </section>
  );
}
