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
});
