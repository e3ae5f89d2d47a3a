/** A milestone as a status report judges it: its forecast finish against its target. */
export interface MilestoneFigure {
  id: string;
  name: string;
  /** Forecast finish, wall clock `YYYY-MM-DDTHH:MM`. */
  finish: string;
  /** Its deadline, else its finish in the latest baseline; null when it has neither (it cannot be late). */
  target: string | null;
  percentComplete: number;
  late: boolean;
}

/** The schedule figures of a report. */
export interface ScheduleFigures {
  /** Forecast project finish, wall clock. */
  finish: string | null;
  /** The project finish in the latest baseline, null without one. */
  baselineFinish: string | null;
  /** The baseline the targets come from, null without one. */
  baselineName: string | null;
  /** Schedule performance index from earned value; null when it is undefined (no planned value yet). */
  spi: number | null;
  milestones: MilestoneFigure[];
  lateMilestones: number;
}

/** The cost figures of a report: earned value at the status date, in cents and ratios. */
export interface CostFigures {
  bac: number;
  pv: number;
  ev: number;
  ac: number;
  cv: number;
  sv: number;
  cpi: number | null;
  spi: number | null;
  /** The estimate at completion the project reports (cents), null when undefined. */
  eac: number | null;
  vac: number | null;
}

/** The risk figures of a report. */
export interface RiskFigures {
  /** Every risk ever recorded on the project; 0 means there is no register to judge by. */
  recorded: number;
  open: number;
  openHigh: number;
  top: { id: string; title: string; score: number; status: string }[];
}

/** The scope figures of a report. */
export interface ScopeFigures {
  /** Change requests submitted and waiting for a decision. */
  pendingChanges: number;
  approvedChanges: number;
  rejectedChanges: number;
}

/** The quality figures of a report. */
export interface QualityFigures {
  /** Deliverables and RAID issues recorded on the project; 0 means there is nothing to judge by. */
  recorded: number;
  rejectedDeliverables: number;
  acceptedDeliverables: number;
  /** Open RAID issues of high or critical severity. */
  openHighIssues: number;
}

/**
 * Every figure a status report shows and rates; a dimension without figures is null (the report says "no data"
 * rather than inventing a colour). Frozen as the report's snapshot when it is published.
 */
export interface ReportFigures {
  /** The project's status date (`YYYY-MM-DD`) the figures are measured at, else the day they were taken. */
  asOf: string;
  schedule: ScheduleFigures | null;
  cost: CostFigures | null;
  risk: RiskFigures | null;
  scope: ScopeFigures | null;
  quality: QualityFigures | null;
}

const wall = (text: string) => text.replace(' ', 'T').slice(0, 16);

/**
 * Whether a milestone is late on `asOf`: its forecast finish passes its target, or its target has passed while it is
 * unfinished. Times are wall clock texts, compared as such.
 * @example isMilestoneLate({ finish: '2026-03-10T17:00', target: '2026-03-09T17:00', percentComplete: 0 }, '2026-03-01') // true
 */
export function isMilestoneLate(
  milestone: { finish: string; target: string | null; percentComplete: number },
  asOf: string,
): boolean {
  if (milestone.target === null) return false;
  const target = wall(milestone.target);
  if (wall(milestone.finish) > target) return true;
  return milestone.percentComplete < 100 && target.slice(0, 10) < asOf.slice(0, 10);
}
