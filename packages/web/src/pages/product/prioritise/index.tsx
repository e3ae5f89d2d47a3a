import type { ProductView } from '../product-views';
import { PrioritiseView } from './prioritise-view';

/** The Prioritise tab: scores, the ranked backlog with pins, and the value/effort 2×2. */
export const prioritiseView: ProductView = {
  id: 'prioritise',
  label: 'Prioritise',
  wide: true,
  render: (props) => <PrioritiseView {...props} />,
};
