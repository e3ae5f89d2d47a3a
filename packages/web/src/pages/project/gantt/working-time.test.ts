import { describe, expect, it } from 'vitest';
import { parseWallClock } from './wall-clock';
import { workingMinutesBetween } from './working-time';

const at = (text: string) => parseWallClock(text) ?? 0;

describe('working minutes between two dates', () => {
  it('counts eight hours a weekday and skips the lunch break', () => {
    expect(workingMinutesBetween(at('2026-03-02T08:00'), at('2026-03-03T00:00'))).toBe(480);
    expect(workingMinutesBetween(at('2026-03-02T11:00'), at('2026-03-02T14:00'))).toBe(120);
  });

  it('skips the weekend', () => {
    // Friday 08:00 to Tuesday 00:00: Friday and Monday.
    expect(workingMinutesBetween(at('2026-03-06T08:00'), at('2026-03-10T00:00'))).toBe(960);
  });

  it('is zero for an empty or reversed span', () => {
    expect(workingMinutesBetween(at('2026-03-02T08:00'), at('2026-03-02T08:00'))).toBe(0);
    expect(workingMinutesBetween(at('2026-03-03T08:00'), at('2026-03-02T08:00'))).toBe(0);
  });
});
