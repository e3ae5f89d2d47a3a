import { useQuery } from '@tanstack/react-query';
import {
  type CSSProperties,
  useCallback,
  useEffect,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
} from 'react';
import { messageOf } from '../../../api/client';
import { itemsOf, type Plan, type PlanTask, planApi, planKeys, usePlan } from '../../../api/plan';
import { ConfirmDialog } from '../../../components/confirm-dialog';
import { EmptyState, SkeletonRows } from '../../../components/feedback';
import { Icons } from '../../../components/icons';
import type { ProjectViewProps } from '../project-views';
import { TaskPanel } from '../task-panel/task-panel';
import { rowHeight } from './bar-geometry';
import { durationText, unitSettingsOf } from './cell-values';
import { type Draft, displayRows, linksByRow } from './display-rows';
import { columnsWidth, gridColumns, type RowText } from './gantt-grid';
import { headerHeight, TimelineHeader } from './gantt-header';
import { GanttToolbar } from './gantt-toolbar';
import { GanttWindow } from './gantt-window';
import { GridSplitter } from './grid-splitter';
import { predecessorText, resourceText, visibleRows } from './outline-rows';
import { createScale, scrollAfterZoom, stepZoom, xOf, type Zoom } from './time-scale';
import { useGanttActions } from './use-gantt-actions';
import { useScrollToRow } from './use-row-window';
import { useUndoState } from './use-undo-state';
import { parseWallClock, wallClockNow } from './wall-clock';
import './gantt.css';

/** The Gantt tab of a project: the task grid beside the timeline, loaded in one request and edited in place. */
export function GanttView({ projectId }: ProjectViewProps) {
  const plan = usePlan(projectId);
  if (plan.isError && !plan.data) {
    return (
      <EmptyState
        icon={<Icons.close width={22} height={22} />}
        title="The plan could not be loaded"
        action={
          <button type="button" className="button" onClick={() => void plan.refetch()}>
            Try again
          </button>
        }
      >
        {messageOf(plan.error)}
      </EmptyState>
    );
  }
  if (!plan.data) return <SkeletonRows rows={8} />;
  return <GanttChart plan={plan.data} projectId={projectId} />;
}

/** Pixels of timeline drawn beyond each side of the viewport, so a short scroll redraws nothing. */
const horizontalOverscan = 600;
const windowStep = 300;

