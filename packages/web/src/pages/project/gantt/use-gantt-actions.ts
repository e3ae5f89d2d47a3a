import type { UnitSettings } from '@tandem/core';
import { useQueryClient } from '@tanstack/react-query';
import {
  type Dispatch,
  type KeyboardEvent,
  type RefObject,
  type SetStateAction,
  useCallback,
  useMemo,
  useRef,
  useState,
} from 'react';
import type { Plan, ScheduledTask, TaskChanges } from '../../../api/plan';
import { planKeys } from '../../../api/plan';
import { useToast } from '../../../components/toast';
import { useCan } from '../../../lib/permissions';
import { cellChanges, cellText } from './cell-edits';
import { type EditableColumn, startChanges } from './cell-values';
import type { DisplayRow, Draft } from './display-rows';
import type { EditText, GridColumn, GridHandlers } from './gantt-grid';
import { clampRow, type GridAction, gridAction, rangeOf } from './gantt-keys';
import type { TimelineHandlers } from './gantt-timeline';
import { type GanttRow, indentPlace, outdentPlace, placeAfter } from './outline-rows';
import { useHistoryKeys } from './use-history-keys';
import { type PlanEdits, usePlanEdits } from './use-plan-edits';
import { formatWallClock, parseWallClock } from './wall-clock';
import { workingMinutesBetween } from './working-time';

const editable: readonly EditableColumn[] = ['name', 'duration', 'start', 'finish', 'percent'];
/** The keyboard actions that change the plan, refused to a caller who may not. */
const writes: ReadonlySet<GridAction['type']> = new Set(['edit', 'add', 'indent', 'outdent', 'delete']);
const columnOrder: readonly GridColumn['key'][] = [
  'id',
  'outline',
  'name',
  'duration',
  'start',
  'finish',
  'percent',
  'predecessors',
  'resources',
];

interface Args {
  plan: Plan;
  projectId: string;
  display: readonly DisplayRow[];
  rows: readonly GanttRow[];
  scheduled: ReadonlyMap<string, ScheduledTask>;
  settings: UnitSettings;
  draft: Draft | undefined;
  setDraft: Dispatch<SetStateAction<Draft | undefined>>;
  setCollapsed: Dispatch<SetStateAction<ReadonlySet<string>>>;
  scroller: RefObject<HTMLDivElement | null>;
  /** Scrolls a display row into view. */
  scrollToRow: (index: number) => void;
}

