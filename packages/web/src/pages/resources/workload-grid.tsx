import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { messageOf } from '../../api/client';
import { FormAlert, SkeletonRows } from '../../components/feedback';
import { addDays, mondayOf, shortDay, today } from './dates';
import { hoursOf, resourceKeys, resourcesApi } from './resources-api';

/** Resources × days or weeks: work assigned across every project against capacity, over-allocation in red. */
export function WorkloadGrid({ workspaceId }: { workspaceId: string }) {
  const [unit, setUnit] = useState<'day' | 'week'>('week');
  const [from, setFrom] = useState(() => mondayOf(today()));
  const to = addDays(from, unit === 'day' ? 13 : 12 * 7 - 1);
  const grid = useQuery({
    queryKey: resourceKeys.workload(workspaceId, from, to, unit),
    queryFn: () => resourcesApi.workload(workspaceId, from, to, unit),
  });
  const step = unit === 'day' ? 14 : 28;
  return (
    <section className="card" aria-labelledby="workload-title">
      <header
        className="card__header row"
        style={{ justifyContent: 'space-between', flexWrap: 'wrap', gap: 8 }}
      >
        <div>
          <h2 id="workload-title">Workload</h2>
          <p>Hours assigned across all projects against each resource's capacity.</p>
        </div>
        <div className="row" style={{ gap: 8 }}>
          <button
            type="button"
            className="button button--small"
            onClick={() => setFrom(addDays(from, -step))}
          >
            Earlier
          </button>
          <label className="row" style={{ gap: 4 }}>
            <span className="visually-hidden">From</span>
            <input
              className="input"
              type="date"
              aria-label="Workload from"
              value={from}
              onChange={(event) => event.target.value && setFrom(event.target.value)}
            />
          </label>
          <button type="button" className="button button--small" onClick={() => setFrom(addDays(from, step))}>
            Later
          </button>
          <select
            className="select select--small"
            aria-label="Workload by"
            value={unit}
            onChange={(event) => setUnit(event.target.value as 'day' | 'week')}
          >
            <option value="day">By day</option>
            <option value="week">By week</option>
          </select>
        </div>
      </header>
      <div className="card__body workload">
        <FormAlert message={grid.error ? messageOf(grid.error) : undefined} />
        {grid.data?.unscheduledProjects.length ? (
          <div className="alert alert--warning" role="status">
            Not counted, because their plans have a dependency cycle:{' '}
            {grid.data.unscheduledProjects.map((project) => project.name).join(', ')}
          </div>
        ) : null}
        {grid.isPending ? (
          <SkeletonRows rows={3} />
        ) : grid.data && grid.data.resources.length > 0 ? (
          <table aria-label="Workload by resource">
            <thead>
              <tr>
                <th scope="col">Resource</th>
                {grid.data.periods.map((period) => (
                  <th key={period.key} scope="col">
                    {unit === 'day' ? shortDay(period.key) : `Week of ${shortDay(period.key)}`}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {grid.data.resources.map((resource) => (
                <tr key={resource.id} data-over-allocated={resource.overAllocated ? 'true' : undefined}>
                  <th scope="row">
                    {resource.name}
                    {resource.overAllocated ? (
                      <span className="badge workload__badge" style={{ marginLeft: 6 }}>
                        Over-allocated
                      </span>
                    ) : null}
                  </th>
                  {resource.cells.map((cell, index) => {
                    const period = grid.data.periods[index];
                    const overtime =
                      cell.overtimeMinutes > 0 ? ` (${hoursOf(cell.overtimeMinutes)} overtime)` : '';
                    const label = `${resource.name}, ${period?.key ?? ''}: ${hoursOf(cell.assignedMinutes)}${overtime} of ${hoursOf(cell.capacityMinutes)}${cell.overAllocated ? ', over-allocated' : ''}`;
                    return (
                      <td
                        key={period?.key ?? index}
                        className={
                          cell.overAllocated
                            ? 'workload__cell--over'
                            : cell.assignedMinutes === 0
                              ? 'workload__cell--idle'
                              : undefined
                        }
                        title={label}
                        aria-label={label}
                        data-over={cell.overAllocated ? 'true' : undefined}
                      >
                        {cell.assignedMinutes === 0 ? '–' : hoursOf(cell.assignedMinutes)}
                        <span className="workload__capacity">/ {hoursOf(cell.capacityMinutes)}</span>
                        {cell.overtimeMinutes > 0 ? (
                          <span className="workload__capacity">{hoursOf(cell.overtimeMinutes)} OT</span>
                        ) : null}
                      </td>
                    );
                  })}
                </tr>
              ))}
            </tbody>
          </table>
        ) : (
          <p className="muted">No people or equipment yet: add resources to see their workload.</p>
        )}
      </div>
    </section>
  );
}
