import type { ProjectView } from '../project-views';
import { ResourcesView } from './resources-view';

export { TaskAssignments } from './task-assignments';

/** The resources tab: who works on the project, on which tasks, with how much work. */
export const resourcesView: ProjectView = {
  id: 'resources',
  label: 'Resources',
  render: (props) => <ResourcesView {...props} />,
};
