import type { ProjectView } from '../project-views';
import { CostView } from './cost-view';

/** The Cost tab: budget lines, expenses, earned value and its S-curve. */
export const costView: ProjectView = {
  id: 'cost',
  label: 'Cost',
  wide: true,
  render: (props) => <CostView {...props} />,
};
