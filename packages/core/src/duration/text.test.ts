import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { durationUnitCodes } from './duration';
import { formatDuration, formatDurationLabel, parseDuration } from './text';

describe('the text form of durations', () => {
  it.each([
    ['3d', 3, 'd', false],
    ['2.5w', 2.5, 'w', false],
    ['4eh', 4, 'eh', false],
    ['5d?', 5, 'd', true],
    ['  3 days ', 3, 'd', false],
    ['2 Wks', 2, 'w', false],
    ['90 mins', 90, 'm', false],
    ['1.5 hrs?', 1.5, 'h', true],
    ['2 mo', 2, 'mo', false],
    ['3 months', 3, 'mo', false],
    ['1emo', 1, 'emo', false],
    ['10 edays', 10, 'ed', false],
    ['2ew', 2, 'ew', false],
    ['45em', 45, 'em', false],
    ['-2d', -2, 'd', false],
    ['.5d', 0.5, 'd', false],
    ['7', 7, 'd', false],
    ['0', 0, 'd', false],
    ['-0d', 0, 'd', false],
  ] as const)('reads "%s"', (text, value, unit, estimated) => {
    expect(parseDuration(text)).toEqual({ ok: true, value: { value, unit, estimated } });
  });

  it('gives a bare number the caller’s default unit', () => {
    expect(parseDuration('8', 'h')).toEqual({ ok: true, value: { value: 8, unit: 'h', estimated: false } });
  });

  it.each(['', 'd', '3x', '3 d d', '3d??', '1,5d', 'three days', '3?d', '--3d', 'NaNd'])(
    'refuses "%s" with a message naming it',
    (text) => {
      const result = parseDuration(text);
      expect(result.ok).toBe(false);
      if (!result.ok) {
        expect(result.error.code).toBe('INVALID_DURATION');
        expect(result.error.message).toContain(`"${text}"`);
      }
    },
  );

  it.each([
    [{ value: 3, unit: 'd', estimated: false }, '3d'],
    [{ value: 2.5, unit: 'w', estimated: false }, '2.5w'],
    [{ value: 4, unit: 'eh', estimated: false }, '4eh'],
    [{ value: 5, unit: 'd', estimated: true }, '5d?'],
    [{ value: 1 / 3, unit: 'h', estimated: false }, '0.33h'],
    [{ value: -1.25, unit: 'mo', estimated: false }, '-1.25mo'],
    [{ value: -0.001, unit: 'd', estimated: false }, '0d'],
  ] as const)('writes %o as "%s"', (duration, text) => {
    expect(formatDuration(duration)).toBe(text);
  });

  it('reads back whatever it writes', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -100_000, max: 100_000 }),
        fc.constantFrom(...durationUnitCodes),
        fc.boolean(),
        (hundredths, unit, estimated) => {
          const duration = { value: hundredths / 100, unit, estimated };
          expect(parseDuration(formatDuration(duration))).toEqual({ ok: true, value: duration });
        },
      ),
    );
  });

  it.each([
    [{ value: 1, unit: 'd', estimated: false }, '1 day'],
    [{ value: 5, unit: 'd', estimated: true }, '5 days?'],
    [{ value: 2.5, unit: 'w', estimated: false }, '2.5 wks'],
    [{ value: 4, unit: 'eh', estimated: false }, '4 ehrs'],
    [{ value: 1, unit: 'emo', estimated: false }, '1 emon'],
    [{ value: -1, unit: 'm', estimated: false }, '-1 min'],
    [{ value: 0, unit: 'ed', estimated: false }, '0 edays'],
  ] as const)('labels %o as MS Project shows it: "%s"', (duration, text) => {
    expect(formatDurationLabel(duration)).toBe(text);
  });

  it('reads back every label it writes', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -10_000, max: 10_000 }),
        fc.constantFrom(...durationUnitCodes),
        fc.boolean(),
        (hundredths, unit, estimated) => {
          const duration = { value: hundredths / 100, unit, estimated };
          expect(parseDuration(formatDurationLabel(duration))).toEqual({ ok: true, value: duration });
        },
      ),
    );
  });
});
