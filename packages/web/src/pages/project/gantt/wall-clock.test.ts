import { describe, expect, it } from 'vitest';
import { formatGridDate, formatWallClock, parseWallClock, wallClockNow } from './wall-clock';

describe('wall clock', () => {
  it('reads plan dates as minutes and writes them back unchanged', () => {
    for (const text of ['2026-03-02T08:00', '1999-12-31T23:59', '2028-02-29T13:15']) {
      const minute = parseWallClock(text);
      expect(minute).toBeDefined();
      expect(formatWallClock(minute ?? 0)).toBe(text);
    }
    expect(parseWallClock('2026-03-02')).toBe(parseWallClock('2026-03-02T00:00'));
    expect(parseWallClock('2026-03-02T08:00:59')).toBe(parseWallClock('2026-03-02T08:00'));
  });

  it('refuses text that is not a date', () => {
    expect(parseWallClock('')).toBeUndefined();
    expect(parseWallClock(null)).toBeUndefined();
    expect(parseWallClock('next Monday')).toBeUndefined();
  });

  it('shows a grid date with its weekday and the time only when it is not midnight', () => {
    expect(formatGridDate('2026-03-02T08:00')).toBe('Mon 2026-03-02 08:00');
    expect(formatGridDate('2026-03-07T00:00')).toBe('Sat 2026-03-07');
    expect(formatGridDate(undefined)).toBe('');
  });

  it('takes today from the viewer clock fields, whatever the zone', () => {
    const now = new Date(2026, 2, 2, 9, 30);
    expect(formatWallClock(wallClockNow(now))).toBe('2026-03-02T09:30');
  });
});
