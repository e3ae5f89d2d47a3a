import type { ProductView } from '../product-views';
import { BudgetView } from './budget-view';

/** The Budget tab: product budget lines per product and initiative, against the linked projects' actual costs. */
export const budgetView: ProductView = {
  id: 'budget',
  label: 'Budget',
  render: (props) => <BudgetView {...props} />,
};
