import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { messageOf } from '../../../api/client';
import { ConfirmDialog } from '../../../components/confirm-dialog';
import { EmptyState, SkeletonRows } from '../../../components/feedback';
import { Icons } from '../../../components/icons';
import { useToast } from '../../../components/toast';
import {
  type AgileTask,
  agileApi,
  agileKeys,
  type Sprint,
  useAssignees,
  useProjectTasks,
  useSprints,
  useWorkflow,
  type Workflow,
} from '../board/agile-api';
import { TaskDetails } from '../board/task-details';
import { byRank, indexTasks, rankAt } from '../board/task-model';
import { indexWithout, usePointerDrag } from '../board/use-pointer-drag';
import { useTaskUpdate } from '../board/use-task-update';
import type { ProjectViewProps } from '../project-views';
import { BacklogRows } from './backlog-rows';
import { CompleteSprintDialog, SprintDialog } from './sprint-dialogs';
import { SprintPanel } from './sprint-panel';
import { SprintReports } from './sprint-reports';
import '../board/board.css';
import './backlog.css';
import { useCan } from '../../../lib/permissions';

/** The backlog tab: sprints being planned or run, the ranked backlog, and the sprint reports. */
export function BacklogView({ projectId }: ProjectViewProps) {
  const tasks = useProjectTasks(projectId);
  const workflow = useWorkflow(projectId);
  const sprints = useSprints(projectId);
  const failed = tasks.error ?? workflow.error ?? sprints.error;
  if (failed && !(tasks.data && workflow.data && sprints.data)) {
    return (
      <EmptyState icon={<Icons.close width={22} height={22} />} title="The backlog could not be loaded">
        {messageOf(failed)}
      </EmptyState>
    );
  }
  if (!tasks.data || !workflow.data || !sprints.data) return <SkeletonRows rows={8} />;
  return <Backlog projectId={projectId} tasks={tasks.data} workflow={workflow.data} sprints={sprints.data} />;
}

type Dialog =
  | { kind: 'new' }
  | { kind: 'edit'; sprint: Sprint }
  | { kind: 'complete'; sprint: Sprint }
  | { kind: 'delete'; sprint: Sprint };

