import type { ReactNode } from 'react';
import type { Evm, Health } from './cost-api';
import { formatCents, formatIndex, formatPercent, formatUnits } from './money';

const healthLabel: Record<Health, string> = {
  good: 'On track',
  watch: 'Watch',
  poor: 'Needs action',
  unknown: 'Not measured yet',
};

/** One figure with its label, coloured by its health. */
export function Metric({
  label,
  value,
  hint,
  health,
}: {
  label: string;
  value: ReactNode;
  hint?: ReactNode;
  health?: Health;
}) {
  return (
    <div className={`metric${health ? ` metric--${health}` : ''}`}>
      <span className="metric__label">{label}</span>
      <span className="metric__value">{value}</span>
      {hint !== undefined ? <span className="metric__hint">{hint}</span> : null}
      {health ? <span className="visually-hidden">{healthLabel[health]}</span> : null}
    </div>
  );
}

/** The headline indicators: SPI, CPI, EAC, VAC and TCPI, each coloured. */
export function EvmMetrics({ evm }: { evm: Evm }) {
  return (
    <section className="metrics" aria-label="Earned value indicators">
      <Metric
        label="SPI"
        value={formatIndex(evm.spi)}
        hint={`SV ${formatUnits(evm.sv)}`}
        health={evm.health.spi}
      />
      <Metric
        label="CPI"
        value={formatIndex(evm.cpi)}
        hint={`CV ${formatUnits(evm.cv)}`}
        health={evm.health.cpi}
      />
      <Metric label="Budget (BAC)" value={formatUnits(evm.bac)} hint={budgetHint(evm)} />
      <Metric
        label="Estimate at completion"
        value={formatUnits(evm.eac.typical ?? evm.eac.atypical)}
        hint={`VAC ${formatUnits(evm.vac)}`}
        health={evm.vac === null ? 'unknown' : evm.vac >= 0 ? 'good' : evm.health.cpi}
      />
      <Metric
        label="TCPI to budget"
        value={formatIndex(evm.tcpi.toBac)}
        hint="Efficiency the rest needs"
        health={evm.health.tcpi}
      />
    </section>
  );
}

function budgetHint(evm: Evm): string {
  return evm.budgetSource === 'lines' ? 'From budget lines' : 'From the plan’s cost';
}

/** Every earned value figure at the status date, with what each one means. */
export function EvmTable({ evm }: { evm: Evm }) {
  const rows: [string, string, string][] = [
    ['Budget at completion (BAC)', formatCents(evm.bac), budgetHint(evm)],
    ['Planned value (PV)', formatCents(evm.pv), 'Budget of the work scheduled by the status date'],
    ['Earned value (EV)', formatCents(evm.ev), 'Budget of the work done'],
    ['Actual cost (AC)', formatCents(evm.ac), 'Time at each person’s rate, plus expenses'],
    ['Schedule variance (SV = EV − PV)', formatCents(evm.sv), 'Negative is behind schedule'],
    ['Cost variance (CV = EV − AC)', formatCents(evm.cv), 'Negative is over budget'],
    ['Schedule performance index (SPI)', formatIndex(evm.spi), 'EV / PV'],
    ['Cost performance index (CPI)', formatIndex(evm.cpi), 'EV / AC'],
    ['EAC — cost efficiency continues', formatCents(evm.eac.typical), 'BAC / CPI'],
    ['EAC — variance was a one-off', formatCents(evm.eac.atypical), 'AC + (BAC − EV)'],
    ['EAC — cost and schedule weigh', formatCents(evm.eac.combined), 'AC + (BAC − EV) / (CPI × SPI)'],
    ['EAC — bottom-up', formatCents(evm.eac.bottomUp), 'AC + the plan’s remaining cost'],
    ['Estimate to complete (ETC)', formatCents(evm.etc), 'EAC − AC'],
    ['Variance at completion (VAC)', formatCents(evm.vac), 'BAC − EAC'],
    ['TCPI to meet the BAC', formatIndex(evm.tcpi.toBac), '(BAC − EV) / (BAC − AC)'],
    ['TCPI to meet the EAC', formatIndex(evm.tcpi.toEac), '(BAC − EV) / (EAC − AC)'],
    ['Work done', formatPercent(evm.percentComplete), 'EV / BAC'],
    ['Budget spent', formatPercent(evm.percentSpent), 'AC / BAC'],
    ['Planned cost', formatCents(evm.plannedCost), 'Assignments at resource rates, plus fixed costs'],
  ];
  return (
    <table className="data-table evm-table" aria-label="Earned value">
      <thead>
        <tr>
          <th>Indicator</th>
          <th className="number">Value</th>
          <th>Meaning</th>
        </tr>
      </thead>
      <tbody>
        {rows.map(([label, value, meaning]) => (
          <tr key={label}>
            <th scope="row">{label}</th>
            <td className="number">{value}</td>
            <td className="muted">{meaning}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** Where the status date and the PV dates come from, in a sentence. */
export function EvmBasis({ evm }: { evm: Evm }) {
  return (
    <p className="muted evm-basis">
      At {evm.statusDate}
      {evm.statusDateSource === 'today'
        ? ' (today: the project has no status date)'
        : ' (the project’s status date)'}
      , against{' '}
      {evm.baseline ? `baseline “${evm.baseline.name}”` : 'the current schedule (no baseline saved)'}.
      {evm.actual.unpricedMinutes > 0
        ? ` ${Math.round(evm.actual.unpricedMinutes / 60)} h of logged time has no rate: link those people to a resource.`
        : ''}
    </p>
  );
}
