import { KpisSection } from '../kpis/kpis-section';
import type { ProductViewProps } from '../product-views';
import { ObjectivesSection } from './objectives-section';
import './okrs.css';

/** The Goals tab: objectives and key results with their progress, then the KPIs with their charts. */
export function GoalsView({ productId }: ProductViewProps) {
  return (
    <div className="stack" style={{ gap: 'var(--space-6)' }}>
      <ObjectivesSection productId={productId} />
      <KpisSection productId={productId} />
    </div>
  );
}
