import { request } from '../../../api/client';

/** A key result with its progress from 0 to 1. */
export interface KeyResult {
  id: string;
  objectiveId: string;
  title: string;
  unit: string;
  startValue: number;
  targetValue: number;
  currentValue: number;
  direction: 'increase' | 'decrease';
  progress: number;
  version: number;
}

/** An objective with its key results and progress (their mean). */
export interface Objective {
  id: string;
  productId: string;
  parentId: string | null;
  title: string;
  description: string;
  period: string;
  status: 'active' | 'achieved' | 'missed' | 'cancelled';
  progress: number | null;
  keyResults: KeyResult[];
  version: number;
}

/** Query keys of objectives. */
export const okrKeys = {
  all: ['objectives'] as const,
  list: (productId: string) => ['objectives', productId] as const,
};

/** Calls of the objectives and key results API. */
export const okrsApi = {
  list: (productId: string) =>
    request<{ items: Objective[] }>('GET', `/api/products/${productId}/objectives`),
  create: (productId: string, body: { title: string; period?: string; description?: string }) =>
    request<Objective>('POST', `/api/products/${productId}/objectives`, { body }),
  update: (
    objective: Pick<Objective, 'id' | 'version'>,
    body: Partial<Pick<Objective, 'title' | 'status' | 'period'>>,
  ) => request<Objective>('PATCH', `/api/objectives/${objective.id}`, { body, ifMatch: objective.version }),
  remove: (objective: Pick<Objective, 'id' | 'version'>) =>
    request<void>('DELETE', `/api/objectives/${objective.id}`, { ifMatch: objective.version }),
  addKeyResult: (
    objectiveId: string,
    body: { title: string; unit?: string; startValue: number; targetValue: number; currentValue?: number },
  ) => request<KeyResult>('POST', `/api/objectives/${objectiveId}/key-results`, { body }),
  updateKeyResult: (
    keyResult: Pick<KeyResult, 'id' | 'version'>,
    body: Partial<Pick<KeyResult, 'currentValue' | 'title'>>,
  ) => request<KeyResult>('PATCH', `/api/key-results/${keyResult.id}`, { body, ifMatch: keyResult.version }),
  removeKeyResult: (keyResult: Pick<KeyResult, 'id' | 'version'>) =>
    request<void>('DELETE', `/api/key-results/${keyResult.id}`, { ifMatch: keyResult.version }),
};

/** A share as a whole percentage: 0.375 → "38%". */
export const percent = (share: number | null) => (share === null ? '—' : `${Math.round(share * 100)}%`);
