import type { RiskScale } from './scale';
import { isHighRisk, residualScore } from './score';

/** The state of a risk that the register's totals read. */
export interface RegisterRisk {
  status: 'open' | 'closed' | 'occurred';
  probability: number;
  impact: number;
  residualProbability: number | null;
  residualImpact: number | null;
}

/** The register's totals at one moment: what a daily snapshot keeps. */
export interface RegisterTotals {
  openCount: number;
  highCount: number;
  /** Sum of the scores of the open risks. */
  totalScore: number;
  /** Sum of the residual scores of the open risks. */
  residualScore: number;
  closedCount: number;
  occurredCount: number;
}

/** Totals of a register: counts by status, and the open risks' high count and score sums. */
export function registerTotals(risks: readonly RegisterRisk[], scale: RiskScale): RegisterTotals {
  const totals: RegisterTotals = {
    openCount: 0,
    highCount: 0,
    totalScore: 0,
    residualScore: 0,
    closedCount: 0,
    occurredCount: 0,
  };
  for (const risk of risks) {
    if (risk.status === 'closed') totals.closedCount++;
    else if (risk.status === 'occurred') totals.occurredCount++;
    else {
      const score = risk.probability * risk.impact;
      totals.openCount++;
      totals.totalScore += score;
      totals.residualScore += residualScore(risk);
      if (isHighRisk(score, scale)) totals.highCount++;
    }
  }
  return totals;
}

/** One day of the trend. */
export interface TrendPoint extends RegisterTotals {
  /** `YYYY-MM-DD`. */
  day: string;
}

function nextDay(day: string): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const next = new Date(Date.UTC(y, m - 1, d + 1));
  return next.toISOString().slice(0, 10);
}

/**
 * The trend from the first snapshot to `today`, one point a day: a day without a snapshot had no write, so it carries
 * the totals of the last day that had one. Snapshots may come in any order; those after `today` are ignored.
 */
export function trendSeries(snapshots: readonly TrendPoint[], today: string): TrendPoint[] {
  const sorted = [...snapshots]
    .filter((point) => point.day <= today)
    .sort((a, b) => (a.day < b.day ? -1 : 1));
  const first = sorted[0];
  if (!first) return [];
  const byDay = new Map(sorted.map((point) => [point.day, point]));
  const series: TrendPoint[] = [];
  let last: TrendPoint = first;
  // A register several years old still charts; days are capped so a bad `today` cannot loop for ever.
  for (let day = first.day, guard = 0; day <= today && guard < 3660; day = nextDay(day), guard++) {
    last = byDay.get(day) ?? last;
    series.push({ ...last, day });
  }
  return series;
}
