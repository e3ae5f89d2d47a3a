import type { BaselineComparisonItem, TaskVariance } from './baselines-api';

/** Working minutes as days and hours on an 8-hour day, signed: `+2d 4h`, `−30m`, `0`. */
export function formatVariance(minutes: number | null): string {
  if (minutes === null) return '—';
  if (minutes === 0) return '0';
  const sign = minutes > 0 ? '+' : '−';
  let rest = Math.abs(minutes);
  const days = Math.floor(rest / 480);
  rest -= days * 480;
  const hours = Math.floor(rest / 60);
  const mins = Math.round(rest - hours * 60);
  const parts = [days ? `${days}d` : '', hours ? `${hours}h` : '', mins ? `${mins}m` : ''].filter(Boolean);
  return `${sign}${parts.join(' ')}`;
}

const money = (cents: number) =>
  `${cents > 0 ? '+' : cents < 0 ? '−' : ''}${(Math.abs(cents) / 100).toLocaleString(undefined, { maximumFractionDigits: 2 })}`;

const tone = (minutes: number | null) =>
  minutes === null || minutes === 0 ? undefined : minutes > 0 ? 'variance--late' : 'variance--early';

const date = (text: string | undefined) => (text ? text.replace('T', ' ') : '—');

/** The variance table: each task's baseline and current dates and how far it moved. */
export function VarianceTable({ items }: { items: readonly TaskVariance[] }) {
  return (
    <div className="table-scroll">
      <table className="data-table" aria-label="Variances against the baseline">
        <thead>
          <tr>
            <th>#</th>
            <th>Task</th>
            <th>Baseline start</th>
            <th>Start</th>
            <th className="number">Start var.</th>
            <th>Baseline finish</th>
            <th>Finish</th>
            <th className="number">Finish var.</th>
            <th className="number">Duration var.</th>
            <th className="number">Work var.</th>
            <th className="number">Cost var.</th>
          </tr>
        </thead>
        <tbody>
          {items.map((item) => (
            <tr key={item.taskId}>
              <td>{item.outline}</td>
              <td>{item.name}</td>
              <td>{date(item.baselineStart)}</td>
              <td>{date(item.start)}</td>
              <td className={`number ${tone(item.startVariance) ?? ''}`}>
                {formatVariance(item.startVariance)}
              </td>
              <td>{date(item.baselineFinish)}</td>
              <td>{date(item.finish)}</td>
              <td className={`number ${tone(item.finishVariance) ?? ''}`}>
                {formatVariance(item.finishVariance)}
              </td>
              <td className="number">{formatVariance(item.durationVariance)}</td>
              <td className="number">{formatVariance(item.workVariance)}</td>
              <td className="number">{money(item.costVariance)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** Two baselines side by side: each task's dates in both and the difference. */
export function ComparisonTable({
  items,
  aName,
  bName,
}: {
  items: readonly BaselineComparisonItem[];
  aName: string;
  bName: string;
}) {
  return (
    <div className="table-scroll">
      <table className="data-table" aria-label={`${aName} compared with ${bName}`}>
        <thead>
          <tr>
            <th>Task</th>
            <th>{aName} start</th>
            <th>{bName} start</th>
            <th className="number">Start diff.</th>
            <th>{aName} finish</th>
            <th>{bName} finish</th>
            <th className="number">Finish diff.</th>
          </tr>
        </thead>
        <tbody>
          {items.map((item) => (
            <tr key={item.taskId}>
              <td>{item.name}</td>
              <td>{date(item.a?.start)}</td>
              <td>{date(item.b?.start)}</td>
              <td className={`number ${tone(item.startDifference) ?? ''}`}>
                {formatVariance(item.startDifference)}
              </td>
              <td>{date(item.a?.finish)}</td>
              <td>{date(item.b?.finish)}</td>
              <td className={`number ${tone(item.finishDifference) ?? ''}`}>
                {formatVariance(item.finishDifference)}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
