import { type Risk, responseLabels, statusLabels } from './risks-api';

const shortDate = (day: string) =>
  new Date(`${day}T00:00:00Z`).toLocaleDateString(undefined, {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    timeZone: 'UTC',
  });

/** The register as a table, highest score first; a row's title opens the risk. */
export function RiskTable({
  risks,
  ownerName,
  onOpen,
}: {
  risks: Risk[];
  ownerName: (id: string | null) => string;
  onOpen: (risk: Risk) => void;
}) {
  return (
    <div className="table-scroll">
      <table className="data-table risk-table" aria-label="Risk register">
        <thead>
          <tr>
            <th className="number">Score</th>
            <th>Risk</th>
            <th>Owner</th>
            <th className="number">P × I</th>
            <th className="number">Residual</th>
            <th>Response</th>
            <th>Actions</th>
            <th>Review</th>
            <th>Status</th>
          </tr>
        </thead>
        <tbody>
          {risks.map((risk) => {
            const done = risk.actions.filter((action) => action.percentComplete >= 100).length;
            return (
              <tr key={risk.id} data-risk-id={risk.id}>
                <td className="number">
                  <span className={`score-chip score-chip--${risk.band}`} title={`${risk.band} risk`}>
                    {risk.score}
                  </span>
                </td>
                <td className="risk-table__title">
                  <button type="button" className="link-button" onClick={() => onOpen(risk)}>
                    {risk.title}
                  </button>
                  {risk.category ? <span className="risk-table__category">{risk.category}</span> : null}
                </td>
                <td>{ownerName(risk.ownerId)}</td>
                <td className="number">
                  {risk.probability} × {risk.impact}
                </td>
                <td className="number">{risk.residualScore}</td>
                <td>{responseLabels[risk.response]}</td>
                <td>
                  {risk.actions.length === 0 ? (
                    <span className="muted">—</span>
                  ) : (
                    <span title={risk.actions.map((a) => `${a.name}: ${a.percentComplete}%`).join('\n')}>
                      {done}/{risk.actions.length} done
                    </span>
                  )}
                </td>
                <td className={risk.reviewOverdue ? 'risk-table__overdue' : undefined}>
                  {risk.reviewDate ? shortDate(risk.reviewDate) : <span className="muted">—</span>}
                  {risk.reviewOverdue ? <span className="badge badge--danger">Overdue</span> : null}
                </td>
                <td>
                  <span className={`badge risk-status--${risk.status}`}>{statusLabels[risk.status]}</span>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
