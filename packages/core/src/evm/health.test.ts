import { describe, expect, it } from 'vitest';
import { burnHealth, indexHealth, tcpiHealth } from './health';

describe('earned value health', () => {
  it.each([
    [1.02, 'good'],
    [0.95, 'good'],
    [0.92, 'watch'],
    [0.9, 'watch'],
    [0.69, 'poor'],
    [null, 'unknown'],
  ] as const)('reads a performance index of %s as %s', (index, health) => {
    expect(indexHealth(index)).toBe(health);
  });

  it.each([
    [0.9, 'good'],
    [1.08, 'watch'],
    [1.43, 'poor'],
    [null, 'unknown'],
  ] as const)('reads a TCPI of %s as %s', (tcpi, health) => {
    expect(tcpiHealth(tcpi)).toBe(health);
  });

  it('warns when more of the budget is spent than of the work is done', () => {
    expect(burnHealth(0.4, 0.42)).toBe('good');
    expect(burnHealth(0.5, 0.42)).toBe('watch');
    // Govan's PRA example: 58 % spent for 40 % done.
    expect(burnHealth(0.58, 0.4)).toBe('poor');
    expect(burnHealth(null, 0.4)).toBe('unknown');
  });
});
