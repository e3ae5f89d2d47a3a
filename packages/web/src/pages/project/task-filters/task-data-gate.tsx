import type { ReactNode } from 'react';
import { messageOf } from '../../../api/client';
import { EmptyState, SkeletonRows } from '../../../components/feedback';
import { Icons } from '../../../components/icons';
import { type AgileTask, useProjectTasks, useWorkflow, type Workflow } from '../board/agile-api';

/** Loads the project's tasks and workflow, showing an error or skeleton until both are there, then renders `children`. */
export function TaskDataGate({
  projectId,
  what,
  rows,
  children,
}: {
  projectId: string;
  /** Names the view in the error title ("The board could not be loaded"). */
  what: string;
  /** How many skeleton rows stand in while loading. */
  rows: number;
  children: (tasks: AgileTask[], workflow: Workflow) => ReactNode;
}) {
  const tasks = useProjectTasks(projectId);
  const workflow = useWorkflow(projectId);
  const failed = tasks.error ?? workflow.error;
  if (failed && !(tasks.data && workflow.data)) {
    return (
      <EmptyState icon={<Icons.close width={22} height={22} />} title={`The ${what} could not be loaded`}>
        {messageOf(failed)}
      </EmptyState>
    );
  }
  if (!tasks.data || !workflow.data) return <SkeletonRows rows={rows} />;
  return children(tasks.data, workflow.data);
}
