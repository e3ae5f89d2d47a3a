import type { ProjectView } from '../project-views';
import { BacklogView } from './backlog-view';

/** The backlog tab: sprint planning, the ranked backlog and the sprint reports. */
export const backlogView: ProjectView = {
  id: 'backlog',
  label: 'Backlog',
  render: (props) => <BacklogView {...props} />,
};
