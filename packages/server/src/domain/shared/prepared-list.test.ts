import { describe, expect, it } from 'vitest';
import { isoFromTimestamptz } from './prepared-list';

describe('isoFromTimestamptz', () => {
  it('writes UTC timestamps exactly as a parsed Date would print them', () => {
    for (const text of [
      '2026-11-23 11:34:22.123+00',
      '2026-11-23 11:34:22.1+00',
      '2026-11-23 11:34:22.12+00',
      '2026-11-23 11:34:22+00',
      '2026-11-23 11:34:22.123456+00',
      '1999-12-31 23:59:59.999+00',
    ]) {
      const viaDate = new Date(`${text.replace(' ', 'T')}:00`).toISOString();
      expect(isoFromTimestamptz(text)).toBe(viaDate);
    }
  });

  it('converts timestamps in other zones to UTC', () => {
    expect(isoFromTimestamptz('2026-11-23 12:34:22.5+01')).toBe('2026-11-23T11:34:22.500Z');
    expect(isoFromTimestamptz('2026-11-23 06:04:22.123-05:30')).toBe('2026-11-23T11:34:22.123Z');
  });
});
