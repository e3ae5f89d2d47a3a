import { request } from '../../../api/client';

/** A saved baseline without its tasks. */
export interface BaselineSummary {
  id: string;
  projectId: string;
  name: string;
  note: string;
  planRevision: number;
  start: string | null;
  finish: string | null;
  taskCount: number;
  createdAt: string;
  version: number;
}

/** One task against a baseline; variances in working minutes (dates), minutes (duration, work) and cents (cost). */
export interface TaskVariance {
  taskId: string;
  name: string;
  outline: string;
  baselineStart: string;
  baselineFinish: string;
  start: string;
  finish: string;
  startVariance: number;
  finishVariance: number;
  durationVariance: number;
  workVariance: number;
  costVariance: number;
}

/** One task in two baselines. */
export interface BaselineComparisonItem {
  taskId: string;
  name: string;
  a: { start: string; finish: string } | null;
  b: { start: string; finish: string } | null;
  startDifference: number | null;
  finishDifference: number | null;
}

/** The baseline calls of the Baselines tab. */
export const baselinesApi = {
  list: (projectId: string) =>
    request<{ items: BaselineSummary[] }>('GET', `/api/projects/${projectId}/baselines`),
  create: (projectId: string, body: { name: string; note?: string }) =>
    request<BaselineSummary>('POST', `/api/projects/${projectId}/baselines`, { body }),
  remove: (baseline: BaselineSummary) =>
    request<void>('DELETE', `/api/baselines/${baseline.id}`, { ifMatch: baseline.version }),
  variances: (baselineId: string) =>
    request<{ items: TaskVariance[] }>('GET', `/api/baselines/${baselineId}/variances`),
  compare: (a: string, b: string) =>
    request<{ items: BaselineComparisonItem[] }>('GET', '/api/baselines/compare', { query: { a, b } }),
};

/** Query keys of the tab; `gantt` is the Gantt's own baseline list, refreshed when one is saved or deleted here. */
export const baselineKeys = {
  list: (projectId: string) => ['baselines', projectId] as const,
  gantt: (projectId: string) => ['plan', projectId, 'baselines'] as const,
  variances: (baselineId: string) => ['baseline', baselineId, 'variances'] as const,
  compare: (a: string, b: string) => ['baseline', 'compare', a, b] as const,
};
