import type { ReactNode } from 'react';
import type { Entity } from '../../api/types';
import { budgetView } from './budget';
import { featuresView } from './features';
import { feedbackView } from './feedback';
import { goalsView } from './okrs';
import { prioritiseView } from './prioritise';
import { releasesView } from './releases';
import { roadmapView } from './roadmap';
import { strategyView } from './strategy';

/** What every view of a product is given. */
export interface ProductViewProps {
  workspaceId: string;
  productId: string;
  product: Entity;
}

/** One tab of a product page beside Overview, Members and History: strategy, feedback, features, roadmap and so on. */
export interface ProductView {
  /** The `view` search parameter that opens it, e.g. `/w/…/products/…?view=roadmap`. */
  id: string;
  label: string;
  /** Views that fill the width of the window (a roadmap, a chart) drop the page's reading width. */
  wide?: boolean;
  render(props: ProductViewProps): ReactNode;
}

/** The product views, in tab order. Each view lives in its own folder under `pages/product/`. */
export const productViews: readonly ProductView[] = [
  strategyView,
  goalsView,
  feedbackView,
  featuresView,
  prioritiseView,
  roadmapView,
  releasesView,
  budgetView,
];
