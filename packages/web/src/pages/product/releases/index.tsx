import type { ProductView } from '../product-views';
import { ReleasesView } from './releases-view';

/** The Releases tab: versions with their features, forecast, notes, customers to tell and go-to-market plan. */
export const releasesView: ProductView = {
  id: 'releases',
  label: 'Releases',
  wide: true,
  render: (props) => <ReleasesView {...props} />,
};
