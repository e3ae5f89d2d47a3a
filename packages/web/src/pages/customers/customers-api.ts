import { request } from '../../api/client';

/** How much a customer matters. */
export type Tier = 'strategic' | 'key' | 'standard';

/** How each tier reads, with its weight in demand. */
export const tierLabels: Record<Tier, string> = {
  strategic: 'Strategic (×3)',
  key: 'Key (×2)',
  standard: 'Standard (×1)',
};

/** A customer of the workspace. */
export interface Customer {
  id: string;
  name: string;
  segment: string;
  revenueCents: number;
  tier: Tier;
  notes: string;
  version: number;
  feedbackCount?: number;
  featureCount?: number;
}

/** Fields a form sends. */
export interface CustomerInput {
  name?: string;
  segment?: string;
  revenueCents?: number;
  tier?: Tier;
  notes?: string;
}

/** Query keys of customers. */
export const customerKeys = {
  all: ['customers'] as const,
  list: (workspaceId: string) => ['customers', workspaceId] as const,
};

/** Calls of the customer API. */
export const customersApi = {
  list: (workspaceId: string) =>
    request<{ items: Customer[] }>('GET', `/api/workspaces/${workspaceId}/customers`),
  create: (workspaceId: string, body: CustomerInput & { name: string }) =>
    request<Customer>('POST', `/api/workspaces/${workspaceId}/customers`, { body }),
  update: (customer: Pick<Customer, 'id' | 'version'>, body: CustomerInput) =>
    request<Customer>('PATCH', `/api/customers/${customer.id}`, { body, ifMatch: customer.version }),
  remove: (customer: Pick<Customer, 'id' | 'version'>) =>
    request<void>('DELETE', `/api/customers/${customer.id}`, { ifMatch: customer.version }),
};
