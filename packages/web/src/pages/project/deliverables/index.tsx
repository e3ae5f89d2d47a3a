import type { ProjectView } from '../project-views';
import { DeliverablesView } from './deliverables-view';

/** The Deliverables tab: what the project hands over and whether it was accepted. */
export const deliverablesView: ProjectView = {
  id: 'deliverables',
  label: 'Deliverables',
  render: (props) => <DeliverablesView {...props} />,
};