function Backlog({
  projectId,
  tasks,
  workflow,
  sprints,
}: {
  projectId: string;
  tasks: AgileTask[];
  workflow: Workflow;
  sprints: Sprint[];
}) {
  const client = useQueryClient();
  const toast = useToast();
  const assignees = useAssignees(projectId);
  const update = useTaskUpdate(projectId);
  const [dialog, setDialog] = useState<Dialog>();
  const [openId, setOpenId] = useState<string>();
  const canEdit = useCan('edit');
  const index = useMemo(() => indexTasks(tasks, assignees.data ?? []), [tasks, assignees.data]);
  const done = useMemo(
    () => new Set(workflow.columns.filter((c) => c.category === 'done').map((c) => c.key)),
    [workflow.columns],
  );
  const open = sprints.filter((sprint) => sprint.state !== 'completed');
  const active = open.find((sprint) => sprint.state === 'active');
  // The backlog is the open work in no sprint; finished work stays out of the way of planning.
  const lists = useMemo(() => {
    const byList = new Map<string, AgileTask[]>([
      ['backlog', []],
      ...open.map((s) => [s.id, []] as [string, AgileTask[]]),
    ]);
    for (const task of index.leaves) {
      if (task.sprintId === null && done.has(task.status)) continue;
      byList.get(task.sprintId ?? 'backlog')?.push(task);
    }
    for (const list of byList.values()) list.sort(byRank);
    return byList;
  }, [index.leaves, open, done]);

  const moveTo = (task: AgileTask, listId: string, at: number) => {
    const list = lists.get(listId) ?? [];
    const rank = rankAt(
      list.filter((t) => t.id !== task.id),
      indexWithout(
        list.map((t) => t.id),
        task.id,
        at,
      ),
    );
    const sprintId = listId === 'backlog' ? null : listId;
    if (task.sprintId === sprintId && task.rank === rank) return;
    update.mutate({ task, changes: { sprintId, rank } });
  };
  const { drag, start } = usePointerDrag((id, target) => {
    const task = tasks.find((t) => t.id === id);
    if (task && lists.has(target.list)) moveTo(task, target.list, target.index);
  });
  const reorder = (task: AgileTask, step: -1 | 1) => {
    const listId = task.sprintId ?? 'backlog';
    const at = (lists.get(listId) ?? []).indexOf(task);
    const destination = at + (step > 0 ? 2 : -1);
    if (destination < 0 || destination > (lists.get(listId)?.length ?? 0)) return;
    moveTo(task, listId, destination);
    requestAnimationFrame(() => document.querySelector<HTMLElement>(`[data-task-id="${task.id}"]`)?.focus());
  };
  const startSprint = useMutation({
    mutationFn: (sprint: Sprint) => agileApi.startSprint(sprint.id, sprint.version),
    onSuccess: async (sprint) => {
      await client.invalidateQueries({ queryKey: agileKeys.all(projectId) });
      toast.success(`Started ${sprint.name} with ${sprint.committed?.points ?? 0} committed points`);
    },
    onError: (error) => toast.error(messageOf(error)),
  });
  const deleteSprint = useMutation({
    mutationFn: (sprint: Sprint) => agileApi.deleteSprint(sprint.id, sprint.version),
    onSuccess: async () => {
      await client.invalidateQueries({ queryKey: agileKeys.all(projectId) });
      setDialog(undefined);
    },
  });
  const statusName = (key: string) => workflow.columns.find((c) => c.key === key)?.name ?? key;
  const rows = (listId: string, label: string, maxHeight: number) => (
    <BacklogRows
      listId={listId}
      label={label}
      tasks={lists.get(listId) ?? []}
      index={index}
      sprints={open}
      statusName={statusName}
      draggingId={drag?.id}
      dropIndex={drag?.target?.list === listId ? drag.target.index : undefined}
      maxHeight={maxHeight}
      onPointerDown={(event, task) => start(event, task.id)}
      onReorder={reorder}
      onMoveTo={(task, sprintId) =>
        moveTo(task, sprintId ?? 'backlog', lists.get(sprintId ?? 'backlog')?.length ?? 0)
      }
      onOpen={(task) => setOpenId(task.id)}
    />
  );
  const backlog = lists.get('backlog') ?? [];
  const openTask = openId ? tasks.find((t) => t.id === openId) : undefined;
  const dragged = drag ? tasks.find((t) => t.id === drag.id) : undefined;
  return (
    <div className="backlog">
      {canEdit ? (
        <div className="agile-toolbar">
          <button type="button" className="button button--primary" onClick={() => setDialog({ kind: 'new' })}>
            <Icons.plus width={14} /> New sprint
          </button>
          <span className="subtle">
            Drag tasks between the backlog and sprints, or pick a sprint in a row. Alt+↑/↓ reorders the
            focused row.
          </span>
        </div>
      ) : null}
      {open.map((sprint) => (
        <SprintPanel
          key={sprint.id}
          sprint={sprint}
          canStart={!active}
          onStart={() => startSprint.mutate(sprint)}
          onComplete={() => setDialog({ kind: 'complete', sprint })}
          onEdit={() => setDialog({ kind: 'edit', sprint })}
          onDelete={() => setDialog({ kind: 'delete', sprint })}
        >
          {rows(sprint.id, `Tasks of ${sprint.name}`, 320)}
        </SprintPanel>
      ))}
      <section className="card sprint-panel" aria-label="Backlog">
        <header className="sprint-panel__header">
          <h2 style={{ flex: 1 }}>Backlog</h2>
          <span className="subtle">
            {backlog.length} tasks · {backlog.reduce((sum, t) => sum + (t.storyPoints ?? 0), 0)} points
          </span>
        </header>
        {rows('backlog', 'Backlog tasks', 520)}
      </section>
      <SprintReports projectId={projectId} sprints={sprints} />
      {drag && dragged ? (
        <div
          className="backlog-ghost"
          style={{ left: drag.x - drag.dx, top: drag.y - drag.dy, width: drag.width }}
        >
          {dragged.name}
        </div>
      ) : null}
      <SprintDialog
        projectId={projectId}
        sprint={dialog?.kind === 'edit' ? dialog.sprint : undefined}
        after={sprints.at(-1)}
        open={dialog?.kind === 'new' || dialog?.kind === 'edit'}
        onClose={() => setDialog(undefined)}
      />
      {dialog?.kind === 'complete' ? (
        <CompleteSprintDialog
          projectId={projectId}
          sprint={dialog.sprint}
          targets={open.filter((s) => s.state === 'planned')}
          open
          onClose={() => setDialog(undefined)}
        />
      ) : null}
      <ConfirmDialog
        open={dialog?.kind === 'delete'}
        title={dialog?.kind === 'delete' ? `Delete ${dialog.sprint.name}?` : 'Delete sprint?'}
        confirmLabel="Delete sprint"
        pending={deleteSprint.isPending}
        error={deleteSprint.error}
        onConfirm={() => dialog?.kind === 'delete' && deleteSprint.mutate(dialog.sprint)}
        onClose={() => setDialog(undefined)}
      >
        Its tasks go back to the backlog.
      </ConfirmDialog>
      {openTask ? (
        <TaskDetails
          task={openTask}
          projectId={projectId}
          columns={workflow.columns}
          sprints={sprints}
          outline={index.outline.get(openTask.id) ?? ''}
          onClose={() => setOpenId(undefined)}
        />
      ) : null}
    </div>
  );
}
