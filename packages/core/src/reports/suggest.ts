import type { ReportFigures } from './figures';
import type { RagColour, RagDimension } from './rag';

/**
 * The thresholds a report's suggested colours follow. Indices: 0.95 and above is on track (the ±5 % variance
 * threshold contracts under EIA-748 most often set), from 0.85 amber, below red. Counts: up to `green` is green, up to
 * `amber` amber, more is red.
 */
export const ragThresholds = {
  schedule: { spiGreen: 0.95, spiAmber: 0.85, lateMilestonesAmber: 1 },
  cost: { cpiGreen: 0.95, cpiAmber: 0.85 },
  risk: { openHighGreen: 0, openHighAmber: 2 },
  scope: { pendingGreen: 0, pendingAmber: 3 },
  quality: { problemsGreen: 0, problemsAmber: 2 },
} as const;

const worse = (a: RagColour, b: RagColour): RagColour =>
  a === 'red' || b === 'red' ? 'red' : a === 'amber' || b === 'amber' ? 'amber' : 'green';

function byIndex(index: number, green: number, amber: number): RagColour {
  if (index >= green) return 'green';
  if (index >= amber) return 'amber';
  return 'red';
}

function byCount(count: number, green: number, amber: number): RagColour {
  if (count <= green) return 'green';
  if (count <= amber) return 'amber';
  return 'red';
}

/**
 * Schedule: green with SPI ≥ 0.95 and no late milestone, amber with SPI from 0.85 or one late milestone, red below or
 * with more; the worse of the two decides. Null without an SPI and without milestones that have a target.
 */
export function suggestScheduleColour(figures: ReportFigures['schedule']): RagColour | null {
  if (!figures) return null;
  const { spiGreen, spiAmber, lateMilestonesAmber } = ragThresholds.schedule;
  const judged = figures.milestones.some((milestone) => milestone.target !== null);
  const parts: RagColour[] = [];
  if (figures.spi !== null && Number.isFinite(figures.spi))
    parts.push(byIndex(figures.spi, spiGreen, spiAmber));
  if (judged) parts.push(byCount(figures.lateMilestones, 0, lateMilestonesAmber));
  return parts.length === 0 ? null : parts.reduce(worse);
}

/** Cost: green with CPI ≥ 0.95, amber from 0.85, red below; null while the CPI is undefined (no actual cost yet). */
export function suggestCostColour(figures: ReportFigures['cost']): RagColour | null {
  if (!figures || figures.cpi === null || !Number.isFinite(figures.cpi)) return null;
  return byIndex(figures.cpi, ragThresholds.cost.cpiGreen, ragThresholds.cost.cpiAmber);
}

/** Risk: green with no open high risk, amber with one or two, red with more; null when no risk was ever recorded. */
export function suggestRiskColour(figures: ReportFigures['risk']): RagColour | null {
  if (!figures || figures.recorded === 0) return null;
  return byCount(figures.openHigh, ragThresholds.risk.openHighGreen, ragThresholds.risk.openHighAmber);
}

/** Scope: green with no change request waiting for a decision, amber with up to three, red with more. */
export function suggestScopeColour(figures: ReportFigures['scope']): RagColour | null {
  if (!figures) return null;
  return byCount(figures.pendingChanges, ragThresholds.scope.pendingGreen, ragThresholds.scope.pendingAmber);
}

/**
 * Quality: rejected deliverables plus open high-severity issues; green with none, amber with one or two, red with
 * more. Null when the project records no deliverable and no issue.
 */
export function suggestQualityColour(figures: ReportFigures['quality']): RagColour | null {
  if (!figures || figures.recorded === 0) return null;
  const problems = figures.rejectedDeliverables + figures.openHighIssues;
  return byCount(problems, ragThresholds.quality.problemsGreen, ragThresholds.quality.problemsAmber);
}

/**
 * The colour the figures suggest for each dimension of a report.
 * @example suggestRag(figures).cost // 'amber' for a CPI of 0.9
 */
export function suggestRag(figures: ReportFigures): Record<RagDimension, RagColour | null> {
  return {
    schedule: suggestScheduleColour(figures.schedule),
    cost: suggestCostColour(figures.cost),
    scope: suggestScopeColour(figures.scope),
    risk: suggestRiskColour(figures.risk),
    quality: suggestQualityColour(figures.quality),
  };
}
