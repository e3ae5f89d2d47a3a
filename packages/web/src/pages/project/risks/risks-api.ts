import type { HeatMapCell, RegisterTotals, RiskBand, RiskScale } from '@tandem/core';
import { request } from '../../../api/client';

export type RiskResponse = 'avoid' | 'mitigate' | 'transfer' | 'accept' | 'exploit';
export type RiskStatus = 'open' | 'closed' | 'occurred';
export type { HeatMapCell, RiskBand, RiskScale };

/** A mitigation action: a task of the plan with its progress. */
export interface RiskAction {
  taskId: string;
  name: string;
  status: string;
  percentComplete: number;
}

/** A risk of the register. */
export interface Risk {
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
  response: RiskResponse;
  triggers: string;
  reviewDate: string | null;
  reviewOverdue: boolean;
  status: RiskStatus;
  issueId: string | null;
  actions: RiskAction[];
  version: number;
}

/** What the risk form sends. */
export interface RiskInput {
  title: string;
  description: string;
  category: string;
  ownerId: string | null;
  probability: number;
  impact: number;
  residualProbability: number | null;
  residualImpact: number | null;
  response: RiskResponse;
  triggers: string;
  reviewDate: string | null;
  status?: 'open' | 'closed';
}

/** The overview the Risks tab draws its heat map, figures and trend from. */
export interface RegisterOverview {
  scale: RiskScale;
  heatMap: HeatMapCell[][];
  totals: RegisterTotals;
  trend: (RegisterTotals & { day: string })[];
  categories: string[];
  overdueReviews: number;
}

/** Filters of the register list. */
export interface RiskFilters {
  status?: RiskStatus | undefined;
  category?: string | undefined;
  ownerId?: string | undefined;
  probability?: number | undefined;
  impact?: number | undefined;
}

/** A task of the plan, as the action picker lists it. */
export interface PickableTask {
  id: string;
  name: string;
}

const enc = encodeURIComponent;

/** The risk register calls of the Risks tab. */
export const risksApi = {
  overview: (projectId: string) =>
    request<RegisterOverview>('GET', `/api/projects/${enc(projectId)}/risk-register`),
  list: (projectId: string, filters: RiskFilters) =>
    request<{ items: Risk[] }>('GET', `/api/projects/${enc(projectId)}/risks`, { query: { ...filters } }),
  create: (projectId: string, body: RiskInput) =>
    request<Risk>('POST', `/api/projects/${enc(projectId)}/risks`, { body }),
  update: (risk: Risk, body: Partial<RiskInput>) =>
    request<Risk>('PATCH', `/api/risks/${enc(risk.id)}`, { body, ifMatch: risk.version }),
  remove: (risk: Risk) => request<void>('DELETE', `/api/risks/${enc(risk.id)}`, { ifMatch: risk.version }),
  occur: (risk: Risk) =>
    request<{ risk: Risk; issue: { id: string; title: string } }>(
      'POST',
      `/api/risks/${enc(risk.id)}/occurrence`,
      {
        ifMatch: risk.version,
      },
    ),
  addTask: (riskId: string, name: string) =>
    request<Risk>('POST', `/api/risks/${enc(riskId)}/actions`, { body: { task: { name } } }),
  linkTask: (riskId: string, taskId: string) =>
    request<Risk>('POST', `/api/risks/${enc(riskId)}/actions`, { body: { taskId } }),
  unlinkTask: (riskId: string, taskId: string) =>
    request<Risk>('DELETE', `/api/risks/${enc(riskId)}/actions/${enc(taskId)}`),
  links: (riskId: string) =>
    request<{ items: { id: string; targetId: string; title: string; status: string }[] }>(
      'GET',
      `/api/risks/${enc(riskId)}/links`,
    ),
  setScale: (projectId: string, scale: RiskScale) =>
    request<RiskScale>('PUT', `/api/projects/${enc(projectId)}/risk-scale`, { body: scale }),
  tasks: (projectId: string) =>
    request<{ items: PickableTask[] }>('GET', `/api/projects/${enc(projectId)}/tasks`, {
      query: { limit: 200 },
    }),
};

/**
 * Query keys of the register, under the plan's key: live events of the project (its risks, its tasks, whose progress
 * the actions show) mark them stale with the plan.
 */
export const riskKeys = {
  all: (projectId: string) => ['plan', projectId, 'risks'] as const,
  overview: (projectId: string) => ['plan', projectId, 'risks', 'overview'] as const,
  list: (projectId: string, filters: RiskFilters) => ['plan', projectId, 'risks', 'list', filters] as const,
  tasks: (projectId: string) => ['plan', projectId, 'risks', 'tasks'] as const,
  links: (projectId: string, riskId: string) => ['plan', projectId, 'risks', 'links', riskId] as const,
};

/** Words for the responses, in the order a form offers them. */
export const responseLabels: Record<RiskResponse, string> = {
  avoid: 'Avoid',
  mitigate: 'Mitigate',
  transfer: 'Transfer',
  accept: 'Accept',
  exploit: 'Exploit',
};

/** Words for the statuses. */
export const statusLabels: Record<RiskStatus, string> = {
  open: 'Open',
  closed: 'Closed',
  occurred: 'Occurred',
};
