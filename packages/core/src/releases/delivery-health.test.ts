import { describe, expect, it } from 'vitest';
import { deliveryHealth } from './delivery-health';

describe('deliveryHealth', () => {
  const cases = [
    {
      name: 'is unknown with nothing to judge',
      input: { plannedFinish: null, forecastFinish: null, spi: null },
      health: 'unknown',
    },
    {
      name: 'is on track well before the planned finish',
      input: { plannedFinish: '2026-12-31', forecastFinish: '2026-12-01', spi: 1 },
      health: 'on_track',
    },
    {
      name: 'is late when the forecast passes the planned finish',
      input: { plannedFinish: '2026-12-01', forecastFinish: '2026-12-02', spi: 1.2 },
      health: 'late',
    },
    {
      name: 'is at risk within the margin of the planned finish',
      input: { plannedFinish: '2026-12-05', forecastFinish: '2026-12-03', spi: null },
      health: 'at_risk',
    },
    {
      name: 'is at risk when the SPI is below the threshold',
      input: { plannedFinish: '2026-12-31', forecastFinish: '2026-12-01', spi: 0.8 },
      health: 'at_risk',
    },
    {
      name: 'is on track from a good SPI alone',
      input: { plannedFinish: null, forecastFinish: null, spi: 1.05 },
      health: 'on_track',
    },
    {
      name: 'honours a wider margin',
      input: { plannedFinish: '2026-12-31', forecastFinish: '2026-12-21', spi: null, marginDays: 14 },
      health: 'at_risk',
    },
  ] as const;
  for (const { name, input, health } of cases) {
    it(name, () => expect(deliveryHealth(input).health).toBe(health));
  }

  it('says why it is late', () => {
    expect(
      deliveryHealth({ plannedFinish: '2026-12-01', forecastFinish: '2026-12-04', spi: null }).reasons,
    ).toEqual(['Forecast finish 2026-12-04 is 3 days after 2026-12-01']);
  });
});
