import { describe, expect, it } from 'vitest';
import { releaseForecast } from './release-forecast';

describe('releaseForecast', () => {
  const cases = [
    {
      name: 'is empty and not late when no work is linked',
      input: { targetDate: '2026-12-01', taskFinishes: [] },
      expected: { forecastDate: null, late: false, slipDays: null },
    },
    {
      name: 'takes the latest finish of the linked tasks',
      input: {
        targetDate: '2026-12-10',
        taskFinishes: ['2026-12-01T17:00', '2026-12-08T12:00', '2026-11-30T09:00'],
      },
      expected: { forecastDate: '2026-12-08', late: false, slipDays: -2 },
    },
    {
      name: 'is late when the last task finishes after the target day',
      input: { targetDate: '2026-12-01', taskFinishes: ['2026-12-03T17:00'] },
      expected: { forecastDate: '2026-12-03', late: true, slipDays: 2 },
    },
    {
      name: 'is not late when the last task finishes on the target day',
      input: { targetDate: '2026-12-01', taskFinishes: ['2026-12-01T17:00'] },
      expected: { forecastDate: '2026-12-01', late: false, slipDays: 0 },
    },
    {
      name: 'has a forecast but no lateness without a target',
      input: { targetDate: null, taskFinishes: ['2027-01-04T08:00'] },
      expected: { forecastDate: '2027-01-04', late: false, slipDays: null },
    },
  ];
  for (const { name, input, expected } of cases)
    it(name, () => expect(releaseForecast(input)).toEqual(expected));
});
