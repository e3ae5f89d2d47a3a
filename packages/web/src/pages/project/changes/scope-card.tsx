import { useQuery } from '@tanstack/react-query';
import { messageOf } from '../../../api/client';
import { FormAlert, SkeletonRows } from '../../../components/feedback';
import { days } from './change-format';
import { changeKeys, changesApi } from './changes-api';

const kindLabels = { added: 'Added', removed: 'Removed', changed: 'Changed' } as const;

/** The scope baseline against the current scope: work packages added, removed or re-sized since the baseline. */
export function ScopeCard({ projectId }: { projectId: string }) {
  const scope = useQuery({
    queryKey: changeKeys.scope(projectId),
    queryFn: () => changesApi.scope(projectId),
  });
  return (
    <section className="card" aria-labelledby="scope-title">
      <header className="card__header">
        <h2 id="scope-title">Scope: baseline against now</h2>
      </header>
      <div className="card__body stack">
        {scope.isPending ? (
          <SkeletonRows rows={3} />
        ) : scope.isError ? (
          <FormAlert message={messageOf(scope.error)} />
        ) : scope.data.baseline === null || scope.data.comparison === null ? (
          <p className="muted">
            Save a baseline (or apply a change with a baseline re-set) to compare the scope with it.
          </p>
        ) : (
          <>
            <p className="muted">
              Against “{scope.data.baseline.name}”: {scope.data.comparison.totals.baseline.packages} work
              packages then, {scope.data.comparison.totals.current.packages} now (
              {days(
                scope.data.comparison.totals.baseline.workMinutes ||
                  scope.data.comparison.totals.baseline.durationMinutes,
              )}{' '}
              →{' '}
              {days(
                scope.data.comparison.totals.current.workMinutes ||
                  scope.data.comparison.totals.current.durationMinutes,
              )}
              ), {scope.data.comparison.unchanged} unchanged.
            </p>
            {scope.data.comparison.differences.length === 0 ? (
              <p>The scope is as baselined.</p>
            ) : (
              <table className="data-table" aria-label="Scope differences">
                <thead>
                  <tr>
                    <th>Work package</th>
                    <th>Change</th>
                    <th className="number">Baseline</th>
                    <th className="number">Now</th>
                  </tr>
                </thead>
                <tbody>
                  {scope.data.comparison.differences.map((item) => (
                    <tr key={item.taskId}>
                      <td>{item.name}</td>
                      <td>
                        <span className={`badge scope-kind scope-kind--${item.kind}`}>
                          {kindLabels[item.kind]}
                        </span>
                      </td>
                      <td className="number">{item.baseline ? days(item.baseline.durationMinutes) : '—'}</td>
                      <td className="number">{item.current ? days(item.current.durationMinutes) : '—'}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
          </>
        )}
        {scope.data && scope.data.resets.length > 0 ? (
          <div>
            <h3 className="change-detail__heading">Baseline re-sets</h3>
            <ul className="scope-resets">
              {scope.data.resets.map((reset) => (
                <li key={reset.id}>
                  {new Date(reset.at).toLocaleDateString()} · {reset.byName ?? '—'} · {reset.reason}
                </li>
              ))}
            </ul>
          </div>
        ) : null}
      </div>
    </section>
  );
}
