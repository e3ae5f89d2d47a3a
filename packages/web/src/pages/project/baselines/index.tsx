import type { ProjectView } from '../project-views';
import { BaselinesView } from './baselines-view';

/** The Baselines tab: saved snapshots of the schedule, variances, and two baselines compared. */
export const baselinesView: ProjectView = {
  id: 'baselines',
  label: 'Baselines',
  render: (props) => <BaselinesView {...props} />,
};