function GanttChart({ plan, projectId }: { plan: Plan; projectId: string }) {
  const scroller = useRef<HTMLDivElement>(null);
  // The rows below follow the scroller from their own effects, which run before this component's ref is set: they are
  // handed the element itself, once it exists.
  const [scrollerElement, setScrollerElement] = useState<HTMLDivElement | null>(null);
  const scrollerRef = useCallback((element: HTMLDivElement | null) => {
    scroller.current = element;
    setScrollerElement(element);
  }, []);
  const [zoom, setZoom] = useState<Zoom>('days');
  const [collapsed, setCollapsed] = useState<ReadonlySet<string>>(new Set());
  const [draft, setDraft] = useState<Draft | undefined>(undefined);
  const [baselineId, setBaselineId] = useState<string>('');
  const [viewport, setViewport] = useState({ left: 0, width: 1200 });
  const settings = useMemo(() => unitSettingsOf(plan.project.calendar), [plan.project.calendar]);

  const scheduled = useMemo(() => new Map(plan.schedule.tasks.map((t) => [t.id, t])), [plan.schedule.tasks]);
  const rows = useMemo(
    () => visibleRows(plan.tasks, scheduled, collapsed),
    [plan.tasks, scheduled, collapsed],
  );
  const display = useMemo(() => displayRows(rows, draft), [rows, draft]);
  const timelineRows = useMemo(() => display.map((d) => (d.kind === 'task' ? d.row : undefined)), [display]);
  const rowLinks = useMemo(() => linksByRow(plan.links, display), [plan.links, display]);
  const assignments = useQuery({
    queryKey: planKeys.assignments(projectId),
    queryFn: () => planApi.assignments(projectId),
    retry: false,
  });
  const resources = useMemo(
    () => resourceText(plan.tasks, assignments.data ?? []),
    [plan.tasks, assignments.data],
  );
  const withResources = resources.size > 0;
  const columns = useMemo(() => gridColumns(withResources), [withResources]);
  const [gridWidth, setGridWidth] = useState(() => Math.min(columnsWidth(columns), 600));

  const outline = useMemo(() => {
    const numbers = new Map(plan.tasks.map((t, i) => [t.id, i + 1]));
    const incoming = new Map<string, typeof plan.links>();
    for (const link of plan.links) {
      const list = incoming.get(link.successorId) ?? [];
      list.push(link);
      incoming.set(link.successorId, list);
    }
    return { numbers, incoming };
  }, [plan.tasks, plan.links]);
  // Texts are made for the rows drawn, when first drawn: a reschedule of 10,000 tasks redraws a few hundred rows.
  // biome-ignore lint/correctness/useExhaustiveDependencies: the cache is emptied exactly when a text may change.
  const texts = useMemo(() => new Map<string, RowText>(), [outline, scheduled, settings, resources]);
  const textOf = (task: PlanTask): RowText => {
    const held = texts.get(task.id);
    if (held) return held;
    const text = {
      id: outline.numbers.get(task.id) ?? 0,
      duration: durationText(
        scheduled.get(task.id)?.durationMinutes ?? task.durationMinutes,
        task.durationUnit,
        task.elapsed,
        settings,
      ),
      predecessors: predecessorText(
        outline.incoming.get(task.id) ?? [],
        outline.numbers,
        settings.minutesPerDay,
      ),
      resources: resources.get(task.id) ?? '',
    };
    texts.set(task.id, text);
    return text;
  };

  const scale = useMemo(() => {
    const start = parseWallClock(plan.schedule.start) ?? parseWallClock(plan.project.startDate) ?? 0;
    const finish = parseWallClock(plan.schedule.finish) ?? start;
    return createScale(start, finish, zoom);
  }, [plan.schedule.start, plan.schedule.finish, plan.project.startDate, zoom]);

  const baselines = useQuery({
    queryKey: planKeys.baselines(projectId),
    queryFn: async () => itemsOf(await planApi.baselines(projectId)),
    retry: false,
  });
  const baseline = useQuery({
    queryKey: planKeys.baseline(baselineId),
    enabled: baselineId !== '',
    queryFn: async () => {
      const listed = baselines.data?.find((b) => b.id === baselineId);
      if (listed?.tasks) return listed;
      const reply = await planApi.baseline(baselineId);
      return 'baseline' in reply ? reply.baseline : reply;
    },
  });
  const baselineTasks = useMemo(
    () => (baseline.data?.tasks ? new Map(Object.entries(baseline.data.tasks)) : undefined),
    [baseline.data],
  );

  const scrollToRow = useScrollToRow(scroller);
  const cancelDraft = useCallback(() => setDraft(undefined), []);

  const actions = useGanttActions({
    plan,
    projectId,
    display,
    rows,
    scheduled,
    settings,
    draft,
    setDraft,
    setCollapsed,
    scroller,
    scrollToRow,
  });
  const undo = useUndoState(projectId);

  // A task being added is scrolled into view, so its name field can take the focus.
  const draftIndex = display.findIndex((d) => d.kind === 'draft');
  useEffect(() => {
    if (draftIndex >= 0) scrollToRow(draftIndex);
  }, [draftIndex, scrollToRow]);

  // The horizontal window moves in steps, so scrolling sideways re-renders the chart only every few hundred pixels.
  const shownViewport = useRef(viewport);
  // The scroller's width comes from the resize observer: read in the scroll handler, it would force a layout.
  const scrollerWidth = useRef(0);
  const syncViewport = useCallback(() => {
    const element = scroller.current;
    if (!element) return;
    const left = Math.floor(element.scrollLeft / windowStep) * windowStep;
    const width = Math.ceil(scrollerWidth.current / windowStep) * windowStep;
    // Most scroll events stay inside the drawn window: they must not even schedule a render.
    if (shownViewport.current.left === left && shownViewport.current.width === width) return;
    shownViewport.current = { left, width };
    setViewport({ left, width });
  }, []);
  useLayoutEffect(() => {
    const element = scroller.current;
    if (!element) return;
    scrollerWidth.current = element.clientWidth;
    syncViewport();
    const observer = new ResizeObserver(() => {
      scrollerWidth.current = element.clientWidth;
      syncViewport();
    });
    observer.observe(element);
    return () => observer.disconnect();
  }, [syncViewport]);

  // Zooming keeps the time under the pointer (or the left edge) in place.
  const pendingScroll = useRef<number | undefined>(undefined);
  const zoomTo = useCallback(
    (next: Zoom, anchorX = 0) => {
      const element = scroller.current;
      if (!element || next === zoom) return;
      const start = parseWallClock(plan.schedule.start) ?? parseWallClock(plan.project.startDate) ?? 0;
      const after = createScale(start, parseWallClock(plan.schedule.finish) ?? start, next);
      pendingScroll.current = scrollAfterZoom(scale, after, element.scrollLeft, anchorX);
      setZoom(next);
    },
    [zoom, scale, plan.schedule.start, plan.schedule.finish, plan.project.startDate],
  );
  // biome-ignore lint/correctness/useExhaustiveDependencies: the new scale is what the pending scroll waits for.
  useLayoutEffect(() => {
    if (pendingScroll.current === undefined || !scroller.current) return;
    scroller.current.scrollLeft = pendingScroll.current;
    pendingScroll.current = undefined;
    syncViewport();
  }, [scale, syncViewport]);
  useEffect(() => {
    const element = scroller.current;
    if (!element) return;
    // Ctrl+wheel zooms the timeline, not the page; React's wheel listener is passive, so this one is added by hand.
    const onWheel = (event: WheelEvent) => {
      if (!event.ctrlKey && !event.metaKey) return;
      event.preventDefault();
      const box = element.getBoundingClientRect();
      zoomTo(stepZoom(zoom, event.deltaY > 0 ? 1 : -1), Math.max(0, event.clientX - box.left - gridWidth));
    };
    element.addEventListener('wheel', onWheel, { passive: false });
    return () => element.removeEventListener('wheel', onWheel);
  }, [zoom, zoomTo, gridWidth]);

  const scrollToMinute = (minute: number | undefined) => {
    const element = scroller.current;
    if (minute === undefined || !element) return;
    element.scrollLeft = Math.max(0, xOf(scale, minute) - 48);
  };

  const left = Math.max(0, viewport.left - horizontalOverscan);
  const right = viewport.left + viewport.width - gridWidth + horizontalOverscan;
  const today = useMemo(() => wallClockNow(new Date()), []);
  const statusDate = parseWallClock(plan.schedule.statusDate ?? plan.project.statusDate);
  const selectedTask = actions.focusId ? plan.tasks.find((t) => t.id === actions.focusId) : undefined;
  const totalHeight = display.length * rowHeight;

  return (
    <div
      className="gantt"
      data-plan-revision={plan.planRevision}
      data-zoom={zoom}
      style={{ '--gantt-grid-width': `${gridWidth}px` } as CSSProperties}
    >
      <GanttToolbar
        zoom={zoom}
        onZoom={(next) => zoomTo(next, (scroller.current?.clientWidth ?? gridWidth * 2) / 2 - gridWidth)}
        onToday={() => scrollToMinute(today)}
        onProjectStart={() => scrollToMinute(parseWallClock(plan.schedule.start))}
        actions={actions}
        selectedCount={actions.selected.size}
        baselines={baselines.data ?? []}
        baselineId={baselineId}
        onBaseline={setBaselineId}
        cycle={plan.schedule.cycle}
        undo={undo}
      />
      <div className="gantt__body">
        <div
          ref={scrollerRef}
          className="gantt__scroller"
          onScroll={syncViewport}
          data-testid="gantt-scroller"
        >
          <div
            className="gantt__canvas"
            style={{ width: gridWidth + scale.width, height: headerHeight + totalHeight }}
          >
            <div className="gantt__head" style={{ width: gridWidth + scale.width }}>
              <div className="gantt__grid-head" style={{ width: gridWidth }} role="presentation">
                {columns.map((column) => (
                  <div
                    key={column.key}
                    className={`gantt__cell gantt__cell--head${column.align === 'end' ? ' gantt__cell--end' : ''}`}
                    style={{ width: column.width }}
                  >
                    {column.label}
                  </div>
                ))}
                <GridSplitter width={gridWidth} max={columnsWidth(columns) + 40} onWidth={setGridWidth} />
              </div>
              <TimelineHeader scale={scale} left={left} right={right} />
            </div>
            <GanttWindow
              scroller={scrollerElement}
              display={display}
              timelineRows={timelineRows}
              columns={columns}
              gridWidth={gridWidth}
              textOf={textOf}
              actions={actions}
              onCancelDraft={cancelDraft}
              timeline={{
                scale,
                left,
                right,
                links: rowLinks,
                today,
                statusDate,
                baseline: baselineTasks,
                minutesPerWeek: settings.minutesPerWeek,
              }}
            />
          </div>
        </div>
        {actions.panelOpen && selectedTask ? (
          <TaskPanel
            key={selectedTask.id}
            plan={plan}
            task={selectedTask}
            scheduled={scheduled.get(selectedTask.id)}
            edits={actions.edits}
            onClose={actions.closePanel}
          />
        ) : null}
      </div>
      <ConfirmDialog
        open={actions.confirmingDelete}
        title={actions.selected.size === 1 ? 'Delete this task?' : `Delete ${actions.selected.size} tasks?`}
        confirmLabel="Delete"
        pending={false}
        error={undefined}
        onConfirm={() => void actions.deleteSelected()}
        onClose={actions.cancelDelete}
      >
        The tasks below them and their links are deleted too. This cannot be undone.
      </ConfirmDialog>
    </div>
  );
}
