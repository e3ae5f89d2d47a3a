import { describe, expect, it } from 'vitest';
import { sketchProject } from './build-project';
import { scheduleProject } from './schedule';

const chain = (prefix: string, length: number) =>
  sketchProject(
    Array.from({ length }, (_, k) => ({ id: `${prefix}${k}`, days: 1 + (k % 3) })),
    Array.from({ length: length - 1 }, (_, k) => [`${prefix}${k}`, `${prefix}${k + 1}`] as [string, string]),
  );

describe('a schedule result', () => {
  it('keeps its critical path and dates after later runs, however long it is kept (a cache holds results)', () => {
    const first = scheduleProject(chain('a', 40));
    if (!first.ok) throw new Error('failed');
    const finish = first.finish;
    const starts = first.tasks.map((task) => task.start);
    // Runs of about the same size in between, as a server scheduling other projects would do.
    for (let k = 0; k < 3; k++) scheduleProject(chain(`b${k}-`, 41));
    expect(first.criticalPaths.flat().map(String)).toEqual(Array.from({ length: 40 }, (_, k) => `a${k}`));
    expect(first.finish).toBe(finish);
    expect(first.tasks.map((task) => task.start)).toEqual(starts);
  });

  it('shows its critical paths as a field when spread or serialised, built once on first read', () => {
    const result = scheduleProject(chain('c', 5));
    if (!result.ok) throw new Error('failed');
    expect(Object.keys(result)).toEqual(['ok', 'tasks', 'start', 'finish', 'criticalPaths']);
    const paths = result.criticalPaths;
    expect(result.criticalPaths).toBe(paths);
    expect({ ...result }.criticalPaths).toEqual(paths);
    expect(JSON.parse(JSON.stringify(result)).criticalPaths).toEqual(paths.map((path) => path.map(String)));
  });

  it('reads its critical paths through the getter every result shares (a getter per result costs a hidden class each)', () => {
    const [a, b] = [scheduleProject(chain('d', 3)), scheduleProject(chain('e', 4))];
    const getter = (result: object) => Object.getOwnPropertyDescriptor(result, 'criticalPaths')?.get;
    expect(getter(a)).toBeTypeOf('function');
    expect(getter(a)).toBe(getter(b));
  });
});
