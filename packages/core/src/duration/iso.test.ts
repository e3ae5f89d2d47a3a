import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { defaultUnitSettings, type UnitSettings } from '../calendar';
import { formatIsoDuration, parseIsoDuration } from './iso';

const tenHourDays: UnitSettings = { minutesPerDay: 600, minutesPerWeek: 3000, daysPerMonth: 21 };

describe('MSPDI durations', () => {
  it.each([
    ['PT8H0M0S', 480, 480],
    ['PT0H0M0S', 0, 0],
    ['PT8H30M0S', 510, 510],
    ['PT0H0M30S', 1, 1],
    ['PT7H59M59.9S', 480, 480],
    ['PT1.5H', 90, 90],
    ['P1DT2H', 600, 720],
    ['P2D', 960, 1200],
    ['P1W', 2400, 3000],
    ['P1M', 9600, 12_600],
    ['P1Y', 115_200, 151_200],
    ['-PT8H0M0S', -480, -480],
    ['PT-8H0M0S', -480, -480],
    ['-P1DT2H', -600, -720],
    ['0', 0, 0],
  ])('reads %s as %i working minutes (%i with ten-hour days)', (text, standard, long) => {
    expect(parseIsoDuration(text, defaultUnitSettings)).toEqual({ ok: true, value: standard });
    expect(parseIsoDuration(text, tenHourDays)).toEqual({ ok: true, value: long });
  });

  it.each([
    ['P1DT2H', 1560],
    ['P1W', 10_080],
    ['P1M', 43_200],
    ['PT36H0M0S', 2160],
  ])('reads elapsed %s as %i minutes on the 24-hour clock', (text, minutes) => {
    expect(parseIsoDuration(text, defaultUnitSettings, true)).toEqual({ ok: true, value: minutes });
  });

  it.each(['', 'P', 'PT', 'P1DT', '8H', 'PT8', 'PT8H0M0S junk', 'P1H', 'PT1D'])(
    'refuses "%s" with a message naming it',
    (text) => {
      const result = parseIsoDuration(text, defaultUnitSettings);
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.error.message).toContain(`"${text}"`);
    },
  );

  it.each([
    [480, 'PT8H0M0S'],
    [510, 'PT8H30M0S'],
    [0, 'PT0H0M0S'],
    [-480, '-PT8H0M0S'],
    [0.5, 'PT0H0M30S'],
    [100_000, 'PT1666H40M0S'],
  ])('writes %i minutes as %s', (minutes, text) => {
    expect(formatIsoDuration(minutes)).toBe(text);
  });

  it('reads back whatever it writes', () => {
    fc.assert(
      fc.property(fc.integer({ min: -10_000_000, max: 10_000_000 }), (minutes) => {
        expect(parseIsoDuration(formatIsoDuration(minutes), defaultUnitSettings)).toEqual({
          ok: true,
          value: minutes,
        });
      }),
    );
  });
});
