import { describe, expect, it } from 'vitest';
import { holidaysText, hoursText, parseHolidays, parseHours } from './working-time-text';

describe('working time as text', () => {
  it('round-trips working hours and falls back to the standard day', () => {
    expect(parseHours('07:30-12:00 , 12:30-16:00')).toEqual([
      { start: '07:30', finish: '12:00' },
      { start: '12:30', finish: '16:00' },
    ]);
    expect(hoursText(undefined)).toBe('08:00-12:00, 13:00-17:00');
    expect(hoursText(parseHours('06:00-14:00'))).toBe('06:00-14:00');
  });

  it('reads one holiday a line, naming an unnamed one', () => {
    const holidays = parseHolidays('2026-12-25 Christmas Day\n\n 2026-12-26 ');
    expect(holidays).toEqual([
      { date: '2026-12-25', name: 'Christmas Day' },
      { date: '2026-12-26', name: 'Holiday' },
    ]);
    expect(holidaysText(holidays)).toBe('2026-12-25 Christmas Day\n2026-12-26 Holiday');
  });
});
