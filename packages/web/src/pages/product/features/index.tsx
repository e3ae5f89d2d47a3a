import type { ProductView } from '../product-views';
import { FeaturesView } from './features-view';

/** The Features tab: ideas and features through their status pipeline, with spec, custom fields and demand. */
export const featuresView: ProductView = {
  id: 'features',
  label: 'Features',
  wide: true,
  render: (props) => <FeaturesView {...props} />,
};
