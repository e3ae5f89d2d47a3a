import type { ProjectView } from '../project-views';
import { BoardView } from './board-view';

/** The board tab: cards in the workflow's columns. */
export const boardView: ProjectView = {
  id: 'board',
  label: 'Board',
  wide: true,
  render: (props) => <BoardView {...props} />,
};
