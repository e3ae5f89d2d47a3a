import { describe, expect, it } from 'vitest';
import { compileCalendar } from '../calendar/compile';
import { instantFromCivil, parseDay } from '../calendar/day-number';
import { standardCalendar } from '../calendar/presets';
import type { WorkContour } from '../schedule/model';
import { type WorkloadResource, workloadGrid } from './allocation';
import { type AssignmentShape, assignmentWindow, spreadAssignment } from './contour-spread';
import { workloadPeriods } from './periods';

// 2026-11-02 is a Monday; the standard calendar works 08:00–12:00 and 13:00–17:00, Monday to Friday, so ten working
// days run from Monday 2 to Friday 13 November with the weekend of 7–8 November between.
const standard = compileCalendar([standardCalendar], standardCalendar.id);
const at = (day: number, hour = 0) => instantFromCivil(2026, 11, day, hour);
const twoWeeks = workloadPeriods(parseDay('2026-11-02'), parseDay('2026-11-13'), 'day');
const tenDays = { start: at(2, 8), finish: at(13, 17) };
const hours = (minutes: readonly number[]) => minutes.map((m) => Math.round((m / 60) * 1000) / 1000);
/** Ten working days' values with the weekend's two empty days put after the fifth. */
const withWeekend = <T>(values: readonly T[], rest: T) => [
  ...values.slice(0, 5),
  rest,
  rest,
  ...values.slice(5),
];

describe('spreading a contoured assignment', () => {
  // Each contour's work is chosen so that at 100 % its stretched span is exactly ten days (work = 80 h × the
  // contour's average rate), so each day is one tenth and holds the contour's percentage of an 8-hour day.
  it.each<[WorkContour, number, number[]]>([
    ['flat', 80, [8, 8, 8, 8, 8, 8, 8, 8, 8, 8]],
    ['backLoaded', 48, [0.8, 1.2, 2, 4, 4, 6, 6, 8, 8, 8]],
    ['frontLoaded', 48, [8, 8, 8, 6, 6, 4, 4, 2, 1.2, 0.8]],
    ['doublePeak', 40, [2, 4, 8, 4, 2, 2, 4, 8, 4, 2]],
    ['earlyPeak', 40, [2, 4, 8, 8, 6, 4, 4, 2, 1.2, 0.8]],
    ['latePeak', 40, [0.8, 1.2, 2, 4, 4, 6, 8, 8, 4, 2]],
    ['bell', 40, [0.8, 1.6, 3.2, 6.4, 8, 8, 6.4, 3.2, 1.6, 0.8]],
    ['turtle', 56, [2, 4, 6, 8, 8, 8, 8, 6, 4, 2]],
  ])(
    'places a %s assignment of %d h at 100 %% over ten days, peaking at the full day',
    (contour, workHours, daily) => {
      const task = { start: at(2, 8), finish: at(2, 8) };
      const spread = spreadAssignment(standard, task, workHours * 60, { units: 1, contour }, twoWeeks);
      expect(hours(spread.work)).toEqual(withWeekend(daily, 0));
    },
  );

  it('raises a turtle of 80 h that must fill a ten-day task to peaks of 11.4 h a day', () => {
    // 80 h × 25/700 = 2.857 h on the first day, 80 h × 100/700 = 11.429 h on each of the four middle days.
    const shape = { units: 1, contour: 'turtle', fillsTask: true } as const;
    const spread = spreadAssignment(standard, tenDays, 4800, shape, twoWeeks);
    expect(hours(spread.work)).toEqual(
      withWeekend([2.857, 5.714, 8.571, 11.429, 11.429, 11.429, 11.429, 8.571, 5.714, 2.857], 0),
    );
  });

  it('stretches a turtle of 40 h at 100 % to 57.1 working hours, the span the scheduler gives it', () => {
    const window = assignmentWindow(standard, tenDays, 2400, { units: 1, contour: 'turtle' });
    expect(standard.workBetween(window.start, window.finish)).toBeCloseTo(2400 / 0.7, 6);
    // 3,428.6 working minutes from Monday 08:00 are seven days and 68.6 minutes: Wednesday 11 November, 09:08.6.
    expect(window.finish).toBeCloseTo(at(11, 8) + 2400 / 0.7 - 7 * 480, 6);
  });

  it.each<[string, number, AssignmentShape, number[]]>([
    [
      'a delay of one day moves 16 h to Tuesday and Wednesday',
      960,
      { units: 1, delayMinutes: 480 },
      [0, 8, 8, 0],
    ],
    ['a delay of half a day starts the work at 13:00', 960, { units: 1, delayMinutes: 240 }, [4, 8, 4, 0]],
    ['16 h at 50 % lasts four days at 4 h', 960, { units: 0.5 }, [4, 4, 4, 4]],
    [
      '24 h with 8 h overtime lasts the two days its 16 h regular work takes',
      1440,
      { units: 1, overtimeMinutes: 480 },
      [12, 12, 0, 0],
    ],
    ['4 h all overtime falls on the start day', 240, { units: 1, overtimeMinutes: 240 }, [4, 0, 0, 0]],
    [
      'a back-loaded 24 h delayed a day spans five days from Tuesday',
      1440,
      { units: 1, contour: 'backLoaded', delayMinutes: 480 },
      // 24 h ÷ 0.6 = 40 working hours, five days from Tuesday; days 1–4 take tenths 1–2, 3–4, 5–6 and 7–8.
      [0, 24 * (25 / 600), 24 * (75 / 600), 24 * (125 / 600)],
    ],
  ])('places work when %s', (_, work, shape, daily) => {
    const spread = spreadAssignment(standard, tenDays, work, shape, twoWeeks.slice(0, 4));
    expect(hours(spread.work)).toEqual(hours(daily.map((h) => h * 60)));
  });

  it('counts overtime in proportion with the regular work of each day', () => {
    const task = { start: at(2, 8), finish: at(2, 8) };
    const spread = spreadAssignment(
      standard,
      task,
      1440,
      { units: 1, overtimeMinutes: 480 },
      twoWeeks.slice(0, 3),
    );
    expect(hours(spread.overtime)).toEqual([4, 4, 0]);
  });

  it('places nothing for a milestone, whose task has no working time', () => {
    const task = { start: at(4, 8), finish: at(4, 8) };
    const spread = spreadAssignment(standard, task, 480, { units: 1, fillsTask: true }, twoWeeks);
    expect(spread.work.every((minutes) => minutes === 0)).toBe(true);
  });

  it('keeps the whole work of every contour when the periods cover its span', () => {
    const contours: WorkContour[] = ['backLoaded', 'doublePeak', 'bell', 'turtle'];
    for (const contour of contours) {
      const task = { start: at(3, 10), finish: at(3, 10) };
      const spread = spreadAssignment(
        standard,
        task,
        1000,
        { units: 0.7, contour, delayMinutes: 95 },
        twoWeeks,
      );
      expect(spread.work.reduce((sum, minutes) => sum + minutes, 0)).toBeCloseTo(1000, 9);
    }
  });
});

