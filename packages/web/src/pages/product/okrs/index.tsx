import type { ProductView } from '../product-views';
import { GoalsView } from './goals-view';

/** The Goals tab: objectives and key results with progress, and KPIs with measurements against their targets. */
export const goalsView: ProductView = {
  id: 'okrs',
  label: 'Goals',
  wide: true,
  render: (props) => <GoalsView {...props} />,
};
