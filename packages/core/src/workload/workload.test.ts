import { describe, expect, it } from 'vitest';
import { compileCalendar } from '../calendar/compile';
import { instantFromCivil, parseDay } from '../calendar/day-number';
import { calendarId } from '../calendar/model';
import { standardCalendar } from '../calendar/presets';
import { isOverAllocated, type WorkloadAssignment, type WorkloadResource, workloadGrid } from './allocation';
import { spreadAssignment } from './contour-spread';
import { workloadPeriods } from './periods';
import { calendarFromSettings } from './working-settings';

// 2026-11-02 is a Monday; the standard calendar works 08:00–12:00 and 13:00–17:00, Monday to Friday.
const standard = compileCalendar([standardCalendar], standardCalendar.id);
const at = (day: number, hour = 0) => instantFromCivil(2026, 11, day, hour);
const days = (from: number, to: number) =>
  workloadPeriods(
    parseDay(`2026-11-${String(from).padStart(2, '0')}`),
    parseDay(`2026-11-${String(to).padStart(2, '0')}`),
    'day',
  );

const evenly = { units: 1, fillsTask: true };

describe('spreading work over a task', () => {
  it.each([
    ['a week-long task over its five days', at(2, 8), at(6, 17), 2400, 2, 6, [480, 480, 480, 480, 480]],
    [
      'a task from Thursday noon to Tuesday noon, skipping the weekend',
      at(5, 13),
      at(10, 12),
      1440,
      5,
      10,
      [240, 480, 0, 0, 480, 240],
    ],
    ['half the work when assigned at 50 %', at(2, 8), at(3, 17), 480, 2, 3, [240, 240]],
    ['a morning-only task all on its day', at(4, 8), at(4, 12), 240, 3, 5, [0, 240, 0]],
    ['a milestone, which places no work', at(4, 8), at(4, 8), 480, 3, 5, [0, 0, 0]],
    ['no work at all', at(2, 8), at(6, 17), 0, 2, 3, [0, 0]],
    ['periods outside the task', at(2, 8), at(3, 17), 960, 9, 10, [0, 0]],
  ])('spreads %s', (_, start, finish, work, from, to, expected) => {
    const shares = spreadAssignment(standard, { start, finish }, work, evenly, days(from, to)).work;
    expect(shares.map((share) => Math.round(share * 1000) / 1000)).toEqual(expected);
  });

  it('keeps the total when the periods cover the task', () => {
    const span = { start: at(3, 10), finish: at(12, 15) };
    const shares = spreadAssignment(standard, span, 1000, evenly, days(1, 15)).work;
    expect(shares.reduce((sum, share) => sum + share, 0)).toBeCloseTo(1000, 9);
  });
});

describe('workload periods', () => {
  it.each([
    ['days', '2026-11-04', '2026-11-06', 'day', ['2026-11-04', '2026-11-05', '2026-11-06']],
    [
      'weeks from the Monday on or before the first day',
      '2026-11-04',
      '2026-11-10',
      'week',
      ['2026-11-02', '2026-11-09'],
    ],
    ['a week that starts on a Sunday', '2026-11-08', '2026-11-08', 'week', ['2026-11-02']],
    ['nothing for an empty range', '2026-11-08', '2026-11-07', 'day', []],
  ] as const)('lists %s', (_, from, to, unit, keys) => {
    expect(workloadPeriods(parseDay(from), parseDay(to), unit).map((period) => period.key)).toEqual(keys);
  });
});

