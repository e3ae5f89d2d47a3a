import { effectiveColour, type RagDimension, type ReportFigures, ragDimensions } from '@tandem/core';
import { MarkdownView } from '../task-panel/markdown-view';
import './reports.css';
import { dimensionLabels, RagBadge } from './rag-badge';
import type { StatusReport } from './reports-api';

const money = (cents: number | null | undefined) =>
  cents === null || cents === undefined
    ? '—'
    : (cents / 100).toLocaleString(undefined, {
        style: 'currency',
        currency: 'USD',
        maximumFractionDigits: 0,
      });
const ratio = (value: number | null | undefined) =>
  value === null || value === undefined ? '—' : value.toFixed(2);
const day = (wall: string | null | undefined) =>
  wall
    ? new Date(`${wall.slice(0, 10)}T00:00:00Z`).toLocaleDateString(undefined, {
        dateStyle: 'medium',
        timeZone: 'UTC',
      })
    : '—';

/** A period as people say it: "2 Mar – 13 Mar 2026". */
export function periodText(start: string, finish: string): string {
  return `${day(start)} – ${day(finish)}`;
}

/** The RAG table of a report: the colour shown, what the figures suggested, and the reason for an override. */
export function RagTable({ rag }: { rag: StatusReport['rag'] }) {
  return (
    <table className="rag-table">
      <thead>
        <tr>
          <th scope="col">Dimension</th>
          <th scope="col">Status</th>
          <th scope="col">Suggested</th>
          <th scope="col">Reason</th>
        </tr>
      </thead>
      <tbody>
        {ragDimensions.map((dimension) => {
          const entry = rag[dimension];
          return (
            <tr key={dimension} data-dimension={dimension}>
              <th scope="row">{dimensionLabels[dimension]}</th>
              <td>
                <RagBadge colour={effectiveColour(entry)} />
              </td>
              <td className="muted">
                {entry.suggested ? <RagBadge colour={entry.suggested} small /> : 'No figures'}
              </td>
              <td className="rag-table__reason">{entry.reason || <span className="muted">—</span>}</td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

function Figure({ label, value, tone }: { label: string; value: string; tone?: 'danger' | undefined }) {
  return (
    <div className="report-figure">
      <dt>{label}</dt>
      <dd className={tone ? `report-figure--${tone}` : undefined}>{value}</dd>
    </div>
  );
}

function NoData({ children }: { children: string }) {
  return <p className="report-figures__none">No data — {children}</p>;
}

function FigureGroup({ dimension, children }: { dimension: RagDimension; children: React.ReactNode }) {
  return (
    <section className="report-figures__group" aria-label={`${dimensionLabels[dimension]} figures`}>
      <h4>{dimensionLabels[dimension]}</h4>
      {children}
    </section>
  );
}

/** The figures behind the colours, grouped by dimension; a dimension without figures says so. */
export function FiguresGrid({ figures }: { figures: ReportFigures | null }) {
  if (!figures) return <p className="muted">No figures.</p>;
  const { schedule, cost, risk, scope, quality } = figures;
  return (
    <div className="report-figures">
      <FigureGroup dimension="schedule">
        {schedule ? (
          <>
            <dl>
              <Figure label="Forecast finish" value={day(schedule.finish)} />
              <Figure
                label={schedule.baselineName ? `Baseline (${schedule.baselineName})` : 'Baseline'}
                value={day(schedule.baselineFinish)}
              />
              <Figure label="SPI" value={ratio(schedule.spi)} />
              <Figure
                label="Late milestones"
                value={`${schedule.lateMilestones} of ${schedule.milestones.length}`}
                tone={schedule.lateMilestones > 0 ? 'danger' : undefined}
              />
            </dl>
            {schedule.milestones.length > 0 ? (
              <ul className="report-milestones">
                {schedule.milestones.map((milestone) => (
                  <li key={milestone.id}>
                    <span>{milestone.name}</span>
                    <span className="muted">
                      {day(milestone.finish)}
                      {milestone.target ? ` · due ${day(milestone.target)}` : ''}
                    </span>
                    {milestone.late ? <span className="badge report-late">Late</span> : null}
                  </li>
                ))}
              </ul>
            ) : null}
          </>
        ) : (
          <NoData>the plan cannot be scheduled.</NoData>
        )}
      </FigureGroup>
      <FigureGroup dimension="cost">
        {cost ? (
          <dl>
            <Figure label="Budget (BAC)" value={money(cost.bac)} />
            <Figure label="Planned value" value={money(cost.pv)} />
            <Figure label="Earned value" value={money(cost.ev)} />
            <Figure label="Actual cost" value={money(cost.ac)} />
            <Figure
              label="CPI"
              value={ratio(cost.cpi)}
              tone={cost.cpi !== null && cost.cpi < 0.85 ? 'danger' : undefined}
            />
            <Figure label="Estimate at completion" value={money(cost.eac)} />
          </dl>
        ) : (
          <NoData>the project has no budget or planned cost.</NoData>
        )}
      </FigureGroup>
      <FigureGroup dimension="scope">
        {scope ? (
          <dl>
            <Figure label="Change requests pending" value={String(scope.pendingChanges)} />
            <Figure label="Approved" value={String(scope.approvedChanges)} />
            <Figure label="Rejected" value={String(scope.rejectedChanges)} />
          </dl>
        ) : (
          <NoData>no change requests are kept.</NoData>
        )}
      </FigureGroup>
      <FigureGroup dimension="risk">
        {risk && risk.recorded > 0 ? (
          <>
            <dl>
              <Figure label="Open risks" value={String(risk.open)} />
              <Figure
                label="Open high risks"
                value={String(risk.openHigh)}
                tone={risk.openHigh > 0 ? 'danger' : undefined}
              />
            </dl>
            {risk.top.length > 0 ? (
              <ul className="report-milestones">
                {risk.top.map((item) => (
                  <li key={item.id}>
                    <span>{item.title}</span>
                    <span className="muted">score {item.score}</span>
                  </li>
                ))}
              </ul>
            ) : null}
          </>
        ) : (
          <NoData>no risk is registered.</NoData>
        )}
      </FigureGroup>
      <FigureGroup dimension="quality">
        {quality && quality.recorded > 0 ? (
          <dl>
            <Figure
              label="Deliverables rejected"
              value={String(quality.rejectedDeliverables)}
              tone={quality.rejectedDeliverables > 0 ? 'danger' : undefined}
            />
            <Figure label="Deliverables accepted" value={String(quality.acceptedDeliverables)} />
            <Figure
              label="Open high-severity issues"
              value={String(quality.openHighIssues)}
              tone={quality.openHighIssues > 0 ? 'danger' : undefined}
            />
          </dl>
        ) : (
          <NoData>no deliverables or issues are recorded.</NoData>
        )}
      </FigureGroup>
    </div>
  );
}

/** A report laid out for reading: heading, RAG table, narrative and figures (the tab's preview and the shared page). */
export function ReportDocument({ report, projectName }: { report: StatusReport; projectName?: string }) {
  return (
    <article className="report-document" aria-label={report.title}>
      <header className="report-document__header">
        <div>
          <p className="report-document__eyebrow">
            {projectName ? `${projectName} · Status report` : 'Status report'}
          </p>
          <h2>{report.title}</h2>
          <p className="muted">
            {periodText(report.periodStart, report.periodFinish)}
            {report.publishedAt
              ? ` · Published ${new Date(report.publishedAt).toLocaleDateString(undefined, { dateStyle: 'medium' })}`
              : ' · Draft'}
            {report.figures ? ` · Figures at ${day(report.figures.asOf)}` : ''}
          </p>
        </div>
      </header>
      <RagTable rag={report.rag} />
      {report.narrative.trim() ? (
        <section className="report-document__narrative">
          <h3>Summary</h3>
          <MarkdownView source={report.narrative} />
        </section>
      ) : null}
      <section>
        <h3>Figures</h3>
        <FiguresGrid figures={report.figures} />
      </section>
    </article>
  );
}
