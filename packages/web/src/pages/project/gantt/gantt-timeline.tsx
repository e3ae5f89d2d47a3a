import { memo, type PointerEvent as ReactPointerEvent, useLayoutEffect, useMemo, useRef } from 'react';
import { type Bar, barInWindow, barOf, linkPath, rowHeight } from './bar-geometry';
import { indexLinks, linksIn, type RowLink } from './link-window';
import type { GanttRow } from './outline-rows';
import { sameRowProps } from './row-equality';
import { slotOrder } from './row-window';
import { minuteAt, snapMinute, type TimeScale, xOf, zoomLevel } from './time-scale';
import { formatGridDate, parseWallClock, type WallMinute } from './wall-clock';

/** What the timeline asks of the view when the user works on a bar. */
export interface TimelineHandlers {
  select(taskId: string, mode: 'only' | 'toggle' | 'range'): void;
  openDetails(taskId: string): void;
  /** A bar dropped so that it starts at `start`. */
  move(taskId: string, start: WallMinute): void;
  /** A bar's right edge dropped at `finish`. */
  resize(taskId: string, finish: WallMinute): void;
  /** A line drawn from one bar's end onto another bar. */
  link(predecessorId: string, successorId: string): void;
  /** Set for a caller who may not change the plan: bars are clicked and opened, never dragged. */
  readOnly?: boolean;
}

interface Drag {
  kind: 'move' | 'resize' | 'link';
  taskId: string;
  bar: HTMLElement;
  startX: number;
  originX: number;
  originY: number;
  width: number;
  started: boolean;
  pointerId: number;
}

/** A bar's dates with an unsaved change laid over them (none today: the server's answer is the truth). */
function barFor(row: GanttRow, index: number, scale: TimeScale, minutesPerWeek: number): Bar | undefined {
  const s = row.scheduled;
  if (!s) return undefined;
  return barOf(
    {
      start: s.start,
      finish: s.finish,
      summary: row.hasChildren || s.summary,
      milestone: row.task.isMilestone ?? false,
      percentComplete: s.percentComplete,
      totalSlack: s.totalSlack,
    },
    index,
    scale,
    minutesPerWeek,
  );
}

