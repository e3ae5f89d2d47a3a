/** Whether a KPI is better high (`up`) or low (`down`). */
export type KpiDirection = 'up' | 'down';

/** Where a KPI stands against its target. */
export type KpiStatus = 'on_target' | 'near_target' | 'off_target' | 'no_target' | 'no_data';

/** Which way the last two measurements moved, read with the KPI's direction. */
export type KpiTrend = 'improving' | 'worsening' | 'flat' | 'unknown';

/** One measurement of a KPI on a day (`YYYY-MM-DD`). */
export interface KpiMeasurement {
  at: string;
  value: number;
}

/** A KPI's standing: its latest value, status against the target, trend and the gap left to the target. */
export interface KpiReading {
  latest: KpiMeasurement | null;
  status: KpiStatus;
  trend: KpiTrend;
  /** Target − latest, signed so that a positive gap is still to be gained; null without a target or data. */
  gap: number | null;
}

/** How close to the target still counts as near it: a tenth of the target's size (or 0.1 for a zero target). */
export const nearTargetShare = 0.1;

/**
 * Reads a KPI's measurements against its target and direction: the latest measurement decides the status, the one
 * before it the trend. Measurements may come in any order.
 * @example kpiReading({ target: 40, direction: 'up', measurements: [{ at: '2026-01-01', value: 42 }] }).status // 'on_target'
 */
export function kpiReading(input: {
  target: number | null;
  direction: KpiDirection;
  measurements: readonly KpiMeasurement[];
}): KpiReading {
  const sorted = [...input.measurements].sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0));
  const latest = sorted.at(-1) ?? null;
  const previous = sorted.at(-2) ?? null;
  const sign = input.direction === 'up' ? 1 : -1;
  let trend: KpiTrend = 'unknown';
  if (latest && previous) {
    const moved = (latest.value - previous.value) * sign;
    trend = moved > 0 ? 'improving' : moved < 0 ? 'worsening' : 'flat';
  }
  if (!latest) return { latest: null, status: 'no_data', trend, gap: null };
  if (input.target === null) return { latest, status: 'no_target', trend, gap: null };
  const gap = (input.target - latest.value) * sign;
  const tolerance = input.target === 0 ? nearTargetShare : Math.abs(input.target) * nearTargetShare;
  const status: KpiStatus = gap <= 0 ? 'on_target' : gap <= tolerance ? 'near_target' : 'off_target';
  return { latest, status, trend, gap: input.target - latest.value };
}
