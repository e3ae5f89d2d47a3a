import { request } from '../../../api/client';

export type RaidKind = 'issue' | 'assumption' | 'decision';
export type RaidSeverity = 'low' | 'medium' | 'high' | 'critical';
export type RaidPriority = 'low' | 'medium' | 'high' | 'urgent';
export type RaidStatus = 'open' | 'in_progress' | 'resolved' | 'closed';
export type RaidLinkType = 'task' | 'risk' | 'raid' | 'change_request';

/** An issue, assumption or decision of the RAID log. */
export interface RaidItem {
  id: string;
  projectId: string;
  kind: RaidKind;
  title: string;
  description: string;
  severity: RaidSeverity;
  priority: RaidPriority;
  ownerId: string | null;
  dueDate: string | null;
  overdue: boolean;
  status: RaidStatus;
  resolution: string;
  riskId: string | null;
  createdAt: string;
  version: number;
}

/** What the RAID form sends. */
export interface RaidInput {
  kind: RaidKind;
  title: string;
  description: string;
  severity: RaidSeverity;
  priority: RaidPriority;
  ownerId: string | null;
  dueDate: string | null;
  status: RaidStatus;
  resolution: string;
}

/** A link of an item, with the far end's title and status. */
export interface RaidLink {
  id: string;
  direction: 'outgoing' | 'incoming';
  type: RaidLinkType;
  targetId: string;
  title: string;
  status: string;
  percentComplete: number | null;
}

/** Filters of the log. */
export interface RaidFilters {
  kind?: RaidKind | undefined;
  status?: RaidStatus | undefined;
}

const enc = encodeURIComponent;

/** The RAID log calls. */
export const raidApi = {
  list: (projectId: string, filters: RaidFilters) =>
    request<{ items: RaidItem[] }>('GET', `/api/projects/${enc(projectId)}/raid`, { query: { ...filters } }),
  create: (projectId: string, body: RaidInput) =>
    request<RaidItem>('POST', `/api/projects/${enc(projectId)}/raid`, { body }),
  update: (item: RaidItem, body: Partial<RaidInput>) =>
    request<RaidItem>('PATCH', `/api/raid/${enc(item.id)}`, { body, ifMatch: item.version }),
  remove: (item: RaidItem) => request<void>('DELETE', `/api/raid/${enc(item.id)}`, { ifMatch: item.version }),
  links: (itemId: string) => request<{ items: RaidLink[] }>('GET', `/api/raid/${enc(itemId)}/links`),
  link: (itemId: string, toType: RaidLinkType, toId: string) =>
    request<RaidLink>('POST', `/api/raid/${enc(itemId)}/links`, { body: { toType, toId } }),
  unlink: (itemId: string, linkId: string) =>
    request<void>('DELETE', `/api/raid/${enc(itemId)}/links/${enc(linkId)}`),
};

/** Query keys of the log, under the plan's key so the project's live events refresh them. */
export const raidKeys = {
  all: (projectId: string) => ['plan', projectId, 'raid'] as const,
  list: (projectId: string, filters: RaidFilters) => ['plan', projectId, 'raid', 'list', filters] as const,
  links: (projectId: string, itemId: string) => ['plan', projectId, 'raid', 'links', itemId] as const,
};

export const kindLabels: Record<RaidKind, string> = {
  issue: 'Issue',
  assumption: 'Assumption',
  decision: 'Decision',
};
export const severityLabels: Record<RaidSeverity, string> = {
  low: 'Low',
  medium: 'Medium',
  high: 'High',
  critical: 'Critical',
};
export const priorityLabels: Record<RaidPriority, string> = {
  low: 'Low',
  medium: 'Medium',
  high: 'High',
  urgent: 'Urgent',
};
export const raidStatusLabels: Record<RaidStatus, string> = {
  open: 'Open',
  in_progress: 'In progress',
  resolved: 'Resolved',
  closed: 'Closed',
};
export const linkTypeLabels: Record<RaidLinkType, string> = {
  task: 'Task',
  risk: 'Risk',
  raid: 'RAID item',
  change_request: 'Change request',
};
