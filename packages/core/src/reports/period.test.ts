import { describe, expect, it } from 'vitest';
import { defaultReportPeriod } from './period';

describe('the default period of a new status report', () => {
  it.each([
    [
      'covers the seven days ending today when there is no earlier report',
      '2026-03-13',
      undefined,
      '2026-03-07',
    ],
    ['starts the day after the previous report finished', '2026-03-13', '2026-03-06', '2026-03-07'],
    [
      'covers today alone when the previous report finished yesterday',
      '2026-03-13',
      '2026-03-12',
      '2026-03-13',
    ],
    [
      'falls back to seven days when the previous report finished today',
      '2026-03-13',
      '2026-03-13',
      '2026-03-07',
    ],
    [
      'falls back to seven days when the previous report finishes later',
      '2026-03-13',
      '2026-04-01',
      '2026-03-07',
    ],
    ['reaches back over a month end', '2026-03-03', undefined, '2026-02-25'],
    ['reaches back over a leap day', '2028-03-02', undefined, '2028-02-25'],
    ['follows a report that finished on the last day of a year', '2027-01-05', '2026-12-31', '2027-01-01'],
    ['covers a long gap since the previous report', '2026-03-13', '2025-12-31', '2026-01-01'],
  ] as const)('%s', (_name, today, previousFinish, start) => {
    expect(defaultReportPeriod(today, previousFinish)).toEqual({ start, finish: today });
  });
});
