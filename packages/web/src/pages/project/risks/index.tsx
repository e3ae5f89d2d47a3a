import type { ProjectView } from '../project-views';
import { RisksView } from './risks-view';

/** The Risks tab: heat map, trend and the risk register of the project. */
export const risksView: ProjectView = {
  id: 'risks',
  label: 'Risks',
  wide: true,
  render: (props) => <RisksView {...props} />,
};
