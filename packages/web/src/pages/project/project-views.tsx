import type { ReactNode } from 'react';
import type { Entity } from '../../api/types';
import { backlogView } from './backlog';
import { baselinesView } from './baselines';
import { boardView } from './board';
import { changesView } from './changes';
import { costView } from './cost';
import { dashboardView } from './dashboard';
import { deliverablesView } from './deliverables';
import { ganttView } from './gantt';
import { filesView } from './imports';
import { listView } from './list';
import { raidView } from './raid';
import { reportsView } from './reports';
import { resourcesView } from './resources';
import { risksView } from './risks';

/** What every view of a project is given. */
export interface ProjectViewProps {
  workspaceId: string;
  projectId: string;
  project: Entity;
}

/** One tab of a project page beside Overview, Members and History: the Gantt, the board, the backlog and so on. */
export interface ProjectView {
  /** The `view` search parameter that opens it, e.g. `/w/…/projects/…?view=gantt`. */
  id: string;
  label: string;
  /** Views that fill the width of the window (a chart, a board) drop the page's reading width. */
  wide?: boolean;
  render(props: ProjectViewProps): ReactNode;
}

/**
 * The project views in tab order, in three groups the tab bar sets apart: planning and doing the work, controlling
 * it (risk, change, cost, reporting), and moving plans in and out. Each view lives in its own folder under
 * `pages/project/`.
 */
export const projectViewGroups: readonly (readonly ProjectView[])[] = [
  [dashboardView, ganttView, boardView, listView, backlogView, resourcesView, baselinesView],
  [risksView, raidView, changesView, deliverablesView, costView, reportsView],
  [filesView],
];

/** Every project view, in tab order. */
export const projectViews: readonly ProjectView[] = projectViewGroups.flat();
