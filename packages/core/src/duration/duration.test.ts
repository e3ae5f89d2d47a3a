import { describe, expect, it } from 'vitest';
import { defaultUnitSettings, type UnitSettings } from '../calendar';
import {
  type DurationUnitCode,
  durationFromMinutes,
  durationMinutes,
  isElapsedUnit,
  minutesPerUnit,
  unitName,
} from './duration';

const tenHourDays: UnitSettings = { minutesPerDay: 600, minutesPerWeek: 3000, daysPerMonth: 21 };

describe('duration units', () => {
  it.each([
    ['m', 1, 1],
    ['h', 60, 60],
    ['d', 480, 600],
    ['w', 2400, 3000],
    ['mo', 9600, 12_600],
    ['em', 1, 1],
    ['eh', 60, 60],
    ['ed', 1440, 1440],
    ['ew', 10_080, 10_080],
    ['emo', 43_200, 43_200],
  ] as const)('counts one %s as %i minutes by default and %i with ten-hour days', (unit, standard, long) => {
    expect(minutesPerUnit(unit, defaultUnitSettings)).toBe(standard);
    expect(minutesPerUnit(unit, tenHourDays)).toBe(long);
  });

  it.each([
    [3, 'd', 1440],
    [2.5, 'w', 6000],
    [4, 'eh', 240],
    [1.5, 'ed', 2160],
    [-2, 'd', -960],
    [0.001, 'h', 0],
    [1 / 3, 'h', 20],
    [0, 'mo', 0],
  ] as const)('turns %s %s into %i minutes', (value, unit, minutes) => {
    expect(durationMinutes({ value, unit, estimated: false }, defaultUnitSettings)).toBe(minutes);
  });

  it('turns minutes back into any unit', () => {
    expect(durationFromMinutes(6000, 'w', defaultUnitSettings)).toEqual({
      value: 2.5,
      unit: 'w',
      estimated: false,
    });
    expect(durationFromMinutes(1200, 'd', tenHourDays, true)).toEqual({
      value: 2,
      unit: 'd',
      estimated: true,
    });
  });

  it.each([
    ['m', false, 'minutes'],
    ['emo', true, 'months'],
    ['ed', true, 'days'],
    ['w', false, 'weeks'],
    ['h', false, 'hours'],
  ] as const)('names %s (elapsed %s) as %s', (unit: DurationUnitCode, elapsed, name) => {
    expect(isElapsedUnit(unit)).toBe(elapsed);
    expect(unitName(unit)).toBe(name);
  });
});