/** The chart beside the grid: bars, summaries, milestones, links, today and status-date lines, baseline bars. */
export const GanttTimeline = memo(function GanttTimeline({
  rows,
  first,
  last,
  scale,
  left,
  right,
  links,
  selected,
  today,
  statusDate,
  baseline,
  minutesPerWeek,
  handlers,
}: {
  /** Display rows; undefined for the row of a task being added. */
  rows: readonly (GanttRow | undefined)[];
  first: number;
  last: number;
  scale: TimeScale;
  left: number;
  right: number;
  links: readonly RowLink[];
  selected: ReadonlySet<string>;
  today: WallMinute | undefined;
  statusDate: WallMinute | undefined;
  baseline: ReadonlyMap<string, { start: string; finish: string }> | undefined;
  minutesPerWeek: number;
  handlers: TimelineHandlers;
}) {
  const layer = useRef<HTMLDivElement>(null);
  const ghost = useRef<HTMLDivElement>(null);
  const ghostLine = useRef<SVGLineElement>(null);
  const drag = useRef<Drag | undefined>(undefined);

  // The ghost of a dropped bar stays until the server's schedule arrives and redraws the bars.
  // biome-ignore lint/correctness/useExhaustiveDependencies: a new rows array is exactly the server's answer.
  useLayoutEffect(() => {
    if (ghost.current && !drag.current) ghost.current.hidden = true;
  }, [rows]);

  const height = rows.length * rowHeight;
  // Bars are kept per row object, so a row whose task and schedule did not change keeps its bar and is not redrawn;
  // a new scale or working week draws every bar anew.
  // biome-ignore lint/correctness/useExhaustiveDependencies: the cache is emptied exactly when these change.
  const cache = useMemo(
    () => new WeakMap<GanttRow, { index: number; bar: Bar | undefined }>(),
    [scale, minutesPerWeek],
  );
  const barAt = (index: number) => {
    const row = rows[index];
    if (!row) return undefined;
    const held = cache.get(row);
    if (held?.index === index) return held.bar;
    const bar = barFor(row, index, scale, minutesPerWeek);
    cache.set(row, { index, bar });
    return bar;
  };
  // Bucketed once per set of links: a block of rows looks at its own links, not at all 15,000 of them.
  const linkIndex = useMemo(() => indexLinks(links), [links]);
  const bars: (Bar | undefined)[] = [];
  for (let index = first; index <= last; index++) bars[index] = barAt(index);
  const arrows: { key: string; path: string; critical: boolean }[] = [];
  for (const { link, from, to } of linksIn(linkIndex, first, last)) {
    const a = barAt(from);
    const b = barAt(to);
    if (!a || !b) continue;
    if (Math.max(a.x + a.width, b.x + b.width) + 16 < left || Math.min(a.x, b.x) - 16 > right) continue;
    arrows.push({
      key: link.id,
      path: linkPath(link.type, a, b),
      critical: Boolean(rows[from]?.scheduled?.critical && rows[to]?.scheduled?.critical),
    });
  }
  const top = first * rowHeight;
  const bandHeight = (last - first + 1) * rowHeight;

  const place = (event: ReactPointerEvent) => {
    const box = layer.current?.getBoundingClientRect();
    return { x: event.clientX - (box?.left ?? 0), y: event.clientY - (box?.top ?? 0) };
  };

  const onPointerDown = (event: ReactPointerEvent<HTMLDivElement>) => {
    if (event.button !== 0) return;
    const target = (event.target as HTMLElement).closest<HTMLElement>('[data-drag]');
    const bar = target?.closest<HTMLElement>('[data-task-id]');
    if (!target || !bar?.dataset.taskId) return;
    event.preventDefault();
    layer.current?.setPointerCapture(event.pointerId);
    drag.current = {
      kind: target.dataset.drag as Drag['kind'],
      taskId: bar.dataset.taskId,
      bar,
      startX: event.clientX,
      originX: Number(bar.dataset.x),
      originY: Number(bar.dataset.y),
      width: Number(bar.dataset.width),
      started: false,
      pointerId: event.pointerId,
    };
  };

  const onPointerMove = (event: ReactPointerEvent<HTMLDivElement>) => {
    const current = drag.current;
    // Read-only, a press never becomes a drag: releasing it selects the bar, as a click does.
    if (!current || handlers.readOnly) return;
    const dx = event.clientX - current.startX;
    if (!current.started && Math.abs(dx) < 3 && current.kind !== 'link') return;
    current.started = true;
    // The ghost is moved by hand, not by React state: a drag re-renders nothing.
    if (current.kind === 'link') {
      const line = ghostLine.current;
      const point = place(event);
      if (!line) return;
      line.parentElement?.removeAttribute('visibility');
      line.setAttribute('x1', String(current.originX + current.width));
      line.setAttribute('y1', String(current.originY + rowHeight / 2));
      line.setAttribute('x2', String(point.x));
      line.setAttribute('y2', String(point.y));
      return;
    }
    const box = ghost.current;
    if (!box) return;
    box.hidden = false;
    box.style.top = `${current.originY + 6}px`;
    box.style.left = `${current.kind === 'move' ? current.originX + dx : current.originX}px`;
    box.style.width = `${Math.max(2, current.kind === 'resize' ? current.width + dx : current.width)}px`;
  };

  const onPointerUp = (event: ReactPointerEvent<HTMLDivElement>) => {
    const current = drag.current;
    drag.current = undefined;
    if (!current) return;
    layer.current?.releasePointerCapture(current.pointerId);
    ghostLine.current?.parentElement?.setAttribute('visibility', 'hidden');
    if (!current.started) {
      handlers.select(
        current.taskId,
        event.shiftKey ? 'range' : event.ctrlKey || event.metaKey ? 'toggle' : 'only',
      );
      return;
    }
    const dx = event.clientX - current.startX;
    const snap = zoomLevel(scale.zoom).snap;
    if (current.kind === 'link') {
      const over = document
        .elementFromPoint(event.clientX, event.clientY)
        ?.closest<HTMLElement>('.gantt__bar[data-task-id]');
      const target = over?.dataset.taskId;
      if (target && target !== current.taskId) handlers.link(current.taskId, target);
      return;
    }
    if (current.kind === 'move') {
      const start = minuteAt(scale, current.originX + dx);
      handlers.move(current.taskId, snapMinute(start, snap));
    } else {
      const finish = minuteAt(scale, current.originX + Math.max(0, current.width + dx));
      handlers.resize(current.taskId, snapMinute(finish, snap));
    }
  };

  const todayX = today === undefined ? undefined : xOf(scale, today);
  const statusX = statusDate === undefined ? undefined : xOf(scale, statusDate);
  return (
    // biome-ignore lint/a11y/noStaticElementInteractions: bars are also reachable from the grid with the keyboard.
    <div
      ref={layer}
      className="gantt__timeline"
      data-read-only={handlers.readOnly ? '' : undefined}
      style={{ width: scale.width, height }}
      onPointerDown={onPointerDown}
      onPointerMove={onPointerMove}
      onPointerUp={onPointerUp}
      onPointerCancel={() => {
        drag.current = undefined;
        if (ghost.current) ghost.current.hidden = true;
      }}
      onDoubleClick={(event) => {
        const id = (event.target as HTMLElement).closest<HTMLElement>('[data-task-id]')?.dataset.taskId;
        if (id) handlers.openDetails(id);
      }}
    >
      {todayX !== undefined && todayX >= 0 && todayX <= scale.width ? (
        <div className="gantt__line gantt__line--today" style={{ left: todayX }} title="Today" />
      ) : null}
      {statusX !== undefined && statusX >= 0 && statusX <= scale.width ? (
        <div className="gantt__line gantt__line--status" style={{ left: statusX }} title="Status date" />
      ) : null}
      <svg
        className="gantt__links"
        style={{ left, top, width: Math.max(0, right - left), height: bandHeight }}
        aria-hidden="true"
      >
        {/* One path per link, its head a shared marker: a scroll adds and removes a link's one element, not three. */}
        <defs>
          <ArrowMarker id="gantt-arrow" />
          <ArrowMarker id="gantt-arrow-critical" />
        </defs>
        <g transform={`translate(${-left},${-top})`}>
          {arrows.map((arrow) => (
            <path
              key={arrow.key}
              d={arrow.path}
              className={arrow.critical ? 'gantt__link gantt__link--critical' : 'gantt__link'}
            />
          ))}
        </g>
      </svg>
      {slotOrder(first, last).map((index, slot) => {
        const row = rows[index];
        const bar = bars[index];
        if (!bar || !row || !barInWindow(bar, left, right)) return null;
        return (
          <BarView
            // biome-ignore lint/suspicious/noArrayIndexKey: a slot keeps its nodes for whichever bar it holds.
            key={slot}
            row={row}
            bar={bar}
            selected={selected.has(row.task.id)}
            baseline={baseline?.get(row.task.id)}
            scale={scale}
          />
        );
      })}
      <div ref={ghost} className="gantt__ghost" hidden />
      <svg
        className="gantt__link-ghost"
        visibility="hidden"
        style={{ width: scale.width, height }}
        aria-hidden="true"
      >
        <line ref={ghostLine} />
      </svg>
    </div>
  );
});

