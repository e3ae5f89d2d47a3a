import { describe, expect, it } from 'vitest';
import { kpiReading } from './kpi-status';

const series = (...values: number[]) =>
  values.map((value, index) => ({ at: `2026-0${index + 1}-01`, value }));

describe('KPI reading', () => {
  it.each([
    {
      case: 'up, above target',
      target: 40,
      direction: 'up',
      values: [30, 42],
      status: 'on_target',
      trend: 'improving',
    },
    {
      case: 'up, just under target',
      target: 40,
      direction: 'up',
      values: [39, 37],
      status: 'near_target',
      trend: 'worsening',
    },
    {
      case: 'up, far under target',
      target: 40,
      direction: 'up',
      values: [20],
      status: 'off_target',
      trend: 'unknown',
    },
    {
      case: 'down, below target',
      target: 2,
      direction: 'down',
      values: [3, 1.5],
      status: 'on_target',
      trend: 'improving',
    },
    {
      case: 'down, above target',
      target: 2,
      direction: 'down',
      values: [3, 3.5],
      status: 'off_target',
      trend: 'worsening',
    },
    {
      case: 'down, at a zero target',
      target: 0,
      direction: 'down',
      values: [0, 0],
      status: 'on_target',
      trend: 'flat',
    },
    {
      case: 'without a target',
      target: null,
      direction: 'up',
      values: [1, 2],
      status: 'no_target',
      trend: 'improving',
    },
    { case: 'without data', target: 10, direction: 'up', values: [], status: 'no_data', trend: 'unknown' },
  ] as const)('reads $case as $status, $trend', ({ target, direction, values, status, trend }) => {
    const reading = kpiReading({ target, direction, measurements: series(...values) });
    expect(reading.status).toBe(status);
    expect(reading.trend).toBe(trend);
  });

  it('takes the latest measurement by day, whatever order they come in', () => {
    const reading = kpiReading({
      target: 10,
      direction: 'up',
      measurements: [
        { at: '2026-03-01', value: 12 },
        { at: '2026-01-01', value: 2 },
        { at: '2026-02-01', value: 5 },
      ],
    });
    expect(reading.latest).toEqual({ at: '2026-03-01', value: 12 });
    expect(reading.trend).toBe('improving');
    expect(reading.gap).toBe(-2);
  });
});
