import type { ProductView } from '../product-views';
import { RoadmapView } from './roadmap-view';

/** The Roadmap tab: timeline with swimlanes, now/next/later and the release plan, shareable and exportable. */
export const roadmapView: ProductView = {
  id: 'roadmap',
  label: 'Roadmap',
  wide: true,
  render: (props) => <RoadmapView {...props} />,
};