/** A link's arrow head, pointing along the link's last run into the successor; its colour comes from the CSS. */
function ArrowMarker({ id }: { id: string }) {
  return (
    <marker
      id={id}
      className="gantt__arrow"
      viewBox="0 0 5 8"
      refX="5"
      refY="4"
      markerWidth="5"
      markerHeight="8"
      markerUnits="userSpaceOnUse"
      orient="auto"
    >
      <path d="M0,0 L5,4 L0,8 Z" />
    </marker>
  );
}

const BarView = memo(
  function BarView({
    row,
    bar,
    selected,
    baseline,
    scale,
  }: {
    row: GanttRow;
    bar: Bar;
    selected: boolean;
    baseline: { start: string; finish: string } | undefined;
    scale: TimeScale;
  }) {
    const { task, scheduled } = row;
    const critical = Boolean(scheduled?.critical) && bar.kind !== 'summary';
    const manual = task.scheduling === 'manual';
    const classes = [
      'gantt__bar',
      `gantt__bar--${bar.kind}`,
      critical ? 'gantt__bar--critical' : '',
      manual ? 'gantt__bar--manual' : '',
      selected ? 'gantt__bar--selected' : '',
    ]
      .filter(Boolean)
      .join(' ');
    const title = `${task.name}: ${formatGridDate(scheduled?.start)} → ${formatGridDate(scheduled?.finish)}${
      critical ? ' (critical)' : ''
    }`;
    const baseStart = parseWallClock(baseline?.start);
    const baseFinish = parseWallClock(baseline?.finish);
    const labelX = bar.x + bar.width + bar.slackWidth + (bar.kind === 'milestone' ? 12 : 6);
    const draggable = bar.kind !== 'summary';
    return (
      <>
        {baseStart !== undefined && baseFinish !== undefined ? (
          <div
            className="gantt__baseline"
            style={{
              left: xOf(scale, baseStart),
              top: bar.y + rowHeight - 9,
              width: Math.max(2, xOf(scale, baseFinish) - xOf(scale, baseStart)),
            }}
            title={`Baseline: ${formatGridDate(baseline?.start)} → ${formatGridDate(baseline?.finish)}`}
          />
        ) : null}
        {bar.slackWidth > 0 ? (
          <div
            className={critical ? 'gantt__slack gantt__slack--critical' : 'gantt__slack'}
            style={{ left: bar.x + bar.width, top: bar.y + rowHeight / 2, width: bar.slackWidth }}
            title={`Total slack of ${task.name}`}
          />
        ) : null}
        <div
          className={classes}
          data-task-id={task.id}
          data-x={bar.x}
          data-y={bar.y}
          data-width={bar.width}
          data-drag={draggable ? 'move' : undefined}
          title={title}
          style={{
            left: bar.x,
            top: bar.y + (bar.kind === 'summary' ? 10 : 7),
            width: bar.kind === 'milestone' ? undefined : bar.width,
          }}
        >
          {bar.kind === 'task' ? (
            <>
              <div className="gantt__progress" style={{ width: bar.progressWidth }} />
              <div className="gantt__resize" data-drag="resize" title="Drag to change the duration" />
            </>
          ) : null}
          {draggable ? (
            <div className="gantt__handle" data-drag="link" title="Drag onto another task to link them" />
          ) : null}
        </div>
        <span className="gantt__label" style={{ left: labelX, top: bar.y }}>
          {task.name}
        </span>
      </>
    );
  },
  sameRowProps(['bar']),
);
