import type { ProjectView } from '../project-views';
import { ChangesView } from './changes-view';

/** The Changes tab: change requests with their impact and approvals, and the scope against the baseline. */
export const changesView: ProjectView = {
  id: 'changes',
  label: 'Changes',
  wide: true,
  render: (props) => <ChangesView {...props} />,
};