describe('workload of contoured assignments', () => {
  const ana: WorkloadResource = { id: 'ana', maxUnits: 1, time: standard };
  const assignment = (workMinutes: number, shape: AssignmentShape) => ({
    resourceId: 'ana',
    ...tenDays,
    workMinutes,
    time: standard,
    shape,
  });

  it('over-allocates only the last days when a back-loaded assignment meets a half-time one', () => {
    // Spread evenly the two would ask 4.8 h + 4 h every day; back-loaded, 0.8–4 h + 4 h fit the first week and
    // 6–8 h + 4 h overflow the second.
    const [row] = workloadGrid(
      twoWeeks,
      [ana],
      [assignment(2880, { units: 1, contour: 'backLoaded' }), assignment(2400, { units: 0.5 })],
    );
    expect(row?.cells.map((cell) => cell.overAllocated)).toEqual(
      withWeekend([false, false, false, false, false, true, true, true, true, true], false),
    );
    expect(hours(row?.cells.map((cell) => cell.assignedMinutes) ?? [])).toEqual(
      withWeekend([4.8, 5.2, 6, 8, 8, 10, 10, 12, 12, 12], 0),
    );
  });

  it('does not over-allocate a day whose work beyond the working day is planned as overtime', () => {
    const [row] = workloadGrid(
      twoWeeks.slice(0, 2),
      [ana],
      [assignment(720, { units: 1, overtimeMinutes: 240 })],
    );
    expect(row?.cells).toEqual([
      { assignedMinutes: 720, overtimeMinutes: 240, capacityMinutes: 480, overAllocated: false },
      { assignedMinutes: 0, overtimeMinutes: 0, capacityMinutes: 480, overAllocated: false },
    ]);
  });
});
