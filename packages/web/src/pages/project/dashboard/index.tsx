import type { ProjectView } from '../project-views';
import { DashboardView } from './dashboard-view';

/** The Dashboard tab, first of a project: progress, milestones, late work, risks, budget burn and earned value. */
export const dashboardView: ProjectView = {
  id: 'dashboard',
  label: 'Dashboard',
  wide: true,
  render: (props) => <DashboardView {...props} />,
};
