/** The dimensions a status report rates. */
export type RagDimension = 'schedule' | 'cost' | 'scope' | 'risk' | 'quality';

/** Every dimension, in the order a report shows them. */
export const ragDimensions: readonly RagDimension[] = ['schedule', 'cost', 'scope', 'risk', 'quality'];

/** A red/amber/green rating. */
export type RagColour = 'green' | 'amber' | 'red';

/** Every colour, best first. */
export const ragColours: readonly RagColour[] = ['green', 'amber', 'red'];

/**
 * One dimension of a report: the colour the figures suggest (null when there are no figures to judge by), the colour
 * the manager chose, and why they chose another one (required when `chosen` differs from `suggested`).
 */
export interface RagEntry {
  suggested: RagColour | null;
  chosen: RagColour | null;
  reason: string;
}

/** The ratings of a report, one per dimension. */
export type RagRatings = Record<RagDimension, RagEntry>;
