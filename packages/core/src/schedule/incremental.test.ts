import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Instant } from '../calendar/model';
import { standardCalendar } from '../calendar/presets';
import {
  at,
  earlyShift,
  forwardLinks,
  sketchConstraint,
  sketchLink,
  sketchProgress,
  sketchProject,
  type TaskSketch,
} from './build-project';
import { createScheduler, type Scheduler, type TaskPatch } from './incremental';
import { type ConstraintType, type LinkType, resourceId, type ScheduleProject, taskId } from './model';
import { scheduleProject } from './schedule';

const types: LinkType[] = ['FS', 'SS', 'FF', 'SF'];
const constraintTypes: ConstraintType[] = [
  'asap',
  'asap',
  'asap',
  'alap',
  'snet',
  'snlt',
  'fnet',
  'fnlt',
  'mso',
  'mfo',
];
const base = at('2026-03-02T08:00');

const lagArb = fc.oneof(
  fc.constant(0),
  fc.integer({ min: -960, max: 1440 }),
  fc.record({ percent: fc.integer({ min: -50, max: 150 }) }),
  fc.record({ elapsed: fc.integer({ min: 0, max: 4000 }) }),
);
const constraintArb = fc.record({
  type: fc.constantFrom(...constraintTypes),
  offset: fc.integer({ min: 0, max: 30 * 1440 }),
});
const toConstraint = (c: { type: ConstraintType; offset: number }) =>
  sketchConstraint(c.type, (base + c.offset) as Instant);

const editArb = fc.oneof(
  fc.record({
    kind: fc.constant('duration' as const),
    task: fc.nat(),
    minutes: fc.integer({ min: 0, max: 4000 }),
  }),
  fc.record({ kind: fc.constant('constraint' as const), task: fc.nat(), constraint: constraintArb }),
  fc.record({ kind: fc.constant('active' as const), task: fc.nat(), active: fc.boolean() }),
  fc.record({ kind: fc.constant('manual' as const), task: fc.nat(), manual: fc.boolean() }),
  fc.record({ kind: fc.constant('deadline' as const), task: fc.nat(), offset: fc.option(fc.nat(20 * 1440)) }),
  fc.record({
    kind: fc.constant('addLink' as const),
    from: fc.nat(),
    to: fc.nat(),
    type: fc.constantFrom(...types),
    lag: lagArb,
  }),
  fc.record({ kind: fc.constant('removeLink' as const), link: fc.nat() }),
  fc.record({
    kind: fc.constant('staff' as const),
    task: fc.nat(),
    staff: fc.constantFrom('none', 'day', 'early', 'both'),
    units: fc.constantFrom(0.5, 1, 2),
  }),
);

/** One random edit, as `editArb` makes it. */
type Edit = typeof editArb extends fc.Arbitrary<infer E> ? E : never;

const networkArb = fc.integer({ min: 2, max: 24 }).chain((n) =>
  fc.record({
    tasks: fc.array(
      fc.record({
        minutes: fc.integer({ min: 0, max: 3000 }),
        parent: fc.option(fc.nat(), { freq: 3 }),
        calendar: fc.boolean(),
        // Elapsed tasks may finish at night, where the project finish can move without any coordinate moving.
        elapsed: fc.integer({ min: 0, max: 5 }),
        paused: fc.integer({ min: 0, max: 4 }),
        constraint: constraintArb,
        manual: fc.integer({ min: 0, max: 15 }),
        progress: fc.constantFrom(0, 0, 0, 50, 100),
        staff: fc.constantFrom('none', 'none', 'day', 'early', 'both'),
        // Contoured work spans fractions of a minute.
        contour: fc.constantFrom('flat', 'flat', 'turtle', 'frontLoaded'),
        overtime: fc.constantFrom(0, 0, 120),
        delay: fc.constantFrom(0, 0, 90),
      }),
      { minLength: n, maxLength: n },
    ),
    links: fc.array(
      fc.record({ from: fc.nat(n - 1), to: fc.nat(n - 1), type: fc.constantFrom(...types), lag: lagArb }),
      { maxLength: n * 2 },
    ),
    multiple: fc.boolean(),
    honor: fc.boolean(),
    edits: fc.array(editArb, { minLength: 1, maxLength: 12 }),
  }),
);

type Net = typeof networkArb extends fc.Arbitrary<infer T> ? T : never;

const staffOf = (kind: string) => (kind === 'both' ? ['day', 'early'] : kind === 'none' ? [] : [kind]);

