import { describe, expect, it } from 'vitest';
import { compileCalendar } from '../calendar/compile';
import { instantFromCivil } from '../calendar/day-number';
import type { Instant } from '../calendar/model';
import { standardCalendar } from '../calendar/presets';
import { type ProgressedTask, sCurve, weeklyPoints } from './s-curve';

// The standard calendar: Monday to Friday, 08:00–12:00 and 13:00–17:00. 2026-11-02 is a Monday.
const time = compileCalendar([standardCalendar], standardCalendar.id);
const at = (day: number, hour: number) => instantFromCivil(2026, 11, day, hour);

// Two weeks of work: one task per week, 1,000 and 2,000 budgeted. By the status date (Wednesday 11th, 17:00) the
// first is done (it ran late: Tuesday 3rd to Monday 9th) and the second is 30 % done since Tuesday 10th.
const tasks: ProgressedTask[] = [
  {
    baselineStart: at(2, 8),
    baselineFinish: at(6, 17),
    budget: 1000,
    accrual: 'prorated',
    percentComplete: 100,
    actualCost: 1200,
    progressStart: at(3, 8),
    progressFinish: at(9, 17),
  },
  {
    baselineStart: at(9, 8),
    baselineFinish: at(13, 17),
    budget: 2000,
    accrual: 'prorated',
    percentComplete: 30,
    actualCost: 500,
    progressStart: at(10, 8),
    progressFinish: at(11, 17),
  },
];

describe('S-curve', () => {
  it('places points a week apart from the start, with the status date and the finish among them', () => {
    expect(weeklyPoints(at(2, 8), at(13, 17), at(11, 17))).toEqual([
      at(2, 8),
      at(9, 8),
      at(11, 17),
      at(13, 17),
    ]);
  });

  it('samples every few weeks when the plan is longer than the limit', () => {
    const points = weeklyPoints(at(2, 8), (at(2, 8) + 20 * 7 * 1440) as Instant, null, 10);
    expect(points).toHaveLength(11);
    expect((points[1] as number) - (points[0] as number)).toBe(2 * 7 * 1440);
  });

  it('draws PV from the baseline, EV from when progress was made and AC from the dated costs', () => {
    const costs = [
      { at: at(4, 0), amount: 400 },
      { at: at(9, 0), amount: 800 },
      { at: at(11, 0), amount: 500 },
      { at: at(12, 0), amount: 999 },
    ];
    const curve = sCurve(tasks, costs, [at(6, 17), at(11, 17), at(13, 17)], at(11, 17), time);
    // Friday 6th, 17:00: task 1 wholly planned (1,000); its progress ran Tue 3rd–Mon 9th, 40 working hours of which
    // 32 are done by then → 1,000 × 32/40 = 800 earned; costs of the 4th: 400.
    expect(curve[0]).toEqual({ at: at(6, 17), pv: 1000, ev: 800, ac: 400 });
    // Wednesday 11th, 17:00 (status date): task 2 planned 3 days of 5 → 1,000 + 1,200 = 2,200; EV 1,000 + 600;
    // costs up to the 11th: 1,700 (the 12th is after the status date).
    expect(curve[1]?.pv).toBeCloseTo(2200, 10);
    expect(curve[1]?.ev).toBeCloseTo(1600, 10);
    expect(curve[1]?.ac).toBe(1700);
    // After the status date only the plan is drawn.
    expect(curve[2]).toEqual({ at: at(13, 17), pv: 3000, ev: null, ac: null });
  });
});
