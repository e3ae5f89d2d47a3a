import { type Demand, revenue } from './features-api';

/** The demand for a feature at a glance: customers, feedback, revenue and the weighted score. */
export function DemandStats({ demand }: { demand: Demand }) {
  const stats = [
    { label: 'Customers', value: demand.customers.toLocaleString() },
    { label: 'Feedback', value: demand.feedback.toLocaleString() },
    { label: 'Revenue asking', value: revenue(demand.revenueCents) },
    { label: 'Demand score', value: demand.score.toLocaleString() },
  ];
  return (
    <div className="demand-stats">
      {stats.map((stat) => (
        <div key={stat.label} className="demand-stat">
          <div className="demand-stat__value">{stat.value}</div>
          <div className="demand-stat__label">{stat.label}</div>
        </div>
      ))}
    </div>
  );
}

/** The demand in one line, for a card or a row. */
export function DemandLine({ demand }: { demand: Demand }) {
  return (
    <span className="demand" title="Demand: customers, revenue, weighted score">
      <span>
        <strong>{demand.customers}</strong> {demand.customers === 1 ? 'customer' : 'customers'}
      </span>
      <span>
        <strong>{revenue(demand.revenueCents)}</strong> revenue
      </span>
      <span>
        score <strong>{demand.score}</strong>
      </span>
    </span>
  );
}
