import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { messageOf } from '../../../api/client';
import { FormAlert, SkeletonRows } from '../../../components/feedback';
import { lazyChart } from '../../../components/lazy-chart';
import { costKeys } from '../cost/cost-api';
import { EvmMetrics, Metric } from '../cost/evm-panels';
import { formatCents, formatPercent } from '../cost/money';
import type { ProjectViewProps } from '../project-views';
import { type Dashboard, dashboardApi } from './dashboard-api';
import '../imports/files.css';
import '../cost/cost.css';
import './dashboard.css';

// The charting library loads with the first chart drawn, not with every page.
const SCurveChart = lazyChart(() => import('../cost/s-curve-chart').then((m) => m.SCurveChart), 300);

const reasonText = {
  pastFinish: 'Past its finish',
  pastDeadline: 'Past its deadline',
  missesDeadline: 'Will miss its deadline',
};
const dateText = (wall: string) => wall.replace('T', ' ');
/** Slack in working days of eight hours, as the Gantt shows it. */
const slackText = (minutes: number) => `${Math.round((minutes / 480) * 10) / 10} d`;

/** The Dashboard tab: where the project stands at its status date, on one page. */
export function DashboardView({ projectId, workspaceId }: ProjectViewProps) {
  const dashboard = useQuery({
    queryKey: costKeys.dashboard(projectId),
    queryFn: () => dashboardApi.get(projectId),
  });
  if (dashboard.isPending) return <SkeletonRows rows={6} />;
  if (dashboard.isError) return <FormAlert message={messageOf(dashboard.error)} />;
  const data = dashboard.data;
  const tab = (view: string) => ({
    to: '/w/$workspaceId/projects/$entityId' as const,
    params: { workspaceId, entityId: projectId },
    search: { view },
  });
  return (
    <div className="stack dashboard">
      <p className="muted dashboard__basis">
        Status at <strong>{data.project.statusDate}</strong> · planned {dateText(data.project.start)} to{' '}
        {dateText(data.project.finish)}
      </p>
      <section className="metrics" aria-label="Project health">
        <Metric
          label="Progress by work"
          value={formatPercent(data.progress.percent)}
          hint={`${data.progress.doneTasks} of ${data.progress.tasks} tasks done`}
        />
        <Metric
          label="Budget spent"
          value={formatPercent(data.budget.percentSpent)}
          hint={`${formatCents(data.budget.ac)} of ${formatCents(data.budget.bac)}`}
          health={data.budget.health}
        />
        <Metric
          label="Late work"
          value={data.late.count}
          hint="Unfinished tasks past a date"
          health={data.late.count === 0 ? 'good' : data.late.count <= 3 ? 'watch' : 'poor'}
        />
        <Metric
          label="Open risks"
          value={data.risks.open}
          hint={`${data.risks.openHigh} high`}
          health={data.risks.openHigh === 0 ? 'good' : 'poor'}
        />
      </section>
      <EvmMetrics evm={data.evm} />
      <div className="dashboard__grid">
        <section className="card" aria-labelledby="dashboard-curve-title">
          <header className="card__header">
            <h2 id="dashboard-curve-title">Planned value, earned value and actual cost</h2>
            <Link className="button button--ghost button--small" {...tab('cost')}>
              Cost details
            </Link>
          </header>
          <div className="card__body">
            <SCurveChart evm={data.evm} height={260} />
          </div>
        </section>
        <BudgetBurn data={data} />
        <MilestonesCard data={data} />
        <LateCard data={data} />
        <section className="card" aria-labelledby="dashboard-risks-title">
          <header className="card__header">
            <h2 id="dashboard-risks-title">Top risks</h2>
            <Link className="button button--ghost button--small" {...tab('risks')}>
              Risk register
            </Link>
          </header>
          <div className="card__body">
            {data.risks.top.length === 0 ? (
              <p className="muted">No open risks.</p>
            ) : (
              <ol className="dashboard-list">
                {data.risks.top.map((risk) => (
                  <li key={risk.id}>
                    <span>{risk.title}</span>
                    <span className="score-chip">{risk.score}</span>
                  </li>
                ))}
              </ol>
            )}
          </div>
        </section>
      </div>
    </div>
  );
}

