import { request } from '../../../api/client';
import type { InitiativeDelivery } from '../handoff/handoff-api';

export type InitiativeStatus = 'proposed' | 'planned' | 'in_progress' | 'done' | 'cancelled';

export const initiativeStatusLabels: Record<InitiativeStatus, string> = {
  proposed: 'Proposed',
  planned: 'Planned',
  in_progress: 'In progress',
  done: 'Done',
  cancelled: 'Cancelled',
};

/** An initiative of a product. */
export interface Initiative {
  id: string;
  productId: string;
  parentId: string | null;
  objectiveId: string | null;
  title: string;
  description: string;
  theme: string;
  team: string;
  plannedStart: string | null;
  plannedFinish: string | null;
  status: InitiativeStatus;
  projectId: string | null;
  version: number;
}

/** An initiative as the roadmap draws it. */
export interface RoadmapInitiative extends Initiative {
  projectName: string | null;
  featureCount: number;
  releasedCount: number;
  progress: number;
  forecastFinish: string | null;
  horizon: 'now' | 'next' | 'later' | null;
  /** The delivering project's progress, forecast and health; its name is null when the reader may not open it. */
  delivery: InitiativeDelivery | null;
}

export interface RoadmapRelease {
  id: string;
  versionName: string;
  name: string;
  targetDate: string | null;
  status: string;
  features: { featureId: string; title: string; status: string; initiativeId: string | null }[];
}

/** Everything the roadmap views draw. */
export interface Roadmap {
  product: { id: string; name: string };
  asOf: string;
  objectives: { id: string; title: string; period: string }[];
  initiatives: RoadmapInitiative[];
  releases: RoadmapRelease[];
}

/** What the initiative form sends. */
export interface InitiativeInput {
  title: string;
  description?: string;
  theme?: string;
  team?: string;
  parentId?: string | null;
  objectiveId?: string | null;
  plannedStart?: string | null;
  plannedFinish?: string | null;
  status?: InitiativeStatus;
}

export interface ShareLink {
  id: string;
  label: string;
  createdAt: string;
  revokedAt: string | null;
  active: boolean;
}

export const roadmapKeys = {
  roadmap: (productId: string) => ['roadmap', productId] as const,
  initiatives: (productId: string) => ['roadmap', productId, 'initiatives'] as const,
  features: (initiativeId: string) => ['initiative-features', initiativeId] as const,
  shares: (productId: string) => ['roadmap', productId, 'shares'] as const,
};

export const roadmapApi = {
  roadmap: (productId: string) => request<Roadmap>('GET', `/api/products/${productId}/roadmap`),
  initiatives: (productId: string) =>
    request<{ items: Initiative[] }>('GET', `/api/products/${productId}/initiatives`),
  create: (productId: string, body: InitiativeInput) =>
    request<Initiative>('POST', `/api/products/${productId}/initiatives`, { body }),
  update: (initiative: Initiative, body: Partial<InitiativeInput>) =>
    request<Initiative>('PATCH', `/api/initiatives/${initiative.id}`, { body, ifMatch: initiative.version }),
  remove: (initiative: Initiative) =>
    request<void>('DELETE', `/api/initiatives/${initiative.id}`, { ifMatch: initiative.version }),
  features: (initiativeId: string) =>
    request<{ items: { featureId: string; title: string; status: string }[] }>(
      'GET',
      `/api/initiatives/${initiativeId}/features`,
    ),
  addFeature: (initiativeId: string, featureId: string) =>
    request<unknown>('POST', `/api/initiatives/${initiativeId}/features`, { body: { featureId } }),
  removeFeature: (initiativeId: string, featureId: string) =>
    request<void>('DELETE', `/api/initiatives/${initiativeId}/features/${featureId}`),
  shares: (productId: string) =>
    request<{ items: ShareLink[] }>('GET', '/api/share-links', {
      query: { entityType: 'roadmap', entityId: productId },
    }),
  share: (productId: string, label: string) =>
    request<{ link: ShareLink; token: string; path: string }>('POST', '/api/share-links', {
      body: { entityType: 'roadmap', entityId: productId, label },
    }),
  revoke: (linkId: string) => request<unknown>('DELETE', `/api/share-links/${linkId}`),
};
