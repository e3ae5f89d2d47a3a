/** What a release's forecast is computed from: its target day and the forecast finish of each linked task. */
export interface ReleaseForecastInput {
  /** `YYYY-MM-DD`, or null when the release has no target yet. */
  targetDate: string | null;
  /** Wall-clock `YYYY-MM-DDTHH:MM` finishes of the project tasks that deliver the release's features. */
  taskFinishes: readonly string[];
}

/** A release's forecast: the day its last linked task finishes, and whether that is after the target. */
export interface ReleaseForecast {
  /** `YYYY-MM-DD`, or null when no project work is linked to the release's features. */
  forecastDate: string | null;
  /** True when the forecast day falls after the target day. */
  late: boolean;
  /** Calendar days from target to forecast (positive = late), or null when either is missing. */
  slipDays: number | null;
}

const dayMs = 86_400_000;

/** Calendar days from `from` to `to` (`YYYY-MM-DD`), negative when `to` is earlier. */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / dayMs);
}

/**
 * Forecasts a release from its linked work: the release ships when the last task delivering one of its features
 * finishes, so the forecast is the latest of their finishes; it is late when that day is after the target.
 * @example releaseForecast({ targetDate: '2026-12-01', taskFinishes: ['2026-12-03T17:00'] }) // late, 2 days
 */
export function releaseForecast(input: ReleaseForecastInput): ReleaseForecast {
  let latest: string | null = null;
  // Wall-clock texts of one shape sort as their instants do.
  for (const finish of input.taskFinishes) if (latest === null || finish > latest) latest = finish;
  const forecastDate = latest === null ? null : latest.slice(0, 10);
  if (forecastDate === null || input.targetDate === null)
    return { forecastDate, late: false, slipDays: null };
  const slipDays = daysBetween(input.targetDate, forecastDate);
  return { forecastDate, late: slipDays > 0, slipDays };
}
