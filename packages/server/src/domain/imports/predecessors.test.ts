import { describe, expect, it } from 'vitest';
import { formatDuration, parseDuration } from './duration-text';
import { formatPredecessors, parsePredecessors } from './predecessors';

const units = { minutesPerDay: 480, minutesPerWeek: 2400, daysPerMonth: 20 };

describe('durations as MS Project writes them', () => {
  it('reads days, hours, weeks, months, elapsed and estimated durations', () => {
    expect(parseDuration('3d', units)).toEqual({ minutes: 1440, unit: 'days', elapsed: false });
    expect(parseDuration('2.5 hours', units)).toEqual({ minutes: 150, unit: 'hours', elapsed: false });
    expect(parseDuration('1w', units)).toEqual({ minutes: 2400, unit: 'weeks', elapsed: false });
    expect(parseDuration('1mo', units)).toEqual({ minutes: 9600, unit: 'months', elapsed: false });
    expect(parseDuration('2ed', units)).toEqual({ minutes: 2880, unit: 'days', elapsed: true });
    expect(parseDuration('4d?', units)?.minutes).toBe(1920);
    expect(parseDuration('5', units)?.minutes).toBe(2400);
    expect(parseDuration('3x', units)).toBeUndefined();
  });

  it('writes a duration in the unit it was entered in', () => {
    expect(formatDuration(1440, 'days', units)).toBe('3d');
    expect(formatDuration(150, 'hours', units)).toBe('2.5h');
    expect(formatDuration(2880, 'days', units, true)).toBe('2ed');
  });
});

describe('the Predecessors column', () => {
  it('reads ids, link types and lags in minutes or percent', () => {
    const parsed = parsePredecessors('3FS+2d; 5SS-4h,7, 9FF+50%', units);
    expect(parsed).toEqual({
      ok: true,
      entries: [
        { id: '3', type: 'FS', lagMinutes: 960, lagPercent: null },
        { id: '5', type: 'SS', lagMinutes: -240, lagPercent: null },
        { id: '7', type: 'FS', lagMinutes: 0, lagPercent: null },
        { id: '9', type: 'FF', lagMinutes: 0, lagPercent: 50 },
      ],
    });
  });

  it('writes a plain finish-to-start link as its id alone, others with type and lag', () => {
    const entries = [
      { id: '3', type: 'FS' as const, lagMinutes: 960, lagPercent: null },
      { id: '5', type: 'SS' as const, lagMinutes: 0, lagPercent: null },
      { id: '7', type: 'FS' as const, lagMinutes: 0, lagPercent: null },
      { id: '9', type: 'FF' as const, lagMinutes: 0, lagPercent: 50 },
    ];
    const text = formatPredecessors(entries, units);
    expect(text).toBe('3FS+2d;5SS;7;9FF+50%');
    expect(parsePredecessors(text, units)).toEqual({ ok: true, entries });
  });

  it('names an entry it cannot read', () => {
    expect(parsePredecessors('3XX', units)).toEqual({
      ok: false,
      message: '"3XX" is not a predecessor such as 3, 3FS+2d or 5SS-1h',
    });
    expect(parsePredecessors('4FS+soon', units)).toMatchObject({ ok: false });
  });
});
