/** How an index or a variance reads on a dashboard. */
export type EvmHealth = 'good' | 'watch' | 'poor' | 'unknown';

/**
 * The colour of a performance index (CPI, SPI): 0.95 and above is on track, from 0.90 watch, below 0.90 poor — the
 * ±5 % / ±10 % variance thresholds that contracts under the EIA-748 guidelines most often set for reporting.
 */
export function indexHealth(index: number | null): EvmHealth {
  if (index === null || !Number.isFinite(index)) return 'unknown';
  if (index >= 0.95) return 'good';
  if (index >= 0.9) return 'watch';
  return 'poor';
}

/**
 * The colour of a to-complete performance index: the efficiency the rest of the work needs. Up to 1.05 is within
 * reach, up to 1.10 a stretch, above that the budget is not realistic any more (a TCPI well above the CPI achieved).
 */
export function tcpiHealth(tcpi: number | null): EvmHealth {
  if (tcpi === null || !Number.isFinite(tcpi)) return 'unknown';
  if (tcpi <= 1.05) return 'good';
  if (tcpi <= 1.1) return 'watch';
  return 'poor';
}

/** The colour of spending against progress: spending more of the budget than the share of work done is the warning. */
export function burnHealth(percentSpent: number | null, percentComplete: number | null): EvmHealth {
  if (percentSpent === null || percentComplete === null) return 'unknown';
  const over = percentSpent - percentComplete;
  if (over <= 0.05) return 'good';
  if (over <= 0.1) return 'watch';
  return 'poor';
}
