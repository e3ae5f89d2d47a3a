import { healthLabels } from '../handoff/handoff-api';
import type { RoadmapInitiative } from './roadmap-api';
import { initiativeStatusLabels } from './roadmap-api';
import '../releases/releases.css';

const columns = [
  { key: 'now', title: 'Now', hint: 'Under way' },
  { key: 'next', title: 'Next', hint: 'Starting within a quarter' },
  { key: 'later', title: 'Later', hint: 'Further out or not yet dated' },
] as const;

const shortDate = (day: string) =>
  new Date(`${day}T00:00:00Z`).toLocaleDateString(undefined, {
    day: 'numeric',
    month: 'short',
    timeZone: 'UTC',
  });

/** Now, next and later: the initiatives in three columns by when they start, done and cancelled ones left out. */
export function HorizonBoard({
  initiatives,
  onOpen,
}: {
  initiatives: RoadmapInitiative[];
  onOpen?: (initiative: RoadmapInitiative) => void;
}) {
  return (
    <div className="horizon-board">
      {columns.map((column) => {
        const items = initiatives.filter((item) => item.horizon === column.key);
        return (
          <section key={column.key} className="horizon-column" aria-label={column.title}>
            <header>
              <h3>
                {column.title} <span className="muted">{items.length}</span>
              </h3>
              <p className="muted">{column.hint}</p>
            </header>
            {items.map((item) => (
              <button
                key={item.id}
                type="button"
                className="horizon-card"
                onClick={() => onOpen?.(item)}
                disabled={!onOpen}
              >
                <strong>{item.title}</strong>
                <span className="horizon-card__meta">
                  <span className="badge">{initiativeStatusLabels[item.status]}</span>
                  {item.delivery ? (
                    <span className={`badge health--${item.delivery.health}`}>
                      {healthLabels[item.delivery.health]}
                    </span>
                  ) : null}
                  {item.plannedStart || item.plannedFinish ? (
                    <span>
                      {item.plannedStart ? shortDate(item.plannedStart) : '?'} –{' '}
                      {item.plannedFinish ? shortDate(item.plannedFinish) : '?'}
                    </span>
                  ) : null}
                  {item.theme ? <span>{item.theme}</span> : null}
                </span>
                <span className="horizon-card__progress" title={`${Math.round(item.progress * 100)}% done`}>
                  <span style={{ width: `${Math.round(item.progress * 100)}%` }} />
                </span>
                {item.forecastFinish ? (
                  <span
                    className={`horizon-card__forecast${item.plannedFinish && item.forecastFinish > item.plannedFinish ? ' is-late' : ''}`}
                  >
                    Forecast {shortDate(item.forecastFinish)}
                    {item.projectName ? ` · ${item.projectName}` : ''}
                  </span>
                ) : null}
              </button>
            ))}
          </section>
        );
      })}
    </div>
  );
}
