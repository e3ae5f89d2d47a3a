import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { messageOf } from '../../../api/client';
import { SkeletonRows } from '../../../components/feedback';
import { agileApi, agileKeys, type Sprint } from '../board/agile-api';
import { BurnChart, VelocityChart } from './burn-chart';

/** The burndown and burnup of a chosen sprint (the active one first) and the project's velocity. */
export function SprintReports({ projectId, sprints }: { projectId: string; sprints: readonly Sprint[] }) {
  const started = sprints.filter((sprint) => sprint.state !== 'planned');
  const preferred = started.find((sprint) => sprint.state === 'active') ?? started.at(-1);
  const [picked, setPicked] = useState<string>('');
  const sprintId = started.some((s) => s.id === picked) ? picked : (preferred?.id ?? '');
  const burndown = useQuery({
    queryKey: agileKeys.burndown(projectId, sprintId),
    queryFn: () => agileApi.burndown(sprintId),
    enabled: sprintId !== '',
  });
  const velocity = useQuery({
    queryKey: agileKeys.velocity(projectId),
    queryFn: () => agileApi.velocity(projectId, 6),
  });
  return (
    <section className="card sprint-reports" aria-label="Sprint reports">
      <header className="card__header row">
        <h2 style={{ flex: 1 }}>Reports</h2>
        {started.length > 0 ? (
          <select
            className="select select--small"
            aria-label="Sprint to chart"
            value={sprintId}
            onChange={(event) => setPicked(event.target.value)}
          >
            {started.map((sprint) => (
              <option key={sprint.id} value={sprint.id}>
                {sprint.name} ({sprint.state})
              </option>
            ))}
          </select>
        ) : null}
      </header>
      <div className="card__body sprint-reports__charts">
        {sprintId === '' ? (
          <p className="muted">Start a sprint to see its burndown and burnup here.</p>
        ) : burndown.error ? (
          <p className="field__error">{messageOf(burndown.error)}</p>
        ) : !burndown.data ? (
          <SkeletonRows rows={2} />
        ) : (
          <>
            <BurnChart series={burndown.data.series} mode="burndown" />
            <BurnChart series={burndown.data.series} mode="burnup" />
          </>
        )}
        {velocity.data && velocity.data.sprints.length > 0 ? (
          <VelocityChart velocity={velocity.data} />
        ) : (
          <p className="muted">Velocity appears once a sprint is completed.</p>
        )}
      </div>
    </section>
  );
}
