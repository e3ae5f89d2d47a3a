import { type RiskBand, type RiskScale, residualScore, riskBand } from '@tandem/core';
import type { risks } from '../../db/schema/risks';
import type { ChangeSubject } from '../shared/change-log';

type RiskRow = typeof risks.$inferSelect;

/** A mitigation action as a risk shows it: the plan task and how far along it is. */
export interface RiskActionView {
  taskId: string;
  name: string;
  status: string;
  percentComplete: number;
}

/** A risk as the API shows it, with its band, residual score and mitigation actions. */
export interface RiskView {
  id: string;
  projectId: string;
  title: string;
  description: string;
  category: string;
  ownerId: string | null;
  probability: number;
  impact: number;
  score: number;
  band: RiskBand;
  residualProbability: number | null;
  residualImpact: number | null;
  residualScore: number;
  response: RiskRow['response'];
  triggers: string;
  reviewDate: string | null;
  /** An open risk whose review date has passed. */
  reviewOverdue: boolean;
  status: RiskRow['status'];
  issueId: string | null;
  actions: RiskActionView[];
  createdBy: string | null;
  createdAt: string;
  updatedAt: string;
  version: number;
}

/** Maps a row to its view; `today` (`YYYY-MM-DD`) decides whether its review is overdue. */
export function toRiskView(
  row: RiskRow,
  scale: RiskScale,
  actions: RiskActionView[],
  today: string,
): RiskView {
  return {
    id: row.id,
    projectId: row.projectId,
    title: row.title,
    description: row.description,
    category: row.category,
    ownerId: row.ownerId,
    probability: row.probability,
    impact: row.impact,
    score: row.score,
    band: riskBand(row.score, scale),
    residualProbability: row.residualProbability,
    residualImpact: row.residualImpact,
    residualScore: residualScore(row),
    response: row.response,
    triggers: row.triggers,
    reviewDate: row.reviewDate,
    reviewOverdue: row.status === 'open' && row.reviewDate !== null && row.reviewDate < today,
    status: row.status,
    issueId: row.issueId,
    actions,
    createdBy: row.createdBy,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    version: row.version,
  };
}

/** The subject of a write to a risk, heard by the project's listeners. */
export function riskSubject(row: Pick<RiskRow, 'id' | 'workspaceId' | 'projectId'>): ChangeSubject {
  return { entityType: 'risk', entityId: row.id, workspaceId: row.workspaceId, projectId: row.projectId };
}
