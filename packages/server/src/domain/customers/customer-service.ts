import { and, asc, eq, sql } from 'drizzle-orm';
import type { Database, Queryable, Transaction } from '../../db/client';
import { newId } from '../../db/ids';
import { type CustomerTier, customers } from '../../db/schema/customers';
import { ApiError } from '../../http/errors';
import { assertVersion } from '../../http/version';
import { featuresAskedFor, refreshDemand } from '../features/feature-demand';
import { recordChange } from '../shared/change-log';
import type { Changes } from '../shared/changes';
import { definedOnly } from '../shared/defined-only';
import { notFound } from '../shared/errors';
import { writeTransaction } from '../shared/write-transaction';
import { assertCustomerAccess } from './customer-access';
import { type CustomerListItem, type CustomerView, customerSubject, toCustomerView } from './customer-view';

type CustomerRow = typeof customers.$inferSelect;

/** Fields a client sets on a customer. */
export interface CustomerInput {
  name: string;
  segment?: string | undefined;
  revenueCents?: number | undefined;
  tier?: CustomerTier | undefined;
  notes?: string | undefined;
}

// PostgreSQL's unique_violation: here, only the workspace's case-insensitive customer name.
const uniqueViolation = '23505';

function isUniqueViolation(error: unknown): boolean {
  for (let current: unknown = error; current instanceof Error; current = current.cause) {
    if ((current as { code?: unknown }).code === uniqueViolation) return true;
  }
  return false;
}

/** The 409 for a name another customer of the workspace already has. */
export function duplicateName(name: string): ApiError {
  return new ApiError(409, 'CONFLICT', `A customer named "${name}" already exists in this workspace`, 'name');
}

/** A customer the caller may see; 404 otherwise. */
export async function visibleCustomer(
  db: Queryable,
  userId: string,
  customerId: string,
  lock = false,
): Promise<CustomerRow> {
  const query = db.select().from(customers).where(eq(customers.id, customerId));
  const [row] = lock ? await query.for('update') : await query;
  if (!row) throw notFound('Customer', customerId);
  await assertCustomerAccess(db, userId, row.workspaceId);
  return row;
}

/** The workspace's customers by name, with how many pieces of feedback and features each asked for. */
export async function listCustomers(
  db: Database,
  userId: string,
  workspaceId: string,
  q?: string | undefined,
): Promise<CustomerListItem[]> {
  await assertCustomerAccess(db, userId, workspaceId);
  const conditions = [eq(customers.workspaceId, workspaceId)];
  if (q) conditions.push(sql`${customers.name} ilike ${`%${q.replace(/[\\%_]/g, '\\$&')}%`}`);
  const rows = await db
    .select({
      customer: customers,
      // Correlated counts with their own aliases: drizzle leaves columns of the outer table unqualified in a select.
      feedbackCount: sql<number>`(select count(*) from feedback f where f.customer_id = "customers"."id")::int`,
      featureCount: sql<number>`(select count(distinct l.feature_id) from feedback_links l
        join feedback f on f.id = l.feedback_id where f.customer_id = "customers"."id")::int`,
    })
    .from(customers)
    .where(and(...conditions))
    .orderBy(asc(sql`lower(${customers.name})`), asc(customers.id));
  return rows.map((row) => ({
    ...toCustomerView(row.customer),
    feedbackCount: row.feedbackCount,
    featureCount: row.featureCount,
  }));
}

/** One customer. */
export async function getCustomer(db: Database, userId: string, customerId: string): Promise<CustomerView> {
  return toCustomerView(await visibleCustomer(db, userId, customerId));
}

/** Inserts a customer in a transaction the caller holds (the CSV import adds the customers it does not know). */
export async function insertCustomer(
  tx: Transaction,
  userId: string,
  workspaceId: string,
  input: CustomerInput,
): Promise<CustomerView> {
  const [row] = await tx
    .insert(customers)
    .values({
      id: newId('cus'),
      workspaceId,
      name: input.name,
      segment: input.segment ?? '',
      revenueCents: input.revenueCents ?? 0,
      tier: input.tier ?? 'standard',
      notes: input.notes ?? '',
    })
    .onConflictDoNothing()
    .returning();
  if (!row) throw duplicateName(input.name);
  const view = toCustomerView(row);
  await recordChange(tx, userId, customerSubject(row), 'create', null, view);
  return view;
}

/** Adds a customer to the workspace; 409 when the name (any case) is taken. */
export async function createCustomer(
  db: Database,
  userId: string,
  workspaceId: string,
  input: CustomerInput,
): Promise<CustomerView> {
  await assertCustomerAccess(db, userId, workspaceId);
  return writeTransaction(db, (tx) => insertCustomer(tx, userId, workspaceId, input));
}

/** Changes a customer at the expected version. */
export async function updateCustomer(
  db: Database,
  userId: string,
  customerId: string,
  expectedVersion: number,
  changes: Changes<CustomerInput>,
): Promise<CustomerView> {
  try {
    return await writeTransaction(db, async (tx) => {
      const row = await visibleCustomer(tx, userId, customerId, true);
      const before = toCustomerView(row);
      assertVersion(`Customer ${customerId}`, before, expectedVersion);
      const [next] = await tx
        .update(customers)
        .set({ ...definedOnly(changes), version: sql`${customers.version} + 1`, updatedAt: sql`now()` })
        .where(eq(customers.id, customerId))
        .returning();
      if (!next) throw new Error(`customer ${customerId} vanished while locked`);
      // Tier and revenue weigh on the demand of every feature the customer asked for.
      if (next.tier !== row.tier || next.revenueCents !== row.revenueCents)
        await refreshDemand(tx, await featuresAskedFor(tx, { customerId }));
      const after = toCustomerView(next);
      await recordChange(tx, userId, customerSubject(next), 'update', before, after);
      return after;
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw duplicateName(changes.name ?? '');
    throw error;
  }
}

/** Deletes a customer at the expected version; their feedback stays, from no known customer. */
export async function deleteCustomer(
  db: Database,
  userId: string,
  customerId: string,
  expectedVersion: number,
): Promise<void> {
  await writeTransaction(db, async (tx) => {
    const row = await visibleCustomer(tx, userId, customerId, true);
    const before = toCustomerView(row);
    assertVersion(`Customer ${customerId}`, before, expectedVersion);
    const asked = await featuresAskedFor(tx, { customerId });
    await tx.delete(customers).where(eq(customers.id, customerId));
    // Their feedback now counts as from no known customer, each piece on its own.
    await refreshDemand(tx, asked);
    await recordChange(tx, userId, customerSubject(row), 'delete', before, null);
  });
}