function toProject(net: Net): ScheduleProject {
  const tasks: TaskSketch[] = net.tasks.map((t, i) => {
    const parent = t.parent === null || i === 0 ? undefined : t.parent % i;
    return {
      id: `t${i}`,
      durationMinutes: t.minutes,
      isMilestone: t.minutes === 0,
      constraint: toConstraint(t.constraint),
      ...(parent === undefined ? {} : { parentId: `t${parent}` }),
      ...(t.calendar ? { calendarId: earlyShift.id } : {}),
      ...(t.elapsed === 0 ? { elapsed: true } : {}),
      ...(t.paused === 0
        ? { pauses: [{ start: (base + 1440) as never, finish: (base + 2880) as never }] }
        : {}),
      ...(t.manual === 0
        ? { manual: true, manualStart: (base + 1440) as never, manualFinish: (base + 2880) as never }
        : {}),
      ...sketchProgress(t.progress, base),
    };
  });
  const assignments = net.tasks.flatMap((t, i) =>
    staffOf(t.staff).map((r) => ({
      taskId: taskId(`t${i}`),
      resourceId: resourceId(r),
      units: r === 'day' ? 1 : 0.5,
      workMinutes: 240 + t.minutes,
      ...(t.contour === 'flat' ? {} : { contour: t.contour }),
      ...(t.overtime === 0 ? {} : { overtimeWork: t.overtime }),
      ...(t.delay === 0 ? {} : { delayMinutes: t.delay }),
    })),
  );
  // Forward links only (by index) keep most networks acyclic; edits may still close a cycle.
  return sketchProject(tasks, forwardLinks(net.links), {
    resources: [
      { id: resourceId('day'), name: 'Day', maxUnits: 1, standardRate: 5000 as never },
      {
        id: resourceId('early'),
        name: 'Early',
        maxUnits: 1,
        standardRate: 7000 as never,
        calendarId: earlyShift.id,
      },
    ],
    assignments,
    calendars: [standardCalendar, earlyShift],
    multipleCriticalPaths: net.multiple,
    honorConstraintDates: net.honor,
    statusDate: at('2026-03-04T12:00'),
    splitInProgress: true,
  });
}

/** Applies one random edit to the scheduler (task numbers taken modulo the `n` tasks). */
function applyEdit(scheduler: Scheduler, edit: Edit, n: number): void {
  const id = (k: number) => taskId(`t${k % n}`);
  switch (edit.kind) {
    case 'duration':
      scheduler.updateTask(id(edit.task), { durationMinutes: edit.minutes } satisfies TaskPatch);
      break;
    case 'constraint':
      scheduler.updateTask(id(edit.task), { constraint: toConstraint(edit.constraint) });
      break;
    case 'manual':
      scheduler.updateTask(id(edit.task), {
        manual: edit.manual,
        manualStart: (base + 1440) as never,
        manualFinish: (base + 1440) as never,
      });
      break;
    case 'active':
      scheduler.updateTask(id(edit.task), { active: edit.active });
      break;
    case 'deadline':
      scheduler.updateTask(id(edit.task), {
        deadline: edit.offset === null ? undefined : ((base + edit.offset) as never),
      });
      break;
    case 'addLink':
      if (edit.from % n !== edit.to % n) {
        scheduler.addLink(sketchLink([`t${edit.from % n}`, `t${edit.to % n}`, edit.type, edit.lag]));
      }
      break;
    case 'staff':
      scheduler.staffTask(
        id(edit.task),
        staffOf(edit.staff).map((r) => ({ resourceId: resourceId(r), units: edit.units })),
      );
      break;
    case 'removeLink': {
      const links = scheduler.project.links;
      const link = links[edit.link % Math.max(1, links.length)];
      if (link) scheduler.removeLink(link.predecessorId, link.successorId);
      break;
    }
  }
}

