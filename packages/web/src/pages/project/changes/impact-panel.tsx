import { day, days, signedMoney, signedWork } from './change-format';
import type { ChangeImpact } from './changes-api';

function Delta({ minutes }: { minutes: number | null }) {
  const tone =
    minutes === null || minutes === 0 ? '' : minutes > 0 ? 'impact__delta--late' : 'impact__delta--early';
  return <span className={`impact__delta ${tone}`}>{signedWork(minutes)}</span>;
}

/** What a change does to the plan: finish, milestones, cost or work, scope and critical path, before and after. */
export function ImpactPanel({ impact, live }: { impact: ChangeImpact; live?: boolean }) {
  const { finish, milestones, scope, criticalPath } = impact;
  const amount = impact.costBasis === 'cost' ? impact.cost : impact.work;
  return (
    <section className="impact" aria-label="Impact">
      <div className="impact__figures">
        <div className="impact__figure" data-testid="impact-finish">
          <span className="impact__label">Project finish</span>
          <span className="impact__value">{day(finish.after)}</span>
          <span className="impact__was">
            was {day(finish.before)} · <Delta minutes={finish.deltaMinutes} />
          </span>
        </div>
        <div className="impact__figure">
          <span className="impact__label">
            {impact.costBasis === 'cost' ? 'Planned cost' : 'Planned work'}
          </span>
          <span className="impact__value">
            {impact.costBasis === 'cost'
              ? signedMoney(amount.delta)
              : amount.delta === 0
                ? 'No change'
                : `${amount.delta > 0 ? '+' : '−'}${days(Math.abs(amount.delta))}`}
          </span>
          <span className="impact__was">
            {impact.costBasis === 'cost'
              ? `${(amount.before / 100).toLocaleString()} → ${(amount.after / 100).toLocaleString()}`
              : amount.before === 0 && amount.after === 0
                ? 'No resources assigned'
                : `${days(amount.before)} → ${days(amount.after)}`}
          </span>
        </div>
        <div className="impact__figure">
          <span className="impact__label">Scope</span>
          <span className="impact__value">
            +{scope.added.length} / −{scope.removed.length} / ~{scope.changed.length}
          </span>
          <span className="impact__was">work packages added, removed, re-sized</span>
        </div>
      </div>
      {milestones.length > 0 ? (
        <table className="data-table" aria-label="Milestones">
          <thead>
            <tr>
              <th>Milestone</th>
              <th>Before</th>
              <th>After</th>
              <th className="number">Moves</th>
            </tr>
          </thead>
          <tbody>
            {milestones.map((milestone) => (
              <tr key={milestone.taskId}>
                <td>{milestone.name}</td>
                <td>{day(milestone.before)}</td>
                <td>{day(milestone.after)}</td>
                <td className="number">
                  <Delta minutes={milestone.deltaMinutes} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      <div className="impact__path">
        <span className="impact__label">Critical path after</span>
        <ol className="impact__chain">
          {criticalPath.after.map((task) => (
            <li
              key={task.taskId}
              className={
                criticalPath.joined.some((joined) => joined.taskId === task.taskId) ? 'impact__joined' : ''
              }
            >
              {task.name}
            </li>
          ))}
        </ol>
        {criticalPath.counts.after > criticalPath.after.length ? (
          <span className="muted">
            and {criticalPath.counts.after - criticalPath.after.length} more tasks
          </span>
        ) : null}
        {criticalPath.left.length > 0 ? (
          <span className="muted">
            Leaves the critical path: {criticalPath.left.map((task) => task.name).join(', ')}
          </span>
        ) : null}
      </div>
      {live ? (
        <p className="muted impact__note">
          Computed now on a what-if copy of the current plan; nothing is saved.
        </p>
      ) : null}
    </section>
  );
}