/** Everything the Gantt does in answer to the user: selection, keyboard, cell edits, bar drags and tree edits. */
export function useGanttActions(args: Args) {
  const { projectId } = args;
  const edits = usePlanEdits(projectId);
  const client = useQueryClient();
  const toast = useToast();
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const [focusId, setFocusId] = useState<string | undefined>(undefined);
  const [anchorId, setAnchorId] = useState<string | undefined>(undefined);
  const [column, setColumn] = useState<GridColumn['key']>('name');
  const [editing, setEditing] = useState<{ taskId: string; column: EditableColumn } | undefined>(undefined);
  const [panelOpen, setPanelOpen] = useState(false);
  const [confirmingDelete, setConfirmingDelete] = useState(false);
  // A viewer selects, opens and reads tasks; every edit below is refused before it reaches the server.
  const readOnly = !useCan('edit');

  // Handlers are created once and read the newest state here, so memoised rows are not re-rendered by new callbacks.
  const latest = useRef({ ...args, selected, focusId, anchorId, column, edits, readOnly });
  latest.current = { ...args, selected, focusId, anchorId, column, edits, readOnly };

  const fresh = useCallback(
    (): Plan => client.getQueryData<Plan>(planKeys.plan(projectId)) ?? latest.current.plan,
    [client, projectId],
  );
  const taskById = useCallback((id: string) => fresh().tasks.find((t) => t.id === id), [fresh]);
  const focusGrid = useCallback(() => {
    latest.current.scroller.current
      ?.querySelector<HTMLElement>('.gantt__grid')
      ?.focus({ preventScroll: true });
  }, []);
  const taskIds = useCallback(
    () => latest.current.display.flatMap((d) => (d.kind === 'task' ? [d.row.task.id] : [])),
    [],
  );

  const select = useCallback(
    (taskId: string, mode: 'only' | 'toggle' | 'range', at?: GridColumn['key']) => {
      const { selected: current, anchorId: anchor } = latest.current;
      if (mode === 'toggle') {
        const next = new Set(current);
        if (next.has(taskId)) next.delete(taskId);
        else next.add(taskId);
        setSelected(next);
        setAnchorId(taskId);
      } else if (mode === 'range' && anchor) {
        setSelected(new Set(rangeOf(taskIds(), anchor, taskId)));
      } else {
        setSelected(new Set([taskId]));
        setAnchorId(taskId);
      }
      setFocusId(taskId);
      if (at) setColumn(at);
    },
    [taskIds],
  );

  const focusRow = useCallback(
    (index: number, extend: boolean) => {
      const ids = taskIds();
      const id = ids[index];
      if (!id) return;
      if (extend) select(id, 'range');
      else select(id, 'only');
      const displayIndex = latest.current.display.findIndex((d) => d.kind === 'task' && d.row.task.id === id);
      latest.current.scrollToRow(displayIndex);
    },
    [select, taskIds],
  );

  const editText: EditText = useCallback((row, col) => cellText(row, col, latest.current.settings), []);

  const gridHandlers: GridHandlers = useMemo(
    () => ({
      select,
      toggle: (taskId) => setCollapsedFor(latest.current.setCollapsed, taskId),
      edit: (taskId, col) => {
        select(taskId, 'only', col);
        if (!latest.current.readOnly) setEditing({ taskId, column: col });
      },
      cancel: () => {
        setEditing(undefined);
        focusGrid();
      },
      openDetails: (taskId) => {
        select(taskId, 'only');
        setPanelOpen(true);
      },
      commit: (taskId, col, value, move) => {
        setEditing(undefined);
        const task = taskById(taskId);
        if (task) {
          const changes = cellChanges(
            task,
            latest.current.scheduled.get(task.id),
            col,
            value,
            latest.current.settings,
          );
          if (typeof changes === 'string') toast.error(changes);
          else if (changes) void latest.current.edits.updateTask(task, changes);
        }
        if (move === 'down') {
          const ids = taskIds();
          focusRow(clampRow(ids.indexOf(taskId), 1, ids.length), false);
          focusGrid();
        } else if (move === 'next') {
          const next = editable[editable.indexOf(col) + 1];
          if (next) {
            setColumn(next);
            setEditing({ taskId, column: next });
          } else focusGrid();
        } else focusGrid();
      },
    }),
    [select, focusGrid, taskById, toast, taskIds, focusRow],
  );

  const addBelow = useCallback(() => {
    const { focusId: after, setDraft, readOnly: refused } = latest.current;
    if (refused) return;
    const place = placeAfter(fresh().tasks, after);
    setDraft({ place, afterTaskId: after });
  }, [fresh]);

  const commitDraft = useCallback(
    async (name: string, next: boolean) => {
      const { setDraft, draft } = latest.current;
      setDraft(undefined);
      if (!draft) return;
      const place = draft.place;
      const before = fresh().tasks;
      const created = await latest.current.edits.createTask({
        name,
        parentId: place.parentId,
        position: place.position,
      });
      if (!created) return focusGrid();
      select(created.id, 'only', 'name');
      if (!next) return focusGrid();
      // The next task goes between the one just made and the sibling that followed its place.
      const following = before
        .filter((t) => t.parentId === place.parentId && t.position > place.position)
        .reduce<number | undefined>(
          (min, t) => (min === undefined || t.position < min ? t.position : min),
          undefined,
        );
      setDraft({
        place: {
          parentId: place.parentId,
          position: following === undefined ? place.position + 1 : (place.position + following) / 2,
        },
        afterTaskId: created.id,
      });
    },
    [fresh, focusGrid, select],
  );

  const moveSelected = useCallback(
    async (where: 'indent' | 'outdent') => {
      const ids = taskIds().filter((id) => latest.current.selected.has(id));
      // Outdenting goes bottom-up, so each task lands right after its parent in the original order.
      for (const id of where === 'indent' ? ids : [...ids].reverse()) {
        const tasks = fresh().tasks;
        const place = where === 'indent' ? indentPlace(tasks, id) : outdentPlace(tasks, id);
        const task = tasks.find((t) => t.id === id);
        // A task whose parent is also selected moves with it.
        if (!place || !task || (task.parentId && ids.includes(task.parentId))) continue;
        if (
          !(await latest.current.edits.updateTask(task, {
            parentId: place.parentId,
            position: place.position,
          }))
        )
          break;
      }
      focusGrid();
    },
    [fresh, focusGrid, taskIds],
  );

  const selectedTasks = useCallback(
    () => fresh().tasks.filter((t) => latest.current.selected.has(t.id)),
    [fresh],
  );

  const deleteSelected = useCallback(async () => {
    const tasks = selectedTasks();
    setConfirmingDelete(false);
    if (tasks.length === 0) return;
    if (await latest.current.edits.deleteTasks(tasks)) {
      setSelected(new Set());
      setPanelOpen(false);
      toast.success(tasks.length === 1 ? `Deleted ${tasks[0]?.name}` : `Deleted ${tasks.length} tasks`);
    }
    focusGrid();
  }, [selectedTasks, toast, focusGrid]);

  useHistoryKeys(latest);

  const bulkUpdate = useCallback(async (changes: TaskChanges) => {
    const ids = [...latest.current.selected];
    if (ids.length > 0) await latest.current.edits.bulkUpdate(ids, changes);
  }, []);

  const onKeyDown = useCallback(
    (event: KeyboardEvent<HTMLDivElement>) => {
      if (event.target !== event.currentTarget) return;
      const action = gridAction(event);
      if (!action || (latest.current.readOnly && writes.has(action.type))) return;
      event.preventDefault();
      const ids = taskIds();
      const { focusId: focus, column: col } = latest.current;
      const index = focus ? ids.indexOf(focus) : -1;
      switch (action.type) {
        case 'move':
          focusRow(index < 0 ? 0 : clampRow(index, action.rows, ids.length), action.extend);
          return;
        case 'column': {
          const next = columnOrder[columnOrder.indexOf(col) + action.step];
          if (next) setColumn(next);
          if (!focus && ids[0]) focusRow(0, false);
          return;
        }
        case 'edit':
          if (focus && editable.includes(col as EditableColumn))
            setEditing({ taskId: focus, column: col as EditableColumn });
          else if (focus) setEditing({ taskId: focus, column: 'name' });
          return;
        case 'add':
          addBelow();
          return;
        case 'indent':
          void moveSelected('indent');
          return;
        case 'outdent':
          void moveSelected('outdent');
          return;
        case 'delete':
          if (latest.current.selected.size > 0) setConfirmingDelete(true);
          return;
        case 'clear':
          setSelected(new Set(focus ? [focus] : []));
          setPanelOpen(false);
          return;
        case 'details':
          if (focus) setPanelOpen(true);
          return;
        case 'collapse':
        case 'expand':
          if (focus)
            latest.current.setCollapsed((current) => {
              const next = new Set(current);
              if (action.type === 'collapse') next.add(focus);
              else next.delete(focus);
              return next;
            });
          return;
        case 'selectAll':
          setSelected(new Set(ids));
          return;
        default:
          return;
      }
    },
    [taskIds, focusRow, addBelow, moveSelected],
  );

  const timelineHandlers: TimelineHandlers = useMemo(
    () => ({
      readOnly,
      select: (taskId, mode) => select(taskId, mode),
      openDetails: (taskId) => {
        select(taskId, 'only');
        setPanelOpen(true);
      },
      move: (taskId, start) => {
        const task = taskById(taskId);
        const s = latest.current.scheduled.get(taskId);
        if (!task || !s || parseWallClock(s.start) === start) return;
        // An automatic task cannot simply be put somewhere: like MS Project, dragging it sets "start no earlier than".
        void latest.current.edits.updateTask(task, startChanges(task, formatWallClock(start), s.finish));
      },
      resize: (taskId, finish) => {
        const task = taskById(taskId);
        const s = latest.current.scheduled.get(taskId);
        const start = parseWallClock(s?.start);
        if (!task || start === undefined) return;
        if (task.scheduling === 'manual') {
          void latest.current.edits.updateTask(task, {
            manualFinish: formatWallClock(Math.max(start, finish)),
          });
          return;
        }
        const minutes = workingMinutesBetween(start, finish);
        if (minutes !== task.durationMinutes)
          void latest.current.edits.updateTask(task, { durationMinutes: minutes });
      },
      link: (predecessorId, successorId) => {
        void latest.current.edits.createLink(predecessorId, successorId, 'FS');
      },
    }),
    [select, taskById, readOnly],
  );

  return {
    readOnly,
    edits: edits as PlanEdits,
    selected,
    focusId,
    column,
    editing,
    editText,
    gridHandlers,
    timelineHandlers,
    onKeyDown,
    commitDraft: (name: string, next: boolean) => void commitDraft(name, next),
    addBelow,
    indent: () => moveSelected('indent'),
    outdent: () => moveSelected('outdent'),
    askDelete: () => setConfirmingDelete(true),
    confirmingDelete,
    cancelDelete: () => setConfirmingDelete(false),
    deleteSelected,
    bulkUpdate,
    panelOpen,
    openPanel: () => setPanelOpen(true),
    closePanel: () => {
      setPanelOpen(false);
      focusGrid();
    },
  };
}

/** The actions the toolbar and the chart call. */
export type GanttActions = ReturnType<typeof useGanttActions>;

function setCollapsedFor(set: Dispatch<SetStateAction<ReadonlySet<string>>>, taskId: string): void {
  set((current) => {
    const next = new Set(current);
    if (next.has(taskId)) next.delete(taskId);
    else next.add(taskId);
    return next;
  });
}
