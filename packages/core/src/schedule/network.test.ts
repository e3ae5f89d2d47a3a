import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fmt, forwardLinks, type LinkSketch, sketchProject, type TaskSketch } from './build-project';
import { buildNetwork, type Network } from './network';
import { scheduleProject } from './schedule';

function network(tasks: TaskSketch[], links: LinkSketch[] = []): Network {
  const built = buildNetwork(sketchProject(tasks, links));
  if (!built.ok) throw new Error(`cycle ${built.cycle.join(' ')}`);
  return built.network;
}

const ids = (net: Network) => [...net.order].map((i) => net.ids[i]);

/** Every active task once; children before their summary, predecessors before successors; position the inverse. */
function expectTopological(net: Network): void {
  const seen = new Set<number>();
  for (const i of net.order) {
    expect(seen.has(i)).toBe(false);
    seen.add(i);
  }
  for (let i = 0; i < net.n; i++) {
    expect(seen.has(i)).toBe(net.active[i] === 1);
    expect(net.position[i]).toBe(net.active[i] ? [...net.order].indexOf(i) : -1);
    if (!net.active[i]) continue;
    if (net.parent[i]! >= 0) expect(net.position[i]!).toBeLessThan(net.position[net.parent[i]!]!);
    for (let q = net.predStart[i]!; q < net.predStart[i + 1]!; q++) {
      expect(net.position[net.predTask[q]!]!).toBeLessThan(net.position[i]!);
    }
  }
}

describe('the order of the passes', () => {
  it('follows the outline, each summary right after its last descendant, when the links run down it', () => {
    const net = network(
      [
        { id: 'S' },
        { id: 'a', parentId: 'S', days: 1 },
        { id: 'T', parentId: 'S' },
        { id: 'b', parentId: 'T', days: 1 },
        { id: 'c', days: 1 },
      ],
      [
        ['a', 'b'],
        ['S', 'c'],
      ],
    );
    // Kahn's algorithm would place c, which nothing but S holds back, before the summaries.
    expect(ids(net)).toEqual(['a', 'b', 'T', 'S', 'c']);
    expectTopological(net);
  });

  it('still finds an order when a link runs back up the outline or a child comes before its parent', () => {
    const back = network(
      [
        { id: 'a', days: 1 },
        { id: 'b', days: 1 },
        { id: 'c', days: 1 },
      ],
      [
        ['c', 'a'],
        ['a', 'b'],
      ],
    );
    expect(ids(back)).toEqual(['c', 'a', 'b']);
    expectTopological(back);
    const unsorted = network(
      [{ id: 'x', parentId: 'S', days: 1 }, { id: 'S' }, { id: 'y', days: 1 }],
      [['S', 'y']],
    );
    expect(ids(unsorted)).toEqual(['x', 'S', 'y']);
    expectTopological(unsorted);
  });

  it('rolls up a summary listed after its children only once they are placed', () => {
    // b waits for a, and its summary S comes after it in the list: S must be placed after b, or c, which follows S,
    // would start from a roll-up that does not have b's dates yet.
    const result = scheduleProject(
      sketchProject(
        [{ id: 'b', parentId: 'S', days: 2 }, { id: 'a', days: 3 }, { id: 'S' }, { id: 'c', days: 1 }],
        [
          ['a', 'b'],
          ['S', 'c'],
        ],
      ),
    );
    if (!result.ok) throw new Error('not scheduled');
    const [b, , summary, c] = result.tasks;
    expect([fmt(summary!.start), fmt(summary!.finish)]).toEqual([fmt(b!.start), fmt(b!.finish)]);
    expect([fmt(b!.finish), fmt(c!.start)]).toEqual(['2026-03-06T17:00', '2026-03-09T08:00']);
  });

  it('leaves inactive tasks out and still names a cycle', () => {
    const net = network(
      [
        { id: 'S' },
        { id: 'a', parentId: 'S', days: 1, active: false },
        { id: 'b', parentId: 'S', days: 1 },
        { id: 'c', days: 1 },
      ],
      [['a', 'c']],
    );
    expect(ids(net)).toEqual(['b', 'S', 'c']);
    expectTopological(net);
    const cyclic = buildNetwork(
      sketchProject(
        [
          { id: 'a', days: 1 },
          { id: 'b', days: 1 },
          { id: 'c', days: 1 },
        ],
        [
          ['a', 'b'],
          ['b', 'c'],
          ['c', 'b'],
        ],
      ),
    );
    expect(cyclic.ok ? [] : cyclic.cycle).toEqual([1, 2]);
  });

  it('is a topological order of every random acyclic network, in outline order or not', () => {
    const arb = fc.integer({ min: 1, max: 40 }).chain((n) =>
      fc.record({
        parents: fc.array(fc.option(fc.nat(n - 1), { freq: 2 }), { minLength: n, maxLength: n }),
        inactive: fc.array(fc.boolean(), { minLength: n, maxLength: n }),
        links: fc.array(fc.tuple(fc.nat(n - 1), fc.nat(n - 1)), { maxLength: 2 * n }),
        // Links from a later task to an earlier one, which the outline order cannot serve.
        backward: fc.boolean(),
        // Children before their parents.
        reversed: fc.boolean(),
      }),
    );
    fc.assert(
      fc.property(arb, ({ parents, inactive, links, backward, reversed }) => {
        const n = parents.length;
        // Each parent before its child; numbered down instead of up when `backward`, so that the links, from the
        // lower number to the higher, run from later tasks to earlier ones.
        const tasks: TaskSketch[] = parents.map((p, i) => {
          const parent = p === null || p >= i ? undefined : p;
          const at = (k: number) => (backward ? n - 1 - k : k);
          return {
            id: `t${at(i)}`,
            days: 1,
            ...(parent === undefined ? {} : { parentId: `t${at(parent)}` }),
            ...(inactive[i] && i % 5 === 0 ? { active: false } : {}),
          };
        });
        // Links between leaves only, from the lower number to the higher: never a cycle.
        const leaves = new Set(tasks.map((t) => t.id));
        for (const t of tasks) if (t.parentId !== undefined) leaves.delete(t.parentId);
        const between = links
          .filter(([a, b]) => leaves.has(`t${a}`) && leaves.has(`t${b}`))
          .map(([from, to]) => ({ from, to, type: 'FS' as const, lag: 0 }));
        expectTopological(network(reversed ? tasks.reverse() : tasks, forwardLinks(between)));
      }),
      { numRuns: 300, seed: 20261124 },
    );
  });
});
