import { describe, expect, it } from 'vitest';
import { compileCalendar } from '../calendar/compile';
import { instantFromCivil } from '../calendar/day-number';
import { standardCalendar } from '../calendar/presets';
import { type EarnedValueTask, earnedValueAt, plannedValueAt, plannedValueCurve } from './planned-value';

// The standard calendar: Monday to Friday, 08:00–12:00 and 13:00–17:00. 2026-11-02 is a Monday.
const time = compileCalendar([standardCalendar], standardCalendar.id);
const at = (day: number, hour: number) => instantFromCivil(2026, 11, day, hour);

const week: EarnedValueTask = {
  baselineStart: at(2, 8),
  baselineFinish: at(6, 17),
  budget: 1000,
  accrual: 'prorated',
  percentComplete: 0,
  actualCost: 0,
};

describe('planned value', () => {
  it.each([
    ['before the task starts', at(2, 7), 0],
    ['at its start', at(2, 8), 0],
    ['after two and a half days of its five', at(4, 12), 500],
    ['over the lunch break, which is no work', at(4, 13), 500],
    ['at its finish', at(6, 17), 1000],
    ['long after', at(20, 9), 1000],
  ])('spreads a prorated budget over working time: %s', (_, when, expected) => {
    expect(plannedValueAt(week, when, time)).toBeCloseTo(expected, 10);
  });

  it('counts no value over a weekend', () => {
    const thursdayToWednesday = { ...week, baselineStart: at(5, 8), baselineFinish: at(11, 17) };
    expect(plannedValueAt(thursdayToWednesday, at(7, 12), time)).toBeCloseTo(400, 10);
    expect(plannedValueAt(thursdayToWednesday, at(9, 8), time)).toBeCloseTo(400, 10);
  });

  it('accrues at the start or at the end as the task says', () => {
    expect(plannedValueAt({ ...week, accrual: 'start' }, at(2, 8), time)).toBe(1000);
    expect(plannedValueAt({ ...week, accrual: 'end' }, at(6, 16), time)).toBe(0);
    expect(plannedValueAt({ ...week, accrual: 'end' }, at(6, 17), time)).toBe(1000);
  });

  it('counts a milestone whole at its date', () => {
    const milestone = { ...week, baselineStart: at(6, 17), baselineFinish: at(6, 17) };
    expect(plannedValueAt(milestone, at(6, 16), time)).toBe(0);
    expect(plannedValueAt(milestone, at(6, 17), time)).toBe(1000);
  });

  it('sums BAC, PV, EV and AC of a project at its status date', () => {
    const tasks: EarnedValueTask[] = [
      { ...week, percentComplete: 60, actualCost: 700 },
      {
        ...week,
        baselineStart: at(9, 8),
        baselineFinish: at(13, 17),
        budget: 2000,
        percentComplete: 10,
        actualCost: 150,
      },
    ];
    // Status date Tuesday 9th at 17:00: the first task is wholly planned, the second two days of five.
    expect(earnedValueAt(tasks, at(10, 17), time)).toEqual({ bac: 3000, pv: 1800, ev: 800, ac: 850 });
    expect(plannedValueCurve(tasks, [at(2, 8), at(6, 17), at(13, 17)], time)).toEqual([0, 1000, 3000]);
  });
});
