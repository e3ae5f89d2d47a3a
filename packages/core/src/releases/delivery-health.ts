/** How a piece of delivery work stands against its plan. */
export type DeliveryHealth = 'on_track' | 'at_risk' | 'late' | 'unknown';

/** What the health of delivery work is judged from. */
export interface DeliveryHealthInput {
  /** The finish promised (an initiative's planned finish, a release's target), `YYYY-MM-DD`, or null. */
  plannedFinish: string | null;
  /** The project's forecast finish, `YYYY-MM-DD`, or null when it has no schedule. */
  forecastFinish: string | null;
  /** Schedule performance index from earned value, or null when undefined (nothing planned yet). */
  spi: number | null;
  /** A forecast within this many days of the planned finish is at risk (default 5). */
  marginDays?: number;
  /** An SPI under this is at risk (default 0.9, the common amber threshold). */
  spiThreshold?: number;
}

/** The health of delivery work and the reasons for it, so the UI can say why. */
export interface DeliveryHealthResult {
  health: DeliveryHealth;
  reasons: string[];
}

const dayMs = 86_400_000;
const dayNumber = (day: string) => Math.round(Date.parse(`${day}T00:00:00Z`) / dayMs);

/**
 * Judges delivery work: late when the forecast finish is after the planned finish; at risk when it lands within the
 * margin of it or the SPI is below the threshold; on track otherwise; unknown when there is nothing to judge.
 * @example deliveryHealth({ plannedFinish: '2026-12-01', forecastFinish: '2026-12-04', spi: null }).health // 'late'
 */
export function deliveryHealth(input: DeliveryHealthInput): DeliveryHealthResult {
  const margin = input.marginDays ?? 5;
  const threshold = input.spiThreshold ?? 0.9;
  const reasons: string[] = [];
  if (input.plannedFinish !== null && input.forecastFinish !== null) {
    const slip = dayNumber(input.forecastFinish) - dayNumber(input.plannedFinish);
    if (slip > 0) {
      return {
        health: 'late',
        reasons: [`Forecast finish ${input.forecastFinish} is ${slip} days after ${input.plannedFinish}`],
      };
    }
    if (-slip < margin) reasons.push(`Forecast finish is within ${margin} days of ${input.plannedFinish}`);
  }
  if (input.spi !== null && input.spi < threshold) {
    reasons.push(`SPI ${input.spi.toFixed(2)} is below ${threshold}`);
  }
  if (reasons.length > 0) return { health: 'at_risk', reasons };
  if (input.forecastFinish === null && input.spi === null) return { health: 'unknown', reasons: [] };
  return { health: 'on_track', reasons: [] };
}