function BudgetBurn({ data }: { data: Dashboard }) {
  const { bac, ac } = data.budget;
  const spent = bac > 0 ? Math.min(1, ac / bac) : 0;
  const done = data.budget.percentComplete ?? 0;
  return (
    <section className="card" aria-labelledby="dashboard-burn-title">
      <header className="card__header">
        <h2 id="dashboard-burn-title">Budget burn</h2>
      </header>
      <div className="card__body stack">
        <div className="burn">
          <div className="burn__row">
            <span>Spent</span>
            <div className="burn__track">
              <div
                className={`burn__bar burn__bar--${data.budget.health}`}
                style={{ width: `${spent * 100}%` }}
              />
            </div>
            <span className="number">{formatPercent(data.budget.percentSpent)}</span>
          </div>
          <div className="burn__row">
            <span>Work done</span>
            <div className="burn__track">
              <div className="burn__bar burn__bar--done" style={{ width: `${Math.min(1, done) * 100}%` }} />
            </div>
            <span className="number">{formatPercent(data.budget.percentComplete)}</span>
          </div>
        </div>
        <dl className="burn__figures">
          <div>
            <dt>Budget</dt>
            <dd>{formatCents(bac)}</dd>
          </div>
          <div>
            <dt>Actual cost</dt>
            <dd>{formatCents(ac)}</dd>
          </div>
          <div>
            <dt>Remaining</dt>
            <dd className={data.budget.remaining < 0 ? 'negative' : undefined}>
              {formatCents(data.budget.remaining)}
            </dd>
          </div>
        </dl>
      </div>
    </section>
  );
}

function MilestonesCard({ data }: { data: Dashboard }) {
  return (
    <section className="card" aria-labelledby="dashboard-milestones-title">
      <header className="card__header">
        <h2 id="dashboard-milestones-title">Next milestones</h2>
      </header>
      <div className="card__body">
        {data.milestones.length === 0 ? (
          <p className="muted">No milestones ahead. Mark a task as a milestone to follow it here.</p>
        ) : (
          <table className="data-table" aria-label="Next milestones">
            <thead>
              <tr>
                <th>Milestone</th>
                <th>Date</th>
                <th className="number">Slack</th>
              </tr>
            </thead>
            <tbody>
              {data.milestones.map((milestone) => (
                <tr key={milestone.taskId}>
                  <td>
                    {milestone.name}
                    {milestone.overdue ? <span className="flag flag--poor">Overdue</span> : null}
                    {!milestone.overdue && milestone.critical ? (
                      <span className="flag flag--watch">Critical</span>
                    ) : null}
                  </td>
                  <td>{dateText(milestone.date)}</td>
                  <td className="number">{slackText(milestone.totalSlackMinutes)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </div>
    </section>
  );
}

function LateCard({ data }: { data: Dashboard }) {
  return (
    <section className="card" aria-labelledby="dashboard-late-title">
      <header className="card__header">
        <h2 id="dashboard-late-title">Late work</h2>
        {data.late.count > data.late.items.length ? (
          <span className="muted">
            {data.late.items.length} of {data.late.count}
          </span>
        ) : null}
      </header>
      <div className="card__body">
        {data.late.count === 0 ? (
          <p className="muted">Nothing is late at the status date.</p>
        ) : (
          <table className="data-table" aria-label="Late work">
            <thead>
              <tr>
                <th>Task</th>
                <th>Finish</th>
                <th className="number">Done</th>
                <th>Why</th>
              </tr>
            </thead>
            <tbody>
              {data.late.items.map((task) => (
                <tr key={task.taskId}>
                  <td>{task.name}</td>
                  <td>
                    {dateText(task.finish)}
                    {task.deadline ? <div className="muted">Deadline {dateText(task.deadline)}</div> : null}
                  </td>
                  <td className="number">{task.percentComplete} %</td>
                  <td>{task.reasons.map((reason) => reasonText[reason]).join(', ')}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </div>
    </section>
  );
}