describe('incremental rescheduling', () => {
  it('equals a full reschedule after every random edit of a random network', () => {
    fc.assert(
      fc.property(networkArb, (net) => {
        const project = toProject(net);
        const scheduler = createScheduler(project);
        expect(scheduler.schedule()).toEqual(scheduleProject(project));
        for (const edit of net.edits) {
          applyEdit(scheduler, edit, project.tasks.length);
          expect(scheduler.schedule()).toEqual(scheduleProject(scheduler.project));
        }
      }),
      { seed: 20260302, numRuns: 300 },
    );
  }, 60_000);

  it('equals a full reschedule after runs of random edits that nobody read in between', () => {
    fc.assert(
      fc.property(networkArb, fc.integer({ min: 2, max: 6 }), (net, every) => {
        const project = toProject(net);
        const scheduler = createScheduler(project);
        expect(scheduler.schedule()).toEqual(scheduleProject(project));
        for (const [k, edit] of net.edits.entries()) {
          applyEdit(scheduler, edit, project.tasks.length);
          if ((k + 1) % every === 0 || k === net.edits.length - 1) {
            expect(scheduler.schedule()).toEqual(scheduleProject(scheduler.project));
          }
        }
      }),
      { seed: 20261124, numRuns: 300 },
    );
  }, 60_000);

  it('re-reads the children of a summary that leaves its resource calendar when made manual (pinned counterexample)', () => {
    const plain = {
      minutes: 0,
      parent: null,
      calendar: false,
      elapsed: 5,
      paused: 4,
      constraint: { type: 'asap' as ConstraintType, offset: 0 },
      progress: 0 as const,
      contour: 'flat' as const,
      overtime: 0 as const,
      delay: 0 as const,
    };
    const manual = { ...plain, manual: 0, staff: 'none' as const };
    const auto = { ...plain, manual: 1, staff: 'early' as const };
    const project = toProject({
      tasks: [
        manual,
        manual,
        auto,
        { ...auto, parent: 8, staff: 'both', constraint: { type: 'snet', offset: 360 } },
        manual,
        manual,
        manual,
        manual,
        auto,
        manual,
      ],
      links: [{ from: 2, to: 8, type: 'FS', lag: 0 }],
      multiple: false,
      honor: false,
      edits: [],
    });
    const scheduler = createScheduler(project);
    scheduler.schedule();
    // t2 is t3's summary; as a manual task it no longer runs on its resource's early shift.
    scheduler.updateTask(taskId('t2'), {
      manual: true,
      manualStart: (base + 1440) as never,
      manualFinish: (base + 1440) as never,
    });
    expect(scheduler.schedule()).toEqual(scheduleProject(scheduler.project));
  });

  it('falls back to first-pass dates when the last ALAP task becomes ASAP (pinned counterexample)', () => {
    const scheduler = createScheduler(
      sketchProject(
        [
          {
            id: 't0',
            durationMinutes: 0,
            constraint: { type: 'alap' },
            manual: true,
            manualStart: (base + 1440) as never,
            manualFinish: (base + 2880) as never,
          },
          { id: 't1', durationMinutes: 0 },
        ],
        [['t0', 't1', 'SS', { elapsed: 1980 }]],
        { honorConstraintDates: false },
      ),
    );
    scheduler.schedule();
    scheduler.updateTask(taskId('t0'), { constraint: { type: 'asap' } });
    expect(scheduler.schedule()).toEqual(scheduleProject(scheduler.project));
  });

  it('places a milestone made manual on its own date, not its old predecessor finish', () => {
    const scheduler = createScheduler(sketchProject([{ id: 'A', days: 1 }, { id: 'M' }], [['A', 'M']]));
    scheduler.schedule();
    scheduler.updateTask(taskId('M'), {
      manual: true,
      manualStart: at('2026-03-04T08:00'),
      manualFinish: at('2026-03-04T08:00'),
    });
    const result = scheduler.schedule();
    expect(result).toEqual(scheduleProject(scheduler.project));
    if (!result.ok) throw new Error('failed');
    expect(result.tasks[1]!.start).toBe(at('2026-03-04T08:00'));
  });

  it('moves only the successors of a task whose duration grows', () => {
    const scheduler = createScheduler(
      sketchProject(
        [
          { id: 'A', days: 1 },
          { id: 'B', days: 1 },
          { id: 'C', days: 1 },
        ],
        [['A', 'B']],
      ),
    );
    const before = scheduler.schedule();
    scheduler.updateTask(taskId('A'), { durationMinutes: 960 });
    const after = scheduler.schedule();
    if (!before.ok || !after.ok) throw new Error('failed');
    expect(after.tasks[1]!.start - before.tasks[1]!.start).toBe(1440);
    expect(after.tasks[2]!.start).toBe(before.tasks[2]!.start);
  });

  it('reports a cycle closed by an added link and recovers when it is removed', () => {
    const scheduler = createScheduler(
      sketchProject(
        [
          { id: 'A', days: 1 },
          { id: 'B', days: 1 },
        ],
        [['A', 'B']],
      ),
    );
    scheduler.addLink(sketchLink(['B', 'A']));
    expect(scheduler.schedule()).toMatchObject({ ok: false, code: 'DEPENDENCY_CYCLE' });
    scheduler.removeLink(taskId('B'), taskId('A'));
    expect(scheduler.schedule().ok).toBe(true);
  });
});
