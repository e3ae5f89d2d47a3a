import { describe, expect, it } from 'vitest';
import { compileCalendar } from '../calendar/compile';
import { standardCalendar } from '../calendar/presets';
import { baselineVariances, takeBaseline } from './baseline';
import { sketchProject } from './build-project';
import { createScheduler } from './incremental';
import { taskId } from './model';

describe('baselines', () => {
  it('reports start, finish, duration, work and cost variances against a named snapshot', () => {
    const scheduler = createScheduler(
      sketchProject(
        [
          { id: 'A', days: 2, work: 960, fixedCost: 10_000 as never },
          { id: 'B', days: 1, work: 480 },
          { id: 'C', days: 1 },
        ],
        [['A', 'B']],
      ),
    );
    const first = scheduler.schedule();
    if (!first.ok) throw new Error('failed');
    const baseline = takeBaseline(first, 'Baseline');
    expect(baseline.name).toBe('Baseline');

    scheduler.updateTask(taskId('A'), { durationMinutes: 1440, work: 1440, fixedCost: 12_500 as never });
    const now = scheduler.schedule();
    if (!now.ok) throw new Error('failed');
    const time = compileCalendar([standardCalendar], standardCalendar.id);
    const byId = Object.fromEntries(baselineVariances(now, baseline, time).map((v) => [v.id, v]));
    expect(byId.A).toEqual({
      id: 'A',
      startVariance: 0,
      finishVariance: 480,
      durationVariance: 480,
      workVariance: 480,
      costVariance: 2500,
    });
    expect(byId.B).toMatchObject({ startVariance: 480, finishVariance: 480, durationVariance: 0 });
    expect(byId.C).toMatchObject({ startVariance: 0, finishVariance: 0 });
  });
});
