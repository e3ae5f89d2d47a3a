import type { CustomerTier, customers } from '../../db/schema/customers';
import type { ChangeSubject } from '../shared/change-log';

type CustomerRow = typeof customers.$inferSelect;

/** A customer as the API shows it. */
export interface CustomerView {
  id: string;
  workspaceId: string;
  name: string;
  segment: string;
  revenueCents: number;
  tier: CustomerTier;
  notes: string;
  createdAt: string;
  updatedAt: string;
  version: number;
}

/** A customer in a list, with how much they asked for. */
export interface CustomerListItem extends CustomerView {
  feedbackCount: number;
  featureCount: number;
}

/** Maps a row to its API view. */
export function toCustomerView(row: CustomerRow): CustomerView {
  return {
    id: row.id,
    workspaceId: row.workspaceId,
    name: row.name,
    segment: row.segment,
    revenueCents: row.revenueCents,
    tier: row.tier,
    notes: row.notes,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    version: row.version,
  };
}

/** The subject of a write to a customer, heard by the workspace's listeners. */
export function customerSubject(row: Pick<CustomerRow, 'id' | 'workspaceId'>): ChangeSubject {
  return { entityType: 'customer', entityId: row.id, workspaceId: row.workspaceId };
}
