import { type WipState, wipStates } from '@tandem/core';
import { useCallback, useMemo, useRef, useState } from 'react';
import { SavedViewPicker } from '../list/saved-view-picker';
import type { ProjectViewProps } from '../project-views';
import { TaskDataGate } from '../task-filters/task-data-gate';
import { peopleOf } from '../task-filters/task-filter-controls';
import {
  type AgileTask,
  type Priority,
  useAssignees,
  useCustomFields,
  useSprints,
  type Workflow,
} from './agile-api';
import type { CardActions, CardKey } from './board-card';
import { BoardCell } from './board-cell';
import { boardLanes, type Lane, type Swimlanes } from './board-lanes';
import { BoardToolbar } from './board-toolbar';
import { CustomFieldSettings } from './custom-field-settings';
import { TaskDetails } from './task-details';
import { filterTasks, indexTasks, labelsOf, rankAt, type TaskFilter, type TaskIndex } from './task-model';
import { indexWithout, usePointerDrag } from './use-pointer-drag';
import { useTaskUpdate } from './use-task-update';
import { WorkflowSettings } from './workflow-settings';
import './board.css';
import { useCan } from '../../../lib/permissions';

/** The board tab: the project's leaf tasks as cards in the workflow's columns, dragged or moved by keyboard. */
export function BoardView({ projectId }: ProjectViewProps) {
  return (
    <TaskDataGate projectId={projectId} what="board" rows={6}>
      {(tasks, workflow) => <Board projectId={projectId} tasks={tasks} workflow={workflow} />}
    </TaskDataGate>
  );
}

/** What a saved board view keeps. */
interface BoardConfig {
  filter: TaskFilter;
  swimlanes: Swimlanes;
}

const lanePriority = (lane: string): Priority | undefined =>
  lane.startsWith('p:') ? (lane.slice(2) as Priority) : undefined;

