import { describe, expect, it } from 'vitest';
import { formatMinutes, parseMinutes } from './time-api';

describe('timesheet cells', () => {
  it.each([
    ['1:30', 90],
    ['1.5', 90],
    ['1,5', 90],
    ['2h', 120],
    ['45m', 45],
    ['', 0],
    ['  8 ', 480],
    ['24:00', 1440],
  ])('reads %j as %d minutes', (text, minutes) => {
    expect(parseMinutes(text)).toBe(minutes);
  });

  it.each([['abc'], ['-1'], ['25'], ['1:75'], ['1441m']])('refuses %j', (text) => {
    expect(parseMinutes(text)).toBeUndefined();
  });

  it('writes minutes as hours and minutes, and nothing for none', () => {
    expect(formatMinutes(90)).toBe('1:30');
    expect(formatMinutes(480)).toBe('8:00');
    expect(formatMinutes(0)).toBe('');
  });
});
