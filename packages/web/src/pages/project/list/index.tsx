import type { ProjectView } from '../project-views';
import { ListView } from './list-view';

/** The list tab: the project's work items as a table. */
export const listView: ProjectView = {
  id: 'list',
  label: 'List',
  wide: true,
  render: (props) => <ListView {...props} />,
};
