import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compileCalendar } from '../calendar/compile';
import type { Instant } from '../calendar/model';
import { standardCalendar } from '../calendar/presets';
import {
  at,
  earlyShift,
  fmt,
  forwardLinks,
  sketchConstraint,
  sketchProgress,
  sketchProject,
  type TaskSketch,
} from './build-project';
import { Engine } from './engine';
import type { ConstraintType, LinkType, ScheduleProject } from './model';
import type { Passes } from './passes';
import { scheduleProject } from './schedule';

/**
 * `forwardAll` and `backwardAll` take most tasks through an inline copy of `forward` and `backward` reduced to the
 * common case. These tests hold the copies to the originals: on random networks of mostly plain tasks, the passes over
 * the whole network must give exactly the dates that calling `forward` and `backward` task by task gives.
 */

const base = at('2026-03-02T08:00');
const types: LinkType[] = ['FS', 'FS', 'FS', 'SS', 'FF', 'SF'];
const constraints: ConstraintType[] = ['asap', 'asap', 'asap', 'asap', 'alap', 'snet', 'fnlt', 'mso'];

const networkArb = fc.integer({ min: 2, max: 30 }).chain((n) =>
  fc.record({
    tasks: fc.array(
      fc.record({
        minutes: fc.constantFrom(0, 60, 480, 480, 960, 2400),
        parent: fc.option(fc.nat(), { freq: 3 }),
        early: fc.integer({ min: 0, max: 7 }),
        constraint: fc.constantFrom(...constraints),
        offset: fc.integer({ min: 0, max: 20 * 1440 }),
        progress: fc.constantFrom(0, 0, 0, 0, 0, 0, 50, 100),
      }),
      { minLength: n, maxLength: n },
    ),
    links: fc.array(
      fc.record({
        from: fc.nat(n - 1),
        to: fc.nat(n - 1),
        type: fc.constantFrom(...types),
        lag: fc.oneof(fc.constant(0), fc.integer({ min: -2400, max: 2400 }), fc.constant({ percent: 50 })),
      }),
      { maxLength: n * 2 },
    ),
    multiple: fc.boolean(),
    honor: fc.boolean(),
  }),
);

type Net = typeof networkArb extends fc.Arbitrary<infer T> ? T : never;

function toProject(net: Net): ScheduleProject {
  const tasks: TaskSketch[] = net.tasks.map((t, i) => {
    const parent = t.parent === null || i === 0 ? undefined : t.parent % i;
    return {
      id: `t${i}`,
      durationMinutes: t.minutes,
      constraint: sketchConstraint(t.constraint, (base + t.offset) as Instant),
      ...(parent === undefined ? {} : { parentId: `t${parent}` }),
      ...(t.early === 0 ? { calendarId: earlyShift.id } : {}),
      ...sketchProgress(t.progress, base),
    };
  });
  return sketchProject(tasks, forwardLinks(net.links), {
    calendars: [standardCalendar, earlyShift],
    multipleCriticalPaths: net.multiple,
    honorConstraintDates: net.honor,
  });
}

const columns = (ps: Passes) => ({
  es1: [...ps.es1],
  ef1: [...ps.ef1],
  ls: [...ps.ls],
  lf: [...ps.lf],
  es: [...ps.es],
  ef: [...ps.ef],
  finishLike: [...ps.finishLike],
});

/** The passes of `Engine.runPasses` (scheduling from the start), every task through `forward` and `backward`. */
function taskByTask(engine: Engine): void {
  const ps = engine.passes;
  const order = engine.net.order;
  ps.setStart(engine.project.startDate);
  for (const i of order) ps.forward(i, ps.es1, ps.ef1, false);
  ps.setFinish(engine.latestEarlyFinish());
  for (let k = order.length - 1; k >= 0; k--) ps.backward(order[k]!);
  if (engine.inputs.hasAlap) for (const i of order) ps.forward(i, ps.es, ps.ef, true);
  else {
    ps.es.set(ps.es1);
    ps.ef.set(ps.ef1);
  }
}

/** An engine for the project, or undefined when its links close a cycle (a link into a task's own summary). */
function engineFor(project: ScheduleProject): Engine | undefined {
  const engine = Engine.create(project, compileCalendar);
  if (engine instanceof Engine) return engine;
  if (engine.code !== 'DEPENDENCY_CYCLE') throw new Error(`not scheduled: ${JSON.stringify(engine)}`);
  return undefined;
}

describe('the inline paths of the whole-network passes', () => {
  it('give the dates that forward and backward give task by task, on random networks', () => {
    fc.assert(
      fc.property(networkArb, (net) => {
        const project = toProject(net);
        const inline = engineFor(project);
        const reference = engineFor(project);
        fc.pre(inline !== undefined && reference !== undefined);
        inline.runPasses();
        taskByTask(reference);
        expect(columns(inline.passes)).toEqual(columns(reference.passes));
      }),
      { numRuns: 400, seed: 20261124 },
    );
  });

  it('treat a duration or lag that is not finite as the per-task pass does', () => {
    const projects = [
      sketchProject(
        [
          { id: 'A', durationMinutes: Number.NaN },
          { id: 'B', days: 1 },
        ],
        [['A', 'B', 'SS']],
      ),
      sketchProject(
        [
          { id: 'A', days: 1 },
          { id: 'B', days: 2 },
        ],
        [['A', 'B', 'FS', Number.NEGATIVE_INFINITY]],
        { multipleCriticalPaths: true },
      ),
    ];
    for (const project of projects) {
      const inline = engineFor(project)!;
      const reference = engineFor(project)!;
      inline.runPasses();
      taskByTask(reference);
      expect(columns(inline.passes)).toEqual(columns(reference.passes));
    }
  });

  it('cap the late finish a negative lag gives a predecessor at the project finish', () => {
    // B starts two days before A finishes, so it ends first; A's late finish through the link would be two days past
    // the project finish, which MS Project caps: A stays critical.
    const result = scheduleProject(
      sketchProject(
        [
          { id: 'A', durationMinutes: 960 },
          { id: 'B', durationMinutes: 480 },
        ],
        [['A', 'B', 'FS', -960]],
      ),
    );
    if (!result.ok) throw new Error('not scheduled');
    const [a, b] = result.tasks;
    expect(fmt(result.finish)).toBe('2026-03-03T17:00');
    expect([fmt(a!.lateFinish), a!.totalSlack, a!.critical]).toEqual(['2026-03-03T17:00', 0, true]);
    expect([fmt(b!.start), fmt(b!.lateFinish), b!.totalSlack]).toEqual([
      '2026-03-02T08:00',
      '2026-03-03T17:00',
      480,
    ]);
  });

  it('leave a task that nothing bounds at its early finish when multiple critical paths are asked', () => {
    // Without the option, an unlinked task's late finish is the project finish; with it, MS Project leaves a task that
    // nothing drives at its early finish, which makes it the end of a critical chain of its own.
    const tasks: TaskSketch[] = [
      { id: 'A', durationMinutes: 480 },
      { id: 'C', durationMinutes: 1440 },
    ];
    const single = scheduleProject(sketchProject(tasks, []));
    const multiple = scheduleProject(sketchProject(tasks, [], { multipleCriticalPaths: true }));
    if (!single.ok || !multiple.ok) throw new Error('not scheduled');
    expect([fmt(single.tasks[0]!.lateFinish), single.tasks[0]!.critical]).toEqual([
      '2026-03-04T17:00',
      false,
    ]);
    expect([fmt(multiple.tasks[0]!.lateFinish), multiple.tasks[0]!.critical]).toEqual([
      '2026-03-02T17:00',
      true,
    ]);
  });
});
