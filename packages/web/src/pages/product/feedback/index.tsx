import type { ProductView } from '../product-views';
import { FeedbackView } from './feedback-view';

/** The Feedback tab: the inbox, triage by highlighting passages and linking them to features, CSV import. */
export const feedbackView: ProductView = {
  id: 'feedback',
  label: 'Feedback',
  wide: true,
  render: (props) => <FeedbackView {...props} />,
};
