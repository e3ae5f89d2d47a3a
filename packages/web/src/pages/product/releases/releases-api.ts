import { request } from '../../../api/client';

/** Where a release stands. */
export type ReleaseStatus = 'planned' | 'in_progress' | 'released' | 'cancelled';

/** How each status reads. */
export const releaseStatusLabels: Record<ReleaseStatus, string> = {
  planned: 'Planned',
  in_progress: 'In progress',
  released: 'Released',
  cancelled: 'Cancelled',
};

/** A project task delivering a feature of the release. */
export interface LinkedTask {
  taskId: string;
  projectId: string;
  projectName: string;
  featureId: string;
  name: string;
  finish: string;
  percentComplete: number;
}

/** A release with its features and its forecast from the linked project work. */
export interface Release {
  id: string;
  workspaceId: string;
  productId: string;
  versionName: string;
  name: string;
  targetDate: string | null;
  status: ReleaseStatus;
  notes: string;
  releasedAt: string | null;
  features: { id: string; title: string; status: string }[];
  forecast: {
    forecastDate: string | null;
    late: boolean;
    slipDays: number | null;
    linkedTasks: LinkedTask[];
    /** Linked tasks in projects the reader may not see: counted in the forecast, not listed. */
    hiddenTaskCount: number;
  };
  version: number;
}

/** Fields of a release a form sends. */
export interface ReleaseInput {
  versionName?: string;
  name?: string;
  targetDate?: string | null;
  status?: ReleaseStatus;
  notes?: string;
  featureIds?: string[];
}

/** Someone to tell about a release. */
export interface CustomerToTell {
  customerId: string | null;
  name: string;
  segment: string;
  tier: string;
  revenueCents: number;
  emails: string[];
  features: string[];
  feedbackCount: number;
}

/** One webhook delivery attempt. */
export interface Delivery {
  id: string;
  webhookId: string;
  event: string;
  /** `pending`: a retry is due at `nextAttemptAt`; `failed`: no attempt is left. */
  status: 'delivered' | 'pending' | 'failed';
  responseStatus: number | null;
  /** The last attempt's error. */
  error: string | null;
  durationMs: number;
  attempts: number;
  lastAttemptAt: string;
  nextAttemptAt: string | null;
  createdAt: string;
}

/** A product webhook. */
export interface Webhook {
  id: string;
  url: string;
  events: string[];
  active: boolean;
  secret?: string;
  version: number;
}

/** A launch checklist item. */
export interface LaunchItem {
  id: string;
  launchPlanId: string;
  area: LaunchArea;
  title: string;
  ownerId: string | null;
  dueDate: string | null;
  status: LaunchItemStatus;
  version: number;
}

/** The go-to-market areas. */
export type LaunchArea = 'marketing' | 'sales' | 'support' | 'docs';

/** Where a launch item stands. */
export type LaunchItemStatus = 'todo' | 'in_progress' | 'done' | 'blocked';

/** A release's launch plan. */
export interface LaunchPlan {
  id: string;
  releaseId: string;
  templateId: string | null;
  items: LaunchItem[];
  progress: { done: number; total: number };
}

/** A launch checklist template. */
export interface LaunchTemplate {
  id: string;
  name: string;
  isDefault: boolean;
  items: { area: LaunchArea; title: string; offsetDays: number }[];
  version: number;
}

/** The calls of the Releases tab. */
export const releasesApi = {
  list: (productId: string) => request<{ items: Release[] }>('GET', `/api/products/${productId}/releases`),
  create: (productId: string, body: ReleaseInput) =>
    request<Release>('POST', `/api/products/${productId}/releases`, { body }),
  update: (release: Release, body: ReleaseInput) =>
    request<Release>('PATCH', `/api/releases/${release.id}`, { body, ifMatch: release.version }),
  remove: (release: Release) =>
    request<void>('DELETE', `/api/releases/${release.id}`, { ifMatch: release.version }),
  draftNotes: (releaseId: string) =>
    request<{ notes: string }>('GET', `/api/releases/${releaseId}/notes-draft`),
  customers: (releaseId: string) =>
    request<{ items: CustomerToTell[] }>('GET', `/api/releases/${releaseId}/customers`),
  announce: (releaseId: string) =>
    request<{ deliveries: Delivery[] }>('POST', `/api/releases/${releaseId}/announce`),
  launch: (releaseId: string) =>
    request<{ plan: LaunchPlan | null }>('GET', `/api/releases/${releaseId}/launch`),
  createLaunch: (releaseId: string, templateId: string | undefined) =>
    request<LaunchPlan>('POST', `/api/releases/${releaseId}/launch`, {
      body: templateId ? { templateId } : {},
    }),
  addLaunchItem: (planId: string, body: { area: LaunchArea; title: string }) =>
    request<LaunchItem>('POST', `/api/launch-plans/${planId}/items`, { body }),
  updateLaunchItem: (
    item: LaunchItem,
    body: Partial<Pick<LaunchItem, 'ownerId' | 'dueDate' | 'status' | 'title'>>,
  ) => request<LaunchItem>('PATCH', `/api/launch-items/${item.id}`, { body, ifMatch: item.version }),
  removeLaunchItem: (item: LaunchItem) =>
    request<void>('DELETE', `/api/launch-items/${item.id}`, { ifMatch: item.version }),
  templates: (workspaceId: string) =>
    request<{ items: LaunchTemplate[] }>('GET', `/api/workspaces/${workspaceId}/launch-templates`),
  createTemplate: (workspaceId: string, body: { name: string; items: LaunchTemplate['items'] }) =>
    request<LaunchTemplate>('POST', `/api/workspaces/${workspaceId}/launch-templates`, { body }),
  webhooks: (productId: string) =>
    request<{ items: Webhook[] }>('GET', `/api/products/${productId}/webhooks`),
  createWebhook: (productId: string, body: { url: string; events: string[] }) =>
    request<Webhook>('POST', `/api/products/${productId}/webhooks`, { body }),
  removeWebhook: (hook: Webhook) =>
    request<void>('DELETE', `/api/webhooks/${hook.id}`, { ifMatch: hook.version }),
  pingWebhook: (hookId: string) => request<Delivery>('POST', `/api/webhooks/${hookId}/ping`),
  deliveries: (hookId: string) => request<{ items: Delivery[] }>('GET', `/api/webhooks/${hookId}/deliveries`),
};

/** Query keys of the tab. */
export const releaseKeys = {
  list: (productId: string) => ['releases', productId] as const,
  customers: (releaseId: string) => ['release', releaseId, 'customers'] as const,
  launch: (releaseId: string) => ['release', releaseId, 'launch'] as const,
  templates: (workspaceId: string) => ['launch-templates', workspaceId] as const,
  webhooks: (productId: string) => ['webhooks', productId] as const,
  deliveries: (hookId: string) => ['webhook', hookId, 'deliveries'] as const,
};

/** A day as `2 Mar 2026`. */
export const longDate = (day: string | null) =>
  day === null
    ? '—'
    : new Date(`${day.slice(0, 10)}T00:00:00Z`).toLocaleDateString(undefined, {
        day: 'numeric',
        month: 'short',
        year: 'numeric',
        timeZone: 'UTC',
      });
