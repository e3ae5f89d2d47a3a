import type { ProjectView } from '../project-views';
import { GanttView } from './gantt-view';

/** The Gantt chart of a project, with its task grid. */
export const ganttView: ProjectView = {
  id: 'gantt',
  label: 'Gantt',
  wide: true,
  render: (props) => <GanttView {...props} />,
};
