import type { ProjectView } from '../project-views';
import { ReportsView } from './reports-view';

/** The Reports tab: status reports with suggested RAG colours, publication, PDF and share links. */
export const reportsView: ProjectView = {
  id: 'reports',
  label: 'Reports',
  wide: true,
  render: (props) => <ReportsView {...props} />,
};
