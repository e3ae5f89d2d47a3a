import type { ProjectView } from '../project-views';
import { RaidView } from './raid-view';

/** The RAID log tab: the project's issues, assumptions and decisions. */
export const raidView: ProjectView = {
  id: 'raid',
  label: 'RAID log',
  wide: true,
  render: (props) => <RaidView {...props} />,
};
