import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  civilFromDay,
  dayFromCivil,
  dayOfWeek,
  daysInMonth,
  formatDay,
  formatInstant,
  instantFromCivil,
  minuteOfDay,
  parseDay,
  parseInstant,
} from './day-number';
import { dayNumber, wallMinutes } from './model';

describe('day numbers', () => {
  it.each([
    [1970, 1, 1, 0, 4],
    [1969, 12, 31, -1, 3],
    [2000, 2, 29, 11016, 2],
    [2000, 3, 1, 11017, 3],
    [2026, 3, 2, 20514, 1],
    [1600, 1, 1, -135140, 6],
    [2400, 12, 31, 157419, 0],
  ])('numbers %i-%i-%i as day %i, weekday %i', (year, month, day, expected, weekday) => {
    expect(dayFromCivil(year, month, day)).toBe(expected);
    expect(civilFromDay(dayNumber(expected))).toEqual({ year, month, day });
    expect(dayOfWeek(dayNumber(expected))).toBe(weekday);
  });

  it('agrees with Date.UTC and getUTCDay over four centuries', () => {
    fc.assert(
      fc.property(fc.integer({ min: -150_000, max: 150_000 }), (day) => {
        const date = new Date(day * 86_400_000);
        const civil = civilFromDay(dayNumber(day));
        expect(civil).toEqual({
          year: date.getUTCFullYear(),
          month: date.getUTCMonth() + 1,
          day: date.getUTCDate(),
        });
        expect(dayFromCivil(civil.year, civil.month, civil.day)).toBe(day);
        expect(dayOfWeek(dayNumber(day))).toBe(date.getUTCDay());
      }),
    );
  });

  it.each([
    [2024, 2, 29],
    [2100, 2, 28],
    [2000, 2, 29],
    [2026, 4, 30],
    [2026, 12, 31],
  ])('knows %i-%i has %i days', (year, month, expected) => {
    expect(daysInMonth(year, month)).toBe(expected);
  });
});

describe('ISO date-times', () => {
  it.each([
    ['1970-01-01T00:00:00', 0],
    ['1970-01-02T08:00:00', 1920],
    ['1969-12-31T23:59', -1],
    ['2026-03-02T13:00:00.000', instantFromCivil(2026, 3, 2, 13)],
    ['2026-03-02', instantFromCivil(2026, 3, 2)],
    ['2026-03-02 08:30', instantFromCivil(2026, 3, 2, 8, 30)],
    ['2026-03-02T24:00:00', instantFromCivil(2026, 3, 3)],
    ['2006-09-08T09:08:24', instantFromCivil(2006, 9, 8, 9, 8) + 0.4],
    ['2006-09-08T09:08:30.999', instantFromCivil(2006, 9, 8, 9, 8) + 0.5],
  ])('parses %s', (text, expected) => {
    expect(parseInstant(text)).toBe(expected);
  });

  it.each([
    '2026-02-29',
    '2026-13-01',
    '2026-03-02T25:00',
    '2026-03-02T08:00Z',
    'yesterday',
    '2026-03-02T24:01',
    '2026-03-02T24:00:01',
    '2026-03-02T08:00:60',
  ])('refuses %s', (text) => {
    expect(() => parseInstant(text)).toThrow(RangeError);
  });

  it('refuses a date-time where a date is wanted', () => {
    expect(() => parseDay('2026-03-02T08:00')).toThrow(/not a date/);
  });

  it('formats instants the way MSPDI writes them and reads them back', () => {
    fc.assert(
      fc.property(fc.integer({ min: -200_000_000, max: 200_000_000 }), (t) => {
        const text = formatInstant(wallMinutes(t));
        expect(text).toMatch(/^-?\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:00$/);
        expect(parseInstant(text)).toBe(t);
      }),
    );
  });

  it.each([
    [instantFromCivil(2006, 9, 8, 9, 8) + 0.4, '2006-09-08T09:08:24'],
    [instantFromCivil(2026, 3, 2, 23, 59) + 0.99999, '2026-03-03T00:00:00'],
    [instantFromCivil(2026, 3, 2, 8) - 0.5, '2026-03-02T07:59:30'],
  ])('writes the seconds of %d as %s', (t, text) => {
    expect(formatInstant(wallMinutes(t))).toBe(text);
  });

  it('reads back the seconds it writes', () => {
    fc.assert(
      fc.property(fc.integer({ min: -1e10, max: 1e10 }), (seconds) => {
        expect(Math.round(parseInstant(formatInstant(wallMinutes(seconds / 60))) * 60)).toBe(seconds);
      }),
    );
  });

  it('formats days before the epoch and minutes of the day', () => {
    expect(formatDay(dayNumber(-1))).toBe('1969-12-31');
    expect(minuteOfDay(wallMinutes(-1))).toBe(1439);
  });
});