function Board({
  projectId,
  tasks,
  workflow,
}: {
  projectId: string;
  tasks: AgileTask[];
  workflow: Workflow;
}) {
  const assignees = useAssignees(projectId);
  const sprints = useSprints(projectId);
  const [filter, setFilter] = useState<TaskFilter>({});
  const [swimlanes, setSwimlanes] = useState<Swimlanes>('none');
  const [openId, setOpenId] = useState<string>();
  const [focusId, setFocusId] = useState<string>();
  const [settings, setSettings] = useState(false);
  const [fieldsOpen, setFieldsOpen] = useState(false);
  // A viewer opens and reads cards; dragging, moving and the board's settings are for those who may edit.
  const canEdit = useCan('edit');
  const customFields = useCustomFields(projectId);
  const update = useTaskUpdate(projectId);
  const columns = workflow.columns;

  const index: TaskIndex = useMemo(() => indexTasks(tasks, assignees.data ?? []), [tasks, assignees.data]);
  const cards = useMemo(() => filterTasks(index.leaves, filter, index), [index, filter]);
  const lanes = useMemo(
    () => boardLanes(cards, columns, swimlanes, index),
    [cards, columns, swimlanes, index],
  );
  // WIP counts every leaf in a column, filtered out or not: a filter changes what is shown, not what is in progress.
  const wip = useMemo(() => {
    const counts = new Map<string, number>();
    for (const task of index.leaves) counts.set(task.status, (counts.get(task.status) ?? 0) + 1);
    return new Map(wipStates(columns, counts).map((state) => [state.key, state]));
  }, [index.leaves, columns]);
  const people = useMemo(() => peopleOf(assignees.data), [assignees.data]);

  const move = useCallback(
    (task: AgileTask, lane: Lane, status: string, at: number) => {
      const shown = (lane.cells.get(status) ?? []).map((t) => t.id);
      const rest = (lane.cells.get(status) ?? []).filter((t) => t.id !== task.id);
      const rank = rankAt(rest, indexWithout(shown, task.id, at));
      const priority = lanePriority(lane.key);
      const changes: Partial<AgileTask> = {
        status,
        rank,
        ...(priority && priority !== task.priority ? { priority } : {}),
      };
      if (task.status === status && task.rank === rank && !changes.priority) return;
      update.mutate({ task, changes });
    },
    [update],
  );

  const { drag, start, justDragged } = usePointerDrag((id, target) => {
    const [laneKey, status] = target.list.split('|');
    const lane = lanes.find((l) => l.key === laneKey);
    const task = tasks.find((t) => t.id === id);
    if (lane && task && status) move(task, lane, status, target.index);
  });

  const laneOfTask = (task: AgileTask) =>
    lanes.find((lane) => [...lane.cells.values()].some((c) => c.includes(task)));
  const columnIndex = (task: AgileTask) =>
    Math.max(
      0,
      columns.findIndex((c) => c.key === task.status),
    );

  const onKey = (task: AgileTask, key: CardKey, moving: boolean) => {
    const lane = laneOfTask(task);
    if (!lane || (moving && !canEdit)) return;
    const col = columnIndex(task);
    const cell = lane.cells.get(columns[col]?.key ?? '') ?? [];
    const at = cell.indexOf(task);
    if (key === 'left' || key === 'right') {
      const next = columns[col + (key === 'left' ? -1 : 1)];
      if (!next) return;
      if (moving) {
        move(task, lane, next.key, (lane.cells.get(next.key) ?? []).length);
        setFocusId(task.id);
      } else {
        const target = lane.cells.get(next.key)?.[Math.min(at, (lane.cells.get(next.key)?.length ?? 1) - 1)];
        if (target) setFocusId(target.id);
      }
      return;
    }
    const step = key === 'up' ? -1 : 1;
    if (moving) {
      // Down by one means landing after the next card, which in the list still holding this card is two further on.
      const destination = at + (step > 0 ? 2 : -1);
      if (destination < 0 || destination > cell.length) return;
      move(task, lane, task.status, destination);
      setFocusId(task.id);
    } else {
      const target = cell[at + step];
      if (target) setFocusId(target.id);
    }
  };

  // Columns share the width when they fit and keep their minimum (scrolling sideways) when they do not.
  const grid = {
    gridTemplateColumns: `repeat(${columns.length}, minmax(var(--board-column), 1fr))`,
    minWidth: `calc(${columns.length} * (var(--board-column) + 12px))`,
  };
  // The latest handlers behind one object that never changes, so the memoised cards ignore the board's re-renders.
  const latest = useRef<CardActions>(undefined as unknown as CardActions);
  latest.current = {
    open: (task) => {
      if (!justDragged()) setOpenId(task.id);
    },
    pointerDown: (event, task) => {
      if (canEdit) start(event, task.id);
    },
    key: onKey,
    move: (task, direction) => onKey(task, direction, true),
  };
  const actions = useMemo<CardActions>(
    () => ({
      open: (task) => latest.current.open(task),
      pointerDown: (event, task) => latest.current.pointerDown(event, task),
      key: (task, key, moving) => latest.current.key(task, key, moving),
      move: (task, direction) => latest.current.move(task, direction),
    }),
    [],
  );
  const open = openId ? tasks.find((t) => t.id === openId) : undefined;
  const dropFor = (listId: string) => (drag?.target?.list === listId ? drag.target.index : undefined);
  const dragged = drag ? tasks.find((t) => t.id === drag.id) : undefined;

  return (
    <div className="board" data-read-only={canEdit ? undefined : ''}>
      <BoardToolbar
        readOnly={!canEdit}
        filter={filter}
        onFilter={setFilter}
        swimlanes={swimlanes}
        onSwimlanes={setSwimlanes}
        labels={labelsOf(index.leaves)}
        people={people}
        sprints={sprints.data ?? []}
        shown={cards.length}
        total={index.leaves.length}
        onSettings={() => setSettings(true)}
        onFields={() => setFieldsOpen(true)}
        views={
          <SavedViewPicker<BoardConfig>
            projectId={projectId}
            kind="board"
            current={{ filter, swimlanes }}
            onApply={(config) => {
              setFilter(config.filter ?? {});
              setSwimlanes(config.swimlanes ?? 'none');
            }}
          />
        }
      />
      <div className="board__scroll">
        <div className="board__grid" style={grid}>
          {columns.map((column) => (
            <ColumnHeader key={column.key} name={column.name} state={wip.get(column.key)} />
          ))}
        </div>
        {lanes.map((lane) => (
          <section
            key={lane.key}
            className="board__lane"
            aria-label={swimlanes === 'none' ? 'Board' : lane.title}
          >
            {swimlanes === 'none' ? null : (
              <h3 className="board__lane-title">
                {lane.title} <span className="subtle">{lane.count}</span>
              </h3>
            )}
            <div className="board__grid" style={grid}>
              {columns.map((column, col) => {
                const listId = `${lane.key}|${column.key}`;
                return (
                  <BoardCell
                    key={listId}
                    listId={listId}
                    cards={lane.cells.get(column.key) ?? []}
                    index={index}
                    tall={swimlanes === 'none'}
                    draggingId={drag?.id}
                    dropIndex={dropFor(listId)}
                    focusId={focusId}
                    canMoveLeft={col > 0}
                    canMoveRight={col < columns.length - 1}
                    actions={actions}
                  />
                );
              })}
            </div>
          </section>
        ))}
      </div>
      {drag && dragged ? (
        <div
          className="board-ghost"
          style={{ left: drag.x - drag.dx, top: drag.y - drag.dy, width: drag.width }}
          aria-hidden="true"
        >
          {dragged.name}
        </div>
      ) : null}
      {open ? (
        <TaskDetails
          task={open}
          projectId={projectId}
          columns={columns}
          sprints={sprints.data ?? []}
          outline={index.outline.get(open.id) ?? ''}
          onClose={() => setOpenId(undefined)}
        />
      ) : null}
      {customFields.data ? (
        <CustomFieldSettings
          projectId={projectId}
          fields={customFields.data}
          open={fieldsOpen}
          onClose={() => setFieldsOpen(false)}
        />
      ) : null}
      <WorkflowSettings
        projectId={projectId}
        workflow={workflow}
        open={settings}
        onClose={() => setSettings(false)}
      />
    </div>
  );
}

function ColumnHeader({ name, state }: { name: string; state: WipState | undefined }) {
  const tone = state?.exceeded ? ' board-column--exceeded' : state?.full ? ' board-column--full' : '';
  return (
    <div className={`board-column${tone}`}>
      <h3>{name}</h3>
      <span
        className="board-column__count"
        title={state?.limit ? `Work-in-progress limit ${state.limit}` : 'No work-in-progress limit'}
      >
        {state?.count ?? 0}
        {state?.limit ? ` / ${state.limit}` : ''}
      </span>
      {state?.exceeded ? <span className="visually-hidden">Over its work-in-progress limit</span> : null}
    </div>
  );
}
