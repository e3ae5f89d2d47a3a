import { newId } from '../../src/db/ids';
import { addMember, type Caller, createWorkspace, signUp, sql } from './domain-world';
import type { TestServer } from './server';

/** Adds a feature to a product straight in the database (the release and hand-off tests are not about features). */
export async function insertFeature(
  t: TestServer,
  product: { id: string; workspaceId: string },
  title: string,
  spec = '',
): Promise<string> {
  const id = newId('fea');
  await sql(
    t,
    'insert into features (id, workspace_id, product_id, title, spec) values ($1, $2, $3, $4, $5)',
    [id, product.workspaceId, product.id, title, spec],
  );
  return id;
}

/** Adds a customer, a piece of their feedback and its link to a feature; returns the customer id. */
export async function insertDemand(
  t: TestServer,
  product: { id: string; workspaceId: string },
  featureId: string,
  customer: { name: string; revenueCents?: number; tier?: string; email?: string } | { email: string },
): Promise<string | null> {
  let customerId: string | null = null;
  if ('name' in customer) {
    customerId = newId('cus');
    await sql(
      t,
      'insert into customers (id, workspace_id, name, revenue_cents, tier) values ($1, $2, $3, $4, $5)',
      [
        customerId,
        product.workspaceId,
        customer.name,
        customer.revenueCents ?? 0,
        customer.tier ?? 'standard',
      ],
    );
  }
  const feedbackId = newId('fbk');
  await sql(
    t,
    'insert into feedback (id, workspace_id, product_id, customer_id, title, email) values ($1, $2, $3, $4, $5, $6)',
    [feedbackId, product.workspaceId, product.id, customerId, 'Please', customer.email ?? ''],
  );
  await sql(
    t,
    'insert into feedback_links (id, workspace_id, feedback_id, feature_id) values ($1, $2, $3, $4)',
    [newId('fbl'), product.workspaceId, feedbackId, featureId],
  );
  return customerId;
}

/** Creates a product through the API. */
export async function createProduct(owner: Caller, workspaceId: string, name = 'Atlas') {
  return owner.json<{ id: string; workspaceId: string; version: number }>(
    'POST',
    `/api/workspaces/${workspaceId}/products`,
    { name },
    201,
  );
}

/** Adds an initiative of a product with the given features, straight in the database. */
export async function insertInitiative(
  t: TestServer,
  product: { id: string; workspaceId: string },
  title: string,
  featureIds: readonly string[],
  planned: { start?: string; finish?: string } = {},
): Promise<string> {
  const id = newId('ini');
  await sql(
    t,
    'insert into initiatives (id, workspace_id, product_id, title, planned_start, planned_finish, status) values ($1, $2, $3, $4, $5, $6, $7)',
    [id, product.workspaceId, product.id, title, planned.start ?? null, planned.finish ?? null, 'planned'],
  );
  for (const featureId of featureIds) {
    await sql(
      t,
      'insert into initiative_features (id, workspace_id, initiative_id, feature_id) values ($1, $2, $3, $4)',
      [newId('inf'), product.workspaceId, id, featureId],
    );
  }
  return id;
}

/** A product manager (the workspace owner) with a product, and a member to manage the projects handed off. */
export interface HandoffWorld {
  owner: Caller;
  manager: Caller;
  workspaceId: string;
  product: { id: string; workspaceId: string };
}

/** Signs up the owner and a project manager, makes the workspace and a product. */
export async function handoffWorld(t: TestServer, label: string): Promise<HandoffWorld> {
  const owner = await signUp(t, `${label} Owner`);
  const manager = await signUp(t, `${label} Manager`);
  const workspaceId = await createWorkspace(t, owner);
  await addMember(t, workspaceId, manager, 'member');
  const product = await createProduct(owner, workspaceId);
  return { owner, manager, workspaceId, product };
}
