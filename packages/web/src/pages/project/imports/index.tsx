import type { ProjectView } from '../project-views';
import { FilesView } from './files-view';

/** The Import & export tab: MS Project XML and CSV out, CSV in. */
export const filesView: ProjectView = {
  id: 'files',
  label: 'Import & export',
  render: (props) => <FilesView {...props} />,
};