describe('over-allocation', () => {
  it.each([
    [480, 480, false],
    [480.4, 480, false],
    [481, 480, true],
    [60, 0, true],
    [0, 0, false],
  ])('judges %d minutes assigned against %d available as over-allocated: %s', (assigned, capacity, over) => {
    expect(isOverAllocated(assigned, capacity)).toBe(over);
  });

  const ana: WorkloadResource = { id: 'ana', maxUnits: 1, time: standard };
  const half: WorkloadResource = { id: 'half', maxUnits: 0.5, time: standard };
  const task = (resourceId: string, from: number, to: number, workMinutes: number): WorkloadAssignment => ({
    resourceId,
    start: at(from, 8),
    finish: at(to, 17),
    workMinutes,
    time: standard,
  });

  it.each([
    ['one full-time task', [ana], [task('ana', 2, 6, 2400)], [false]],
    [
      'two full-time tasks on the same days',
      [ana],
      [task('ana', 2, 6, 2400), task('ana', 4, 4, 480)],
      [true],
    ],
    ['a full-time task for a half-time resource', [half], [task('half', 2, 6, 2400)], [true]],
    ['a half-time task for a half-time resource', [half], [task('half', 2, 6, 1200)], [false]],
    ['work belonging to someone else', [ana], [task('bob', 2, 6, 9999)], [false]],
  ])('flags %s', (_, resources, assignments, expected) => {
    const rows = workloadGrid(
      workloadPeriods(parseDay('2026-11-02'), parseDay('2026-11-08'), 'week'),
      resources,
      assignments,
    );
    expect(rows.map((row) => row.overAllocated)).toEqual(expected);
  });

  it('flags a week whose total fits when one of its days is overloaded', () => {
    const week = workloadPeriods(parseDay('2026-11-02'), parseDay('2026-11-08'), 'week');
    const [row] = workloadGrid(week, [ana], [task('ana', 3, 3, 480), task('ana', 3, 3, 480)]);
    expect(row?.cells[0]).toEqual({
      assignedMinutes: 960,
      overtimeMinutes: 0,
      capacityMinutes: 2400,
      overAllocated: true,
    });
  });

  it('reports assigned and available minutes per day', () => {
    const [row] = workloadGrid(days(6, 9), [half], [task('half', 6, 9, 960)]);
    expect(row?.cells).toEqual([
      { assignedMinutes: 480, overtimeMinutes: 0, capacityMinutes: 240, overAllocated: true },
      { assignedMinutes: 0, overtimeMinutes: 0, capacityMinutes: 0, overAllocated: false },
      { assignedMinutes: 0, overtimeMinutes: 0, capacityMinutes: 0, overAllocated: false },
      { assignedMinutes: 480, overtimeMinutes: 0, capacityMinutes: 240, overAllocated: true },
    ]);
  });
});

describe('calendars from working settings', () => {
  it('works the given days and hours and rests on holidays', () => {
    const calendar = calendarFromSettings('r', {
      workingDays: [1, 2, 3, 4],
      workingHours: [{ start: '09:00', finish: '15:00' }],
      holidays: [{ date: '2026-11-03', name: 'Day off' }],
    });
    const time = compileCalendar([calendar], calendarId('r'));
    const week = days(2, 8).map((day) => time.workBetween(day.start, day.finish));
    expect(week).toEqual([360, 0, 360, 360, 0, 0, 0]);
  });

  it('defaults to the standard working day', () => {
    const time = compileCalendar(
      [calendarFromSettings('d', { workingDays: [1, 2, 3, 4, 5] })],
      calendarId('d'),
    );
    expect(time.workBetween(at(2), at(9))).toBe(2400);
  });

  it('works Monday to Friday of the standard day when the settings name no days and an empty list of hours', () => {
    const calendar = calendarFromSettings('p', { workingHours: [] }, 'Project');
    expect(calendar.name).toBe('Project');
    const time = compileCalendar([calendar], calendarId('p'));
    expect(days(2, 8).map((day) => time.workBetween(day.start, day.finish))).toEqual([
      480, 480, 480, 480, 480, 0, 0,
    ]);
  });

  it.each([
    [[{ start: '12:00', finish: '09:00' }]],
    [
      [
        { start: '08:00', finish: '12:00' },
        { start: '11:00', finish: '13:00' },
      ],
    ],
    [[{ start: '8:00', finish: '12:00' }]],
    [[{ start: '08:00', finish: '25:00' }]],
  ])('refuses working hours that are not increasing pairs: %j', (workingHours) => {
    expect(() => calendarFromSettings('x', { workingDays: [1], workingHours })).toThrow(RangeError);
  });
});
